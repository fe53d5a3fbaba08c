import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CERTIFICATE_TYPES, SUBJECT_NATURES, type CertificateType } from '../../src/domain/vocabulary.js';
import {
  allowedCertificateTypes,
  computeResidentIdCheckDigit,
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
} from '../../src/validation/index.js';
import { arbAnyText, arbResidentId, creditCode, expectWellFormed, NOW, organizationCode, residentId, rules } from './fixtures.js';

const F = 'subject.principal.certificateNumber';

describe('validatePassport', () => {
  it.each(['E12345678', 'EA1234567', 'g1234567', '123456789', 'C01X00T47', 'AB123'])('accepts %s', (value) => {
    expect(validatePassport(value, F)).toEqual([]);
  });
  it.each(['', 'E123', 'E1234-5678', '护照12345', 'A'.repeat(21)])('refuses %j', (value) => {
    expect(rules(validatePassport(value, F))).toEqual(['national/passport-format']);
  });
});

describe('validateHkMacauTravelPermit', () => {
  it.each(['H12345678', 'M12345678', 'h12345678', 'H1234567801'])('accepts %s', (value) => {
    expect(validateHkMacauTravelPermit(value, F)).toEqual([]);
  });
  it.each(['H1234567', 'H123456789', 'K12345678', '12345678', 'H12345678A', 'A123456(7)'])('refuses %s', (value) => {
    expect(rules(validateHkMacauTravelPermit(value, F))).toEqual(['national/hk-macau-permit-format']);
  });
});

describe('validateTaiwanCompatriotPermit', () => {
  it.each(['01234567', '1234567890', '12345678(B)', '12345678（B）', '12345678B'])('accepts %s', (value) => {
    expect(validateTaiwanCompatriotPermit(value, F)).toEqual([]);
  });
  it.each(['1234567', '12345678901', 'ABCDEFGH', '1234567AB', 'T12345678-9'])('refuses %s', (value) => {
    expect(rules(validateTaiwanCompatriotPermit(value, F))).toEqual(['national/taiwan-permit-format']);
  });
});

/** A 2023 permanent resident ID: 9, provincial code, nationality, birth date, sequence, check. */
function permanentResidentId(province = '11', nationality = '840', birth = '19850612', sequence = '012'): string {
  const body = `9${province}${nationality}${birth}${sequence}`.slice(0, 17);
  return body + computeResidentIdCheckDigit(body);
}

describe('validateForeignPermanentResidentId', () => {
  it.each([
    ['the 2023 format', permanentResidentId()],
    ['the 2004/2017 format', 'USA110085061201'],
    ['the old format in lower case', 'gbr310090010203'],
  ])('accepts %s', (_, value) => {
    expect(validateForeignPermanentResidentId(value, F, NOW)).toEqual([]);
  });

  it.each([
    ['16 characters', 'USA1100850612011', 'national/foreign-permanent-id-format'],
    ['a resident ID', residentId(), 'national/foreign-permanent-id-format'],
    ['two letters in the old format', 'US1100850612011', 'national/foreign-permanent-id-format'],
    ['an unknown provincial code', permanentResidentId('99'), 'national/foreign-permanent-id-region'],
    ['an impossible birth date', permanentResidentId('31', '156', '19850230'), 'national/foreign-permanent-id-birth-date'],
    [
      'a wrong check character',
      `${permanentResidentId().slice(0, 17)}${permanentResidentId()[17] === '0' ? '1' : '0'}`,
      'national/foreign-permanent-id-checksum',
    ],
  ])('refuses %s', (_, value, rule) => {
    expect(rules(validateForeignPermanentResidentId(value, F, NOW))).toEqual([rule]);
  });
});

describe('validateResidencePermit', () => {
  it.each(['810000', '820000', '830000'])('accepts a permit under %s', (prefix) => {
    expect(validateResidencePermit(residentId(prefix, '19920815', '003'), F, NOW)).toEqual([]);
  });
  it.each([
    ['a mainland resident ID', residentId(), 'national/residence-permit-region'],
    ['a wrong check character', `${residentId('810000').slice(0, 17)}${residentId('810000')[17] === '0' ? '1' : '0'}`, 'national/residence-permit-checksum'],
    ['15 digits', '810000199208150', 'national/residence-permit-format'],
  ])('refuses %s', (_, value, rule) => {
    expect(rules(validateResidencePermit(value, F, NOW))).toEqual([rule]);
  });
});

describe('validateRegistrationNumber', () => {
  it.each(['南字第1234567号', '军服证字（2019）第0012号', 'PDY60011344030417A1002', '京律执字[2010]第1号', '粤 卫 12345'])('accepts %s', (value) => {
    expect(validateRegistrationNumber(value, F)).toEqual([]);
  });
  it.each([
    ['no digit', '南字第号', undefined],
    ['a symbol', '南字第123*号', '*'],
    ['an emoji', '南字第123😀号', '😀'],
    ['51 characters', `第${'1'.repeat(50)}`, undefined],
    ['only spaces', '   ', undefined],
  ])('refuses a number with %s', (_, value, matched) => {
    const v = validateRegistrationNumber(value, F);
    expect(rules(v)).toEqual(['national/registration-number-format']);
    expect(v[0]?.matched).toBe(matched);
  });
});

describe('validateCertificateNumber (dispatcher)', () => {
  /** A valid number for every type. */
  const VALID: Record<CertificateType, string> = {
    RESIDENT_ID: residentId(),
    PASSPORT: 'E12345678',
    TAIWAN_COMPATRIOT_PERMIT: '01234567',
    HK_MACAU_TRAVEL_PERMIT: 'H12345678',
    FOREIGN_PERMANENT_RESIDENT_ID: permanentResidentId(),
    HK_MACAU_TW_RESIDENCE_PERMIT: residentId('820000'),
    OFFICER_ID: '南字第1234567号',
    BUSINESS_LICENSE: creditCode('91'),
    ORGANIZATION_CODE: `${organizationCode().slice(0, 8)}-${organizationCode()[8]}`,
    PUBLIC_INSTITUTION_CERTIFICATE: creditCode('12'),
    SOCIAL_ORGANIZATION_CERTIFICATE: creditCode('51'),
    PRIVATE_NON_ENTERPRISE_CERTIFICATE: creditCode('52'),
    FOUNDATION_CERTIFICATE: creditCode('53'),
    LAW_FIRM_LICENSE: creditCode('31'),
    GOVERNMENT_CREDIT_CODE: creditCode('11'),
    MILITARY_UNIT_CODE: '军服证字第0012号',
    FOREIGN_CULTURAL_CENTER_CERTIFICATE: creditCode('41'),
    MASS_ORGANIZATION_CERTIFICATE: creditCode('13'),
    JUDICIAL_EXPERTISE_LICENSE: '420112001',
    RELIGIOUS_ACTIVITY_CERTIFICATE: creditCode('71'),
    MEDICAL_INSTITUTION_LICENSE: 'PDY60011344030417A1002',
    NOTARY_LICENSE: creditCode('32'),
  };

  it.each(CERTIFICATE_TYPES.map((t) => [t, VALID[t]]))('accepts a valid %s', (type, value) => {
    expect(validateCertificateNumber(type, value, F, NOW)).toEqual([]);
  });

  it.each(CERTIFICATE_TYPES)('refuses an empty %s number with one violation', (type) => {
    expect(rules(validateCertificateNumber(type, '  ', F, NOW))).toEqual(['national/certificate-number-required']);
  });

  it.each([
    ['RESIDENT_ID', '110105199003074', 'national/resident-id-format'],
    ['BUSINESS_LICENSE', '440301104059373', 'national/credit-code-format'],
    ['PUBLIC_INSTITUTION_CERTIFICATE', '事证第142000001234号', 'national/credit-code-format'],
    ['GOVERNMENT_CREDIT_CODE', `${creditCode('11').slice(0, 17)}${creditCode('11')[17] === '0' ? '1' : '0'}`, 'national/credit-code-checksum'],
    ['LAW_FIRM_LICENSE', `${creditCode('31').slice(0, 17)}${creditCode('31')[17] === '0' ? '1' : '0'}`, 'national/credit-code-checksum'],
    ['NOTARY_LICENSE', '公证*123', 'national/registration-number-format'],
    ['ORGANIZATION_CODE', '1234567', 'national/organization-code-format'],
    ['HK_MACAU_TW_RESIDENCE_PERMIT', residentId(), 'national/residence-permit-region'],
  ] as const)('routes %s to its own rules', (type, value, rule) => {
    expect(rules(validateCertificateNumber(type, value, F, NOW))).toEqual([rule]);
  });

  it('checks an 18-character credit-code-shaped number on a tolerant type as a credit code', () => {
    const typo = `${creditCode('34').slice(0, 17)}${creditCode('34')[17] === '0' ? '1' : '0'}`;
    expect(rules(validateCertificateNumber('JUDICIAL_EXPERTISE_LICENSE', typo, F))).toEqual(['national/credit-code-checksum']);
  });

  it('refuses an unknown type from untyped callers', () => {
    expect(rules(validateCertificateNumber('LIBRARY_CARD' as CertificateType, '123', F))).toEqual(['national/certificate-type-unknown']);
  });

  it('property: arbitrary text never throws, for every type; huge input is refused', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CERTIFICATE_TYPES), arbAnyText, (type, text) => {
        expectWellFormed(validateCertificateNumber(type, text, F, NOW), F);
      }),
    );
    for (const type of CERTIFICATE_TYPES) expect(validateCertificateNumber(type, '号1'.repeat(5_000), F, NOW).length).toBeGreaterThan(0);
  });

  it('property: generated resident IDs pass as RESIDENT_ID', () => {
    fc.assert(fc.property(arbResidentId, (id) => validateCertificateNumber('RESIDENT_ID', id, F, NOW).length === 0));
  });
});

describe('normaliseCertificateNumber', () => {
  it.each([
    ['RESIDENT_ID', ' 11010519491231002x ', '11010519491231002X'],
    ['ORGANIZATION_CODE', 'ma5f1234-5', 'MA5F12345'],
    ['TAIWAN_COMPATRIOT_PERMIT', '12345678（b）', '12345678B'],
    ['BUSINESS_LICENSE', '９１４４ 0300', '91440300'],
  ] as const)('%s %j → %s', (type, value, expected) => {
    expect(normaliseCertificateNumber(type, value)).toBe(expected);
  });

  it('property: normalising twice changes nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CERTIFICATE_TYPES), arbAnyText, (type, text) => {
        const once = normaliseCertificateNumber(type, text);
        return normaliseCertificateNumber(type, once) === once;
      }),
    );
  });
});

describe('certificate types per nature', () => {
  it.each([
    ['INDIVIDUAL', ['RESIDENT_ID', 'PASSPORT', 'TAIWAN_COMPATRIOT_PERMIT', 'HK_MACAU_TRAVEL_PERMIT', 'FOREIGN_PERMANENT_RESIDENT_ID', 'HK_MACAU_TW_RESIDENCE_PERMIT', 'OFFICER_ID']],
    ['ENTERPRISE', ['BUSINESS_LICENSE', 'ORGANIZATION_CODE']],
    ['PUBLIC_INSTITUTION', ['PUBLIC_INSTITUTION_CERTIFICATE', 'ORGANIZATION_CODE']],
    ['SOCIAL_ORGANIZATION', ['SOCIAL_ORGANIZATION_CERTIFICATE']],
    ['GOVERNMENT', ['GOVERNMENT_CREDIT_CODE', 'ORGANIZATION_CODE']],
    ['PRIVATE_NON_ENTERPRISE', ['PRIVATE_NON_ENTERPRISE_CERTIFICATE', 'ORGANIZATION_CODE']],
    ['FOUNDATION', ['FOUNDATION_CERTIFICATE']],
    ['LAW_FIRM', ['LAW_FIRM_LICENSE']],
    ['MILITARY', ['MILITARY_UNIT_CODE']],
    ['NOTARY', ['NOTARY_LICENSE']],
  ] as const)('%s may use %j', (nature, types) => {
    expect(allowedCertificateTypes(nature)).toEqual(types);
  });

  it('gives every nature at least one type, and every type to some nature', () => {
    for (const nature of SUBJECT_NATURES) expect(allowedCertificateTypes(nature).length).toBeGreaterThan(0);
    const used = new Set(SUBJECT_NATURES.flatMap(allowedCertificateTypes));
    expect(CERTIFICATE_TYPES.filter((t) => !used.has(t))).toEqual([]);
  });

  it('gives principals the personal types only', () => {
    expect(principalCertificateTypes()).toEqual(allowedCertificateTypes('INDIVIDUAL'));
    expect(principalCertificateTypes()).not.toContain('BUSINESS_LICENSE');
  });

  it('returns copies callers may change', () => {
    allowedCertificateTypes('ENTERPRISE').push('PASSPORT');
    principalCertificateTypes().pop();
    expect(allowedCertificateTypes('ENTERPRISE')).toEqual(['BUSINESS_LICENSE', 'ORGANIZATION_CODE']);
    expect(principalCertificateTypes()).toHaveLength(7);
  });

  it.each([
    ['INDIVIDUAL', 'BUSINESS_LICENSE'],
    ['ENTERPRISE', 'RESIDENT_ID'],
    ['SOCIAL_ORGANIZATION', 'BUSINESS_LICENSE'],
    ['GOVERNMENT', 'PUBLIC_INSTITUTION_CERTIFICATE'],
  ] as const)('refuses %s with %s', (nature, type) => {
    const v = validateCertificateTypeForNature(nature, type, 'subject.certificateType');
    expect(rules(v)).toEqual(['national/certificate-type-for-nature']);
    expect(v[0]).toMatchObject({ field: 'subject.certificateType', matched: type });
  });

  it('property: the validator agrees with the allowed list', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SUBJECT_NATURES), fc.constantFrom(...CERTIFICATE_TYPES), (nature, type) => {
        const v = validateCertificateTypeForNature(nature, type, 'f');
        expectWellFormed(v, 'f');
        return (v.length === 0) === allowedCertificateTypes(nature).includes(type);
      }),
    );
  });
});
