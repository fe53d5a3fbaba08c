/**
 * Every fixed set the API exchanges, with the Chinese label a console shows (`label` fields and
 * `vocabularies`) and an English description. Enum values are described as `中文 — English`.
 */
import { CERTIFICATE_TYPE_LABELS } from '../validation/certificates.js';
import { SUBJECT_NATURE_LABELS } from '../domain/vocabulary.js';

/** [Chinese label, English description] per value. */
export type Labels<T extends string> = Record<T, readonly [string, string]>;

export const ROLE: Labels<'APPLICANT' | 'REVIEWER' | 'ADMIN'> = {
  APPLICANT: ['申请人', 'Files subjects and websites and follows its own orders.'],
  REVIEWER: ['备案审核专员', 'Works the review queue: initial review, submission to the 管局, its result.'],
  ADMIN: ['管理员', 'A reviewer who also manages accounts.'],
};

export const ACTOR_ROLE: Labels<'APPLICANT' | 'REVIEWER' | 'ADMIN' | 'SYSTEM'> = {
  ...ROLE,
  SYSTEM: ['系统', 'The server itself: timers that expire orders and return unverified SMS orders.'],
};

const NATURE_EN: Record<keyof typeof SUBJECT_NATURE_LABELS, string> = {
  INDIVIDUAL: 'A private person.',
  ENTERPRISE: 'A company.',
  PUBLIC_INSTITUTION: 'A public institution.',
  SOCIAL_ORGANIZATION: 'A social organisation.',
  GOVERNMENT: 'A government body.',
  PRIVATE_NON_ENTERPRISE: 'A private non-enterprise unit.',
  FOUNDATION: 'A foundation.',
  LAW_FIRM: 'A law firm.',
  MILITARY: 'A military unit.',
  FOREIGN_CULTURAL_CENTER: 'A foreign cultural centre in China.',
  MASS_ORGANIZATION: 'A mass organisation.',
  JUDICIAL_EXPERTISE: 'A judicial expertise institution.',
  RELIGIOUS_ORGANIZATION: 'A religious organisation.',
  MEDICAL_INSTITUTION: 'A medical institution.',
  NOTARY: 'A notary office.',
};
export const SUBJECT_NATURE = Object.fromEntries(
  Object.entries(SUBJECT_NATURE_LABELS).map(([k, zh]) => [k, [zh, NATURE_EN[k as keyof typeof NATURE_EN]]]),
) as unknown as Labels<keyof typeof SUBJECT_NATURE_LABELS>;

const CERTIFICATE_EN: Record<keyof typeof CERTIFICATE_TYPE_LABELS, string> = {
  RESIDENT_ID: 'Mainland resident identity card.',
  PASSPORT: 'Passport.',
  TAIWAN_COMPATRIOT_PERMIT: 'Mainland travel permit for Taiwan residents (台胞证).',
  HK_MACAU_TRAVEL_PERMIT: 'Mainland travel permit for Hong Kong and Macau residents.',
  FOREIGN_PERMANENT_RESIDENT_ID: 'Foreigner’s permanent residence identity card.',
  HK_MACAU_TW_RESIDENCE_PERMIT: 'Residence permit for Hong Kong, Macau and Taiwan residents.',
  OFFICER_ID: 'Military officer’s identity card.',
  BUSINESS_LICENSE: 'Business licence (unified social credit code).',
  ORGANIZATION_CODE: 'Organisation code certificate.',
  PUBLIC_INSTITUTION_CERTIFICATE: 'Public institution legal person certificate.',
  SOCIAL_ORGANIZATION_CERTIFICATE: 'Social organisation registration certificate.',
  PRIVATE_NON_ENTERPRISE_CERTIFICATE: 'Private non-enterprise unit registration certificate.',
  FOUNDATION_CERTIFICATE: 'Foundation registration certificate.',
  LAW_FIRM_LICENSE: 'Law firm practising licence.',
  GOVERNMENT_CREDIT_CODE: 'Unified social credit code certificate of a government body.',
  MILITARY_UNIT_CODE: 'Military unit paid-service licence.',
  FOREIGN_CULTURAL_CENTER_CERTIFICATE: 'Foreign cultural centre registration certificate.',
  MASS_ORGANIZATION_CERTIFICATE: 'Mass organisation certificate.',
  JUDICIAL_EXPERTISE_LICENSE: 'Judicial expertise licence.',
  RELIGIOUS_ACTIVITY_CERTIFICATE: 'Religious activity venue registration certificate.',
  MEDICAL_INSTITUTION_LICENSE: 'Medical institution practising licence.',
  NOTARY_LICENSE: 'Notary office practising certificate.',
};
export const CERTIFICATE_TYPE = Object.fromEntries(
  Object.entries(CERTIFICATE_TYPE_LABELS).map(([k, zh]) => [k, [zh, CERTIFICATE_EN[k as keyof typeof CERTIFICATE_EN]]]),
) as unknown as Labels<keyof typeof CERTIFICATE_TYPE_LABELS>;

export const FILING_TYPE: Labels<'FIRST' | 'ADD_WEBSITE' | 'ACCESS' | 'CHANGE' | 'CANCEL_SUBJECT' | 'CANCEL_WEBSITE' | 'CANCEL_ACCESS'> = {
  FIRST: ['首次备案', 'Neither the subject nor the domain was ever filed.'],
  ADD_WEBSITE: ['新增网站', 'The subject is filed; a new website or domain, APP, mini-program or quick app is added (`Order.filingTypeLabel` reads 新增APP, 新增小程序, … for those).'],
  ACCESS: ['接入备案', 'Subject and domain are filed through another provider; this provider starts hosting.'],
  CHANGE: ['变更备案', 'Changes the subject or website information of a filing.'],
  CANCEL_SUBJECT: ['注销主体', 'Cancels the subject and all its websites.'],
  CANCEL_WEBSITE: ['注销网站', 'Cancels websites, APPs, mini-programs or quick apps of a filed subject (`Order.filingTypeLabel` reads 注销APP, … for those).'],
  CANCEL_ACCESS: ['取消接入', 'This provider stops hosting websites whose filings stay in force.'],
};

export const FILING_VARIANT: Labels<'ADD_WEBSITE_HERE' | 'ADD_WEBSITE_ELSEWHERE' | 'ACCESS_NEW' | 'ACCESS_CONTINUED'> = {
  ADD_WEBSITE_HERE: ['新增网站（原备案在本平台）', 'New website or APP; the subject was filed through this provider.'],
  ADD_WEBSITE_ELSEWHERE: ['新增网站（原备案不在本平台）', 'New website or APP; the subject was filed through another provider.'],
  ACCESS_NEW: ['新增接入', 'Access filing of a subject never filed here.'],
  ACCESS_CONTINUED: ['继续接入', 'Access filing of a subject already filed here.'],
};

export const ORDER_STATUS: Labels<
  | 'DRAFT'
  | 'PENDING_INITIAL_REVIEW'
  | 'INITIAL_REJECTED'
  | 'NEEDS_CHANGES'
  | 'AWAITING_MAILED_MATERIALS'
  | 'PENDING_SMS_VERIFICATION'
  | 'PENDING_MIIT_REVIEW'
  | 'APPROVED'
  | 'MIIT_REJECTED'
  | 'WITHDRAWN'
  | 'EXPIRED'
> = {
  DRAFT: ['填写中', 'Being filled in by the applicant; not yet submitted.'],
  PENDING_INITIAL_REVIEW: ['待初审', 'Waiting for the provider’s initial review.'],
  INITIAL_REJECTED: ['初审驳回', 'Rejected in initial review; the applicant may edit and resubmit.'],
  NEEDS_CHANGES: ['待完善资料', 'Returned with comments per field; the applicant edits and resubmits.'],
  AWAITING_MAILED_MATERIALS: ['邮寄资料', 'Initial review passed; waiting for mailed documents.'],
  PENDING_SMS_VERIFICATION: ['待短信核验', 'Waiting for the principals to verify their SMS codes (24 h).'],
  PENDING_MIIT_REVIEW: ['管局审核中', 'Submitted to the provincial communications administration.'],
  APPROVED: ['备案成功', 'Approved by the 管局; ICP numbers assigned.'],
  MIIT_REJECTED: ['管局驳回', 'Rejected by the 管局; the applicant may edit and resubmit.'],
  WITHDRAWN: ['已撤销', 'Withdrawn by the applicant.'],
  EXPIRED: ['已失效', 'Lapsed: 45 days after first submission, or SMS codes not verified in time.'],
};

export const SUBJECT_STATUS: Labels<'DRAFT' | 'FILED' | 'CANCELLED'> = {
  DRAFT: ['未备案', 'Being filed for the first time; not yet known to MIIT.'],
  FILED: ['已备案', 'Holds a subject ICP number.'],
  CANCELLED: ['已注销', '注销主体 approved.'],
};

export const WEBSITE_STATUS: Labels<'DRAFT' | 'FILED' | 'CANCELLED' | 'ACCESS_CANCELLED'> = {
  DRAFT: ['未备案', 'Part of an order not yet approved.'],
  FILED: ['已备案', 'Holds a website ICP number and is hosted here.'],
  CANCELLED: ['已注销', 'Cancelled (注销网站 or 注销主体), or released by a dead order.'],
  ACCESS_CANCELLED: ['已取消接入', 'Still filed, no longer hosted by this provider.'],
};

export const SERVICE_KIND: Labels<'WEBSITE' | 'APP' | 'MINI_PROGRAM' | 'QUICK_APP'> = {
  WEBSITE: ['网站', 'A website; ICP number suffix -1, -2, …'],
  APP: ['APP', 'A mobile app; ICP number suffix -NA.'],
  MINI_PROGRAM: ['小程序', 'A mini-program; ICP number suffix -NX.'],
  QUICK_APP: ['快应用', 'A quick app; ICP number suffix -NK.'],
};

export const ORDER_WEBSITE_ACTION: Labels<'ADD' | 'ACCESS' | 'CHANGE' | 'KEEP' | 'CANCEL' | 'CANCEL_ACCESS'> = {
  ADD: ['新增', 'The order files this website for the first time.'],
  ACCESS: ['接入', 'The order moves this already filed website to this provider.'],
  CHANGE: ['变更', 'The order changes this filed website.'],
  KEEP: ['保持', 'The order keeps this filed website as it is.'],
  CANCEL: ['注销', 'The order cancels this website’s filing.'],
  CANCEL_ACCESS: ['取消接入', 'The order stops this provider hosting the website.'],
};

export const PRODUCT_VERIFICATION: Labels<'SERVER_INSTANCE' | 'SERVICE_CODE'> = {
  SERVER_INSTANCE: ['云服务器实例', 'A server instance of this provider, by its instance id.'],
  SERVICE_CODE: ['备案服务号', 'A filing service code issued against a server.'],
};

export const BILLING_MODE: Labels<'PREPAID' | 'PAY_AS_YOU_GO'> = {
  PREPAID: ['包年包月', 'Prepaid for a term; a filing needs at least 3 months.'],
  PAY_AS_YOU_GO: ['按量付费', 'Pay-as-you-go: cannot carry a filing.'],
};

export const APP_PLATFORM_KIND: Labels<
  'ANDROID' | 'IOS' | 'HARMONYOS' | 'OTHER' | 'WECHAT' | 'ALIPAY' | 'BAIDU' | 'BYTEDANCE' | 'QQ' | 'OTHER_MINI_PROGRAM' | 'QUICK_APP_ALLIANCE'
> = {
  ANDROID: ['安卓', 'APP on Android: package name, public key, MD5 signature.'],
  IOS: ['iOS', 'APP on iOS: bundle id, public key, MD5 signature.'],
  HARMONYOS: ['鸿蒙', 'APP on HarmonyOS: bundle name, public key, MD5 signature.'],
  OTHER: ['其他平台', 'APP on another operating system.'],
  WECHAT: ['微信小程序', 'Mini-program on WeChat: its AppID.'],
  ALIPAY: ['支付宝小程序', 'Mini-program on Alipay: its app id.'],
  BAIDU: ['百度智能小程序', 'Mini-program on Baidu: its app id.'],
  BYTEDANCE: ['抖音小程序', 'Mini-program on Douyin / ByteDance: its app id.'],
  QQ: ['QQ小程序', 'Mini-program on QQ: its app id.'],
  OTHER_MINI_PROGRAM: ['其他小程序平台', 'Mini-program on another host platform: its app id.'],
  QUICK_APP_ALLIANCE: ['快应用', 'Quick app (快应用联盟): its package name.'],
};

export const PRE_APPROVAL_KIND: Labels<
  'NEWS' | 'PUBLISHING' | 'DRUGS_MEDICAL_DEVICES' | 'CULTURE' | 'RADIO_FILM_TV' | 'EDUCATION' | 'MEDICAL_HEALTH' | 'RIDE_HAILING' | 'ELECTRONIC_BULLETIN' | 'OTHER'
> = {
  NEWS: ['新闻', 'News services.'],
  PUBLISHING: ['出版', 'Publishing.'],
  DRUGS_MEDICAL_DEVICES: ['药品和医疗器械', 'Drugs and medical devices.'],
  CULTURE: ['文化', 'Internet culture.'],
  RADIO_FILM_TV: ['广播电影电视节目', 'Radio, film and television programmes.'],
  EDUCATION: ['教育', 'Education.'],
  MEDICAL_HEALTH: ['医疗保健', 'Medical and health care.'],
  RIDE_HAILING: ['网约车', 'Ride-hailing.'],
  ELECTRONIC_BULLETIN: ['电子公告', 'Electronic bulletin services.'],
  OTHER: ['其他', 'Another industry approval.'],
};

export const MATERIAL_KIND: Labels<
  | 'CERTIFICATE_FRONT'
  | 'CERTIFICATE_BACK'
  | 'SUBJECT_CERTIFICATE'
  | 'PRINCIPAL_PHOTO'
  | 'COMMITMENT_LETTER'
  | 'AUTHENTICITY_FORM'
  | 'PRE_APPROVAL_DOCUMENT'
  | 'DOMAIN_CERTIFICATE'
  | 'AUTHORIZATION_LETTER'
  | 'RESIDENCE_PERMIT'
  | 'OTHER'
  | 'APP_ICON'
> = {
  CERTIFICATE_FRONT: ['证件正面', 'Front of the principal’s identity document.'],
  CERTIFICATE_BACK: ['证件背面', 'Back of the principal’s identity document.'],
  SUBJECT_CERTIFICATE: ['主体证件', 'The organisation’s registration certificate.'],
  PRINCIPAL_PHOTO: ['负责人照片', 'Photo of the principal (authenticity check).'],
  COMMITMENT_LETTER: ['承诺书', 'A signed commitment letter (e.g. 互联网信息服务备案承诺书).'],
  AUTHENTICITY_FORM: ['真实性核验单', 'The signed authenticity verification form.'],
  PRE_APPROVAL_DOCUMENT: ['前置审批文件', 'An industry approval document.'],
  DOMAIN_CERTIFICATE: ['域名证书', 'Proof of domain registration.'],
  AUTHORIZATION_LETTER: ['授权书', 'A letter authorising the website principal.'],
  RESIDENCE_PERMIT: ['居住证', 'A residence permit (filing outside one’s home province).'],
  APP_ICON: ['APP图标', 'The icon of an APP, mini-program or quick app (png/jpg/jpeg, at most 1 MiB; seed 003).'],
  OTHER: ['其他', 'Another document.'],
};

export const AUTHENTICITY_RESULT: Labels<'PENDING' | 'PASSED' | 'FAILED'> = {
  PENDING: ['核验中', 'Not yet checked.'],
  PASSED: ['核验通过', 'The authenticity check passed.'],
  FAILED: ['核验未通过', 'The authenticity check failed; upload again.'],
};

export const SMS_ROLE: Labels<'SUBJECT_PRINCIPAL' | 'WEBSITE_PRINCIPAL'> = {
  SUBJECT_PRINCIPAL: ['主体负责人', 'The subject’s principal.'],
  WEBSITE_PRINCIPAL: ['网站负责人', 'A website’s principal (互联网信息服务负责人).'],
};

export const ORDER_EVENT_TYPE: Labels<
  'CREATED' | 'STATUS_CHANGED' | 'UPDATED' | 'COMMENTED' | 'SMS_SENT' | 'SMS_VERIFIED' | 'MATERIAL_ADDED' | 'PERSONAL_DATA_VIEWED' | 'ASSIGNED'
> = {
  CREATED: ['创建', 'The order was created.'],
  STATUS_CHANGED: ['状态变更', 'The order moved from one status to another.'],
  UPDATED: ['修改', 'The applicant changed the order’s information, or a reviewer recorded a step.'],
  COMMENTED: ['审核意见', 'A reviewer commented on fields.'],
  SMS_SENT: ['发送短信验证码', 'SMS codes were sent.'],
  SMS_VERIFIED: ['短信核验通过', 'A principal verified an SMS code.'],
  MATERIAL_ADDED: ['上传资料', 'A document was uploaded.'],
  PERSONAL_DATA_VIEWED: ['查看个人信息', 'Someone read personal data in full.'],
  ASSIGNED: ['认领/分派', 'A reviewer claimed or released the order, or it was assigned to one.'],
};

export const CANCELLATION_TYPE: Labels<'CANCEL_SUBJECT' | 'CANCEL_WEBSITE' | 'CANCEL_ACCESS'> = {
  CANCEL_SUBJECT: ['注销主体', 'The subject and all its websites.'],
  CANCEL_WEBSITE: ['注销网站', 'The websites listed.'],
  CANCEL_ACCESS: ['取消接入', 'This provider stops hosting the websites listed; their filings stay in force.'],
};

/** 网站内容: the content categories a website declares. */
export const CONTENT_CATEGORY: Labels<
  | 'ENTERPRISE_PORTAL'
  | 'PERSONAL_BLOG'
  | 'GENERAL_PORTAL'
  | 'NEWS'
  | 'SEARCH_ENGINE'
  | 'WEB_DIRECTORY'
  | 'ONLINE_SHOPPING'
  | 'ONLINE_EDUCATION'
  | 'ONLINE_GAME'
  | 'ONLINE_VIDEO'
  | 'ONLINE_MUSIC'
  | 'ONLINE_LITERATURE'
  | 'INSTANT_MESSAGING'
  | 'BULLETIN_BOARD'
  | 'OTHER'
> = {
  ENTERPRISE_PORTAL: ['单位门户网站', 'The site of an organisation about itself.'],
  PERSONAL_BLOG: ['博客/个人空间', 'A personal blog or homepage.'],
  GENERAL_PORTAL: ['综合门户', 'A general portal.'],
  NEWS: ['新闻资讯', 'News and information (needs a 新闻 pre-approval).'],
  SEARCH_ENGINE: ['搜索引擎', 'A search engine.'],
  WEB_DIRECTORY: ['网址导航', 'A web directory.'],
  ONLINE_SHOPPING: ['网络购物', 'Online shopping.'],
  ONLINE_EDUCATION: ['网络教育', 'Online education.'],
  ONLINE_GAME: ['网络游戏', 'Online games.'],
  ONLINE_VIDEO: ['网络视频', 'Online video.'],
  ONLINE_MUSIC: ['网络音乐', 'Online music.'],
  ONLINE_LITERATURE: ['网络文学', 'Online literature.'],
  INSTANT_MESSAGING: ['即时通信', 'Instant messaging.'],
  BULLETIN_BOARD: ['电子公告/论坛', 'A bulletin board or forum (needs an 电子公告 pre-approval).'],
  OTHER: ['其他', 'Anything else.'],
};

/** 服务类型. */
export const SERVICE_TYPE: Labels<'NON_COMMERCIAL' | 'COMMERCIAL'> = {
  NON_COMMERCIAL: ['非经营性', 'A non-commercial service: an ICP filing suffices.'],
  COMMERCIAL: ['经营性', 'A commercial service: it also needs an ICP licence after filing.'],
};

export const REQUIREMENT_STATUS: Labels<'OBLIGATION' | 'ADVISORY' | 'UNDECIDED'> = {
  OBLIGATION: ['必须', 'Something to provide or do.'],
  ADVISORY: ['提示', 'A rule from old or vague sources the data does not show to be met.'],
  UNDECIDED: ['待确定', 'A rule that needs the inputs in `needs` to be checked.'],
};

export const REQUIREMENT_KIND: Labels<
  | 'DOCUMENT'
  | 'PROCEDURE'
  | 'AFTER_APPROVAL'
  | 'SERVICE_LICENCE'
  | 'ACCESS_METHOD'
  | 'FILING_REGION'
  | 'MOBILE_REGION'
  | 'ADDRESS_SAME_PROVINCE'
  | 'ADDRESS_SAME_CITY'
  | 'LEGAL_REPRESENTATIVE'
  | 'DOMAIN_VALIDITY'
  | 'DOMAIN_HOLDER'
  | 'REFUSED_TLDS'
  | 'PREFERRED_TLDS'
> = {
  DOCUMENT: ['上传资料', 'A document to upload (`value` is its code).'],
  PROCEDURE: ['办理步骤', 'A step the applicant must take that data cannot show.'],
  AFTER_APPROVAL: ['备案后事项', 'Something to do after approval (e.g. the footer).'],
  SERVICE_LICENCE: ['经营许可', 'A licence the service needs besides its filing, e.g. the 经营性ICP许可证 of a commercial website (`value`: the licence).'],
  ACCESS_METHOD: ['接入方式', 'The access method to declare (`value`).'],
  FILING_REGION: ['备案地域', 'Where the subject may file.'],
  MOBILE_REGION: ['手机号归属地', 'The principal’s mobile number must be registered in the province.'],
  ADDRESS_SAME_PROVINCE: ['地址同省', 'Communication and certificate address in the same province.'],
  ADDRESS_SAME_CITY: ['地址同市', 'Communication and certificate address in the same city.'],
  LEGAL_REPRESENTATIVE: ['法定代表人', 'The principal must be the legal representative.'],
  DOMAIN_VALIDITY: ['域名有效期', 'The domain must stay registered for some months more.'],
  DOMAIN_HOLDER: ['域名持有者', 'Who must hold each domain.'],
  REFUSED_TLDS: ['不支持的域名后缀', 'Top-level domains the 管局 refuses.'],
  PREFERRED_TLDS: ['推荐域名后缀', 'Top-level domains a kind of subject should use.'],
};

export const RULE_SECTION: Labels<
  'NAMING' | 'SITE_LIMITS' | 'SMS_MANDATES' | 'SMS_ROLES' | 'SMS_CODE' | 'CERTIFICATE_SUFFIXES' | 'REVIEW_ESTIMATES' | 'REVIEW_LIMITS' | 'REQUIREMENTS'
> = {
  NAMING: ['网站名称', 'Website naming rules.'],
  SITE_LIMITS: ['网站数量', 'Websites and domains per order.'],
  SMS_MANDATES: ['短信核验范围', 'Whether SMS verification applies.'],
  SMS_ROLES: ['短信核验对象', 'Who receives SMS codes, by filing type.'],
  SMS_CODE: ['短信验证码', 'Code length, validity, resends and attempts.'],
  CERTIFICATE_SUFFIXES: ['证件号后六位', 'Which certificate characters go with an SMS code.'],
  REVIEW_ESTIMATES: ['管局审核时长', 'How long the 管局 usually takes.'],
  REVIEW_LIMITS: ['管局审核时限', 'The longest the 管局 may take.'],
  REQUIREMENTS: ['其他要求', 'Documents, procedures and checks.'],
};

export const NATURE_SCOPE: Labels<'ALL' | 'INDIVIDUAL' | 'ORGANISATION' | 'LIST'> = {
  ALL: ['全部', 'Every subject.'],
  INDIVIDUAL: ['个人', 'Individuals only.'],
  ORGANISATION: ['单位', 'Every nature but individuals.'],
  LIST: ['指定性质', 'The natures listed in `natures`.'],
};

/** `camelCase` section names of the province kit, as the enum's values. */
export function sectionValue(section: string): keyof typeof RULE_SECTION {
  return section.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase() as keyof typeof RULE_SECTION;
}

/** `kebab-case` requirement kinds of the province kit, as the enum's values. */
export function kindValue(kind: string): keyof typeof REQUIREMENT_KIND {
  return kind.replace(/-/g, '_').toUpperCase() as keyof typeof REQUIREMENT_KIND;
}

/** Pothos enum values with `中文 — English` descriptions. */
export function describedValues<T extends string>(labels: Labels<T>): Record<T, { description: string }> {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, { description: `${(v as readonly [string, string])[0]} — ${(v as readonly [string, string])[1]}` }])) as Record<
    T,
    { description: string }
  >;
}

/** The Chinese label of a value. */
export function labelOf<T extends string>(labels: Labels<T>, value: T): string {
  return labels[value]?.[0] ?? value;
}

/** The noun for a set of items: the kind's own when all are of one kind, 互联网信息服务 when kinds are mixed, 网站 when there are none. */
export function serviceNoun(kinds: readonly (keyof typeof SERVICE_KIND)[]): string {
  const distinct = [...new Set(kinds)];
  if (distinct.length > 1) return '互联网信息服务';
  return labelOf(SERVICE_KIND, distinct[0] ?? 'WEBSITE');
}

/** One item of an order as the labels see it: what the order does to it and what kind it is. */
export interface LabelledItem {
  action: keyof typeof ORDER_WEBSITE_ACTION;
  kind: keyof typeof SERVICE_KIND;
}

/** The items a 新增 or 注销 label speaks of: those the order adds or cancels (all of them when none is). */
function namedKinds(items: readonly LabelledItem[], action: LabelledItem['action']) {
  const acted = items.filter((i) => i.action === action);
  return (acted.length ? acted : items).map((i) => i.kind);
}

/**
 * The Chinese label of an order's filing type for what it holds: 新增网站 and 注销网站 read 新增APP,
 * 注销小程序, 新增快应用 … when the items added or cancelled are of that kind (互联网信息服务 when
 * kinds are mixed); the other types keep their label.
 */
export function filingTypeLabel(type: keyof typeof FILING_TYPE, items: readonly LabelledItem[]): string {
  const label = labelOf(FILING_TYPE, type);
  if (type === 'ADD_WEBSITE') return label.replace('网站', serviceNoun(namedKinds(items, 'ADD')));
  if (type === 'CANCEL_WEBSITE') return label.replace('网站', serviceNoun(namedKinds(items, 'CANCEL')));
  return label;
}

/** The Chinese label of an order's variant for what it holds: 新增APP（原备案在本平台） and so on. */
export function filingVariantLabel(variant: keyof typeof FILING_VARIANT, items: readonly LabelledItem[]): string {
  const label = labelOf(FILING_VARIANT, variant);
  return variant === 'ADD_WEBSITE_HERE' || variant === 'ADD_WEBSITE_ELSEWHERE' ? label.replace('网站', serviceNoun(namedKinds(items, 'ADD'))) : label;
}
