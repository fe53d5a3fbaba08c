import { testProvince } from './kit/tester.js';

testProvince('xizang', {
  seed: { individualBannedWords: null, reviewEstimate: null, smsPilotFrom: '2017-12-18' },
  names: { valid: [{ name: '王小明的雪山游记', subjectName: '王小明' }], invalid: [] },
  sms: [{ filingType: 'ADD_WEBSITE', at: '2018-02-01', expect: { required: true, roles: ['WEBSITE_PRINCIPAL'] } }],
});
