/** 江西省 (赣): 管局 review about two weeks; subjects with many sites add one domain per order. */
import { individualFilingRegion, reviewEstimate } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'jiangxi',
  name: '江西省',
  shortName: '江西',
  nameEn: 'Jiangxi',
  abbreviation: '赣',
  divisionCode: '36',
  source: cite('identity'),

  siteLimits: [
    {
      id: 'individual-existing-sites',
      enforcement: 'advisory',
      note:
        'Undated provider knowledge (public:provider-kb) that contradicts seed 002 表3-1 (2019-08-16), which lists no such limit for this province (非湖北、陕西、河南省份: 同一个备案订单下,一次可以备案多个网站,每个网站对应一个域名). A rule overriding a seed needs a source dated after it; this one has none, so it is advisory: a warning, never a refusal.',
      filingTypes: ['FIRST', 'ADD_WEBSITE'],
      appliesTo: 'individual',
      maxNewDomains: 1,
      existingWebsitesAbove: 7,
      title: { zh: '个人已备案网站超过7个时，每次只能新增一个域名', en: 'Individuals with more than 7 sites add one domain per order' },
      source: cite('providerKb'),
    },
    {
      id: 'organisation-existing-sites',
      enforcement: 'advisory',
      note:
        'Undated provider knowledge (public:provider-kb) that contradicts seed 002 表3-1 (2019-08-16), which lists no such limit for this province (非湖北、陕西、河南省份: 同一个备案订单下,一次可以备案多个网站,每个网站对应一个域名). A rule overriding a seed needs a source dated after it; this one has none, so it is advisory: a warning, never a refusal.',
      filingTypes: ['FIRST', 'ADD_WEBSITE'],
      appliesTo: 'organisation',
      maxNewDomains: 1,
      existingWebsitesAbove: 15,
      title: { zh: '单位已备案网站超过15个时，每次只能新增一个域名', en: 'Organisations with more than 15 sites add one domain per order' },
      source: cite('providerKb'),
    },
  ],

  reviewEstimates: [reviewEstimate('2 周')],

  requirements: [
    individualFilingRegion('local-id-or-residence-permit'),
  ],
});
