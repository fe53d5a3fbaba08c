/**
 * Properties the validator suites (test/validation, provinces/engine) leave out: normal forms are
 * fixed points and keep a value valid (certificate numbers and phones are stored normalised), and
 * the website-name engine withstands hostile names and points only at text the name contains.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWebsiteName, listProvinces } from '../../provinces/index.js';
import { CERTIFICATE_TYPES, SUBJECT_NATURES } from '../../src/domain/vocabulary.js';
import {
  normaliseCertificateNumber,
  normaliseEmail,
  normaliseMobile,
  parseDomain,
  validateCertificateNumber,
  validateCreditCode,
  validateMobile,
  validateResidentId,
} from '../../src/validation/index.js';
import { arbAnyText, arbCreditCode, arbMobile, arbResidentId, NOW } from '../validation/fixtures.js';

const F = 'x';
const FULL_WIDTH = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
/** The ways people type an identifier: lower case, full-width, spaced out. */
const typed = (value: string) =>
  fc.constantFrom(value, value.toLowerCase(), FULL_WIDTH(value), value.replace(/(.{4})/g, '$1 '), ` ${value}\t`);

describe('normal forms', () => {
  it('normalising twice is normalising once, for every certificate type and any text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CERTIFICATE_TYPES), arbAnyText, (type, text) => {
        const once = normaliseCertificateNumber(type, text);
        expect(normaliseCertificateNumber(type, once)).toBe(once);
      }),
      { numRuns: 2_000 },
    );
    fc.assert(
      fc.property(arbAnyText, (text) => {
        const mobile = normaliseMobile(text);
        if (mobile !== null) expect(normaliseMobile(mobile)).toBe(mobile);
        expect(normaliseEmail(normaliseEmail(text))).toBe(normaliseEmail(text));
        const domain = parseDomain(text);
        if (domain.ok) expect(parseDomain(domain.domain!).domain).toBe(domain.domain);
      }),
      { numRuns: 2_000 },
    );
  });

  it('a valid number, however typed, stays valid in its stored (normal) form', () => {
    fc.assert(
      fc.property(arbResidentId.chain(typed), (id) => {
        expect(validateResidentId(id, F, NOW)).toEqual([]);
        expect(validateCertificateNumber('RESIDENT_ID', normaliseCertificateNumber('RESIDENT_ID', id), F, NOW)).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(arbCreditCode.chain(typed), (code) => {
        expect(validateCreditCode(code, F)).toEqual([]);
        expect(validateCertificateNumber('BUSINESS_LICENSE', normaliseCertificateNumber('BUSINESS_LICENSE', code), F, NOW)).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(arbMobile, fc.constantFrom('', '+86', '86', '0086', '+86 '), fc.constantFrom('', ' ', '-'), (mobile, prefix, sep) => {
        const typedMobile = `${prefix}${mobile.slice(0, 3)}${sep}${mobile.slice(3, 7)}${sep}${mobile.slice(7)}`;
        expect(validateMobile(typedMobile, F)).toEqual([]);
        expect(normaliseMobile(typedMobile)).toBe(mobile);
      }),
    );
  });
});

describe('website names on hostile input', () => {
  const provinces = listProvinces().map((p) => p.code);
  const hostile = fc.oneof(
    arbAnyText,
    fc.constantFrom('\ud800官网\udfff', '官\u200b网', '官\u0000网', 'ＡＰＰ下载', '中国'.repeat(5_000), '😀'.repeat(20_000), 'a'.repeat(100_000)),
  );

  it('never throws, and every name violation points at text the name contains', () => {
    fc.assert(
      fc.property(fc.constantFrom(...provinces), fc.constantFrom(...SUBJECT_NATURES), hostile, hostile, hostile, (province, nature, name, subjectName, remark) => {
        const violations = checkWebsiteName({ province, nature, name, subjectName, remark, domains: [remark.slice(0, 50)] });
        for (const v of violations) {
          expect(v.rule.startsWith(`${v.module}/`)).toBe(true);
          if (v.field === 'name' && v.matched) expect(name.toLowerCase()).toContain(v.matched.toLowerCase());
        }
      }),
      { numRuns: 300 },
    );
  });
});
