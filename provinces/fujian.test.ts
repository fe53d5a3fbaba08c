import { testProvince } from './kit/tester.js';

testProvince('fujian', {
  seed: { individualBannedWords: null, reviewEstimate: '1 周', smsPilotFrom: '2018-09-10' },
  names: {
    valid: [{ name: '王小明的茶艺笔记', subjectName: '王小明' }],
    invalid: [{ name: '王小明茶艺工作室', subjectName: '王小明', errors: [{ rule: 'national/individual-banned-words', matched: '工作室' }] }],
  },
  estimates: [{ submittedAt: '2024-09-27T10:00:00+08:00', expect: { minWorkingDays: 5, maxWorkingDays: 5 } }],
  requirements: {
    valid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '11010519491231002X', hasResidencePermit: true },
      },
    ],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '11010519491231002X', hasResidencePermit: false },
        errors: ['fujian/individual-filing-region'],
      },
    ],
  },
});
