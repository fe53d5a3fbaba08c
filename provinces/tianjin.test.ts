import { testProvince } from './kit/tester.js';

testProvince('tianjin', {
  seed: { individualBannedWords: null, reviewEstimate: '2 周', smsPilotFrom: '2017-12-18' },
  names: { valid: [{ name: '王小明的相声笔记', subjectName: '王小明' }], invalid: [] },
  estimates: [{ submittedAt: '2024-09-27T10:00:00+08:00', expect: { minWorkingDays: 10, maxWorkingDays: 10, latest: '2024-10-16' } }],
  requirements: {
    valid: [{ filingType: 'ACCESS', nature: 'ENTERPRISE', websites: [{ accessMethod: '虚拟主机' }] }],
    invalid: [
      {
        filingType: 'ACCESS',
        nature: 'ENTERPRISE',
        websites: [{ accessMethod: '虚拟主机' }, { accessMethod: '其他方式' }],
        errors: [{ rule: 'tianjin/access-method', field: 'websites[1].accessMethod', matched: '其他方式' }],
      },
    ],
  },
});
