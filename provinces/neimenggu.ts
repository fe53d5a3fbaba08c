/** 内蒙古自治区 (蒙): Individual naming bans; SMS pilot from 2018-09-24; local IDs only. */
import { individualBannedWords, individualFilingRegion, smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'neimenggu',
  name: '内蒙古自治区',
  shortName: '内蒙古',
  nameEn: 'Inner Mongolia',
  abbreviation: '蒙',
  divisionCode: '15',
  source: cite('identity'),
  aliases: ['内蒙'],

  naming: [
    individualBannedWords({ zh: '内蒙古', en: 'Inner Mongolia' }, '学院、股票、证券、彩票、体彩、刮刮乐、导航、博客、论坛、在线、营销、商城、交易、折扣、购、返现、购物、导购、淘宝、网淘、网购、利润、团购、易购。', {
      falsePositiveProne: ['购'],
      note: '购 is listed verbatim as a single character; alone it also hits everyday words (采购, 购买), so a match is a warning quoting its context. The shopping words proper (购物, 网购, 团购, 易购 …) are listed separately and stay errors.',
    }),
  ],

  smsMandates: [smsPilot('2018-09-24')],

  requirements: [
    individualFilingRegion('local-id-only'),
  ],
});
