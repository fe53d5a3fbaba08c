/** 海南省 (琼): SMS pilot from 2017-12-18; an individual's first filing carries one domain. */
import { smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'hainan',
  name: '海南省',
  shortName: '海南',
  nameEn: 'Hainan',
  abbreviation: '琼',
  divisionCode: '46',
  source: cite('identity'),

  siteLimits: [
    {
      id: 'individual-first-filing-domains',
      filingTypes: ['FIRST'],
      appliesTo: 'individual',
      maxNewDomains: 1,
      title: { zh: '个人首次备案一次只能备案一个域名', en: 'An individual\'s first filing carries one domain' },
      source: cite('providerKb'),
    },
  ],

  smsMandates: [smsPilot('2017-12-18')],
});
