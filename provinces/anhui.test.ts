import { testProvince } from './kit/tester.js';

testProvince('anhui', {
  seed: { individualBannedWords: null, reviewEstimate: '1 周', smsPilotFrom: '2018-09-24' },
  names: {
    valid: [
      { name: '王小明的读书笔记', subjectName: '王小明' },
      { name: '黄山云海旅行社官网', subjectName: '黄山云海旅行社有限公司', nature: 'ENTERPRISE' },
    ],
    invalid: [{ name: '安徽美食王小明', subjectName: '王小明', errors: [{ rule: 'national/individual-place-names', matched: '安徽' }] }],
  },
  siteLimits: [{ filingType: 'FIRST', nature: 'INDIVIDUAL', expect: { maxWebsites: null, maxDomainsPerWebsite: 1 } }],
  sms: [
    { filingType: 'ACCESS', at: '2019-01-10', expect: { required: true, roles: ['WEBSITE_PRINCIPAL'] } },
    { filingType: 'CANCEL_ACCESS', at: '2022-05-10', expect: { required: false } },
  ],
  estimates: [{ submittedAt: '2024-09-27T10:00:00+08:00', expect: { minWorkingDays: 5, maxWorkingDays: 5, earliest: '2024-10-10' } }],
});
