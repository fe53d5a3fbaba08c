import { testProvince } from './kit/tester.js';

testProvince('guangxi', {
  seed: { individualBannedWords: null, reviewEstimate: '2 周', smsPilotFrom: '2018-09-10' },
  names: { valid: [{ name: '王小明的山水摄影', subjectName: '王小明' }], invalid: [] },
  estimates: [{ submittedAt: '2024-09-27T10:00:00+08:00', expect: { minWorkingDays: 10, maxWorkingDays: 10, latest: '2024-10-16' } }],
  requirements: {
    valid: [{ filingType: 'FIRST', nature: 'INDIVIDUAL', subject: { certificateType: 'RESIDENT_ID', certificateNumber: '450103199001011234' } }],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '440103199001011234' },
        errors: [{ rule: 'guangxi/individual-filing-region', matched: '广东' }],
      },
    ],
  },
});
