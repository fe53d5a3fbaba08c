import { testProvince } from './kit/tester.js';

testProvince('hainan', {
  seed: { individualBannedWords: null, reviewEstimate: null, smsPilotFrom: '2017-12-18' },
  names: { valid: [{ name: '王小明的潜水日记', subjectName: '王小明' }], invalid: [] },
  siteLimits: [
    // Seed 002 表3-1 sets no domain limit for 海南; the provider-knowledge limit is advisory (a warning).
    { filingType: 'FIRST', nature: 'INDIVIDUAL', expect: { maxWebsites: null, maxDomainsPerWebsite: 1, maxNewDomains: null } },
    { filingType: 'ADD_WEBSITE', nature: 'INDIVIDUAL', expect: { maxNewDomains: null } },
    { filingType: 'FIRST', nature: 'ENTERPRISE', expect: { maxNewDomains: null } },
  ],
  siteCounts: {
    valid: [
      { filingType: 'ADD_WEBSITE', nature: 'INDIVIDUAL', websites: [['a.cn'], ['b.cn']] },
      { filingType: 'FIRST', nature: 'ENTERPRISE', websites: [['a.cn'], ['b.cn']] },
    ],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        websites: [['a.cn'], ['b.cn']],
        errors: [{ rule: 'hainan/individual-first-filing-domains', field: 'websites', matched: '2', severity: 'warning' }],
      },
    ],
  },
  estimates: [{ submittedAt: '2024-09-27T10:00:00+08:00', expect: { minWorkingDays: 3, maxWorkingDays: 20 } }],
});
