import { testProvince } from './kit/tester.js';

testProvince('neimenggu', {
  seed: {
    individualBannedWords:
      '学院、股票、证券、彩票、体彩、刮刮乐、导航、博客、论坛、在线、营销、商城、交易、折扣、购、返现、购物、导购、淘宝、网淘、网购、利润、团购、易购。',
    reviewEstimate: null,
    smsPilotFrom: '2018-09-24',
  },
  names: {
    valid: [{ name: '王小明的草原游记', subjectName: '王小明' }],
    invalid: [{ name: '王小明的导购心得', subjectName: '王小明', errors: [{ rule: 'neimenggu/individual-banned-words', matched: '导购' }] }],
  },
  requirements: {
    valid: [{ filingType: 'FIRST', nature: 'INDIVIDUAL', subject: { certificateType: 'RESIDENT_ID', certificateNumber: '150102199001011234' } }],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '11010519491231002X' },
        errors: ['neimenggu/individual-filing-region'],
      },
    ],
  },
});
