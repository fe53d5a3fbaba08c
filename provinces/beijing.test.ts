import { testProvince } from './kit/tester.js';

testProvince('beijing', {
  seed: {
    individualBannedWords: '合伙、评论、中心、售后、学院、社团、博客、论坛、社区、返现、团购。',
    reviewEstimate: '2 周',
    smsPilotFrom: null,
  },
  names: {
    valid: [
      { name: '王小明的读书笔记', subjectName: '王小明' },
      { name: '王小明的旅行在线', subjectName: '王小明', preApprovals: ['EDUCATION'] },
      { name: '星辰科技研发中心', subjectName: '北京星辰科技有限公司', nature: 'ENTERPRISE' },
    ],
    invalid: [
      { name: '王小明的评论合集', subjectName: '王小明', errors: [{ rule: 'beijing/individual-banned-words', matched: '评论' }] },
      {
        name: '小明的博客',
        subjectName: '王小明',
        errors: [
          { rule: 'national/pre-approval-words', matched: '博客' },
          { rule: 'beijing/individual-banned-words', matched: '博客' },
        ],
      },
      {
        name: '小明的社区随笔',
        subjectName: '王小明',
        preApprovals: ['ELECTRONIC_BULLETIN'],
        errors: [{ rule: 'beijing/individual-banned-words', matched: '社区' }],
      },
    ],
  },
  siteLimits: [{ filingType: 'FIRST', nature: 'ENTERPRISE', expect: { maxWebsites: null, maxDomainsPerWebsite: 1 } }],
  sms: [{ filingType: 'ACCESS', at: '2021-02-01', expect: { required: true, roles: ['WEBSITE_PRINCIPAL'] } }],
  estimates: [{ submittedAt: '2024-09-27T10:00:00+08:00', expect: { minWorkingDays: 10, maxWorkingDays: 10, latest: '2024-10-16' } }],
  requirements: {
    valid: [{ filingType: 'FIRST', nature: 'ENTERPRISE', websites: [{ domains: [{ name: 'xingchen.cn' }, { name: 'xingchen.com' }] }] }],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'ENTERPRISE',
        websites: [{ domains: [{ name: 'xingchen.io' }] }, { domains: [{ name: 'xingchen.com.hk' }] }],
        errors: [
          { rule: 'beijing/refused-tlds', field: 'websites[0].domains[0]', matched: 'xingchen.io' },
          { rule: 'beijing/refused-tlds', field: 'websites[1].domains[0]', matched: 'xingchen.com.hk' },
        ],
      },
    ],
  },
});
