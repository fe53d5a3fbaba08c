/** 北京市 (京): Individual naming bans, refused ccTLDs, 管局 review about two weeks. */
import { FILINGS_WITH_DATA, individualBannedWords, mobileRegion2017, reviewEstimate } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'beijing',
  name: '北京市',
  shortName: '北京',
  nameEn: 'Beijing',
  abbreviation: '京',
  divisionCode: '11',
  source: cite('identity'),

  naming: [
    individualBannedWords({ zh: '北京', en: 'Beijing' }, '合伙、评论、中心、售后、学院、社团、博客、论坛、社区、返现、团购。'),
  ],

  reviewEstimates: [reviewEstimate('2 周')],

  requirements: [
    {
      id: 'refused-tlds',
      kind: 'refused-tlds',
      tlds: ['hk', 'tw', 'io', 'me'],
      appliesTo: 'all',
      filingTypes: FILINGS_WITH_DATA,
      enforcement: 'error',
      title: { zh: '不接受 .hk、.tw、.io、.me 等国家或地区顶级域名', en: 'Country-code domains such as .hk, .tw, .io, .me are refused' },
      source: cite('providerKb'),
      note: 'The source lists these as examples (such as); only they are checked.',
    },
    mobileRegion2017(),
  ],
});
