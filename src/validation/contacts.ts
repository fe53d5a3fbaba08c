/**
 * Contact details of a 负责人: mobile numbers (联系方式1/2), the emergency phone (应急联系电话) and email.
 *
 * Emergency phone: seed 002 §3 asks for "your most used mobile number", seed 003 for "a number the
 * subject has used for a long time" — for an organisation that is often its landline. Nationally a
 * mobile or a mainland fixed-line number with area code is accepted ({@link validatePhone}); a province
 * module can narrow that. Service numbers (400/800) are not accepted: they are not a person's line.
 */
import { domainToASCII } from 'node:url';
import type { Violation } from '../domain/violation.js';
import { charCount, SOURCE, toHalfWidth, violation } from './common.js';

const MOBILE = /^1[3-9]\d{9}$/;
/** Separators people type inside phone numbers. */
const SEPARATORS = /[\s\-()（）.]/g;
const MAX_PHONE_INPUT = 40;

/**
 * The 11-digit form of a mainland mobile number, or `null` when `value` is not one. Accepts spaces,
 * dashes, dots and brackets, and a +86 / 0086 / 86 country prefix: `+86 138-1234-1234` → `13812341234`.
 */
export function normaliseMobile(value: string): string | null {
  if (value.length > MAX_PHONE_INPUT) return null;
  const digits = toHalfWidth(value).trim().replace(SEPARATORS, '').replace(/^(?:\+86|0086|86)(?=\d{11}$)/, '');
  return MOBILE.test(digits) ? digits : null;
}

/** 联系方式1/2: an 11-digit mainland mobile number, second digit 3–9 (country prefix and separators allowed). */
export function validateMobile(value: string, field: string): Violation[] {
  if (normaliseMobile(value) !== null) return [];
  return [
    violation({
      field,
      rule: 'mobile-format',
      message: '请填写11位中国大陆手机号码',
      messageEn: 'Enter an 11-digit mainland China mobile number',
      source: `${SOURCE.seed002} §3; ${SOURCE.mobile}`,
    }),
  ];
}

const EXTENSION = /^(.*?)\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;

function splitAreaCode(digits: string): string | null {
  const m = /^(0(?:10|2\d))([2-9]\d{7})$/.exec(digits) ?? /^(0[3-9]\d{2})([2-9]\d{6,7})$/.exec(digits);
  return m ? `${m[1]}-${m[2]}` : null;
}

/**
 * A mainland fixed-line number as `area-local[-extension]` (`010-62345678`, `0755-2345678-801`), or
 * `null`. Area codes are 010, 02x (8-digit local numbers) or 0xxx from 03xx to 09xx (7–8 digits); the
 * local number does not start with 0 or 1. Accepts `(010)62345678`, `+86 10 62345678`, and an
 * extension after 转, 分机, ext, x, # or a third dash-separated group.
 */
export function normaliseFixedLine(value: string): string | null {
  if (value.length > MAX_PHONE_INPUT) return null;
  const text = toHalfWidth(value).trim();
  const ext = EXTENSION.exec(text);
  let main = ext ? ext[1]! : text;
  let extension = ext ? ext[2] : undefined;
  const international = /^(?:\+86|0086)/.test(main);
  main = main.replace(/^(?:\+86|0086)/, '');
  const groups = main.split(/[\s\-()（）]+/).filter(Boolean);
  if (!groups.every((g) => /^\d+$/.test(g))) return null;
  const withTrunk = (digits: string) => (international && !digits.startsWith('0') ? `0${digits}` : digits);
  const whole = splitAreaCode(withTrunk(groups.join('')));
  if (whole) return extension ? `${whole}-${extension}` : whole;
  if (extension || groups.length !== 3) return null;
  extension = groups[2]!;
  const number = splitAreaCode(withTrunk(groups.slice(0, 2).join('')));
  return number && extension.length <= 6 ? `${number}-${extension}` : null;
}

/** 应急联系电话: a mainland mobile number or a fixed-line number with area code (see module note). */
export function validatePhone(value: string, field: string): Violation[] {
  if (normaliseMobile(value) !== null || normaliseFixedLine(value) !== null) return [];
  return [
    violation({
      field,
      rule: 'phone-format',
      message: '请填写手机号码或带区号的固定电话（如 010-62345678）',
      messageEn: 'Enter a mobile number or a fixed-line number with area code (e.g. 010-62345678)',
      source: `${SOURCE.seed003}; ${SOURCE.fixedLine}`,
    }),
  ];
}

/** A phone number in comparable form: the normalised mobile or fixed-line number, else the trimmed text. */
export function comparablePhone(value: string): string {
  return normaliseMobile(value) ?? normaliseFixedLine(value) ?? value.trim();
}

const MAX_EMAIL = 254;
const MAX_LOCAL_PART = 64;
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Trimmed, with the domain in lower case (the local part keeps its case). */
export function normaliseEmail(value: string): string {
  const text = value.trim();
  const at = text.lastIndexOf('@');
  return at < 0 ? text : `${text.slice(0, at)}@${text.slice(at + 1).toLowerCase()}`;
}

function isMailDomain(domain: string): boolean {
  const ascii = domainToASCII(domain);
  if (!ascii || ascii.length > 253) return false;
  const labels = ascii.split('.');
  return labels.length >= 2 && labels.every((l) => LABEL.test(l)) && TOP_LABEL.test(labels[labels.length - 1]!);
}

/**
 * 电子邮件地址: at most 254 characters; a dot-atom local part of at most 64 ASCII characters (quoted
 * local parts and non-ASCII local parts are refused); a domain of at least two LDH labels whose last
 * is alphabetic or an IDN (`xn--`) label. Internationalised domains (例子.中国) are accepted.
 */
export function validateEmail(value: string, field: string): Violation[] {
  const email = normaliseEmail(value);
  const at = (rule: string, message: string, messageEn: string) => [violation({ field, rule, message, messageEn, source: SOURCE.email })];
  if (!email) return at('email-required', '请填写电子邮件地址', 'The email address is required');
  if (charCount(email) > MAX_EMAIL) return at('email-length', '电子邮件地址不能超过254个字符', 'An email address has at most 254 characters');
  const sign = email.lastIndexOf('@');
  const local = email.slice(0, sign);
  const domain = email.slice(sign + 1);
  if (sign < 1 || local.length > MAX_LOCAL_PART || !LOCAL_PART.test(local) || !isMailDomain(domain)) {
    return at('email-format', '电子邮件地址格式不正确（如 name@example.com）', 'The email address is malformed (expected name@example.com)');
  }
  return [];
}
