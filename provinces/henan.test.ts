import { testProvince } from './kit/tester.js';

testProvince('henan', {
  seed: {
    individualBannedWords:
      '合伙、框架、大众、维修、设计、沙龙、艺术、评论、工作室、官网、服务、转让、品牌、排行榜、行业、宣传、电商、报价、企业、管理、工坊、传播、中心、交流、咨询、投资、售后、学院、贸易、旗舰、产业、农业、传媒、管理、系统、媒体、股票、证券、彩票、体彩、刮刮乐、工作室、热线、社团、导航、论坛、在线、社区、交流、营销、商城、交易、折扣、定做、定制、购、返现、购物、贸易、导购、淘宝、网淘、阿里、诚信通、旺铺、网购、批发、市场、利润、团购、易购、商务。',
    reviewEstimate: '1 周',
    smsPilotFrom: '2018-09-24',
  },
  names: {
    valid: [{ name: '王小明的读书笔记', subjectName: '王小明' }],
    invalid: [
      { name: '王小明的购物分享', subjectName: '王小明', errors: [{ rule: 'henan/individual-banned-words', matched: '购物' }] },
      // Seed 002 附录二 河南省 row lists 购 verbatim; alone it hits 采购, so the match is a warning with its context.
      {
        name: '王小明的采购笔记',
        subjectName: '王小明',
        errors: [{ rule: 'henan/individual-banned-words', matched: '购', severity: 'warning', context: '…小明的采[购]笔记' }],
      },
      {
        name: '小明的艺术设计',
        subjectName: '王小明',
        errors: [
          { rule: 'henan/individual-banned-words', matched: '艺术' },
          { rule: 'henan/individual-banned-words', matched: '设计' },
        ],
      },
    ],
  },
  siteLimits: [
    { filingType: 'FIRST', nature: 'INDIVIDUAL', expect: { maxWebsites: 3, maxDomainsPerWebsite: 1 } },
    { filingType: 'ADD_WEBSITE', nature: 'INDIVIDUAL', expect: { maxWebsites: 3, maxDomainsPerWebsite: 1 } },
    { filingType: 'FIRST', nature: 'ENTERPRISE', expect: { maxWebsites: 5, maxDomainsPerWebsite: 1 } },
    { filingType: 'ADD_WEBSITE', nature: 'SOCIAL_ORGANIZATION', expect: { maxWebsites: 5 } },
  ],
  siteCounts: {
    valid: [
      { filingType: 'FIRST', nature: 'INDIVIDUAL', websites: [['a.cn'], ['b.cn'], ['c.cn']] },
      { filingType: 'FIRST', nature: 'ENTERPRISE', websites: [['a.cn'], ['b.cn'], ['c.cn'], ['d.cn'], ['e.cn']] },
    ],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        websites: [['a.cn'], ['b.cn'], ['c.cn'], ['d.cn']],
        errors: [{ rule: 'henan/individual-websites-per-order', field: 'websites', matched: '4' }],
      },
      {
        filingType: 'ADD_WEBSITE',
        nature: 'ENTERPRISE',
        websites: [['a.cn'], ['b.cn'], ['c.cn'], ['d.cn'], ['e.cn'], ['f.cn', 'f.com']],
        errors: [
          { rule: 'henan/organisation-websites-per-order', field: 'websites', matched: '6' },
          { rule: 'henan/organisation-websites-per-order', field: 'websites[5].domains', matched: '2' },
        ],
      },
    ],
  },
  estimates: [{ submittedAt: '2024-09-27T10:00:00+08:00', expect: { minWorkingDays: 5, maxWorkingDays: 5, earliest: '2024-10-10' } }],
  requirements: {
    valid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: {
          certificateType: 'RESIDENT_ID',
          certificateNumber: '410102199001011234',
          certificateAddress: { province: '河南', city: '郑州' },
          communicationAddress: { province: '河南', city: '郑州' },
        },
      },
    ],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: {
          certificateType: 'RESIDENT_ID',
          certificateNumber: '11010519491231002X',
          certificateAddress: { province: '河南', city: '郑州' },
          communicationAddress: { province: '河南', city: '洛阳' },
        },
        errors: [{ rule: 'henan/individual-filing-region', matched: '北京' }, 'henan/address-same-city'],
      },
    ],
  },
});
