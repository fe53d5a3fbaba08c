/** 江苏省 (苏): Individual sites named only 某某的个人博客 or 某某的个人主页, own authenticity checks from 2021-06-01, 版权所有 footer. */
import { FILINGS_WITH_DATA, individualFilingRegion, mobileRegion2017, reviewEstimate } from './kit/common.js';
import { defineProvince } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineProvince({
  code: 'jiangsu',
  name: '江苏省',
  shortName: '江苏',
  nameEn: 'Jiangsu',
  abbreviation: '苏',
  divisionCode: '32',
  source: cite('identity'),

  naming: [
    {
      id: 'individual-name-pattern',
      kind: 'required-pattern',
      appliesTo: 'individual',
      patterns: ['{subject}的个人博客', '{subject}的个人主页'],
      remarkRequired: true,
      replaces: ['national/individual-banned-words', 'national/pre-approval-words', 'national/not-personal-name'],
      title: {
        zh: '江苏管局要求个人备案网站名称只能填写某某的个人博客或者某某的个人主页，并在备注中说明网站开通后的主要内容',
        en: 'Jiangsu: individual sites are named 某某的个人博客 or 某某的个人主页, with the main content in the remark',
      },
      source: cite('seed002', '附录二'),
      note: '某某 is read as the subject\'s own name. The pattern takes the place of the national bans it contradicts (主页, 博客, the personal name).',
    },
  ],

  reviewEstimates: [reviewEstimate('1 周')],

  requirements: [
    {
      id: 'authenticity-verification',
      kind: 'procedure',
      appliesTo: 'all',
      filingTypes: FILINGS_WITH_DATA,
      enforcement: 'error',
      effectiveFrom: '2021-06-01',
      title: {
        zh: '按照“江苏省ICP备案真实性核验工作新要求”进行真实性核验',
        en: 'Authenticity verification follows Jiangsu\'s own requirements',
      },
      source: cite('seed003', '真实性核验'),
    },
    {
      id: 'copyright-footer',
      kind: 'after-approval',
      appliesTo: 'all',
      filingTypes: FILINGS_WITH_DATA,
      enforcement: 'error',
      title: { zh: '网站底部须添加版权所有', en: 'The site footer shows 版权所有' },
      source: cite('seed001', 'ICP备案后下一步操作'),
    },
    individualFilingRegion('local-id-or-residence-permit'),
    mobileRegion2017(),
  ],
});
