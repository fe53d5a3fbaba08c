/** 新疆维吾尔自治区 (新): One website and one domain per order; SMS pilot from 2017-12-18; domains held by the organisation; local IDs only. */
import { domainHolderOrganisation, individualFilingRegion, mobileRegion2017, smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'xinjiang',
  name: '新疆维吾尔自治区',
  shortName: '新疆',
  nameEn: 'Xinjiang',
  abbreviation: '新',
  divisionCode: '65',
  source: cite('identity'),
  aliases: ['新疆自治区'],

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

  smsMandates: [smsPilot('2017-12-18')],

  requirements: [
    individualFilingRegion('local-id-only'),
    domainHolderOrganisation(),
    mobileRegion2017(),
  ],
});
