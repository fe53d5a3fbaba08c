import { testProvince } from './kit/tester.js';

testProvince('xinjiang', {
  seed: { individualBannedWords: null, reviewEstimate: null, smsPilotFrom: '2017-12-18' },
  names: { valid: [{ name: '阿卜杜·热合曼的摄影日记', subjectName: '阿卜杜·热合曼' }], invalid: [] },
  // Seed 002 表3-1: several websites per order, one domain each; the one-website rule is advisory.
  siteLimits: [{ filingType: 'FIRST', nature: 'INDIVIDUAL', expect: { maxWebsites: null, maxDomainsPerWebsite: 1 } }],
  siteCounts: {
    valid: [{ filingType: 'ADD_WEBSITE', nature: 'INDIVIDUAL', websites: [['a.cn']] }],
    invalid: [
      {
        filingType: 'ADD_WEBSITE',
        nature: 'INDIVIDUAL',
        websites: [['a.cn', 'a.com']],
        errors: [
          { rule: 'national/websites-per-order', field: 'websites[0].domains' },
          { rule: 'xinjiang/websites-per-order', field: 'websites[0].domains', severity: 'warning' },
        ],
      },
    ],
  },
  requirements: {
    valid: [
      { filingType: 'FIRST', nature: 'INDIVIDUAL', subject: { certificateType: 'RESIDENT_ID', certificateNumber: '650102199001011234' } },
      {
        filingType: 'FIRST',
        nature: 'ENTERPRISE',
        subject: { name: '乌鲁木齐星辰科技有限公司', certificateType: 'BUSINESS_LICENSE', certificateNumber: '91650100MA01234567' },
        websites: [{ domains: [{ name: 'xingchen.cn', holder: '乌鲁木齐星辰科技有限公司' }] }],
      },
    ],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'ENTERPRISE',
        subject: { name: '乌鲁木齐星辰科技有限公司', certificateType: 'BUSINESS_LICENSE', certificateNumber: '91620100MA01234567' },
        websites: [{ domains: [{ name: 'xingchen.cn', holder: '王小明' }] }],
        errors: [{ rule: 'national/organisation-filing-region', matched: '甘肃' }, 'xinjiang/organisation-domain-holder'],
      },
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '620102199001011234' },
        errors: [{ rule: 'xinjiang/individual-filing-region', matched: '甘肃' }],
      },
    ],
  },
});
