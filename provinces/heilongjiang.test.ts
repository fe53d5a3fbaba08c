import { testProvince } from './kit/tester.js';

testProvince('heilongjiang', {
  seed: { individualBannedWords: null, reviewEstimate: null, smsPilotFrom: '2018-09-24' },
  names: { valid: [{ name: '王小明的冰雪游记', subjectName: '王小明' }], invalid: [] },
  // The 2017 mobile-number list is advisory: it shows as a requirement note, never a refusal.
  requirements: { valid: [{ filingType: 'FIRST', nature: 'INDIVIDUAL' }], invalid: [] },
  sms: [{ filingType: 'CHANGE', at: '2019-05-06', websiteChanged: true, expect: { required: true, roles: ['WEBSITE_PRINCIPAL'] } }],
});
