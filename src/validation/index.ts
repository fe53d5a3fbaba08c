/**
 * National (not province-specific) input validators. Each returns `Violation[]` (empty when valid)
 * with `module: 'national'` and a `national/…` rule id, reported at the field path the caller passes.
 */
export { SOURCE } from './common.js';
export { ADDRESS_MAX_LENGTH, ADDRESS_MIN_LENGTH, type AddressInput, validateAddress, validateSameProvince } from './address.js';
export {
  allowedCertificateTypes,
  CERTIFICATE_TYPE_LABELS,
  normaliseCertificateNumber,
  principalCertificateTypes,
  validateCertificateNumber,
  validateCertificateTypeForNature,
  validateForeignPermanentResidentId,
  validateHkMacauTravelPermit,
  validatePassport,
  validateRegistrationNumber,
  validateResidencePermit,
  validateTaiwanCompatriotPermit,
} from './certificates.js';
export {
  comparablePhone,
  normaliseEmail,
  normaliseFixedLine,
  normaliseMobile,
  validateEmail,
  validateMobile,
  validatePhone,
} from './contacts.js';
export {
  computeCreditCodeCheckDigit,
  computeOrganizationCodeCheckDigit,
  CREDIT_CODE_AUTHORITIES,
  normaliseCreditCode,
  normaliseOrganizationCode,
  validateCreditCode,
  validateOrganizationCode,
} from './credit-code.js';
export { type ParsedDomain, parseDomain, validateHomepageUrl } from './domain.js';
export { findWebsiteLanguage, validateLanguages, WEBSITE_LANGUAGES, type WebsiteLanguage } from './languages.js';
export { maskCertificateNumber, maskEmail, maskPhone } from './masking.js';
export { type Principal, type PrincipalsInput, validatePrincipals } from './principals.js';
export { findProvince, MAINLAND_DIVISION_CODES, PROVINCE_NAMES, type ProvinceName, provinceOfAddress } from './provinces.js';
export {
  computeResidentIdCheckDigit,
  normaliseResidentId,
  residentIdBirthDate,
  validateResidentId,
} from './resident-id.js';
export { type DocumentValidity, MIN_REMAINING_VALIDITY_MONTHS, validateDocumentValidity } from './validity.js';
export {
  APP_ICON_MAX_BYTES,
  APP_SOURCE,
  MAX_APP_DOMAINS,
  normaliseMd5,
  normalisePublicKey,
  parseAppDomain,
  validateAppFields,
  validateAppIcon,
  type AppFieldsInput,
  type AppPlatformData,
  type AppSdkData,
} from './app.js';
