import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparablePhone,
  normaliseEmail,
  normaliseFixedLine,
  normaliseMobile,
  validateEmail,
  validateMobile,
  validatePhone,
} from '../../src/validation/index.js';
import { arbAnyText, arbMobile, expectWellFormed, rules } from './fixtures.js';

const F = 'subject.principal.mobile';

describe('mobile numbers', () => {
  it.each([
    ['13812341234', '13812341234'],
    ['19912341234', '19912341234'],
    ['+86 138 1234 1234', '13812341234'],
    ['+8613812341234', '13812341234'],
    ['0086-138-1234-1234', '13812341234'],
    ['86 13812341234', '13812341234'],
    ['138.1234.1234', '13812341234'],
    ['(+86)138-1234-1234', '13812341234'],
    ['１３８１２３４１２３４', '13812341234'],
  ])('accepts %j as %s', (value, normal) => {
    expect(normaliseMobile(value)).toBe(normal);
    expect(validateMobile(value, F)).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['10 digits', '1381234123'],
    ['12 digits', '138123412345'],
    ['second digit 2', '12812341234'],
    ['second digit 0', '10012341234'],
    ['not starting with 1', '23812341234'],
    ['a landline', '010-62345678'],
    ['letters', '138abcd1234'],
    ['a wrong country code', '+85 13812341234'],
    ['86 glued to a 10-digit number', '861381234123'],
  ])('refuses %s', (_, value) => {
    expect(normaliseMobile(value)).toBeNull();
    expect(rules(validateMobile(value, F))).toEqual(['national/mobile-format']);
  });

  it('property: generated numbers pass, with or without prefix and separators', () => {
    fc.assert(
      fc.property(arbMobile, fc.constantFrom('', '+86', '+86 ', '0086', '86'), fc.constantFrom('', ' ', '-'), (mobile, prefix, sep) => {
        const typed = prefix + [mobile.slice(0, 3), mobile.slice(3, 7), mobile.slice(7)].join(sep);
        return normaliseMobile(typed) === mobile && validateMobile(typed, F).length === 0;
      }),
    );
  });

  it('property: arbitrary text never throws and passes only when it normalises', () => {
    fc.assert(
      fc.property(arbAnyText, (text) => {
        const v = validateMobile(text, F);
        expectWellFormed(v, F);
        return (v.length === 0) === (normaliseMobile(text) !== null);
      }),
    );
    expect(validateMobile('1'.repeat(100_000), F)).toHaveLength(1);
  });
});

describe('fixed-line numbers and the emergency phone', () => {
  const E = 'subject.principal.emergencyPhone';

  it.each([
    ['010-62345678', '010-62345678'],
    ['01062345678', '010-62345678'],
    ['(010)62345678', '010-62345678'],
    ['（０１０）６２３４５６７８', '010-62345678'],
    ['021 6234 5678', '021-62345678'],
    ['+86 21 62345678', '021-62345678'],
    ['0086-21-62345678', '021-62345678'],
    ['0755-2345678', '0755-2345678'],
    ['0755-23456789', '0755-23456789'],
    ['0755-2345-6789', '0755-23456789'],
    ['010-62345678-801', '010-62345678-801'],
    ['010-62345678转801', '010-62345678-801'],
    ['010-62345678 分机 801', '010-62345678-801'],
    ['010-62345678 ext. 8', '010-62345678-8'],
    ['010-62345678#12', '010-62345678-12'],
  ])('reads %j as %s', (value, normal) => {
    expect(normaliseFixedLine(value)).toBe(normal);
    expect(validatePhone(value, E)).toEqual([]);
  });

  it.each([
    ['a local number starting with 1', '010-12345678'],
    ['a 7-digit Beijing number', '010-6234567'],
    ['no area code', '62345678'],
    ['an area code without 0', '755-2345678'],
    ['a 9-digit local number', '0755-234567890'],
    ['a service number', '400-823-8888'],
    ['a toll-free number', '800-823-8888'],
    ['a 7-digit extension', '010-62345678-1234567'],
    ['letters', '010-6234ABCD'],
    ['empty', ''],
  ])('refuses %s', (_, value) => {
    expect(normaliseFixedLine(value)).toBeNull();
    expect(rules(validatePhone(value, E))).toEqual(['national/phone-format']);
  });

  it('accepts a mobile number as the emergency phone', () => {
    expect(validatePhone('+86 139 0000 1111', E)).toEqual([]);
  });

  it('compares phones in normal form', () => {
    expect(comparablePhone('+86 138-1234-1234')).toBe(comparablePhone('13812341234'));
    expect(comparablePhone('(010)62345678')).toBe(comparablePhone('010 6234 5678'));
    expect(comparablePhone(' not a phone ')).toBe('not a phone');
  });

  it('property: arbitrary text never throws; area-local numbers built from the rules pass', () => {
    fc.assert(fc.property(arbAnyText, (text) => expectWellFormed(validatePhone(text, E), E)));
    const arbFixed = fc
      .tuple(fc.constantFrom('010', '020', '021', '029', '0311', '0755', '0991'), fc.integer({ min: 2_000_000, max: 9_999_999 }), fc.nat(9))
      .map(([area, n, extra]) => (area.length === 3 ? `${area}-${n}${extra}` : `${area}-${n}`));
    fc.assert(fc.property(arbFixed, (phone) => normaliseFixedLine(phone) === phone));
  });
});

describe('validateEmail', () => {
  const E = 'subject.principal.email';

  it.each([
    'name@example.com',
    'first.last+tag@mail.example.com.cn',
    "o'brien_x-y@example.org",
    'User@Example.COM',
    ' padded@example.com ',
    'name@例子.中国',
    'name@xn--fsqu00a.xn--fiqs8s',
    `${'a'.repeat(64)}@example.com`,
    `a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(56)}.com`,
  ])('accepts %s', (value) => {
    expect(validateEmail(value, E)).toEqual([]);
  });

  it.each([
    ['empty', '', 'national/email-required'],
    ['spaces only', '   ', 'national/email-required'],
    ['no @', 'name.example.com', 'national/email-format'],
    ['nothing before @', '@example.com', 'national/email-format'],
    ['two @', 'a@b@example.com', 'national/email-format'],
    ['a dot at the start', '.name@example.com', 'national/email-format'],
    ['two dots', 'na..me@example.com', 'national/email-format'],
    ['a quoted local part', '"a b"@example.com', 'national/email-format'],
    ['a Chinese local part', '张三@example.com', 'national/email-format'],
    ['a 65-character local part', `${'a'.repeat(65)}@example.com`, 'national/email-format'],
    ['a domain without dot', 'name@localhost', 'national/email-format'],
    ['an IP domain', 'name@192.168.1.1', 'national/email-format'],
    ['an IP literal', 'name@[192.168.1.1]', 'national/email-format'],
    ['a numeric top-level domain', 'name@example.123', 'national/email-format'],
    ['a label with an underscore', 'name@ex_ample.com', 'national/email-format'],
    ['a label starting with a hyphen', 'name@-example.com', 'national/email-format'],
    ['a space inside', 'na me@example.com', 'national/email-format'],
    ['255 characters', `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.com`, 'national/email-length'],
  ])('refuses %s', (_, value, rule) => {
    expect(rules(validateEmail(value, E))).toEqual([rule]);
  });

  it('normalises the domain only', () => {
    expect(normaliseEmail(' User.Name@Example.COM ')).toBe('User.Name@example.com');
    expect(normaliseEmail('no-at-sign')).toBe('no-at-sign');
  });

  it('property: generated addresses pass; arbitrary text never throws; huge text is refused', () => {
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
    const arbEmail = fc
      .tuple(fc.stringMatching(/^[a-zA-Z0-9_+-]{1,20}(?:\.[a-zA-Z0-9_+-]{1,10})?$/), label, fc.constantFrom('com', 'cn', 'com.cn', 'org', 'xn--fiqs8s'))
      .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
    fc.assert(fc.property(arbEmail, (email) => validateEmail(email, E).length === 0));
    fc.assert(fc.property(arbAnyText, (text) => expectWellFormed(validateEmail(text, E), E)));
    expect(rules(validateEmail(`${'a'.repeat(100_000)}@example.com`, E))).toEqual(['national/email-length']);
  });
});
