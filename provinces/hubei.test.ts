import { testProvince } from './kit/tester.js';

testProvince('hubei', {
  seed: {
    individualBannedWords: '官网、行业、电商、企业、学院、论坛、商城、团购。',
    reviewEstimate: '2 周',
    smsPilotFrom: '2018-09-24',
  },
  names: {
    valid: [
      { name: '王小明的读书笔记', subjectName: '王小明' },
      { name: '光谷星辰官网', subjectName: '武汉光谷星辰科技有限公司', nature: 'ENTERPRISE' },
    ],
    invalid: [
      { name: '王小明的官网', subjectName: '王小明', errors: [{ rule: 'hubei/individual-banned-words', matched: '官网' }] },
      {
        name: '小明电商论坛',
        subjectName: '王小明',
        errors: [
          { rule: 'hubei/individual-banned-words', matched: '电商' },
          { rule: 'hubei/individual-banned-words', matched: '论坛' },
          { rule: 'national/pre-approval-words', matched: '论坛' },
        ],
      },
    ],
  },
  siteLimits: [
    { filingType: 'FIRST', nature: 'INDIVIDUAL', expect: { maxWebsites: 1, maxDomainsPerWebsite: 1, maxNewDomains: null } },
    { filingType: 'ADD_WEBSITE', nature: 'ENTERPRISE', expect: { maxWebsites: 1, maxDomainsPerWebsite: 1 } },
    { filingType: 'ACCESS', nature: 'ENTERPRISE', expect: { maxWebsites: null, maxDomainsPerWebsite: null } },
  ],
  siteCounts: {
    valid: [
      { filingType: 'FIRST', nature: 'ENTERPRISE', websites: [['xingchen.cn']] },
      { filingType: 'ADD_WEBSITE', nature: 'INDIVIDUAL', websites: [], apps: ['APP'] },
    ],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'ENTERPRISE',
        websites: [['xingchen.cn', 'xingchen.com'], ['guanggu.cn']],
        errors: [
          { rule: 'hubei/websites-per-order', field: 'websites', matched: '2' },
          { rule: 'hubei/websites-per-order', field: 'websites[0].domains', matched: '2' },
          { rule: 'hubei/items-per-order', field: 'items', matched: '2' },
        ],
      },
      // Seed 003 注: one APP or one domain — a website and an APP are two items.
      { filingType: 'FIRST', nature: 'INDIVIDUAL', websites: [['guanggu.cn']], apps: ['APP'], errors: [{ rule: 'hubei/items-per-order', field: 'items', matched: '2' }] },
    ],
  },
  sms: [
    { filingType: 'FIRST', at: '2018-09-23', expect: { required: false, roles: [] } },
    { filingType: 'ADD_WEBSITE', at: '2019-03-01', expect: { required: true, roles: ['WEBSITE_PRINCIPAL'] } },
    { filingType: 'CANCEL_WEBSITE', at: '2019-03-01', expect: { required: false } },
    { filingType: 'CANCEL_WEBSITE', at: '2021-03-01', expect: { required: true, roles: ['WEBSITE_PRINCIPAL'] } },
  ],
  estimates: [
    {
      submittedAt: '2024-09-27T10:00:00+08:00',
      expect: { minWorkingDays: 10, maxWorkingDays: 10, earliest: '2024-10-16', latest: '2024-10-16', limit: '2024-10-30' },
    },
  ],
  requirements: {
    valid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '11010519491231002X', hasResidencePermit: true },
      },
    ],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '11010519491231002X', hasResidencePermit: false },
        errors: [{ rule: 'hubei/individual-filing-region', field: 'subject.region', matched: '北京' }],
      },
    ],
  },
});
