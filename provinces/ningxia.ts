/** 宁夏回族自治区 (宁): Individual naming bans; SMS pilot from 2017-12-18; domains held by the organisation; local IDs only. */
import { domainHolderOrganisation, individualBannedWords, individualFilingRegion, mobileRegion2017, smsPilot } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'ningxia',
  name: '宁夏回族自治区',
  shortName: '宁夏',
  nameEn: 'Ningxia',
  abbreviation: '宁',
  divisionCode: '64',
  source: cite('identity'),

  naming: [
    individualBannedWords({ zh: '宁夏', en: 'Ningxia' }, '网、技术、信息、工作室、资讯、网站、网络、网址、爱好者、作品展示、工作室、平台、主页、热线、社团、导航、博客、论坛、在线、社区、交流、网站、营销、商城、交易、折扣、定做、定制、购、返现、购物、贸易、导购、淘宝、网淘、阿里、诚信通、旺铺、网购、批发、市场、利润、团购、易购、商务。'),
  ],

  smsMandates: [smsPilot('2017-12-18')],

  requirements: [
    individualFilingRegion('local-id-only'),
    domainHolderOrganisation(),
    mobileRegion2017(),
  ],
});
