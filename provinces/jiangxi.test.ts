import { testProvince } from './kit/tester.js';

testProvince('jiangxi', {
  seed: { individualBannedWords: null, reviewEstimate: '2 周', smsPilotFrom: null },
  names: { valid: [{ name: '王小明的瓷器收藏', subjectName: '王小明' }], invalid: [] },
  siteLimits: [
    { filingType: 'ADD_WEBSITE', nature: 'INDIVIDUAL', existingWebsites: 7, expect: { maxNewDomains: null } },
    // Seed 002 表3-1 has no such limit for 江西: the provider-knowledge limits are advisory (warnings).
    { filingType: 'ADD_WEBSITE', nature: 'INDIVIDUAL', existingWebsites: 8, expect: { maxNewDomains: null } },
    { filingType: 'ADD_WEBSITE', nature: 'ENTERPRISE', existingWebsites: 15, expect: { maxNewDomains: null } },
    { filingType: 'ADD_WEBSITE', nature: 'ENTERPRISE', existingWebsites: 16, expect: { maxNewDomains: null } },
    { filingType: 'ADD_WEBSITE', nature: 'ENTERPRISE', expect: { maxNewDomains: null, maxDomainsPerWebsite: 1 } },
  ],
  siteCounts: {
    valid: [{ filingType: 'ADD_WEBSITE', nature: 'INDIVIDUAL', existingWebsites: 3, websites: [['a.cn'], ['b.cn']] }],
    invalid: [
      {
        filingType: 'ADD_WEBSITE',
        nature: 'INDIVIDUAL',
        existingWebsites: 8,
        websites: [['a.cn'], ['b.cn']],
        errors: [{ rule: 'jiangxi/individual-existing-sites', field: 'websites', matched: '2', severity: 'warning' }],
      },
      {
        filingType: 'FIRST',
        nature: 'ENTERPRISE',
        existingWebsites: 16,
        websites: [['a.cn'], ['b.cn']],
        errors: [{ rule: 'jiangxi/organisation-existing-sites', field: 'websites', matched: '2', severity: 'warning' }],
      },
    ],
  },
  requirements: {
    valid: [
      { filingType: 'FIRST', nature: 'INDIVIDUAL', subject: { certificateType: 'RESIDENT_ID', certificateNumber: '11010519491231002X', hasResidencePermit: true } },
    ],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '11010519491231002X', hasResidencePermit: false },
        errors: ['jiangxi/individual-filing-region'],
      },
    ],
  },
  estimates: [{ submittedAt: '2024-09-27T10:00:00+08:00', expect: { minWorkingDays: 10, maxWorkingDays: 10 } }],
});
