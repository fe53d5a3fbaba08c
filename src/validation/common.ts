/**
 * Helpers shared by the national validators: building a {@link Violation}, the sources they cite,
 * and the text normalisation every identifier goes through.
 */
import type { Violation } from '../domain/violation.js';

/** Where national rules come from: seed file names (with a section) and public standards. */
export const SOURCE = {
  seed000: 'seed:000_d2f846ec46511894.txt',
  seed002: 'seed:002_cda330130d5f816e.txt',
  seed003: 'seed:003_d52f7835b40017ce.txt',
  residentId: 'GB 11643-1999',
  creditCode: 'GB 32100-2015',
  organizationCode: 'GB 11714-1997',
  divisions: 'GB/T 2260 (行政区划代码)',
  foreignPermanentId: 'National Immigration Administration: 外国人永久居留身份证 (2004 and 2023 formats)',
  residencePermit: '《港澳台居民居住证申领发放办法》(2018): numbers under 810000/820000/830000, GB 11643 structure',
  travelPermits: 'National Immigration Administration: 港澳居民来往内地通行证, 台湾居民来往大陆通行证 card formats',
  mobile: 'MIIT 电信网码号资源: mobile numbers 1[3-9]xxxxxxxxx',
  fixedLine: 'MIIT 电信网码号资源: area codes 010, 02x, 0xxx; local numbers of 7–8 digits',
  email: 'RFC 5321 §4.5.3.1, RFC 5322 §3.4.1',
  domain: 'RFC 1035 §2.3.4, RFC 5891, Public Suffix List (via tldts)',
  volcengine: 'public:volcengine-icp-docs (主办者信息填写: 应急电话不可与负责人手机号码相同)',
} as const;

/** What a validator needs to say about one broken rule; `rule` is the id without the `national/` prefix. */
export interface NationalViolation {
  field: string;
  rule: string;
  message: string;
  messageEn: string;
  source?: string;
  matched?: string;
}

/** A violation of a national rule. */
export function violation(v: NationalViolation): Violation {
  const out: Violation = {
    field: v.field,
    rule: `national/${v.rule}`,
    message: v.message,
    messageEn: v.messageEn,
    module: 'national',
  };
  if (v.source !== undefined) out.source = v.source;
  if (v.matched !== undefined) out.matched = v.matched;
  return out;
}

/** Full-width ASCII (ＡＢＣ１２３) and the ideographic space become their half-width forms. */
export function toHalfWidth(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/**
 * The canonical form of an identifier as applicants type it: half-width, upper case, without any
 * whitespace (numbers are often typed in groups).
 */
export function normaliseIdentifier(value: string): string {
  return toHalfWidth(value).replace(/\s+/g, '').toUpperCase();
}

/** Length in Unicode code points (what an applicant sees as characters). */
export function charCount(value: string): number {
  let n = 0;
  for (const _ of value) n += 1;
  return n;
}

/** The first character of `value` outside `allowed`, for a violation's `matched`. */
export function firstOutside(value: string, allowed: RegExp): string | undefined {
  for (const c of value) if (!allowed.test(c)) return c;
  return undefined;
}
