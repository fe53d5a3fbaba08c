/** 吉林 has no rules of its own, so its table also exercises the national defaults. */
import { testProvince } from './kit/tester.js';

testProvince('jilin', {
  seed: { individualBannedWords: null, reviewEstimate: null, smsPilotFrom: null },
  names: {
    valid: [
      { name: '王小明的读书笔记', subjectName: '王小明' },
      { name: '小明的摄影日记', subjectName: '王小明' },
      { name: '欧阳娜娜的旅行日记', subjectName: '欧阳娜娜' },
      { name: '阿卜杜·热合曼的摄影日记', subjectName: '阿卜杜·热合曼' },
      { name: '王小明的旅行在线', subjectName: '王小明', preApprovals: ['EDUCATION'] },
      { name: '王小明的社区随笔', subjectName: '王小明', preApprovals: ['ELECTRONIC_BULLETIN'] },
      { name: '星辰科技官网', subjectName: '长春星辰科技有限公司', nature: 'ENTERPRISE' },
      { name: '星辰科技网站', subjectName: '长春星辰科技有限公司', nature: 'ENTERPRISE' },
      { name: 'ABC科技官网', subjectName: '吉林ABC科技有限公司', nature: 'ENTERPRISE' },
      { name: '中国银行官网', subjectName: '中国银行股份有限公司', nature: 'ENTERPRISE', nationalUnit: true },
      { name: '吉林大学门户', subjectName: '吉林大学', nature: 'PUBLIC_INSTITUTION', domains: ['jlu.edu.cn'] },
    ],
    invalid: [
      {
        name: 'abc',
        subjectName: '长春星辰科技有限公司',
        nature: 'ENTERPRISE',
        errors: ['national/min-han-characters', 'national/not-latin-or-digits-only', 'national/related-to-subject'],
      },
      {
        name: '123456',
        subjectName: '王小明',
        errors: ['national/min-han-characters', 'national/not-latin-or-digits-only', 'national/related-to-subject'],
      },
      {
        name: 'xingchen.cn',
        subjectName: '长春星辰科技有限公司',
        nature: 'ENTERPRISE',
        domains: ['www.xingchen.cn'],
        errors: [
          'national/min-han-characters',
          { rule: 'national/no-special-symbols', matched: '.' },
          'national/not-domain',
          'national/related-to-subject',
        ],
      },
      {
        name: '星辰科技网',
        subjectName: '长春星辰科技有限公司',
        nature: 'ENTERPRISE',
        domains: ['星辰科技网.cn'],
        errors: ['national/not-domain'],
      },
      { name: '王小明的摄影日记！', subjectName: '王小明', errors: [{ rule: 'national/no-special-symbols', matched: '！' }] },
      { name: '王小明的赌博心得', subjectName: '王小明', errors: [{ rule: 'national/sensitive-words', matched: '赌博' }] },
      { name: '中华美食王小明', subjectName: '王小明', errors: [{ rule: 'national/non-national-prefixes', matched: '中华' }] },
      {
        name: '人民星辰科技',
        subjectName: '长春星辰科技有限公司',
        nature: 'ENTERPRISE',
        errors: [{ rule: 'national/non-national-prefixes', matched: '人民' }],
      },
      { name: '王小明的网站', subjectName: '王小明', errors: [{ rule: 'national/individual-banned-words', matched: '网站' }] },
      {
        name: '王小明的资讯平台',
        subjectName: '王小明',
        errors: [
          { rule: 'national/individual-banned-words', matched: '资讯' },
          { rule: 'national/individual-banned-words', matched: '平台' },
        ],
      },
      { name: '小明的作品展示', subjectName: '王小明', errors: [{ rule: 'national/individual-banned-words', matched: '作品展示' }] },
      { name: '王小明的博客', subjectName: '王小明', errors: [{ rule: 'national/pre-approval-words', matched: '博客' }] },
      { name: '王小明的论坛', subjectName: '王小明', errors: [{ rule: 'national/pre-approval-words', matched: '论坛' }] },
      { name: '王小明', subjectName: '王小明', errors: [{ rule: 'national/not-personal-name', matched: '王小明' }] },
      { name: '小明之家', subjectName: '王小明', errors: ['national/not-personal-name'] },
      { name: '上海美食王小明', subjectName: '王小明', errors: [{ rule: 'national/individual-place-names', matched: '上海' }] },
      { name: '摄影爱好日记', subjectName: '王小明', errors: ['national/related-to-subject'] },
    ],
  },
  siteLimits: [
    { filingType: 'FIRST', nature: 'INDIVIDUAL', expect: { maxWebsites: null, maxDomainsPerWebsite: 1, maxNewDomains: null } },
    { filingType: 'ADD_WEBSITE', nature: 'ENTERPRISE', expect: { maxWebsites: null, maxDomainsPerWebsite: 1 } },
    { filingType: 'CHANGE', nature: 'ENTERPRISE', expect: { maxWebsites: null, maxDomainsPerWebsite: null } },
  ],
  siteCounts: {
    valid: [{ filingType: 'FIRST', nature: 'ENTERPRISE', websites: [['a.cn'], ['b.cn'], ['c.cn'], ['d.cn'], ['e.cn'], ['f.cn']] }],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        websites: [['a.cn'], ['b.cn', 'b.com']],
        errors: [{ rule: 'national/websites-per-order', field: 'websites[1].domains', matched: '2' }],
      },
    ],
  },
  sms: [
    { filingType: 'FIRST', at: '2019-06-01', expect: { required: false, roles: [] } },
    { filingType: 'FIRST', at: '2021-01-04', expect: { required: true, roles: ['SUBJECT_PRINCIPAL', 'WEBSITE_PRINCIPAL'] } },
    { filingType: 'ADD_WEBSITE', at: '2021-01-04', expect: { required: true, roles: ['WEBSITE_PRINCIPAL'] } },
    { filingType: 'ACCESS', at: '2021-01-04', expect: { required: true, roles: ['WEBSITE_PRINCIPAL'] } },
    { filingType: 'CHANGE', at: '2021-01-04', subjectChanged: true, expect: { required: true, roles: ['SUBJECT_PRINCIPAL'] } },
    {
      filingType: 'CHANGE',
      at: '2021-01-04',
      subjectChanged: true,
      websiteChanged: true,
      expect: { required: true, roles: ['SUBJECT_PRINCIPAL', 'WEBSITE_PRINCIPAL'] },
    },
    { filingType: 'CHANGE', at: '2021-01-04', subjectChanged: false, websiteChanged: false, expect: { required: false, roles: [] } },
    { filingType: 'CHANGE', at: '2021-01-04', expect: { required: true, roles: [] } },
    { filingType: 'CANCEL_SUBJECT', at: '2021-01-04', expect: { required: true, roles: ['SUBJECT_PRINCIPAL'] } },
    { filingType: 'CANCEL_WEBSITE', at: '2021-01-04', expect: { required: true, roles: ['WEBSITE_PRINCIPAL'] } },
    { filingType: 'CANCEL_ACCESS', at: '2021-01-04', expect: { required: false, roles: [] } },
  ],
  estimates: [
    {
      submittedAt: '2024-09-27T10:00:00+08:00',
      expect: { minWorkingDays: 3, maxWorkingDays: 20, earliest: '2024-10-08', latest: '2024-10-30', limit: '2024-10-30' },
    },
  ],
  certificateSuffixes: [
    { certificateType: 'RESIDENT_ID', certificateNumber: '220102199001011234', expect: '011234' },
    { certificateType: 'HK_MACAU_TRAVEL_PERMIT', certificateNumber: 'H12345678', hkMacauIdentityNumber: 'A1234567(8)', expect: '345678' },
  ],
  requirements: {
    valid: [
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: {
          name: '王小明',
          certificateType: 'RESIDENT_ID',
          certificateNumber: '220102199001011234',
          certificateAddress: { province: '吉林省', city: '长春市' },
          communicationAddress: { province: 'jilin', city: '吉林市' },
        },
        websites: [{ accessMethod: '其他方式', domains: [{ name: 'wangxiaoming.cn', holder: '王小明' }] }],
      },
      {
        filingType: 'FIRST',
        nature: 'INDIVIDUAL',
        subject: { certificateType: 'RESIDENT_ID', certificateNumber: '11010519491231002X' },
      },
      { filingType: 'FIRST', nature: 'ENTERPRISE', subject: { principalIsLegalRepresentative: false } },
    ],
    invalid: [
      {
        filingType: 'FIRST',
        nature: 'ENTERPRISE',
        subject: { certificateType: 'BUSINESS_LICENSE', certificateNumber: '91110108MA01234567' },
        errors: [{ rule: 'national/organisation-filing-region', field: 'subject.region', matched: '北京' }],
      },
      {
        filingType: 'CHANGE',
        nature: 'ENTERPRISE',
        subject: { certificateAddress: { province: '吉林' }, communicationAddress: { province: '辽宁' } },
        errors: [{ rule: 'national/address-same-province', field: 'subject.communicationAddress' }],
      },
      {
        filingType: 'ADD_WEBSITE',
        nature: 'INDIVIDUAL',
        subject: { name: '王小明' },
        websites: [{ accessMethod: '虚拟主机', domains: [{ name: 'wangxiaoming.cn', holder: '李四' }] }],
        errors: [
          { rule: 'national/individual-domain-holder', field: 'websites[0].domains[0].holder', matched: '李四' },
          { rule: 'national/access-method', field: 'websites[0].accessMethod', matched: '虚拟主机' },
        ],
      },
    ],
  },
});
