/** 辽宁省 (辽): Individual naming bans; 管局 review about a week. */
import { individualBannedWords, mobileRegion2017, reviewEstimate } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'liaoning',
  name: '辽宁省',
  shortName: '辽宁',
  nameEn: 'Liaoning',
  abbreviation: '辽',
  divisionCode: '21',
  source: cite('identity'),

  naming: [
    individualBannedWords({ zh: '辽宁', en: 'Liaoning' }, '合伙、大众、维修、沙龙、工作室、互联、官网、品牌、行业、宣传、电商、企业、管理、工坊、传播、咨询、投资、贸易、产业、养殖、传媒、媒体、股票、证券、彩票、体彩、咨询、网络、网址、平台、论坛、站长网、商城、交易、折扣、购、购物、返现、易购、淘宝、网淘、网购、旺铺、团购。', {
      falsePositiveProne: ['购'], allow: ['采购'],
      note: '购 is listed verbatim as a single character; alone it also hits everyday words (采购, 购买), so a match is a warning quoting its context. The shopping words proper (购物, 网购, 团购, 易购 …) are listed separately and stay errors. 采购 (procurement) is allowed outright: it is not shopping.',
    }),
  ],

  reviewEstimates: [reviewEstimate('1 周')],

  requirements: [
    mobileRegion2017(),
  ],
});
