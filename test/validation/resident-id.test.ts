import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeResidentIdCheckDigit, normaliseResidentId, residentIdBirthDate, validateResidentId } from '../../src/validation/index.js';
import { arbAnyText, arbResidentId, expectWellFormed, NOW, residentId, rules } from './fixtures.js';

const F = 'subject.certificateNumber';

describe('computeResidentIdCheckDigit', () => {
  it('computes the worked example of GB 11643-1999 (a specimen number, not a person)', () => {
    expect(computeResidentIdCheckDigit('11010519491231002')).toBe('X');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => computeResidentIdCheckDigit('1101051949123100')).toThrow(RangeError);
    expect(() => computeResidentIdCheckDigit('1101051949123100A')).toThrow(RangeError);
  });
});

describe('validateResidentId', () => {
  const valid = residentId('110105', '19900307', '451');

  it.each([
    ['a computed number', valid],
    ['the standard’s specimen with X', '11010519491231002X'],
    ['lower-case x', '11010519491231002x'],
    ['surrounding and inner spaces', ` ${valid.slice(0, 6)} ${valid.slice(6, 14)} ${valid.slice(14)} `],
    ['full-width digits', valid.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))],
    ['born on 1900-01-01', residentId('440305', '19000101', '001')],
    ['born today', residentId('650102', '20250601', '002')],
    ['born on a leap day', residentId('510104', '20000229', '123')],
  ])('accepts %s', (_, value) => {
    expect(validateResidentId(value, F, NOW)).toEqual([]);
  });

  it.each([
    ['17 characters', valid.slice(0, 17), 'national/resident-id-format'],
    ['19 characters', `${valid}1`, 'national/resident-id-format'],
    ['a letter inside', `${valid.slice(0, 5)}A${valid.slice(6)}`, 'national/resident-id-format'],
    ['a check character other than X', `${valid.slice(0, 17)}Y`, 'national/resident-id-format'],
    ['the old 15-digit format', '110105900307451', 'national/resident-id-format'],
    ['empty', '', 'national/resident-id-format'],
  ])('refuses %s with only a format violation', (_, value, rule) => {
    expect(rules(validateResidentId(value, F, NOW))).toEqual([rule]);
  });

  it('names the offending character', () => {
    expect(validateResidentId('11010519900307451Y', F, NOW)[0]?.matched).toBe('Y');
    expect(validateResidentId('1101051990030745-1', F, NOW)[0]?.matched).toBe('-');
  });

  it.each([
    ['first digit 9', '910105', 'national/resident-id-region'],
    ['first digit 0', '010105', 'national/resident-id-region'],
    ['province code 19 (unassigned)', '190105', 'national/resident-id-region'],
    ['Hong Kong 81 (residence permits are a separate type)', '810000', 'national/resident-id-region'],
  ])('refuses a region code with %s', (_, region, rule) => {
    const v = validateResidentId(residentId(region), F, NOW);
    expect(rules(v)).toEqual([rule]);
    expect(v[0]?.matched).toBe(region);
  });

  it.each([
    ['30 February', '19900230'],
    ['month 13', '19901301'],
    ['day 00', '19900300'],
    ['29 February in a common year', '19000229'],
    ['before 1900', '18991231'],
    ['tomorrow', '20250602'],
    ['far in the future', '29990101'],
  ])('refuses a birth date of %s', (_, birth) => {
    const v = validateResidentId(residentId('110105', birth), F, NOW);
    expect(rules(v)).toEqual(['national/resident-id-birth-date']);
    expect(v[0]?.matched).toBe(birth);
  });

  it('reads "today" in Asia/Shanghai', () => {
    const bornJune2 = residentId('110105', '20250602');
    expect(validateResidentId(bornJune2, F, new Date('2025-06-01T15:59:59Z'))).not.toEqual([]);
    expect(validateResidentId(bornJune2, F, new Date('2025-06-01T16:00:00Z'))).toEqual([]);
  });

  it('refuses a wrong check character', () => {
    const wrong = `${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}`;
    const v = validateResidentId(wrong, F, NOW);
    expect(rules(v)).toEqual(['national/resident-id-checksum']);
    expect(v[0]).toMatchObject({ field: F, module: 'national', source: 'GB 11643-1999' });
  });

  it('reports region, birth date and checksum together', () => {
    const v = validateResidentId('990105199002304510', F, NOW);
    expect(rules(v)).toEqual(['national/resident-id-region', 'national/resident-id-birth-date', 'national/resident-id-checksum']);
  });

  it('property: every generated number passes', () => {
    fc.assert(fc.property(arbResidentId, (id) => validateResidentId(id, F, NOW).length === 0));
  });

  it('property: any single-character change is caught', () => {
    fc.assert(
      fc.property(arbResidentId, fc.nat(17), fc.constantFrom(...'0123456789X'), (id, position, replacement) => {
        fc.pre(id[position] !== replacement);
        const changed = id.slice(0, position) + replacement + id.slice(position + 1);
        return validateResidentId(changed, F, NOW).length > 0;
      }),
    );
  });

  it('property: arbitrary text never throws and is refused unless it is a valid number', () => {
    fc.assert(
      fc.property(arbAnyText, (text) => {
        const v = validateResidentId(text, F, NOW);
        expectWellFormed(v, F);
        return v.length > 0 || /^\d{17}[\dX]$/.test(normaliseResidentId(text));
      }),
    );
    expect(validateResidentId('1'.repeat(100_000), F, NOW)).toHaveLength(1);
  });
});

describe('normaliseResidentId and residentIdBirthDate', () => {
  it('normalises case, width and spaces', () => {
    expect(normaliseResidentId(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(normaliseResidentId('１１０１０５ 19491231002Ｘ')).toBe('11010519491231002X');
  });

  it.each([
    ['11010519491231002X', '1949-12-31'],
    [residentId('110105', '20000229'), '2000-02-29'],
    [residentId('110105', '19900230'), null],
    ['1101051949123100', null],
  ])('birth date of %s is %s', (id, day) => {
    expect(residentIdBirthDate(id)).toBe(day);
  });

  it('property: the birth date of a generated number is the one it was built with', () => {
    fc.assert(
      fc.property(arbResidentId, (id) => residentIdBirthDate(id) === `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`),
    );
  });
});
