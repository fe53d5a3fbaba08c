/**
 * The 31 mainland provincial-level divisions by name: national reference data used to read
 * addresses and certificate numbers, not a province rule (those live in provinces/).
 *
 * Source: GB/T 2260 中华人民共和国行政区划代码 (two-digit provincial codes) and the names published
 * by the Ministry of Civil Affairs (民政部 行政区划). `code` is the pinyin id the province modules use.
 */

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

export const PROVINCE_NAMES: readonly ProvinceName[] = [
  { code: 'beijing', divisionCode: '11', name: '北京市', shortName: '北京', aliases: [] },
  { code: 'tianjin', divisionCode: '12', name: '天津市', shortName: '天津', aliases: [] },
  { code: 'hebei', divisionCode: '13', name: '河北省', shortName: '河北', aliases: [] },
  { code: 'shanxi', divisionCode: '14', name: '山西省', shortName: '山西', aliases: [] },
  { code: 'neimenggu', divisionCode: '15', name: '内蒙古自治区', shortName: '内蒙古', aliases: ['内蒙'] },
  { code: 'liaoning', divisionCode: '21', name: '辽宁省', shortName: '辽宁', aliases: [] },
  { code: 'jilin', divisionCode: '22', name: '吉林省', shortName: '吉林', aliases: [] },
  { code: 'heilongjiang', divisionCode: '23', name: '黑龙江省', shortName: '黑龙江', aliases: [] },
  { code: 'shanghai', divisionCode: '31', name: '上海市', shortName: '上海', aliases: [] },
  { code: 'jiangsu', divisionCode: '32', name: '江苏省', shortName: '江苏', aliases: [] },
  { code: 'zhejiang', divisionCode: '33', name: '浙江省', shortName: '浙江', aliases: [] },
  { code: 'anhui', divisionCode: '34', name: '安徽省', shortName: '安徽', aliases: [] },
  { code: 'fujian', divisionCode: '35', name: '福建省', shortName: '福建', aliases: [] },
  { code: 'jiangxi', divisionCode: '36', name: '江西省', shortName: '江西', aliases: [] },
  { code: 'shandong', divisionCode: '37', name: '山东省', shortName: '山东', aliases: [] },
  { code: 'henan', divisionCode: '41', name: '河南省', shortName: '河南', aliases: [] },
  { code: 'hubei', divisionCode: '42', name: '湖北省', shortName: '湖北', aliases: [] },
  { code: 'hunan', divisionCode: '43', name: '湖南省', shortName: '湖南', aliases: [] },
  { code: 'guangdong', divisionCode: '44', name: '广东省', shortName: '广东', aliases: [] },
  { code: 'guangxi', divisionCode: '45', name: '广西壮族自治区', shortName: '广西', aliases: ['广西自治区'] },
  { code: 'hainan', divisionCode: '46', name: '海南省', shortName: '海南', aliases: [] },
  { code: 'chongqing', divisionCode: '50', name: '重庆市', shortName: '重庆', aliases: [] },
  { code: 'sichuan', divisionCode: '51', name: '四川省', shortName: '四川', aliases: [] },
  { code: 'guizhou', divisionCode: '52', name: '贵州省', shortName: '贵州', aliases: [] },
  { code: 'yunnan', divisionCode: '53', name: '云南省', shortName: '云南', aliases: [] },
  { code: 'xizang', divisionCode: '54', name: '西藏自治区', shortName: '西藏', aliases: [] },
  { code: 'shaanxi', divisionCode: '61', name: '陕西省', shortName: '陕西', aliases: [] },
  { code: 'gansu', divisionCode: '62', name: '甘肃省', shortName: '甘肃', aliases: [] },
  { code: 'qinghai', divisionCode: '63', name: '青海省', shortName: '青海', aliases: [] },
  { code: 'ningxia', divisionCode: '64', name: '宁夏回族自治区', shortName: '宁夏', aliases: ['宁夏自治区'] },
  { code: 'xinjiang', divisionCode: '65', name: '新疆维吾尔自治区', shortName: '新疆', aliases: ['新疆自治区'] },
];

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
