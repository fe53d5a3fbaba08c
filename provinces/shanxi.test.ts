import { testProvince } from './kit/tester.js';

testProvince('shanxi', {
  seed: { individualBannedWords: null, reviewEstimate: null, smsPilotFrom: '2018-09-24' },
  names: { valid: [{ name: '王小明的古建筑笔记', subjectName: '王小明' }], invalid: [] },
  siteLimits: [{ filingType: 'FIRST', nature: 'ENTERPRISE', expect: { maxWebsites: null, maxDomainsPerWebsite: 1, maxNewDomains: null } }],
  siteCounts: {
    valid: [{ filingType: 'FIRST', nature: 'ENTERPRISE', websites: [['a.cn'], ['b.cn'], ['c.cn']] }],
    invalid: [
      {
        filingType: 'ADD_WEBSITE',
        nature: 'ENTERPRISE',
        websites: [['a.cn'], ['b.cn'], ['c.cn'], ['d.cn']],
        errors: [{ rule: 'shanxi/new-domains-per-order', field: 'websites', matched: '4', severity: 'warning' }],
      },
    ],
  },
  requirements: {
    valid: [{ filingType: 'FIRST', nature: 'INDIVIDUAL', subject: { certificateType: 'RESIDENT_ID', certificateNumber: '140102199001011234' } }],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '610102199001011234' },
        errors: [{ rule: 'shanxi/individual-filing-region', matched: '陕西' }],
      },
    ],
  },
});
