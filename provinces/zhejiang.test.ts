import { testProvince } from './kit/tester.js';

testProvince('zhejiang', {
  seed: {
    individualBannedWords:
      '工作室、官网、行业、电商、企业、工坊、中心、产业、农业、养殖、股票、证券、彩票、体彩、刮刮乐、博客、论坛、在线、社区。',
    reviewEstimate: '1 周',
    smsPilotFrom: '2018-09-10',
  },
  names: {
    valid: [
      { name: '王小明的读书笔记', subjectName: '王小明' },
      { name: '星辰电商官网', subjectName: '杭州星辰电子商务有限公司', nature: 'ENTERPRISE' },
    ],
    invalid: [
      { name: '王小明的农业日志', subjectName: '王小明', errors: [{ rule: 'zhejiang/individual-banned-words', matched: '农业' }] },
      {
        name: '王小明的在线课堂',
        subjectName: '王小明',
        preApprovals: ['EDUCATION'],
        errors: [{ rule: 'zhejiang/individual-banned-words', matched: '在线' }],
      },
    ],
  },
  estimates: [
    {
      submittedAt: '2024-09-27T10:00:00+08:00',
      expect: { minWorkingDays: 5, maxWorkingDays: 5, earliest: '2024-10-10', limit: '2024-11-13' },
    },
  ],
  certificateSuffixes: [
    { certificateType: 'HK_MACAU_TRAVEL_PERMIT', certificateNumber: 'H12345678', hkMacauIdentityNumber: 'A1234567(8)', expect: '567（8）' },
    { certificateType: 'HK_MACAU_TRAVEL_PERMIT', certificateNumber: 'H12345678', hkMacauIdentityNumber: 'A1234567（8）', expect: '567（8）' },
    { certificateType: 'HK_MACAU_TRAVEL_PERMIT', certificateNumber: 'H12345678', hkMacauIdentityNumber: '1234567(8)', expect: '567（8）' },
    { certificateType: 'HK_MACAU_TRAVEL_PERMIT', certificateNumber: 'H12345678', expect: null },
    { certificateType: 'RESIDENT_ID', certificateNumber: '33010619900101123x', expect: '01123X' },
  ],
  requirements: {
    valid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '11010519491231002X', hasResidencePermit: true },
        websites: [{ accessMethod: '虚拟主机' }],
      },
    ],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'ENTERPRISE',
        websites: [{ accessMethod: '其他方式' }],
        errors: [{ rule: 'zhejiang/access-method', field: 'websites[0].accessMethod' }],
      },
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '11010519491231002X', hasResidencePermit: false },
        websites: [{ accessMethod: '虚拟主机' }],
        errors: ['zhejiang/individual-filing-region'],
      },
    ],
  },
});
