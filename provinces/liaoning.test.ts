import { testProvince } from './kit/tester.js';

testProvince('liaoning', {
  seed: {
    individualBannedWords:
      '合伙、大众、维修、沙龙、工作室、互联、官网、品牌、行业、宣传、电商、企业、管理、工坊、传播、咨询、投资、贸易、产业、养殖、传媒、媒体、股票、证券、彩票、体彩、咨询、网络、网址、平台、论坛、站长网、商城、交易、折扣、购、购物、返现、易购、淘宝、网淘、网购、旺铺、团购。',
    reviewEstimate: '1 周',
    smsPilotFrom: null,
  },
  names: {
    valid: [
      { name: '王小明的读书笔记', subjectName: '王小明' },
      // The module's allow-list: 采购 (procurement) is not shopping, so 购 inside it is no match.
      { name: '王小明的采购笔记', subjectName: '王小明' },
    ],
    invalid: [
      { name: '王小明的站长网笔记', subjectName: '王小明', errors: [{ rule: 'liaoning/individual-banned-words', matched: '站长网' }] },
      { name: '王小明的养殖心得', subjectName: '王小明', errors: [{ rule: 'liaoning/individual-banned-words', matched: '养殖' }] },
      // 购 is listed verbatim (seed 002 附录二 辽宁省 row) and prone to false positives: a warning with its context.
      {
        name: '王小明的购买清单',
        subjectName: '王小明',
        errors: [{ rule: 'liaoning/individual-banned-words', matched: '购', severity: 'warning', context: '王小明的[购]买清单' }],
      },
    ],
  },
  requirements: { valid: [{ filingType: 'FIRST', nature: 'INDIVIDUAL' }], invalid: [] },
  estimates: [{ submittedAt: '2024-09-27T10:00:00+08:00', expect: { minWorkingDays: 5, maxWorkingDays: 5 } }],
});
