import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeCreditCodeCheckDigit,
  computeOrganizationCodeCheckDigit,
  normaliseCreditCode,
  validateCreditCode,
  validateOrganizationCode,
} from '../../src/validation/index.js';
import { arbAnyText, arbCreditCode, creditCode, CREDIT_ALPHABET, expectWellFormed, organizationCode, rules } from './fixtures.js';

const F = 'subject.certificateNumber';

describe('check characters', () => {
  it('computes the GB 11714 check with X for 10 and 0 for 11', () => {
    // 3·0+7·0+9·0+10·0+5·0+8·0+4·0+2·1 = 2 → 11−2 = 9
    expect(computeOrganizationCodeCheckDigit('00000001')).toBe('9');
    // 2·5 = 10 → 11−10 = 1
    expect(computeOrganizationCodeCheckDigit('00000005')).toBe('1');
    // 3·1 + 8·1 = 11 ≡ 0 → 11 → '0'
    expect(computeOrganizationCodeCheckDigit('10000100')).toBe('0');
    // 2·6 = 12 ≡ 1 → 10 → 'X'
    expect(computeOrganizationCodeCheckDigit('00000006')).toBe('X');
    // letters count A = 10 … Z = 35: 3·10 = 30 ≡ 8 → 3
    expect(computeOrganizationCodeCheckDigit('A0000000')).toBe('3');
  });

  it('computes the MOD 31 check', () => {
    // Only position 1 set: 1·1 → 31−1 = 30 → 'Y'; all zeros → 0.
    expect(computeCreditCodeCheckDigit('10000000000000000')).toBe('Y');
    expect(computeCreditCodeCheckDigit('00000000000000000')).toBe('0');
    // Position 2 weight 3: 'A' (10) → 30 → 31−30 = 1.
    expect(computeCreditCodeCheckDigit('0A000000000000000')).toBe('1');
  });

  it('refuses malformed input (programming errors)', () => {
    expect(() => computeCreditCodeCheckDigit('1234')).toThrow(RangeError);
    expect(() => computeCreditCodeCheckDigit('9144030000000000I')).toThrow(RangeError);
    expect(() => computeOrganizationCodeCheckDigit('abc')).toThrow(RangeError);
  });
});

describe('validateCreditCode', () => {
  const valid = creditCode('91', '440300', 'MA5F1234');

  it.each([
    ['an enterprise', creditCode('91', '440300', 'MA5F1234')],
    ['an individual business', creditCode('92', '330106', '0K8L2M3N')],
    ['a public institution', creditCode('12', '420100', '44160234')],
    ['a government body under a central authority', creditCode('11', '100000', '00001035')],
    ['a social organisation', creditCode('51', '510100', '50123456')],
    ['a law firm', creditCode('31', '310000', '42500123')],
    ['a military unit', creditCode('A1', '110000', '00012345')],
    ['a village collective', creditCode('N2', '370829', 'MF1K2345')],
    ['lower case with spaces', ` ${valid.toLowerCase().slice(0, 9)} ${valid.toLowerCase().slice(9)} `],
  ])('accepts %s', (_, code) => {
    expect(validateCreditCode(code, F)).toEqual([]);
  });

  it.each([
    ['17 characters', valid.slice(0, 17)],
    ['19 characters', `${valid}0`],
    ['empty', ''],
  ])('refuses %s with a format violation', (_, code) => {
    expect(rules(validateCreditCode(code, F))).toEqual(['national/credit-code-format']);
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the excluded letter %s and says which letters are excluded', (letter) => {
    const v = validateCreditCode(`${valid.slice(0, 10)}${letter}${valid.slice(11)}`, F);
    expect(rules(v)).toEqual(['national/credit-code-format']);
    expect(v[0]?.matched).toBe(letter);
    expect(v[0]?.message).toContain('I、O、Z、S、V');
  });

  it.each([
    ['unknown authority', 'B1'],
    ['type 4 under civil affairs', '54'],
    ['type 9 under market regulation', '99'],
    ['type 2 under "other"', 'Y2'],
  ])('refuses an %s', (_, pair) => {
    const v = validateCreditCode(creditCode(pair), F);
    expect(rules(v)).toEqual(['national/credit-code-authority']);
    expect(v[0]?.matched).toBe(pair);
  });

  it.each([
    ['letters', '44A300'],
    ['an unknown province', '990300'],
    ['zeros', '000000'],
  ])('refuses a region code with %s', (_, region) => {
    expect(rules(validateCreditCode(creditCode('91', region), F))).toEqual(['national/credit-code-region']);
  });

  it('refuses a wrong organisation-code check character', () => {
    const org = organizationCode('MA5F1234');
    const badOrg = `${org.slice(0, 8)}${org[8] === '0' ? '1' : '0'}`;
    const body = `91440300${badOrg}`;
    const v = validateCreditCode(body + computeCreditCodeCheckDigit(body), F);
    expect(rules(v)).toEqual(['national/credit-code-organization-code']);
    expect(v[0]?.matched).toBe(badOrg);
  });

  it('refuses a wrong final check character', () => {
    const wrong = `${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}`;
    const v = validateCreditCode(wrong, F);
    expect(rules(v)).toEqual(['national/credit-code-checksum']);
    expect(v[0]).toMatchObject({ field: F, source: 'GB 32100-2015' });
  });

  it('property: every generated code passes', () => {
    fc.assert(fc.property(arbCreditCode, (code) => validateCreditCode(code, F).length === 0));
  });

  it('property: any single-character change is caught', () => {
    fc.assert(
      fc.property(arbCreditCode, fc.nat(17), fc.constantFrom(...CREDIT_ALPHABET, 'I', 'O', 'Z', 'S', 'V'), (code, position, replacement) => {
        fc.pre(code[position] !== replacement);
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        return validateCreditCode(changed, F).length > 0;
      }),
    );
  });

  it('property: arbitrary text never throws and is refused unless it has the shape of a code', () => {
    fc.assert(
      fc.property(arbAnyText, (text) => {
        const v = validateCreditCode(text, F);
        expectWellFormed(v, F);
        return v.length > 0 || /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(normaliseCreditCode(text));
      }),
    );
    expect(rules(validateCreditCode('9'.repeat(100_000), F))).toEqual(['national/credit-code-format']);
  });
});

describe('validateOrganizationCode', () => {
  const valid = organizationCode('MA5F1234');

  it.each([
    ['run together', valid],
    ['printed with a hyphen', `${valid.slice(0, 8)}-${valid[8]}`],
    ['with an X check', organizationCode('00000006')],
    ['in lower case', valid.toLowerCase()],
    ['as a credit code', creditCode('52', '110108', '50012345')],
  ])('accepts a code %s', (_, code) => {
    expect(validateOrganizationCode(code, F)).toEqual([]);
  });

  it.each([
    ['8 characters', valid.slice(0, 8), 'national/organization-code-format'],
    ['a check character that is a letter other than X', `${valid.slice(0, 8)}A`, 'national/organization-code-format'],
    ['punctuation', '1234*678-9', 'national/organization-code-format'],
    ['a wrong check character', `${valid.slice(0, 8)}${valid[8] === '0' ? '1' : '0'}`, 'national/organization-code-checksum'],
    ['a credit code with a wrong check character', `${creditCode().slice(0, 17)}${creditCode()[17] === '0' ? '1' : '0'}`, 'national/credit-code-checksum'],
  ])('refuses %s', (_, code, rule) => {
    expect(rules(validateOrganizationCode(code, F))).toEqual([rule]);
  });

  it('property: every generated code passes', () => {
    const arbCode = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 8, maxLength: 8 }).map(organizationCode);
    fc.assert(fc.property(arbCode, (code) => validateOrganizationCode(code, F).length === 0));
  });

  // With letters (A = 10 … Z = 35) two values can differ by a multiple of 11, which MOD 11 cannot see;
  // between digits every single substitution is caught.
  it('property: any single-digit change to an all-digit code is caught', () => {
    const arbCode = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 8, maxLength: 8 }).map(organizationCode);
    fc.assert(
      fc.property(arbCode, fc.nat(8), fc.constantFrom(...'0123456789X'), (code, position, replacement) => {
        fc.pre(code[position] !== replacement && (position === 8 || replacement !== 'X'));
        return validateOrganizationCode(code.slice(0, position) + replacement + code.slice(position + 1), F).length > 0;
      }),
    );
  });

  it('property: arbitrary text never throws', () => {
    fc.assert(fc.property(arbAnyText, (text) => expectWellFormed(validateOrganizationCode(text, F), F)));
  });
});
