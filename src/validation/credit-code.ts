/**
 * 统一社会信用代码 (GB 32100-2015) and the 组织机构代码 it embeds (GB 11714-1997).
 *
 * A credit code has 18 characters from a 31-character set (digits and capital letters except I, O,
 * Z, S, V): registration authority (1), organisation type (1), region code of the registering office
 * (6 digits, GB/T 2260), organisation code (9, its last character a GB 11714 check character), and a
 * MOD 31 check character.
 */
import type { Violation } from '../domain/violation.js';
import { normaliseIdentifier, SOURCE, violation } from './common.js';
import { MAINLAND_DIVISION_CODES } from './provinces.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights 3^(i-1) mod 31 for positions 1–17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORGANIZATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** Region code of organisations registered by a central (national) authority. */
const CENTRAL_REGION_PREFIX = '10';

/**
 * Registration authorities (登记管理部门, position 1) and the organisation types (机构类别, position 2)
 * each may assign: GB 32100-2015 Table 1 with the authorities added since (外交, 司法行政, 文化, 旅游,
 * 宗教, 工会, 中央军委改革和编制办公室, 农业).
 */
export const CREDIT_CODE_AUTHORITIES: Readonly<Record<string, { name: string; types: Readonly<Record<string, string>> }>> = {
  '1': { name: '机构编制', types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    types: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' },
  },
  '4': { name: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': { name: '旅游', types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' } },
  '7': { name: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商（市场监管）', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', types: { '1': '其他' } },
};

/** Trimmed, half-width, upper case, spaces removed. */
export function normaliseCreditCode(value: string): string {
  return normaliseIdentifier(value);
}

/** The MOD 31 check character (position 18) for the first 17 characters. Throws on other input. */
export function computeCreditCodeCheckDigit(first17: string): string {
  if (first17.length !== 17) throw new RangeError('Expected 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = ALPHABET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`Character ${first17[i]} is not in the credit-code set`);
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * The GB 11714 check character (0–9 or X) of an organisation code's first 8 characters (digits and
 * capital letters, A = 10 … Z = 35). Throws on other input.
 */
export function computeOrganizationCodeCheckDigit(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError('Expected 8 digits or capital letters');
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += parseInt(first8[i]!, 36) * ORGANIZATION_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Letters the credit-code set leaves out because they look like digits or are unused. */
const EXCLUDED_LETTERS = new Set(['I', 'O', 'Z', 'S', 'V']);

/**
 * 统一社会信用代码 (GB 32100-2015): format, registration authority and organisation type, region code,
 * the embedded organisation code's GB 11714 check character, and the MOD 31 check character. A code
 * of the wrong length or with characters outside the set gets only the format violation.
 */
export function validateCreditCode(value: string, field: string): Violation[] {
  const code = normaliseCreditCode(value);
  const at = (rule: string, message: string, messageEn: string, matched?: string) =>
    violation({ field, rule: `credit-code-${rule}`, message, messageEn, source: SOURCE.creditCode, matched });
  const chars = [...code];
  const bad = chars.find((c) => !ALPHABET.includes(c));
  if (chars.length !== 18 || bad !== undefined) {
    const hint = bad && EXCLUDED_LETTERS.has(bad) ? '（不使用字母 I、O、Z、S、V）' : '';
    return [
      at(
        'format',
        `统一社会信用代码须为18位数字或大写字母${hint}（当前${chars.length}位）`,
        `A unified social credit code has 18 digits or capital letters other than I, O, Z, S, V (got ${chars.length} characters)`,
        bad,
      ),
    ];
  }
  const out: Violation[] = [];
  const authority = CREDIT_CODE_AUTHORITIES[code[0]!];
  if (!authority?.types[code[1]!]) {
    out.push(
      at(
        'authority',
        '统一社会信用代码前两位（登记管理部门和机构类别）不是有效的组合',
        'The first two characters (registration authority and organisation type) are not a valid pair',
        code.slice(0, 2),
      ),
    );
  }
  const region = code.slice(2, 8);
  if (!/^\d{6}$/.test(region) || !(MAINLAND_DIVISION_CODES.has(region.slice(0, 2)) || region.startsWith(CENTRAL_REGION_PREFIX))) {
    out.push(
      at('region', '统一社会信用代码第3–8位须为登记管理机关的行政区划代码', 'Characters 3–8 must be the region code of the registering office', region),
    );
  }
  if (computeOrganizationCodeCheckDigit(code.slice(8, 16)) !== code[16]) {
    out.push(
      at(
        'organization-code',
        '统一社会信用代码中的组织机构代码（第9–17位）校验位不正确',
        'The organisation code inside the credit code (characters 9–17) has a wrong check character',
        code.slice(8, 17),
      ),
    );
  }
  if (computeCreditCodeCheckDigit(code.slice(0, 17)) !== code[17]) {
    out.push(at('checksum', '统一社会信用代码校验位不正确，请核对号码', 'The credit code check character is wrong; check the code', code[17]));
  }
  return out;
}

/** Trimmed, half-width, upper case, without spaces or the hyphen printed before the check character. */
export function normaliseOrganizationCode(value: string): string {
  return normaliseIdentifier(value).replace(/-/g, '');
}

/**
 * 组织机构代码 (GB 11714-1997): 8 digits or capital letters and a check character (0–9 or X), as
 * printed `12345678-9` or run together. Organisation code certificates were replaced by credit codes
 * from 2015-10 to the end of 2017, so an 18-character value is validated as a credit code, whose
 * characters 9–17 are the organisation code.
 */
export function validateOrganizationCode(value: string, field: string): Violation[] {
  const code = normaliseOrganizationCode(value);
  if ([...code].length === 18) return validateCreditCode(code, field);
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) {
    return [
      violation({
        field,
        rule: 'organization-code-format',
        message: '组织机构代码须为8位数字或大写字母加1位校验码（如 12345678-9），或18位统一社会信用代码',
        messageEn: 'An organisation code has 8 digits or capital letters and a check character (12345678-9), or is an 18-character credit code',
        source: SOURCE.organizationCode,
      }),
    ];
  }
  if (computeOrganizationCodeCheckDigit(code.slice(0, 8)) !== code[8]) {
    return [
      violation({
        field,
        rule: 'organization-code-checksum',
        message: '组织机构代码校验位不正确，请核对号码',
        messageEn: 'The organisation code check character is wrong; check the code',
        source: SOURCE.organizationCode,
        matched: code[8],
      }),
    ];
  }
  return [];
}
