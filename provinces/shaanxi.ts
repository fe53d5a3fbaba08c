/** 陕西省 (陕): Five websites on a first filing; SMS pilot from 2018-09-10; domains held by the organisation. */
import { domainHolderOrganisation, reviewEstimate, smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'shaanxi',
  name: '陕西省',
  shortName: '陕西',
  nameEn: 'Shaanxi',
  abbreviation: '陕',
  divisionCode: '61',
  source: cite('identity'),

  siteLimits: [
    {
      id: 'first-filing-websites',
      filingTypes: ['FIRST'],
      appliesTo: 'all',
      maxWebsites: 5,
      maxDomainsPerWebsite: 1,
      title: { zh: '首次备案：同一个备案订单下，一次可以备案五个网站，每个网站对应一个域名', en: 'First filing: up to 5 websites per order, one domain each' },
      source: cite('seed002', '表3-1'),
    },
    {
      id: 'add-website-websites',
      filingTypes: ['ADD_WEBSITE'],
      appliesTo: 'all',
      maxWebsites: null,
      maxDomainsPerWebsite: 1,
      title: { zh: '新增网站：同一个备案订单下，一次可以备案多个网站，每个网站对应一个域名', en: 'Adding websites: several per order, one domain each' },
      source: cite('seed002', '表3-1'),
    },
  ],

  smsMandates: [smsPilot('2018-09-10')],

  reviewEstimates: [reviewEstimate('1 周')],

  requirements: [
    domainHolderOrganisation(),
  ],
});
