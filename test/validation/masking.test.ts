import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskCertificateNumber, maskEmail, maskPhone } from '../../src/validation/index.js';
import { arbAnyText, arbMobile, arbResidentId } from './fixtures.js';

/** Positions where the masked text shows the original character. */
function revealed(original: string, masked: string): number {
  const a = [...original.trim()];
  const b = [...masked];
  return b.filter((c, i) => c !== '*' && c === a[i]).length;
}

describe('maskCertificateNumber', () => {
  it.each([
    ['110101199003074512', '110***********4512'],
    ['91440300MA5F12345X', '914***********345X'],
    ['USA110085061201', 'USA********1201'],
    ['E12345678', 'E*****678'],
    ['12345678', '1****678'],
    ['H1234567', 'H****567'],
    ['1234567', '******7'],
    ['1234', '***4'],
    ['123', '***'],
    ['', ''],
    ['  E12345678  ', 'E*****678'],
    ['南字第1234567号', '南*******67号'],
  ])('%j → %j', (value, masked) => {
    expect(maskCertificateNumber(value)).toBe(masked);
  });

  it('property: keeps the length, never shows more than half, and masking again keeps the length', () => {
    fc.assert(
      fc.property(fc.oneof(arbAnyText, arbResidentId, fc.string({ maxLength: 30 })), (value) => {
        const masked = maskCertificateNumber(value);
        const n = [...value.trim()].length;
        return (
          [...masked].length === n &&
          revealed(value, masked) <= Math.floor(n / 2) &&
          [...maskCertificateNumber(masked)].length === n
        );
      }),
    );
  });

  it('property: an 18-character ID shows exactly its first 3 and last 4 characters', () => {
    fc.assert(fc.property(arbResidentId, (id) => maskCertificateNumber(id) === `${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(14)}`));
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['+86 138-1234-1234', '138****1234'],
    ['010-62345678', '010-****5678'],
    ['(0755)2345678', '0755-***5678'],
    ['010-62345678转801', '010-****5678-***'],
    ['400-823-8888', '4********888'],
    ['', ''],
  ])('%j → %j', (value, masked) => {
    expect(maskPhone(value)).toBe(masked);
  });

  it('property: a mobile shows only its first 3 and last 4 digits; masking again keeps the length', () => {
    fc.assert(
      fc.property(arbMobile, (mobile) => {
        const masked = maskPhone(mobile);
        return masked === `${mobile.slice(0, 3)}****${mobile.slice(7)}` && maskPhone(masked).length === masked.length;
      }),
    );
  });

  it('property: arbitrary text never throws and the result has no more characters than the input', () => {
    fc.assert(fc.property(arbAnyText, (text) => [...maskPhone(text)].length <= [...text.trim()].length));
  });
});

describe('maskEmail', () => {
  it.each([
    ['zhangsan@example.com', 'z*******@example.com'],
    ['ab@example.com', 'a*@example.com'],
    ['a@example.com', '*@example.com'],
    ['  Li.Si@Example.com ', 'L****@Example.com'],
    ['@example.com', '@example.com'],
    ['not-an-email', 'n********ail'],
  ])('%j → %j', (value, masked) => {
    expect(maskEmail(value)).toBe(masked);
  });

  it('property: keeps the domain and the length, shows one character of the local part at most', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const masked = maskEmail(email);
        const at = email.lastIndexOf('@');
        const maskedLocal = masked.slice(0, masked.lastIndexOf('@'));
        return (
          masked.endsWith(email.slice(at)) &&
          [...masked].length === [...email].length &&
          maskedLocal.slice(1) === '*'.repeat([...maskedLocal].length - 1) &&
          maskEmail(masked).length === masked.length
        );
      }),
    );
    fc.assert(fc.property(arbAnyText, (text) => [...maskEmail(text)].length === [...text.trim()].length));
  });
});
