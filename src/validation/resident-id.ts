/**
 * Numbers built like the citizen identity number of GB 11643-1999: 17 digits (6-digit address code,
 * 8-digit birth date, 3-digit sequence) and an ISO 7064 MOD 11-2 check character (0–9 or X). The
 * resident ID (居民身份证) uses it; so do the HK/Macau/Taiwan residence permit (港澳台居民居住证,
 * address code 810000/820000/830000) and the 2023 foreign permanent resident ID (外国人永久居留身份证,
 * leading 9). The first-generation 15-digit resident ID expired in 2013 and is not accepted.
 */
import type { Violation } from '../domain/violation.js';
import { normaliseIdentifier, SOURCE, violation } from './common.js';
import { formatDay, isCalendarDay, toDay } from './dates.js';
import { MAINLAND_DIVISION_CODES } from './provinces.js';

/** Weights 2^(17-i) mod 11 for positions 1–17. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;
const EARLIEST_BIRTH_DAY = '1900-01-01';

/** The MOD 11-2 check character for 17 digits. Throws on anything but 17 digits (a programming error). */
export function computeResidentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('Expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/** Trimmed, half-width, upper case (a typed `x` becomes `X`), inner spaces removed. */
export function normaliseResidentId(value: string): string {
  return normaliseIdentifier(value);
}

/**
 * The birth date of a GB 11643-shaped number as `YYYY-MM-DD`, or `null` when the number is not
 * 17 digits + check character or the date is not a calendar day. The checksum is not looked at.
 */
export function residentIdBirthDate(value: string): string | null {
  const id = normaliseResidentId(value);
  if (!SHAPE.test(id)) return null;
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  return isCalendarDay(y, m, d) ? formatDay(y, m, d) : null;
}

/** How one kind of GB 11643-shaped number is named and which leading digits it may have. */
export interface Gb11643Kind {
  /** Rule id stem, e.g. `resident-id` gives `national/resident-id-checksum`. */
  rule: string;
  zh: string;
  en: string;
  source: string;
  /** Whether the number's leading digits are allowed, and what to say when they are not. */
  prefix: { test: (id: string) => boolean; zh: string; en: string };
}

/**
 * Checks shape, leading digits, birth date (a calendar day from 1900-01-01 to today in
 * Asia/Shanghai) and check character. A number of the wrong shape gets only the format violation.
 */
export function validateGb11643Number(kind: Gb11643Kind, value: string, field: string, now: Date): Violation[] {
  const id = normaliseResidentId(value);
  const at = (rule: string, message: string, messageEn: string, matched?: string) =>
    violation({ field, rule: `${kind.rule}-${rule}`, message, messageEn, source: kind.source, matched });
  if (!SHAPE.test(id)) {
    const chars = [...id];
    const bad = chars.slice(0, 17).find((c) => !/\d/.test(c)) ?? (chars.length === 18 ? chars[17] : undefined);
    const length = chars.length;
    return [
      at(
        'format',
        `${kind.zh}须为18位：17位数字加1位数字或X（当前${length}位）`,
        `A ${kind.en} has 18 characters: 17 digits and a digit or X (got ${length})`,
        bad,
      ),
    ];
  }
  const out: Violation[] = [];
  if (!kind.prefix.test(id)) out.push(at('region', kind.prefix.zh, kind.prefix.en, id.slice(0, 6)));
  const birth = residentIdBirthDate(id);
  const today = toDay(now);
  if (!birth || birth < EARLIEST_BIRTH_DAY || (today !== null && birth > today)) {
    out.push(
      at(
        'birth-date',
        `${kind.zh}中的出生日期无效（须为1900年1月1日至今的真实日期）`,
        `The birth date in the ${kind.en} is not a real date between 1900-01-01 and today`,
        id.slice(6, 14),
      ),
    );
  }
  if (computeResidentIdCheckDigit(id.slice(0, 17)) !== id[17]) {
    out.push(
      at('checksum', `${kind.zh}校验位不正确，请核对号码`, `The ${kind.en} check character is wrong; check the number`, id[17]),
    );
  }
  return out;
}

const RESIDENT_ID: Gb11643Kind = {
  rule: 'resident-id',
  zh: '居民身份证号码',
  en: 'resident ID number',
  source: SOURCE.residentId,
  prefix: {
    test: (id) => MAINLAND_DIVISION_CODES.has(id.slice(0, 2)),
    zh: '居民身份证号码的前两位不是有效的省级行政区划代码',
    en: 'The first two digits of the resident ID number are not a provincial division code',
  },
};

/**
 * 居民身份证号码 (GB 11643-1999): 18 characters, a mainland provincial code (GB/T 2260) in the
 * first two digits, a real birth date, and the MOD 11-2 check character. Lower-case x, full-width
 * characters and spaces are accepted (see {@link normaliseResidentId}). `now` fixes "today".
 */
export function validateResidentId(value: string, field: string, now: Date = new Date()): Violation[] {
  return validateGb11643Number(RESIDENT_ID, value, field, now);
}
