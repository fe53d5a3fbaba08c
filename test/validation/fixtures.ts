/**
 * Fixtures for the validator tests: valid numbers are built by computing their check characters, so
 * no real person's or organisation's number appears; fast-check arbitraries generate more of them.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Violation } from '../../src/domain/violation.js';
import {
  computeCreditCodeCheckDigit,
  computeOrganizationCodeCheckDigit,
  computeResidentIdCheckDigit,
  CREDIT_CODE_AUTHORITIES,
  MAINLAND_DIVISION_CODES,
} from '../../src/validation/index.js';

/** "Now" for every test: 2025-06-01 12:00 in Asia/Shanghai. */
export const NOW = new Date('2025-06-01T04:00:00Z');
export const TODAY = '2025-06-01';

/** A resident-ID-shaped number with its check character computed. */
export function residentId(region = '110105', birth = '19900307', sequence = '451'): string {
  const body = `${region}${birth}${sequence}`;
  return body + computeResidentIdCheckDigit(body);
}

/** An organisation code (8 characters + GB 11714 check). */
export function organizationCode(first8 = 'MA5F1234'): string {
  return first8 + computeOrganizationCodeCheckDigit(first8);
}

/** A credit code with both its check characters computed. */
export function creditCode(prefix = '91', region = '440300', first8 = 'MA5F1234'): string {
  const body = `${prefix}${region}${organizationCode(first8)}`;
  return body + computeCreditCodeCheckDigit(body);
}

export const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const DIGITS = '0123456789';

const digitString = (length: number) => fc.string({ unit: fc.constantFrom(...DIGITS), minLength: length, maxLength: length });

/** A calendar day `YYYYMMDD` between 1900-01-01 and TODAY. */
export const birthDay = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));

/** Valid resident ID numbers. */
export const arbResidentId = fc
  .tuple(fc.constantFrom(...MAINLAND_DIVISION_CODES), digitString(4), birthDay, digitString(3))
  .map(([province, rest, birth, sequence]) => residentId(province + rest, birth, sequence));

const AUTHORITY_PAIRS = Object.entries(CREDIT_CODE_AUTHORITIES).flatMap(([a, { types }]) => Object.keys(types).map((t) => a + t));

/** Valid credit codes over every authority/type pair. */
export const arbCreditCode = fc
  .tuple(
    fc.constantFrom(...AUTHORITY_PAIRS),
    fc.constantFrom(...MAINLAND_DIVISION_CODES),
    digitString(4),
    fc.string({ unit: fc.constantFrom(...CREDIT_ALPHABET), minLength: 8, maxLength: 8 }),
  )
  .map(([pair, province, rest, first8]) => creditCode(pair, province + rest, first8));

/** Valid mainland mobile numbers. */
export const arbMobile = fc.tuple(fc.constantFrom(...'3456789'), digitString(9)).map(([second, rest]) => `1${second}${rest}`);

/** Strings of any Unicode characters, including astral ones and controls. */
export const arbAnyText = fc.string({ unit: 'binary', maxLength: 80 });

/** Every violation is a national one, at (or under) the field given, with both messages. */
export function expectWellFormed(violations: Violation[], field: string): void {
  for (const v of violations) {
    expect(v.module).toBe('national');
    expect(v.rule).toMatch(/^national\/[a-z0-9-]+$/);
    expect(v.field.startsWith(field)).toBe(true);
    expect(v.message).toMatch(/\p{Script=Han}/u);
    expect(v.messageEn.length).toBeGreaterThan(0);
  }
}

/** The rule ids of a list of violations, in order. */
export function rules(violations: Violation[]): string[] {
  return violations.map((v) => v.rule);
}
