/** 河南省 (豫): Individual naming bans, 3 (individuals) or 5 (organisations) websites per order, same-city addresses, local IDs only. */
import { addressSameCity, individualBannedWords, individualFilingRegion, reviewEstimate, smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'henan',
  name: '河南省',
  shortName: '河南',
  nameEn: 'Henan',
  abbreviation: '豫',
  divisionCode: '41',
  source: cite('identity'),

  naming: [
    individualBannedWords({ zh: '河南', en: 'Henan' }, '合伙、框架、大众、维修、设计、沙龙、艺术、评论、工作室、官网、服务、转让、品牌、排行榜、行业、宣传、电商、报价、企业、管理、工坊、传播、中心、交流、咨询、投资、售后、学院、贸易、旗舰、产业、农业、传媒、管理、系统、媒体、股票、证券、彩票、体彩、刮刮乐、工作室、热线、社团、导航、论坛、在线、社区、交流、营销、商城、交易、折扣、定做、定制、购、返现、购物、贸易、导购、淘宝、网淘、阿里、诚信通、旺铺、网购、批发、市场、利润、团购、易购、商务。', {
      falsePositiveProne: ['购'],
      note: '购 is listed verbatim as a single character; alone it also hits everyday words (采购, 购买), so a match is a warning quoting its context. The shopping words proper (购物, 网购, 团购, 易购 …) are listed separately and stay errors.',
    }),
  ],

  siteLimits: [
    {
      id: 'individual-websites-per-order',
      filingTypes: ['FIRST', 'ADD_WEBSITE'],
      appliesTo: 'individual',
      maxWebsites: 3,
      maxDomainsPerWebsite: 1,
      title: { zh: '个人：同一个备案订单下，一次可以备案三个网站，每个网站对应一个域名', en: 'Individuals: up to 3 websites per order, one domain each' },
      source: cite('seed002', '表3-1'),
    },
    {
      id: 'organisation-websites-per-order',
      filingTypes: ['FIRST', 'ADD_WEBSITE'],
      appliesTo: 'organisation',
      maxWebsites: 5,
      maxDomainsPerWebsite: 1,
      title: { zh: '单位：同一个备案订单下，一次可以备案五个网站，每个网站对应一个域名', en: 'Organisations: up to 5 websites per order, one domain each' },
      source: cite('seed002', '表3-1'),
    },
  ],

  smsMandates: [smsPilot('2018-09-24')],

  reviewEstimates: [reviewEstimate('1 周')],

  requirements: [
    individualFilingRegion('local-id-only'),
    addressSameCity(),
  ],
});
