import { testProvince } from './kit/tester.js';

testProvince('hebei', {
  seed: {
    individualBannedWords: '工作室、官网、企业、中心、学院、彩票、体彩、刮刮乐、工作室、社团、论坛、社区、商城、淘宝、团购。',
    reviewEstimate: null,
    smsPilotFrom: null,
  },
  names: {
    valid: [{ name: '王小明的读书笔记', subjectName: '王小明' }],
    invalid: [
      { name: '王小明的彩票分析', subjectName: '王小明', errors: [{ rule: 'hebei/individual-banned-words', matched: '彩票' }] },
      {
        name: '王小明摄影工作室',
        subjectName: '王小明',
        errors: [
          { rule: 'national/individual-banned-words', matched: '工作室' },
          { rule: 'hebei/individual-banned-words', matched: '工作室' },
        ],
      },
    ],
  },
  requirements: {
    valid: [{ filingType: 'FIRST', nature: 'INDIVIDUAL', subject: { certificateAddress: { city: '石家庄' }, communicationAddress: { city: '石家庄市' } } }],
    invalid: [
      {
        filingType: 'ADD_WEBSITE',
        nature: 'INDIVIDUAL',
        subject: { certificateAddress: { city: '石家庄市' }, communicationAddress: { city: '保定市' } },
        errors: ['hebei/address-same-city'],
      },
    ],
  },
});
