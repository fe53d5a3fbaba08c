/**
 * The 31 mainland provincial-level divisions by name: national reference data used to read
 * addresses and certificate numbers, not a province rule. Derived from the province modules
 * (`provinces/<code>.ts`), the one source of province identity: code, GB/T 2260 division code, names
 * and the further forms seen in addresses (`aliases`).
 */
import { listProvinces } from '../../provinces/index.js';

export interface ProvinceName {
  /** Pinyin id of the province module, e.g. `guangxi`. */
  code: string;
  /** Two-digit GB/T 2260 code, the first two digits of resident ID and credit-code region codes. */
  divisionCode: string;
  /** Full official name: 广西壮族自治区. */
  name: string;
  /** Short form in everyday use: 广西. */
  shortName: string;
  /** Further forms seen in addresses (内蒙 for 内蒙古). */
  aliases: readonly string[];
}

export const PROVINCE_NAMES: readonly ProvinceName[] = listProvinces()
  .map(({ code, divisionCode, name, shortName, aliases }) => ({ code, divisionCode, name, shortName, aliases: aliases ?? [] }))
  .sort((a, b) => a.divisionCode.localeCompare(b.divisionCode));

/** Two-digit codes of the 31 mainland provinces (the valid first two digits of a resident ID). */
export const MAINLAND_DIVISION_CODES: ReadonlySet<string> = new Set(PROVINCE_NAMES.map((p) => p.divisionCode));

/** A province by its full name, short name, alias or pinyin code; `undefined` when unknown. */
export function findProvince(nameOrCode: string): ProvinceName | undefined {
  const key = nameOrCode.trim();
  return PROVINCE_NAMES.find((p) => p.code === key || p.name === key || p.shortName === key || p.aliases.includes(key));
}

/**
 * Places whose name starts like a province's short name but lie elsewhere, so that an address starting
 * with them is not read as that province: 海南藏族自治州 (青海), 河南蒙古族自治县 (青海, 黄南州),
 * 河北区 (天津), 海南区 (内蒙古, 乌海市).
 */
const LOOKALIKE_PLACES: ReadonlyArray<readonly [prefix: string, code: string]> = [
  ['海南藏族自治州', 'qinghai'],
  ['海南州', 'qinghai'],
  ['河南蒙古族自治县', 'qinghai'],
  ['河南县', 'qinghai'],
  ['河北区', 'tianjin'],
  ['海南区', 'neimenggu'],
];

/** A short name followed by one of these is a street named after the province (北京路, 山东街). */
const STREET_AFTER_NAME = /^[路街道巷弄里]/;

/** The address without a leading 中国 or 中华人民共和国. */
export function withoutCountry(address: string): string {
  return address.trim().replace(/^(?:中华人民共和国|中国)/, '');
}

/**
 * The province an address names at its start, or `undefined` when it names none. Full names, short
 * names and aliases are recognised (广西南宁市…, 北京朝阳区…); a leading 中国 is skipped; the longest
 * name wins; look-alike places (海南州, 河北区) and streets (北京路) are not taken for provinces.
 */
export function provinceOfAddress(address: string): ProvinceName | undefined {
  const text = withoutCountry(address);
  for (const [prefix, code] of LOOKALIKE_PLACES) {
    if (text.startsWith(prefix)) return PROVINCE_NAMES.find((p) => p.code === code);
  }
  let best: { province: ProvinceName; length: number } | undefined;
  for (const province of PROVINCE_NAMES) {
    for (const name of [province.name, province.shortName, ...province.aliases]) {
      if (!text.startsWith(name) || (best && best.length >= name.length)) continue;
      const isFullName = name === province.name;
      if (!isFullName && STREET_AFTER_NAME.test(text.slice(name.length))) continue;
      best = { province, length: name.length };
    }
  }
  return best?.province;
}
