import { testProvince } from './kit/tester.js';

testProvince('gansu', {
  seed: { individualBannedWords: null, reviewEstimate: '3 周', smsPilotFrom: '2017-12-18' },
  names: { valid: [{ name: '王小明的壁画临摹', subjectName: '王小明' }], invalid: [] },
  sms: [
    { filingType: 'FIRST', at: '2017-12-18', expect: { required: true, roles: ['SUBJECT_PRINCIPAL', 'WEBSITE_PRINCIPAL'] } },
    { filingType: 'CANCEL_SUBJECT', at: '2018-06-01', expect: { required: false } },
  ],
  estimates: [
    {
      submittedAt: '2024-09-27T10:00:00+08:00',
      expect: { minWorkingDays: 15, maxWorkingDays: 15, earliest: '2024-10-23', latest: '2024-10-23', limit: '2024-10-30' },
    },
  ],
  requirements: {
    valid: [{ filingType: 'FIRST', nature: 'INDIVIDUAL', subject: { certificateProvince: '甘肃' } }],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateProvince: '陕西', hasResidencePermit: true },
        errors: [{ rule: 'gansu/individual-filing-region', matched: '陕西' }],
      },
    ],
  },
});
