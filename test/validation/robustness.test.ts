/** Every string validator on hostile input: never throws, always refuses, reports well-formed violations. */
import { describe, expect, it } from 'vitest';
import { CERTIFICATE_TYPES } from '../../src/domain/vocabulary.js';
import type { Violation } from '../../src/domain/violation.js';
import {
  parseDomain,
  validateAddress,
  validateCertificateNumber,
  validateCreditCode,
  validateEmail,
  validateHomepageUrl,
  validateMobile,
  validateOrganizationCode,
  validatePhone,
  validateResidentId,
} from '../../src/validation/index.js';
import { expectWellFormed, NOW } from './fixtures.js';

const F = 'x';

const VALIDATORS: Array<[string, (s: string) => Violation[]]> = [
  ['validateResidentId', (s) => validateResidentId(s, F, NOW)],
  ['validateCreditCode', (s) => validateCreditCode(s, F)],
  ['validateOrganizationCode', (s) => validateOrganizationCode(s, F)],
  ...CERTIFICATE_TYPES.map((t): [string, (s: string) => Violation[]] => [`validateCertificateNumber(${t})`, (s) => validateCertificateNumber(t, s, F, NOW)]),
  ['validateMobile', (s) => validateMobile(s, F)],
  ['validatePhone', (s) => validatePhone(s, F)],
  ['validateEmail', (s) => validateEmail(s, F)],
  ['validateAddress', (s) => validateAddress({ address: s, province: '北京市' }, F)],
  ['parseDomain', (s) => parseDomain(s, F).violations],
  ['validateHomepageUrl', (s) => validateHomepageUrl(s, ['example.com'], F)],
];

const HOSTILE: Array<[string, string]> = [
  ['100 000 digits', '1'.repeat(100_000)],
  ['100 000 Chinese characters', '号'.repeat(100_000)],
  ['50 000 emoji', '😀'.repeat(50_000)],
  ['lone surrogates', '\uD800\uDC00\uDFFF\uD800'],
  ['control characters', '\u0000\u0007\u001b[31m\u202e'],
  ['only whitespace of many kinds', ' \t\n\u3000\u00a0\u2028'],
];

describe.each(VALIDATORS)('%s', (_, validate) => {
  it.each(HOSTILE)('refuses %s', (__, input) => {
    const v = validate(input);
    expect(v.length).toBeGreaterThan(0);
    expectWellFormed(v, F);
  });
});
