import { testProvince } from './kit/tester.js';

testProvince('shanghai', {
  seed: { individualBannedWords: null, reviewEstimate: '3 天', smsPilotFrom: null },
  names: {
    valid: [{ name: '王小明的咖啡地图', subjectName: '王小明' }],
    invalid: [{ name: '上海咖啡地图', subjectName: '王小明', errors: ['national/individual-place-names', 'national/related-to-subject'] }],
  },
  estimates: [
    {
      submittedAt: '2024-09-30T18:00:00+08:00',
      expect: { minWorkingDays: 3, maxWorkingDays: 3, earliest: '2024-10-10', latest: '2024-10-10', limit: '2024-11-01' },
    },
  ],
  requirements: {
    valid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '320102199001011234', hasResidencePermit: true },
      },
    ],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '320102199001011234', hasResidencePermit: false },
        errors: [{ rule: 'shanghai/individual-filing-region', matched: '江苏' }],
      },
    ],
  },
});
