import { testProvince } from './kit/tester.js';

testProvince('shandong', {
  seed: { individualBannedWords: null, reviewEstimate: null, smsPilotFrom: '2018-09-24' },
  names: { valid: [{ name: '王小明的泰山游记', subjectName: '王小明' }], invalid: [] },
  requirements: {
    valid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '11010519491231002X', hasResidencePermit: false, hasStudentId: true },
      },
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
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '11010519491231002X', hasResidencePermit: false, hasStudentId: false },
        errors: [{ rule: 'shandong/individual-filing-region', matched: '北京' }],
      },
    ],
  },
});
