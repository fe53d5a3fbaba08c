/** 湖北省 (鄂): Individual naming bans, one website and one domain per new filing, SMS pilot from 2018-09-24. */
import { individualBannedWords, individualFilingRegion, reviewEstimate, smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'hubei',
  name: '湖北省',
  shortName: '湖北',
  nameEn: 'Hubei',
  abbreviation: '鄂',
  divisionCode: '42',
  source: cite('identity'),

  naming: [
    individualBannedWords({ zh: '湖北', en: 'Hubei' }, '官网、行业、电商、企业、学院、论坛、商城、团购。'),
  ],

  siteLimits: [
    {
      id: 'websites-per-order',
      filingTypes: ['FIRST', 'ADD_WEBSITE'],
      appliesTo: 'all',
      maxWebsites: 1,
      maxDomainsPerWebsite: 1,
      title: { zh: '同一个备案订单下，一次只能备案一个网站且对应一个域名', en: 'One website with one domain per order' },
      source: cite('seed002', '表3-1'),
      note: 'Seed 003 agrees: 湖北省一次只能备案一个app或者域名.',
    },
    {
      id: 'items-per-order',
      filingTypes: ['FIRST', 'ADD_WEBSITE'],
      appliesTo: 'all',
      maxItems: 1,
      title: { zh: '一次只能备案一个APP或者域名', en: 'One APP or one domain per order' },
      source: cite('seed003', '填写互联网信息'),
      seedText: '湖南省,湖北省一次只能备案一个app或者域名',
      note: 'Counts every internet-information item of the order (websites, APPs, mini-programs, quick apps): a website and an APP together are two.',
    },
  ],

  smsMandates: [smsPilot('2018-09-24')],

  reviewEstimates: [reviewEstimate('2 周')],

  requirements: [
    individualFilingRegion('local-id-or-residence-permit'),
  ],
});
