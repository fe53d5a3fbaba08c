/** 山西省 (晋): At most 3 new domains per order; SMS pilot from 2018-09-24; local IDs only. */
import { individualFilingRegion, smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'shanxi',
  name: '山西省',
  shortName: '山西',
  nameEn: 'Shanxi',
  abbreviation: '晋',
  divisionCode: '14',
  source: cite('identity'),

  siteLimits: [
    {
      id: 'new-domains-per-order',
      enforcement: 'advisory',
      note:
        'Undated provider knowledge (public:provider-kb) that contradicts seed 002 表3-1 (2019-08-16), which lists no such limit for this province (非湖北、陕西、河南省份: 同一个备案订单下,一次可以备案多个网站,每个网站对应一个域名). A rule overriding a seed needs a source dated after it; this one has none, so it is advisory: a warning, never a refusal.',
      filingTypes: ['FIRST', 'ADD_WEBSITE'],
      appliesTo: 'all',
      maxNewDomains: 3,
      title: { zh: '一次最多新增3个域名', en: 'At most 3 new domains per order' },
      source: cite('providerKb'),
    },
  ],

  smsMandates: [smsPilot('2018-09-24')],

  requirements: [
    individualFilingRegion('local-id-only'),
  ],
});
