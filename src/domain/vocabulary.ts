/**
 * The shared vocabulary of the filing domain. Prisma enums in prisma/schema.prisma carry the same
 * values; province modules and the workflow speak in these terms.
 */

/** 主办单位性质 — nature of the subject (seed 002 §3, MIIT categories). */
export const SUBJECT_NATURES = [
  'INDIVIDUAL', // 个人
  'ENTERPRISE', // 企业
  'PUBLIC_INSTITUTION', // 事业单位
  'SOCIAL_ORGANIZATION', // 社会团体
  'GOVERNMENT', // 政府机关
  'PRIVATE_NON_ENTERPRISE', // 民办非企业单位
  'FOUNDATION', // 基金会
  'LAW_FIRM', // 律师执业机构
  'MILITARY', // 部队
  'FOREIGN_CULTURAL_CENTER', // 外国在华文化中心
  'MASS_ORGANIZATION', // 群众性团体组织
  'JUDICIAL_EXPERTISE', // 司法鉴定机构
  'RELIGIOUS_ORGANIZATION', // 宗教团体
  'MEDICAL_INSTITUTION', // 医疗机构
  'NOTARY', // 公证机构
] as const;
export type SubjectNature = (typeof SUBJECT_NATURES)[number];

export const SUBJECT_NATURE_LABELS: Record<SubjectNature, string> = {
  INDIVIDUAL: '个人',
  ENTERPRISE: '企业',
  PUBLIC_INSTITUTION: '事业单位',
  SOCIAL_ORGANIZATION: '社会团体',
  GOVERNMENT: '政府机关',
  PRIVATE_NON_ENTERPRISE: '民办非企业单位',
  FOUNDATION: '基金会',
  LAW_FIRM: '律师执业机构',
  MILITARY: '部队',
  FOREIGN_CULTURAL_CENTER: '外国在华文化中心',
  MASS_ORGANIZATION: '群众性团体组织',
  JUDICIAL_EXPERTISE: '司法鉴定机构',
  RELIGIOUS_ORGANIZATION: '宗教团体',
  MEDICAL_INSTITUTION: '医疗机构',
  NOTARY: '公证机构',
};

/** 证件类型 — certificate (identity or registration document) types. */
export const CERTIFICATE_TYPES = [
  'RESIDENT_ID', // 居民身份证
  'PASSPORT', // 护照
  'TAIWAN_COMPATRIOT_PERMIT', // 台湾居民来往大陆通行证 (台胞证)
  'HK_MACAU_TRAVEL_PERMIT', // 港澳居民来往内地通行证
  'FOREIGN_PERMANENT_RESIDENT_ID', // 外国人永久居留身份证
  'HK_MACAU_TW_RESIDENCE_PERMIT', // 港澳台居民居住证
  'OFFICER_ID', // 军官证
  'BUSINESS_LICENSE', // 营业执照 (统一社会信用代码)
  'ORGANIZATION_CODE', // 组织机构代码证
  'PUBLIC_INSTITUTION_CERTIFICATE', // 事业单位法人证书
  'SOCIAL_ORGANIZATION_CERTIFICATE', // 社会团体法人登记证书
  'PRIVATE_NON_ENTERPRISE_CERTIFICATE', // 民办非企业单位登记证书
  'FOUNDATION_CERTIFICATE', // 基金会法人登记证书
  'LAW_FIRM_LICENSE', // 律师事务所执业许可证
  'GOVERNMENT_CREDIT_CODE', // 统一社会信用代码证书 (机关)
  'MILITARY_UNIT_CODE', // 军队单位对外有偿服务许可证 / 代号
  'FOREIGN_CULTURAL_CENTER_CERTIFICATE', // 外国在华文化中心登记证
  'MASS_ORGANIZATION_CERTIFICATE', // 群众性团体组织证书
  'JUDICIAL_EXPERTISE_LICENSE', // 司法鉴定许可证
  'RELIGIOUS_ACTIVITY_CERTIFICATE', // 宗教活动场所登记证
  'MEDICAL_INSTITUTION_LICENSE', // 医疗机构执业许可证
  'NOTARY_LICENSE', // 公证机构执业证
] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];

/** 备案类型 — filing types (seeds 000–004). */
export const FILING_TYPES = [
  'FIRST', // 首次备案
  'ADD_WEBSITE', // 新增网站
  'ACCESS', // 接入备案
  'CHANGE', // 变更备案
  'CANCEL_SUBJECT', // 注销主体
  'CANCEL_WEBSITE', // 注销网站
  'CANCEL_ACCESS', // 取消接入
] as const;
export type FilingType = (typeof FILING_TYPES)[number];

/** Order statuses (../shared/DOMAIN.md "Order lifecycle"). */
export const ORDER_STATUSES = [
  'DRAFT', // 填写中
  'PENDING_INITIAL_REVIEW', // 待初审
  'INITIAL_REJECTED', // 初审驳回
  'NEEDS_CHANGES', // 待完善资料
  'AWAITING_MAILED_MATERIALS', // 邮寄资料
  'PENDING_SMS_VERIFICATION', // 待短信核验
  'PENDING_MIIT_REVIEW', // 管局审核中
  'APPROVED', // 备案成功
  'MIIT_REJECTED', // 管局驳回
  'WITHDRAWN', // 已撤销
  'EXPIRED', // 已失效
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** People an SMS verification code is sent to. */
export const SMS_ROLES = ['SUBJECT_PRINCIPAL', 'WEBSITE_PRINCIPAL'] as const;
export type SmsRole = (typeof SMS_ROLES)[number];

/** 互联网信息服务类型: what an internet-information item of an order is (seed 003 填写互联网信息). */
export const SERVICE_KINDS = ['WEBSITE', 'APP', 'MINI_PROGRAM', 'QUICK_APP'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** 平台: where an APP, a mini-program or a quick app runs (seed 003 平台信息). */
export const APP_PLATFORM_KINDS = [
  'ANDROID',
  'IOS',
  'HARMONYOS',
  'OTHER',
  'WECHAT',
  'ALIPAY',
  'BAIDU',
  'BYTEDANCE',
  'QQ',
  'OTHER_MINI_PROGRAM',
  'QUICK_APP_ALLIANCE',
] as const;
export type AppPlatformKind = (typeof APP_PLATFORM_KINDS)[number];

/** The platforms each kind of app may name. */
export const PLATFORMS_OF_KIND: Readonly<Record<Exclude<ServiceKind, 'WEBSITE'>, readonly AppPlatformKind[]>> = {
  APP: ['ANDROID', 'IOS', 'HARMONYOS', 'OTHER'],
  MINI_PROGRAM: ['WECHAT', 'ALIPAY', 'BAIDU', 'BYTEDANCE', 'QQ', 'OTHER_MINI_PROGRAM'],
  QUICK_APP: ['QUICK_APP_ALLIANCE'],
};
