/** 湖南省 (湘): Individual naming bans, one website or app per order, local mobile numbers for individuals. */
import { FILINGS_WITH_DATA, individualBannedWords, mobileRegion2017, smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'hunan',
  name: '湖南省',
  shortName: '湖南',
  nameEn: 'Hunan',
  abbreviation: '湘',
  divisionCode: '43',
  source: cite('identity'),

  naming: [
    individualBannedWords({ zh: '湖南', en: 'Hunan' }, '官网、电商、报价、企业、售后、学院、产业、媒体、博客、论坛、营销、商城、交易、折扣、定做、定制、购、返现、购物、贸易、导购、淘宝、网淘、阿里、诚信通、旺铺、网购、批发、市场、利润、团购、易购、商务。', {
      falsePositiveProne: ['购'],
      note: '购 is listed verbatim as a single character; alone it also hits everyday words (采购, 购买), so a match is a warning quoting its context. The shopping words proper (购物, 网购, 团购, 易购 …) are listed separately and stay errors.',
    }),
  ],

  siteLimits: [
    {
      id: 'websites-per-order',
      filingTypes: ['FIRST', 'ADD_WEBSITE'],
      appliesTo: 'all',
      maxWebsites: 1,
      maxDomainsPerWebsite: 1,
      maxItems: 1,
      title: { zh: '一次只能备案一个app或者域名', en: 'One website (or app) with one domain per order' },
      source: cite('seed003', '填写互联网信息'),
      seedText: '湖南省,湖北省一次只能备案一个app或者域名',
      note: '`maxItems` counts every internet-information item of the order (websites, APPs, mini-programs, quick apps).',
    },
  ],

  smsMandates: [smsPilot('2018-09-24')],

  requirements: [
    {
      id: 'mobile-region',
      kind: 'mobile-region',
      appliesTo: 'individual',
      filingTypes: FILINGS_WITH_DATA,
      enforcement: 'error',
      title: {
        zh: '个人备案负责人手机号码归属地须为湖南省',
        en: 'Individuals\' principal mobile numbers are registered in Hunan',
      },
      source: cite('providerKb'),
    },
    mobileRegion2017(),
  ],
});
