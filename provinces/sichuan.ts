/** 四川省 (川): One website and one domain per order; SMS pilot from 2018-09-10; 管局 review about two weeks. */
import { reviewEstimate, smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'sichuan',
  name: '四川省',
  shortName: '四川',
  nameEn: 'Sichuan',
  abbreviation: '川',
  divisionCode: '51',
  source: cite('identity'),

  siteLimits: [
    {
      id: 'websites-per-order',
      enforcement: 'advisory',
      note:
        'Undated provider knowledge (public:provider-kb) that contradicts seed 002 表3-1 (2019-08-16), which lists no such limit for this province (非湖北、陕西、河南省份: 同一个备案订单下,一次可以备案多个网站,每个网站对应一个域名). A rule overriding a seed needs a source dated after it; this one has none, so it is advisory: a warning, never a refusal.',
      filingTypes: ['FIRST', 'ADD_WEBSITE'],
      appliesTo: 'all',
      maxWebsites: 1,
      maxDomainsPerWebsite: 1,
      title: { zh: '一次只能备案一个网站且对应一个域名', en: 'One website with one domain per order' },
      source: cite('providerKb'),
    },
  ],

  smsMandates: [smsPilot('2018-09-10')],

  reviewEstimates: [reviewEstimate('2 周')],
});
