/**
 * Masking of personal data for lists and logs. Every function trims its input, never throws, and
 * replaces hidden characters one for one with `*`, so the result has as many characters as the
 * trimmed input (the normalised number, for recognised phone numbers).
 */
import { normaliseFixedLine, normaliseMobile } from './contacts.js';

const MASK = '*';

function keepEnds(chars: string[], head: number, tail: number): string {
  const hidden = chars.length - head - tail;
  return chars.slice(0, head).join('') + MASK.repeat(hidden) + chars.slice(chars.length - tail).join('');
}

/**
 * Certificate numbers: 15 or more characters keep the first 3 and last 4
 * (`110101199003074512` → `110***********4512`); 8–14 keep the first and the last 3
 * (`E12345678` → `E*****678`); 4–7 keep the last one; shorter ones are hidden entirely. At most half
 * of the characters are ever shown.
 */
export function maskCertificateNumber(value: string): string {
  const chars = [...value.trim()];
  const n = chars.length;
  if (n >= 15) return keepEnds(chars, 3, 4);
  if (n >= 8) return keepEnds(chars, 1, 3);
  if (n >= 4) return keepEnds(chars, 0, 1);
  return MASK.repeat(n);
}

/**
 * Phone numbers: a mobile number is shown in its 11-digit form with digits 4–7 hidden
 * (`+86 138-1234-1234` → `138****1234`); a fixed-line number keeps its area code and the last 4 digits of
 * the local number, any extension hidden (`010-62345678-801` → `010-****5678-***`); anything else is
 * masked like a certificate number.
 */
export function maskPhone(value: string): string {
  const mobile = normaliseMobile(value);
  if (mobile) return keepEnds([...mobile], 3, 4);
  const fixed = normaliseFixedLine(value);
  if (fixed) {
    const [area = '', local = '', extension] = fixed.split('-');
    const masked = `${area}-${keepEnds([...local], 0, 4)}`;
    return extension === undefined ? masked : `${masked}-${MASK.repeat(extension.length)}`;
  }
  return maskCertificateNumber(value);
}

/**
 * Email addresses: the first character of the local part stays, the rest of it is hidden, the domain
 * is shown (`zhangsan@example.com` → `z*******@example.com`); a one-character local part is hidden
 * entirely. Text without `@` is masked like a certificate number.
 */
export function maskEmail(value: string): string {
  const text = value.trim();
  const at = text.lastIndexOf('@');
  if (at < 0) return maskCertificateNumber(text);
  const local = [...text.slice(0, at)];
  const maskedLocal = local.length <= 1 ? MASK.repeat(local.length) : keepEnds(local, 1, 0);
  return `${maskedLocal}@${text.slice(at + 1)}`;
}
