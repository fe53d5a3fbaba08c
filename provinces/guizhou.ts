/** 贵州省 (黔): Individual naming bans, same-city addresses, local IDs only, 管局 review about a week. */
import { addressSameCity, individualBannedWords, individualFilingRegion, reviewEstimate } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'guizhou',
  name: '贵州省',
  shortName: '贵州',
  nameEn: 'Guizhou',
  abbreviation: '黔',
  divisionCode: '52',
  source: cite('identity'),

  naming: [
    individualBannedWords({ zh: '贵州', en: 'Guizhou' }, '评论、信息、互联、官网、排行榜、行业、宣传、电商、售后、学院、传媒、媒体、股票、证券、彩票、体彩、刮刮乐、资讯、网址、平台、主页、热线、导航、博客、论坛、在线、社区、交流、营销、商城、交易、折扣、购、返现、购物、导购、淘宝、网淘、旺铺、网购、批发、团购、易购。', {
      falsePositiveProne: ['购'],
      note: '购 is listed verbatim as a single character; alone it also hits everyday words (采购, 购买), so a match is a warning quoting its context. The shopping words proper (购物, 网购, 团购, 易购 …) are listed separately and stay errors.',
    }),
  ],

  reviewEstimates: [reviewEstimate('1 周')],

  requirements: [
    individualFilingRegion('local-id-only'),
    addressSameCity(),
  ],
});
