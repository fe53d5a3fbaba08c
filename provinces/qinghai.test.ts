import { testProvince } from './kit/tester.js';

testProvince('qinghai', {
  seed: { individualBannedWords: null, reviewEstimate: null, smsPilotFrom: '2017-12-18' },
  names: { valid: [{ name: '王小明的高原摄影', subjectName: '王小明' }], invalid: [] },
  requirements: {
    valid: [{ filingType: 'FIRST', nature: 'INDIVIDUAL', subject: { certificateType: 'RESIDENT_ID', certificateNumber: '630102199001011234' } }],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '620102199001011234' },
        errors: [{ rule: 'qinghai/individual-filing-region', matched: '甘肃' }],
      },
    ],
  },
});
