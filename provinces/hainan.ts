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
      enforcement: 'advisory',
      note:
        'Undated provider knowledge (public:provider-kb) that contradicts seed 002 表3-1 (2019-08-16), which lists no such limit for this province (非湖北、陕西、河南省份: 同一个备案订单下,一次可以备案多个网站,每个网站对应一个域名). A rule overriding a seed needs a source dated after it; this one has none, so it is advisory: a warning, never a refusal.',
      filingTypes: ['FIRST'],
      appliesTo: 'individual',
      maxNewDomains: 1,
      title: { zh: '个人首次备案一次只能备案一个域名', en: 'An individual\'s first filing carries one domain' },
      source: cite('providerKb'),
    },
  ],

  smsMandates: [smsPilot('2017-12-18')],
});
