/**
 * Whether a website name relates to the subject's name (网站名称需与主办单位名称有关联性), and whether an
 * individual's site is named after the person only. Both are heuristics, documented in
 * provinces/README.md "Relatedness".
 */
import type { SubjectNature } from '../../src/domain/vocabulary.js';
import { PROVINCES } from '../registry.js';

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[a-z0-9]{2,}/g;

/** Legal-form and organisation-type endings, longest first; stripped before looking for a distinctive part. */
const ORGANISATION_ENDINGS = [
  '股份有限公司', '有限责任公司', '有限公司', '分公司', '子公司', '公司', '集团', '事务所', '研究院', '研究所',
  '基金会', '委员会', '合作社', '工作室', '协会', '学会', '商会', '联合会', '办事处', '中心', '总部',
];

/**
 * Leading province names (with their official endings) stripped from organisation names: the short names
 * and aliases of the province modules (the one source of province identity), plus 香港, 澳门, 台湾.
 */
const PROVINCE_PREFIX = new RegExp(
  `^(${[...PROVINCES.flatMap((p) => [p.shortName, ...(p.aliases ?? [])]), '香港', '澳门', '台湾']
    .sort((a, b) => b.length - a.length)
    .join('|')})(壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)?`,
  'u',
);
/** A leading city, county or district with an explicit ending: `杭州市`, `西湖区`. */
const LOCALITY_PREFIX = /^\p{Script=Han}{2,4}?(市|县|区|自治州|盟)/u;
const PARENTHESISED = /[（(][^）)]*[）)]/gu;

/**
 * Two-character words too common in organisation names to show a relation on their own: industry
 * descriptors and parts of legal forms.
 */
const GENERIC_BIGRAMS = new Set([
  '科技', '技术', '网络', '信息', '文化', '传媒', '发展', '贸易', '商贸', '实业', '咨询', '服务', '管理',
  '电子', '软件', '智能', '数据', '教育', '投资', '控股', '国际', '工程', '建设', '建筑', '设计', '广告',
  '物流', '供应', '餐饮', '医疗', '健康', '生物', '农业', '环保', '能源', '机械', '设备', '制造', '电器',
  '有限', '责任', '股份', '公司', '集团', '企业', '商务', '中国', '中华', '人民', '政府', '系统', '产业',
  '互联', '联网', '电商', '营销', '品牌', '策划', '运营', '开发', '研发', '生态', '创新', '创意', '经营',
  '销售', '批发', '零售', '工作', '作室', '事务', '协会', '学会', '委员', '员会', '合作', '作社', '中心',
]);

/** Filler between a person's name and the description: `张三的…`, `张三之…`, `…个人…`. */
const PERSONAL_FILLER = /的|之|个人/gu;

/** Parts of the subject's name that, found in a website name, show the relation. */
export function subjectTokens(subjectName: string, nature: SubjectNature): string[] {
  const name = normalise(subjectName);
  if (name === '') return [];
  return nature === 'INDIVIDUAL' ? personTokens(name) : organisationTokens(name);
}

/**
 * Whether the website name relates to the subject, given the subject's {@link subjectTokens};
 * `undefined` when the subject name gives nothing to go on.
 */
export function isRelated(websiteName: string, tokens: readonly string[]): boolean | undefined {
  if (tokens.length === 0) return undefined;
  const name = normalise(websiteName);
  return tokens.some((token) => name.includes(token));
}

/**
 * Whether an individual's website name is only the person's name (plus filler such as 的, 之, 个人): it
 * contains the name (one of the person's {@link subjectTokens}) but fewer than two more Chinese characters.
 */
export function isOnlyPersonalName(websiteName: string, tokens: readonly string[]): boolean {
  let rest = normalise(websiteName);
  if (!tokens.some((token) => rest.includes(token))) return false;
  for (const token of tokens) rest = rest.split(token).join('');
  rest = rest.replace(PERSONAL_FILLER, '');
  return countHan(rest) < 2;
}

/**
 * Chinese characters (`\p{Script=Han}`) in a text. The CJK Unified Ideographs block is counted
 * directly and characters below U+2E80 (where no Han character is) are skipped; the rest go to the regex.
 */
export function countHan(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x4e00 && unit <= 0x9fff) count += 1;
    else if (unit < 0x2e80) continue;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      if (HAN.test(text.slice(i, i + 2))) count += 1;
      i += 1;
    } else if (HAN.test(text[i]!)) count += 1;
  }
  return count;
}

/** Spans of the website name taken by the person's own name (any of the person's {@link subjectTokens}). */
export function ownNameSpans(websiteName: string, tokens: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  const text = websiteName.toLowerCase();
  for (const token of tokens) {
    for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + 1)) {
      spans.push([at, at + token.length]);
    }
  }
  return spans;
}

/** Full name; the given name after a one- or two-character surname; parts of a `·` name. */
function personTokens(name: string): string[] {
  if (!HAN.test(name)) return name.match(LATIN_WORD) ?? [];
  const tokens = [name.replace(/·/g, '')];
  const parts = name.split('·').filter((part) => part.length >= 2);
  if (parts.length > 1) tokens.push(...parts);
  else {
    const chars = [...name];
    if (chars.length >= 3) tokens.push(chars.slice(1).join(''));
    if (chars.length >= 4) tokens.push(chars.slice(2).join(''));
  }
  return [...new Set(tokens)];
}

/** Distinctive two-character words of the organisation's name, and its Latin words and numbers. */
function organisationTokens(name: string): string[] {
  let core = name.replace(PARENTHESISED, '');
  for (let previous = ''; previous !== core; ) {
    previous = core;
    core = core.replace(PROVINCE_PREFIX, '').replace(LOCALITY_PREFIX, '');
    const ending = ORGANISATION_ENDINGS.find((suffix) => core.endsWith(suffix) && core.length > suffix.length);
    if (ending) core = core.slice(0, -ending.length);
  }
  const tokens = new Set<string>(core.match(LATIN_WORD) ?? []);
  for (const run of core.match(HAN_RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) continue;
    for (let i = 0; i + 1 < chars.length; i += 1) {
      const bigram = `${chars[i]}${chars[i + 1]}`;
      if (!GENERIC_BIGRAMS.has(bigram)) tokens.add(bigram);
    }
  }
  return [...tokens];
}

const normalised = new Map<string, string>();

/** Width-folded, lower-cased, without spaces; memoised (the checks of one name ask several times). */
export function normalise(text: string): string {
  let result = normalised.get(text);
  if (result === undefined) {
    result = text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
    if (normalised.size >= 10_000) normalised.clear();
    normalised.set(text, result);
  }
  return result;
}
