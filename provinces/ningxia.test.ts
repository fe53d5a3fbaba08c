import { testProvince } from './kit/tester.js';

testProvince('ningxia', {
  seed: {
    individualBannedWords:
      '网、技术、信息、工作室、资讯、网站、网络、网址、爱好者、作品展示、工作室、平台、主页、热线、社团、导航、博客、论坛、在线、社区、交流、网站、营销、商城、交易、折扣、定做、定制、购、返现、购物、贸易、导购、淘宝、网淘、阿里、诚信通、旺铺、网购、批发、市场、利润、团购、易购、商务。',
    reviewEstimate: null,
    smsPilotFrom: '2017-12-18',
  },
  names: {
    valid: [{ name: '王小明的读书笔记', subjectName: '王小明' }],
    invalid: [
      { name: '王小明的技术心得', subjectName: '王小明', errors: [{ rule: 'ningxia/individual-banned-words', matched: '技术' }] },
      {
        name: '王小明的网站论坛',
        subjectName: '王小明',
        errors: [
          { rule: 'national/individual-banned-words', matched: '网站' },
          { rule: 'national/pre-approval-words', matched: '论坛' },
          { rule: 'ningxia/individual-banned-words', matched: '网站' },
          { rule: 'ningxia/individual-banned-words', matched: '论坛' },
        ],
      },
      // 网 is listed verbatim but marked prone to false positives: a warning quoting its context.
      {
        name: '王小明的摄影网',
        subjectName: '王小明',
        errors: [{ rule: 'ningxia/individual-banned-words', matched: '网', severity: 'warning', context: '…明的摄影[网]' }],
      },
    ],
  },
  requirements: {
    valid: [
      { filingType: 'FIRST', nature: 'INDIVIDUAL', subject: { certificateType: 'RESIDENT_ID', certificateNumber: '640102199001011234' } },
      {
        filingType: 'FIRST',
        nature: 'ENTERPRISE',
        subject: { name: '银川星辰科技有限公司' },
        websites: [{ domains: [{ name: 'xingchen.cn', holder: '银川星辰科技有限公司' }] }],
      },
    ],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'ENTERPRISE',
        subject: { name: '银川星辰科技有限公司', legalRepresentative: '王小明' },
        websites: [{ domains: [{ name: 'xingchen.cn', holder: '王小明' }] }],
        errors: [{ rule: 'ningxia/organisation-domain-holder', field: 'websites[0].domains[0].holder', matched: '王小明' }],
      },
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '11010519491231002X' },
        errors: [{ rule: 'ningxia/individual-filing-region', matched: '北京' }],
      },
    ],
  },
});
