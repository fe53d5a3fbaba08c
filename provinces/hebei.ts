/** 河北省 (冀): Individual naming bans and same-city addresses. */
import { addressSameCity, individualBannedWords } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'hebei',
  name: '河北省',
  shortName: '河北',
  nameEn: 'Hebei',
  abbreviation: '冀',
  divisionCode: '13',
  source: cite('identity'),

  naming: [
    individualBannedWords({ zh: '河北', en: 'Hebei' }, '工作室、官网、企业、中心、学院、彩票、体彩、刮刮乐、工作室、社团、论坛、社区、商城、淘宝、团购。'),
  ],

  requirements: [
    addressSameCity(),
  ],
});
