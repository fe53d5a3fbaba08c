import { testProvince } from './kit/tester.js';

testProvince('hunan', {
  seed: {
    individualBannedWords:
      '官网、电商、报价、企业、售后、学院、产业、媒体、博客、论坛、营销、商城、交易、折扣、定做、定制、购、返现、购物、贸易、导购、淘宝、网淘、阿里、诚信通、旺铺、网购、批发、市场、利润、团购、易购、商务。',
    reviewEstimate: null,
    smsPilotFrom: '2018-09-24',
  },
  names: {
    valid: [{ name: '王小明的读书笔记', subjectName: '王小明' }],
    invalid: [{ name: '王小明的报价单', subjectName: '王小明', errors: [{ rule: 'hunan/individual-banned-words', matched: '报价' }] }],
  },
  siteLimits: [
    { filingType: 'FIRST', nature: 'ENTERPRISE', expect: { maxWebsites: 1, maxDomainsPerWebsite: 1 } },
    { filingType: 'ADD_WEBSITE', nature: 'INDIVIDUAL', expect: { maxWebsites: 1, maxDomainsPerWebsite: 1 } },
  ],
  siteCounts: {
    valid: [{ filingType: 'ADD_WEBSITE', nature: 'ENTERPRISE', websites: [['a.cn']] }],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'ENTERPRISE',
        websites: [['a.cn'], ['b.cn']],
        errors: [
          { rule: 'hunan/websites-per-order', field: 'websites', matched: '2' },
          { rule: 'hunan/websites-per-order', field: 'items', matched: '2' },
        ],
      },
      { filingType: 'FIRST', nature: 'INDIVIDUAL', websites: [], apps: ['APP', 'MINI_PROGRAM'], errors: [{ rule: 'hunan/websites-per-order', field: 'items', matched: '2' }] },
    ],
  },
  requirements: {
    valid: [
      { filingType: 'FIRST', nature: 'INDIVIDUAL', subject: { principalMobileProvince: '湖南' } },
      { filingType: 'FIRST', nature: 'ENTERPRISE', subject: { principalMobileProvince: '广东' } },
    ],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { principalMobileProvince: '广东' },
        errors: [{ rule: 'hunan/mobile-region', field: 'subject.principal.mobile', matched: '广东' }],
      },
    ],
  },
});
