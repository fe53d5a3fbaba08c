import { testProvince } from './kit/tester.js';

testProvince('yunnan', {
  seed: { individualBannedWords: null, reviewEstimate: '3 周', smsPilotFrom: '2018-09-10' },
  names: { valid: [{ name: '王小明的茶叶笔记', subjectName: '王小明' }], invalid: [] },
  estimates: [{ submittedAt: '2024-09-27T10:00:00+08:00', expect: { minWorkingDays: 15, maxWorkingDays: 15, latest: '2024-10-23' } }],
  requirements: {
    valid: [{ filingType: 'FIRST', nature: 'INDIVIDUAL', subject: { certificateType: 'RESIDENT_ID', certificateNumber: '530102199001011234' } }],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '520102199001011234' },
        errors: [{ rule: 'yunnan/individual-filing-region', matched: '贵州' }],
      },
    ],
  },
});
