import { testProvince } from './kit/tester.js';

testProvince('shaanxi', {
  seed: { individualBannedWords: null, reviewEstimate: '1 周', smsPilotFrom: '2018-09-10' },
  names: { valid: [{ name: '王小明的古都游记', subjectName: '王小明' }], invalid: [] },
  siteLimits: [
    { filingType: 'FIRST', nature: 'INDIVIDUAL', expect: { maxWebsites: 5, maxDomainsPerWebsite: 1 } },
    { filingType: 'FIRST', nature: 'ENTERPRISE', expect: { maxWebsites: 5, maxDomainsPerWebsite: 1 } },
    { filingType: 'ADD_WEBSITE', nature: 'ENTERPRISE', expect: { maxWebsites: null, maxDomainsPerWebsite: 1 } },
  ],
  siteCounts: {
    valid: [
      { filingType: 'FIRST', nature: 'ENTERPRISE', websites: [['a.cn'], ['b.cn'], ['c.cn'], ['d.cn'], ['e.cn']] },
      { filingType: 'ADD_WEBSITE', nature: 'ENTERPRISE', websites: [['a.cn'], ['b.cn'], ['c.cn'], ['d.cn'], ['e.cn'], ['f.cn']] },
    ],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'ENTERPRISE',
        websites: [['a.cn'], ['b.cn'], ['c.cn'], ['d.cn'], ['e.cn'], ['f.cn']],
        errors: [{ rule: 'shaanxi/first-filing-websites', field: 'websites', matched: '6' }],
      },
      {
        filingType: 'ADD_WEBSITE',
        nature: 'INDIVIDUAL',
        websites: [['a.cn', 'a.com']],
        errors: [{ rule: 'shaanxi/add-website-websites', field: 'websites[0].domains', matched: '2' }],
      },
    ],
  },
  estimates: [{ submittedAt: '2024-09-27T10:00:00+08:00', expect: { minWorkingDays: 5, maxWorkingDays: 5 } }],
  requirements: {
    valid: [
      {
        filingType: 'ADD_WEBSITE',
        nature: 'ENTERPRISE',
        subject: { name: '西安星辰科技有限公司' },
        websites: [{ domains: [{ name: 'xingchen.cn', holder: '西安星辰科技有限公司' }] }],
      },
    ],
    invalid: [
      {
        filingType: 'ADD_WEBSITE',
        nature: 'ENTERPRISE',
        subject: { name: '西安星辰科技有限公司' },
        websites: [{ domains: [{ name: 'xingchen.cn', holder: '李四' }] }],
        errors: ['shaanxi/organisation-domain-holder'],
      },
    ],
  },
});
