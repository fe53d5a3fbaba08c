/** 浙江省 (浙): Individual naming bans, HK/Macau identity numbers for SMS checks, access method 虚拟主机, 30-day review limit. */
import { individualBannedWords, individualFilingRegion, reviewEstimate, smsPilot, virtualHostAccess } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

/** Documents only this module cites. */
const sources = {
  reviewLimit: {
    key: 'public:zhejiang-review-limit',
    title: '浙江通信管理局 filing review period as documented by access providers: up to 30 working days',
  },
};

export default defineProvince({
  sources,
  code: 'zhejiang',
  name: '浙江省',
  shortName: '浙江',
  nameEn: 'Zhejiang',
  abbreviation: '浙',
  divisionCode: '33',
  source: cite('identity'),

  naming: [
    individualBannedWords({ zh: '浙江', en: 'Zhejiang' }, '工作室、官网、行业、电商、企业、工坊、中心、产业、农业、养殖、股票、证券、彩票、体彩、刮刮乐、博客、论坛、在线、社区。'),
  ],

  smsMandates: [smsPilot('2018-09-10')],

  certificateSuffixes: [
    {
      id: 'hk-macau-identity-suffix',
      certificateTypes: ['HK_MACAU_TRAVEL_PERMIT'],
      from: 'hk-macau-identity-number',
      length: 6,
      fullWidthParentheses: true,
      title: {
        zh: '使用港澳通行证时，填写港澳通行证背面的香港/澳门身份证件号码后6位，例如：567（8），括号需使用全角输入',
        en: 'With an HK/Macau travel permit, the last 6 characters of the HK/Macau identity number on its back, e.g. 567（8）, full-width parentheses',
      },
      source: cite('seed002', '8 短信核验操作步骤'),
    },
  ],

  reviewEstimates: [reviewEstimate('1 周')],

  reviewLimits: [
    {
      id: 'review-limit',
      workingDays: 30,
      title: { zh: '浙江管局审核时限为30个工作日', en: 'The Zhejiang 管局 may take up to 30 working days' },
      source: cite(sources.reviewLimit),
    },
  ],

  requirements: [
    virtualHostAccess(),
    individualFilingRegion('local-id-or-residence-permit'),
  ],
});
