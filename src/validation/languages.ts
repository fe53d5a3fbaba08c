/**
 * 网站语言: the languages the MIIT filing system offers for a website, as codes the API exchanges
 * (BCP 47 where one fits). Several may be chosen (seed 002 §3: 支持同时选择多种语言); at least one is
 * required. 朝鲜语 (the language of China's Korean minority) and 韩语 (Korean as a foreign language)
 * are separate choices in the MIIT list, hence `ko` and `ko-KR`; `other` stands for 其他.
 */
import type { Violation } from '../domain/violation.js';
import { SOURCE, violation } from './common.js';

export interface WebsiteLanguage {
  code: string;
  name: string;
  nameEn: string;
}

export const WEBSITE_LANGUAGES: readonly WebsiteLanguage[] = [
  { code: 'zh-Hans', name: '中文简体', nameEn: 'Simplified Chinese' },
  { code: 'zh-Hant', name: '中文繁体', nameEn: 'Traditional Chinese' },
  { code: 'en', name: '英语', nameEn: 'English' },
  { code: 'ja', name: '日语', nameEn: 'Japanese' },
  { code: 'fr', name: '法语', nameEn: 'French' },
  { code: 'es', name: '西班牙语', nameEn: 'Spanish' },
  { code: 'ar', name: '阿拉伯语', nameEn: 'Arabic' },
  { code: 'ru', name: '俄语', nameEn: 'Russian' },
  { code: 'mn', name: '蒙古语', nameEn: 'Mongolian' },
  { code: 'bo', name: '藏语', nameEn: 'Tibetan' },
  { code: 'ug', name: '维吾尔语', nameEn: 'Uyghur' },
  { code: 'ii', name: '彝语', nameEn: 'Yi' },
  { code: 'za', name: '壮语', nameEn: 'Zhuang' },
  { code: 'ko', name: '朝鲜语', nameEn: 'Korean (Chosŏn)' },
  { code: 'de', name: '德语', nameEn: 'German' },
  { code: 'pt', name: '葡萄牙语', nameEn: 'Portuguese' },
  { code: 'it', name: '意大利语', nameEn: 'Italian' },
  { code: 'ko-KR', name: '韩语', nameEn: 'Korean (Hanguk)' },
  { code: 'other', name: '其他', nameEn: 'Other' },
];

const BY_CODE = new Map(WEBSITE_LANGUAGES.map((l) => [l.code, l]));

/** The language with this code (exact, case-sensitive), if the list has it. */
export function findWebsiteLanguage(code: string): WebsiteLanguage | undefined {
  return BY_CODE.get(code);
}

/**
 * At least one language; every code from {@link WEBSITE_LANGUAGES} (reported at `${field}[i]`); no
 * code twice.
 */
export function validateLanguages(codes: readonly string[], field: string): Violation[] {
  const source = `${SOURCE.seed002} §3`;
  if (codes.length === 0) {
    return [violation({ field, rule: 'language-required', message: '请至少选择一种网站语言', messageEn: 'Choose at least one website language', source })];
  }
  const out: Violation[] = [];
  const seen = new Set<string>();
  for (const [i, code] of codes.entries()) {
    if (!BY_CODE.has(code)) {
      out.push(violation({ field: `${field}[${i}]`, rule: 'language-unknown', message: '不支持的网站语言', messageEn: `Unknown website language ${code}`, source, matched: code }));
    } else if (seen.has(code)) {
      out.push(violation({ field: `${field}[${i}]`, rule: 'language-duplicate', message: '网站语言重复', messageEn: `Language ${code} is chosen twice`, source, matched: code }));
    }
    seen.add(code);
  }
  return out;
}
