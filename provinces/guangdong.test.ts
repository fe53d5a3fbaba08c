import { testProvince } from './kit/tester.js';

testProvince('guangdong', {
  seed: {
    individualBannedWords: '媒体、股票、证券、彩票、体彩、刮刮乐、导航、论坛、社区、交流、商城、交易、返现、批发、利润、商务。',
    reviewEstimate: '1 周',
    smsPilotFrom: null,
  },
  names: {
    valid: [
      { name: '王小明的读书笔记', subjectName: '王小明' },
      { name: '星辰证券交易平台', subjectName: '深圳星辰证券有限公司', nature: 'ENTERPRISE' },
    ],
    invalid: [
      { name: '王小明的股票笔记', subjectName: '王小明', errors: [{ rule: 'guangdong/individual-banned-words', matched: '股票' }] },
      { name: '王小明刮刮乐', subjectName: '王小明', errors: [{ rule: 'guangdong/individual-banned-words', matched: '刮刮乐' }] },
      {
        name: '小明的导航交流',
        subjectName: '王小明',
        errors: [
          { rule: 'national/individual-banned-words', matched: '导航' },
          { rule: 'national/pre-approval-words', matched: '交流' },
          { rule: 'guangdong/individual-banned-words', matched: '导航' },
          { rule: 'guangdong/individual-banned-words', matched: '交流' },
        ],
      },
    ],
  },
  estimates: [{ submittedAt: '2024-09-27T10:00:00+08:00', expect: { minWorkingDays: 5, maxWorkingDays: 5, latest: '2024-10-10' } }],
  requirements: {
    valid: [
      { filingType: 'FIRST', nature: 'ENTERPRISE', at: '2021-06-20', documents: [] },
      { filingType: 'FIRST', nature: 'ENTERPRISE', at: '2021-06-21', documents: ['GUANGDONG_COMMITMENT_LETTER'] },
    ],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'ENTERPRISE',
        at: '2021-06-21',
        documents: [],
        errors: [{ rule: 'guangdong/commitment-letter', field: 'documents', matched: 'GUANGDONG_COMMITMENT_LETTER' }],
      },
      {
        filingType: 'CANCEL_WEBSITE',
        nature: 'INDIVIDUAL',
        at: '2023-03-01',
        documents: [],
        errors: ['guangdong/commitment-letter'],
      },
    ],
  },
});
