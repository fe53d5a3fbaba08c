/**
 * Certificate numbers of every {@link CertificateType}, and which types each subject nature may use.
 *
 * Registration certificates: since the 2015–2018 reform every registered organisation carries an
 * 18-character unified social credit code, printed on its business licence or registration
 * certificate as the certificate number. Business licences, government credit-code certificates and
 * the certificates issued by the staffing offices and civil-affairs departments (事业单位, 社会团体,
 * 民办非企业单位, 基金会) must therefore hold a credit code. The remaining registration documents
 * (law firm, notary and judicial-expertise licences, religious venue, foreign cultural centre and mass
 * organisation certificates, medical licences, military codes) may still show an older number of their
 * own: an 18-character value made of credit-code characters is checked as a credit code, anything else
 * only for a sane character set.
 */
import type { CertificateType, SubjectNature } from '../domain/vocabulary.js';
import type { Violation } from '../domain/violation.js';
import { charCount, firstOutside, normaliseIdentifier, SOURCE, toHalfWidth, violation } from './common.js';
import { normaliseCreditCode, normaliseOrganizationCode, validateCreditCode, validateOrganizationCode } from './credit-code.js';
import { type Gb11643Kind, normaliseResidentId, validateGb11643Number, validateResidentId } from './resident-id.js';
import { MAINLAND_DIVISION_CODES } from './provinces.js';

/** Types a person (个人, or a 负责人 of any subject) may identify with. */
const PERSONAL_TYPES: readonly CertificateType[] = [
  'RESIDENT_ID',
  'PASSPORT',
  'TAIWAN_COMPATRIOT_PERMIT',
  'HK_MACAU_TRAVEL_PERMIT',
  'FOREIGN_PERMANENT_RESIDENT_ID',
  'HK_MACAU_TW_RESIDENCE_PERMIT',
  'OFFICER_ID',
];

/**
 * Certificate types per subject nature (seed 002 §1.1 主办单位证件类型; DOMAIN.md "Core entities").
 * ORGANIZATION_CODE stays available where organisation code certificates were the usual document
 * before credit codes (企业, 事业单位, 政府机关, 民办非企业单位, 群众性团体组织). 宗教团体 are registered
 * either as religious venues or, like other associations, as social organisations.
 */
const TYPES_BY_NATURE: Readonly<Record<SubjectNature, readonly CertificateType[]>> = {
  INDIVIDUAL: PERSONAL_TYPES,
  ENTERPRISE: ['BUSINESS_LICENSE', 'ORGANIZATION_CODE'],
  PUBLIC_INSTITUTION: ['PUBLIC_INSTITUTION_CERTIFICATE', 'ORGANIZATION_CODE'],
  SOCIAL_ORGANIZATION: ['SOCIAL_ORGANIZATION_CERTIFICATE'],
  GOVERNMENT: ['GOVERNMENT_CREDIT_CODE', 'ORGANIZATION_CODE'],
  PRIVATE_NON_ENTERPRISE: ['PRIVATE_NON_ENTERPRISE_CERTIFICATE', 'ORGANIZATION_CODE'],
  FOUNDATION: ['FOUNDATION_CERTIFICATE'],
  LAW_FIRM: ['LAW_FIRM_LICENSE'],
  MILITARY: ['MILITARY_UNIT_CODE'],
  FOREIGN_CULTURAL_CENTER: ['FOREIGN_CULTURAL_CENTER_CERTIFICATE'],
  MASS_ORGANIZATION: ['MASS_ORGANIZATION_CERTIFICATE', 'ORGANIZATION_CODE'],
  JUDICIAL_EXPERTISE: ['JUDICIAL_EXPERTISE_LICENSE'],
  RELIGIOUS_ORGANIZATION: ['RELIGIOUS_ACTIVITY_CERTIFICATE', 'SOCIAL_ORGANIZATION_CERTIFICATE'],
  MEDICAL_INSTITUTION: ['MEDICAL_INSTITUTION_LICENSE'],
  NOTARY: ['NOTARY_LICENSE'],
};

/** Chinese names of the certificate types, for messages. */
export const CERTIFICATE_TYPE_LABELS: Readonly<Record<CertificateType, string>> = {
  RESIDENT_ID: '居民身份证',
  PASSPORT: '护照',
  TAIWAN_COMPATRIOT_PERMIT: '台湾居民来往大陆通行证',
  HK_MACAU_TRAVEL_PERMIT: '港澳居民来往内地通行证',
  FOREIGN_PERMANENT_RESIDENT_ID: '外国人永久居留身份证',
  HK_MACAU_TW_RESIDENCE_PERMIT: '港澳台居民居住证',
  OFFICER_ID: '军官证',
  BUSINESS_LICENSE: '营业执照',
  ORGANIZATION_CODE: '组织机构代码证',
  PUBLIC_INSTITUTION_CERTIFICATE: '事业单位法人证书',
  SOCIAL_ORGANIZATION_CERTIFICATE: '社会团体法人登记证书',
  PRIVATE_NON_ENTERPRISE_CERTIFICATE: '民办非企业单位登记证书',
  FOUNDATION_CERTIFICATE: '基金会法人登记证书',
  LAW_FIRM_LICENSE: '律师事务所执业许可证',
  GOVERNMENT_CREDIT_CODE: '统一社会信用代码证书',
  MILITARY_UNIT_CODE: '军队单位对外有偿服务许可证',
  FOREIGN_CULTURAL_CENTER_CERTIFICATE: '外国在华文化中心登记证',
  MASS_ORGANIZATION_CERTIFICATE: '群众性团体组织证书',
  JUDICIAL_EXPERTISE_LICENSE: '司法鉴定许可证',
  RELIGIOUS_ACTIVITY_CERTIFICATE: '宗教活动场所登记证',
  MEDICAL_INSTITUTION_LICENSE: '医疗机构执业许可证',
  NOTARY_LICENSE: '公证机构执业证',
};

/** The certificate types a subject of this nature may file with. */
export function allowedCertificateTypes(nature: SubjectNature): CertificateType[] {
  return [...(TYPES_BY_NATURE[nature] ?? [])];
}

/** The types a 负责人 (subject or website principal) may hold: personal identity documents. */
export function principalCertificateTypes(): CertificateType[] {
  return [...PERSONAL_TYPES];
}

/** The certificate type must be one the subject's nature allows. */
export function validateCertificateTypeForNature(nature: SubjectNature, type: CertificateType, field: string): Violation[] {
  if (allowedCertificateTypes(nature).includes(type)) return [];
  return [
    violation({
      field,
      rule: 'certificate-type-for-nature',
      message: `该主办单位性质不能使用此证件类型（${CERTIFICATE_TYPE_LABELS[type] ?? type}）`,
      messageEn: `A ${nature} subject cannot file with a ${type} certificate`,
      source: `${SOURCE.seed002} §1.1`,
      matched: type,
    }),
  ];
}

function formatViolation(field: string, rule: string, message: string, messageEn: string, source: string, matched?: string): Violation[] {
  return [violation({ field, rule, message, messageEn, source, matched })];
}

/** 护照 (any country): 5–20 letters and digits; deliberately loose, as formats differ by country. */
export function validatePassport(value: string, field: string): Violation[] {
  if (/^[0-9A-Z]{5,20}$/.test(normaliseIdentifier(value))) return [];
  return formatViolation(field, 'passport-format', '护照号码须为5–20位字母或数字', 'A passport number has 5–20 letters or digits', 'ICAO Doc 9303 (document number)');
}

/**
 * 港澳居民来往内地通行证 (回乡证): H (Hong Kong) or M (Macau) and 8 digits; the older cards append a
 * 2-digit issue count (10 digits), which is accepted too.
 */
export function validateHkMacauTravelPermit(value: string, field: string): Violation[] {
  if (/^[HM](\d{8}|\d{10})$/.test(normaliseIdentifier(value))) return [];
  return formatViolation(
    field,
    'hk-macau-permit-format',
    '港澳居民来往内地通行证号码须为 H 或 M 加8位（旧版10位）数字',
    'An HK/Macau travel permit number is H or M followed by 8 (older cards: 10) digits',
    SOURCE.travelPermits,
  );
}

/**
 * 台湾居民来往大陆通行证 (台胞证). The card issued since 2015 has an 8-digit number; older booklets
 * show 8–10 characters, sometimes with a letter, often written with the letter in brackets
 * (`12345678(B)`). Kept tolerant: brackets dropped, 8–10 digits or capital letters of which at least
 * 8 are digits.
 */
export function validateTaiwanCompatriotPermit(value: string, field: string): Violation[] {
  const id = normaliseIdentifier(value).replace(/[()（）]/g, '');
  if (/^[0-9A-Z]{8,10}$/.test(id) && id.replace(/\D/g, '').length >= 8) return [];
  return formatViolation(
    field,
    'taiwan-permit-format',
    '台湾居民来往大陆通行证号码须为8位数字（旧版可含字母，共8–10位）',
    'A Taiwan compatriot permit number has 8 digits (older booklets: 8–10 characters, at least 8 digits)',
    SOURCE.travelPermits,
  );
}

const FOREIGN_PERMANENT_ID: Gb11643Kind = {
  rule: 'foreign-permanent-id',
  zh: '外国人永久居留身份证号码',
  en: 'foreign permanent resident ID number',
  source: SOURCE.foreignPermanentId,
  prefix: {
    test: (id) => id.startsWith('9') && MAINLAND_DIVISION_CODES.has(id.slice(1, 3)),
    zh: '新版外国人永久居留身份证号码须以9开头，第2–3位为受理地省级代码',
    en: 'A 2023 foreign permanent resident ID starts with 9 followed by the provincial code of the issuing office',
  },
};

/**
 * 外国人永久居留身份证: the 2023 card has 18 digits built like a resident ID (leading 9, provincial
 * code, 3-digit nationality, birth date, sequence, MOD 11-2 check); the 2004/2017 cards, still valid,
 * have 15 characters (3-letter nationality code and 12 digits) with no public checksum.
 */
export function validateForeignPermanentResidentId(value: string, field: string, now: Date = new Date()): Violation[] {
  const id = normaliseIdentifier(value);
  if (/^[A-Z]{3}\d{12}$/.test(id)) return [];
  if (id.length === 18 && id.startsWith('9')) return validateGb11643Number(FOREIGN_PERMANENT_ID, id, field, now);
  return formatViolation(
    field,
    'foreign-permanent-id-format',
    '外国人永久居留身份证号码须为18位（以9开头）或旧版15位（3位字母加12位数字）',
    'A foreign permanent resident ID has 18 digits starting with 9, or (older cards) 3 letters and 12 digits',
    SOURCE.foreignPermanentId,
  );
}

const RESIDENCE_PERMIT: Gb11643Kind = {
  rule: 'residence-permit',
  zh: '港澳台居民居住证号码',
  en: 'HK/Macau/Taiwan residence permit number',
  source: SOURCE.residencePermit,
  prefix: {
    test: (id) => ['810000', '820000', '830000'].includes(id.slice(0, 6)),
    zh: '港澳台居民居住证号码须以810000（香港）、820000（澳门）或830000（台湾）开头',
    en: 'A residence permit number starts with 810000 (Hong Kong), 820000 (Macau) or 830000 (Taiwan)',
  },
};

/** 港澳台居民居住证: 18 characters like a resident ID, address code 810000/820000/830000. */
export function validateResidencePermit(value: string, field: string, now: Date = new Date()): Violation[] {
  return validateGb11643Number(RESIDENCE_PERMIT, value, field, now);
}

/** Letters, digits, Chinese characters and the brackets and hyphens certificate numbers are printed with. */
const REGISTRATION_CHARACTER = /^[\p{L}\p{N}()（）〔〕[\]【】\-－—]$/u;
const REGISTRATION_MAX_LENGTH = 50;

/**
 * A registration number without a public format (军官证 南字第1234567号, 医疗机构执业许可证 登记号,
 * older licences): at most 50 letters, digits, Chinese characters and brackets or hyphens, with at least
 * one digit.
 */
export function validateRegistrationNumber(value: string, field: string): Violation[] {
  const id = toHalfWidth(value).replace(/\s+/g, '');
  const bad = firstOutside(id, REGISTRATION_CHARACTER);
  if (id && charCount(id) <= REGISTRATION_MAX_LENGTH && bad === undefined && /\d/.test(id)) return [];
  return formatViolation(
    field,
    'registration-number-format',
    `证件号码格式不正确：须为不超过${REGISTRATION_MAX_LENGTH}个字符的字母、数字或汉字，且含有数字`,
    `A certificate number has at most ${REGISTRATION_MAX_LENGTH} letters, digits or Chinese characters, including a digit`,
    `${SOURCE.seed002} §1.1`,
    bad,
  );
}

const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** A credit code if it looks like one (18 credit-code characters), else a registration number. */
function validateCreditCodeOrRegistrationNumber(value: string, field: string): Violation[] {
  return CREDIT_CODE_SHAPE.test(normaliseCreditCode(value)) ? validateCreditCode(value, field) : validateRegistrationNumber(value, field);
}

/**
 * The canonical stored form of a certificate number: half-width, upper case, no spaces; organisation
 * codes also lose the hyphen, Taiwan permits their brackets.
 */
export function normaliseCertificateNumber(type: CertificateType, value: string): string {
  switch (type) {
    case 'ORGANIZATION_CODE':
      return normaliseOrganizationCode(value);
    case 'TAIWAN_COMPATRIOT_PERMIT':
      return normaliseIdentifier(value).replace(/[()（）]/g, '');
    case 'RESIDENT_ID':
    case 'HK_MACAU_TW_RESIDENCE_PERMIT':
      return normaliseResidentId(value);
    default:
      return normaliseIdentifier(value);
  }
}

/**
 * The certificate number must fit its type. An empty number gets only `certificate-number-required`;
 * `now` fixes "today" for birth dates.
 */
export function validateCertificateNumber(type: CertificateType, value: string, field: string, now: Date = new Date()): Violation[] {
  if (!value || !value.trim()) {
    return [
      violation({
        field,
        rule: 'certificate-number-required',
        message: '请填写证件号码',
        messageEn: 'The certificate number is required',
        source: `${SOURCE.seed002} §1.1`,
      }),
    ];
  }
  switch (type) {
    case 'RESIDENT_ID':
      return validateResidentId(value, field, now);
    case 'PASSPORT':
      return validatePassport(value, field);
    case 'TAIWAN_COMPATRIOT_PERMIT':
      return validateTaiwanCompatriotPermit(value, field);
    case 'HK_MACAU_TRAVEL_PERMIT':
      return validateHkMacauTravelPermit(value, field);
    case 'FOREIGN_PERMANENT_RESIDENT_ID':
      return validateForeignPermanentResidentId(value, field, now);
    case 'HK_MACAU_TW_RESIDENCE_PERMIT':
      return validateResidencePermit(value, field, now);
    case 'ORGANIZATION_CODE':
      return validateOrganizationCode(value, field);
    case 'BUSINESS_LICENSE':
    case 'GOVERNMENT_CREDIT_CODE':
    case 'PUBLIC_INSTITUTION_CERTIFICATE':
    case 'SOCIAL_ORGANIZATION_CERTIFICATE':
    case 'PRIVATE_NON_ENTERPRISE_CERTIFICATE':
    case 'FOUNDATION_CERTIFICATE':
      return validateCreditCode(value, field);
    case 'LAW_FIRM_LICENSE':
    case 'NOTARY_LICENSE':
    case 'JUDICIAL_EXPERTISE_LICENSE':
    case 'FOREIGN_CULTURAL_CENTER_CERTIFICATE':
    case 'RELIGIOUS_ACTIVITY_CERTIFICATE':
    case 'MASS_ORGANIZATION_CERTIFICATE':
    case 'MEDICAL_INSTITUTION_LICENSE':
    case 'MILITARY_UNIT_CODE':
      return validateCreditCodeOrRegistrationNumber(value, field);
    case 'OFFICER_ID':
      return validateRegistrationNumber(value, field);
    default:
      return [
        violation({
          field,
          rule: 'certificate-type-unknown',
          message: '未知的证件类型',
          messageEn: `Unknown certificate type ${String(type)}`,
        }),
      ];
  }
}
