import { testProvince } from './kit/tester.js';

testProvince('guizhou', {
  seed: {
    individualBannedWords:
      '评论、信息、互联、官网、排行榜、行业、宣传、电商、售后、学院、传媒、媒体、股票、证券、彩票、体彩、刮刮乐、资讯、网址、平台、主页、热线、导航、博客、论坛、在线、社区、交流、营销、商城、交易、折扣、购、返现、购物、导购、淘宝、网淘、旺铺、网购、批发、团购、易购。',
    reviewEstimate: '1 周',
    smsPilotFrom: null,
  },
  names: {
    valid: [{ name: '王小明的读书笔记', subjectName: '王小明' }],
    invalid: [
      {
        name: '王小明的资讯',
        subjectName: '王小明',
        errors: [
          { rule: 'national/individual-banned-words', matched: '资讯' },
          { rule: 'guizhou/individual-banned-words', matched: '资讯' },
        ],
      },
      {
        name: '小明的淘宝导购',
        subjectName: '王小明',
        errors: [
          { rule: 'guizhou/individual-banned-words', matched: '淘宝' },
          { rule: 'guizhou/individual-banned-words', matched: '导购' },
        ],
      },
    ],
  },
  estimates: [{ submittedAt: '2024-09-27T10:00:00+08:00', expect: { minWorkingDays: 5, maxWorkingDays: 5 } }],
  requirements: {
    valid: [
      { filingType: 'FIRST', nature: 'INDIVIDUAL', subject: { certificateType: 'RESIDENT_ID', certificateNumber: '520102199001011234' } },
      {
        filingType: 'FIRST',
        nature: 'ENTERPRISE',
        subject: { certificateAddress: { province: '贵州', city: '贵阳' }, communicationAddress: { province: '贵州省', city: '贵阳市' } },
      },
    ],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'ENTERPRISE',
        subject: { certificateAddress: { province: '贵州', city: '贵阳市' }, communicationAddress: { province: '贵州', city: '遵义市' } },
        errors: [{ rule: 'guizhou/address-same-city', field: 'subject.communicationAddress' }],
      },
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '11010519491231002X' },
        errors: [{ rule: 'guizhou/individual-filing-region', matched: '北京' }],
      },
    ],
  },
});
