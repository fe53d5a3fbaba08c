import { testProvince } from './kit/tester.js';

testProvince('chongqing', {
  seed: { individualBannedWords: null, reviewEstimate: '3 天', smsPilotFrom: '2018-09-10' },
  names: {
    valid: [{ name: '王小明的火锅日记', subjectName: '王小明' }],
    invalid: [{ name: '重庆火锅王小明', subjectName: '王小明', errors: [{ rule: 'national/individual-place-names', matched: '重庆' }] }],
  },
  sms: [{ filingType: 'FIRST', at: '2018-10-08', expect: { required: true, roles: ['SUBJECT_PRINCIPAL', 'WEBSITE_PRINCIPAL'] } }],
  estimates: [
    {
      submittedAt: '2024-09-27T10:00:00+08:00',
      expect: { minWorkingDays: 3, maxWorkingDays: 3, earliest: '2024-10-08', latest: '2024-10-08', limit: '2024-10-30' },
    },
  ],
  requirements: {
    valid: [
      { filingType: 'FIRST', nature: 'INDIVIDUAL', subject: { certificateType: 'RESIDENT_ID', certificateNumber: '500101199001011234' } },
    ],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '51010119900101123X', hasResidencePermit: true },
        errors: [{ rule: 'chongqing/individual-filing-region', matched: '四川' }],
      },
    ],
  },
});
