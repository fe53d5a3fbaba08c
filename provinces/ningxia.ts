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
  aliases: ['宁夏自治区'],

  naming: [
    individualBannedWords({ zh: '宁夏', en: 'Ningxia' }, '网、技术、信息、工作室、资讯、网站、网络、网址、爱好者、作品展示、工作室、平台、主页、热线、社团、导航、博客、论坛、在线、社区、交流、网站、营销、商城、交易、折扣、定做、定制、购、返现、购物、贸易、导购、淘宝、网淘、阿里、诚信通、旺铺、网购、批发、市场、利润、团购、易购、商务。', {
      falsePositiveProne: ['网', '购'],
      note: '网 and 购 are listed verbatim as single characters; alone they also hit everyday words (网上, 采购), so a match is a warning quoting its context. The words proper (网站, 网络, 购物, 网购 …) are listed separately and stay errors.',
    }),
  ],

  smsMandates: [smsPilot('2017-12-18')],

  requirements: [
    individualFilingRegion('local-id-only'),
    domainHolderOrganisation(),
    mobileRegion2017(),
  ],
});
