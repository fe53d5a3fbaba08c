import { testProvince } from './kit/tester.js';

testProvince('sichuan', {
  seed: { individualBannedWords: null, reviewEstimate: '2 周', smsPilotFrom: '2018-09-10' },
  names: { valid: [{ name: '王小明的熊猫图片', subjectName: '王小明' }], invalid: [] },
  // Seed 002 表3-1 (非湖北、陕西、河南省份): several websites per order; the one-website rule is advisory.
  siteLimits: [{ filingType: 'ADD_WEBSITE', nature: 'INDIVIDUAL', expect: { maxWebsites: null, maxDomainsPerWebsite: 1 } }],
  siteCounts: {
    valid: [{ filingType: 'FIRST', nature: 'ENTERPRISE', websites: [['a.cn']] }],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'ENTERPRISE',
        websites: [['a.cn'], ['b.cn']],
        errors: [{ rule: 'sichuan/websites-per-order', field: 'websites', severity: 'warning' }],
      },
    ],
  },
  estimates: [{ submittedAt: '2024-09-27T10:00:00+08:00', expect: { minWorkingDays: 10, maxWorkingDays: 10 } }],
});
