/** Behaviour of the website-name engine beyond the per-province tables. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUBJECT_NATURES } from '../../src/domain/vocabulary.js';
import { checkWebsiteName, getNationalDefaults, listProvinces } from '../index.js';
import type { RuleModule } from '../kit/types.js';

const provinces = listProvinces();
const national = getNationalDefaults();

/** Words of every word list that applies to individuals in a province (prefix lists excluded). */
function individualWords(province: RuleModule): string[] {
  return [national, province].flatMap((module) =>
    module.naming.flatMap((rule) =>
      'words' in rule && rule.kind !== 'banned-prefixes' && rule.appliesTo !== 'organisation' ? [...rule.words] : [],
    ),
  );
}

/** Chinese characters in no banned word, to pad names with. */
const allWords = provinces.flatMap(individualWords);
const FILLER = [...'甲乙丙丁戊己庚辛壬癸寅卯辰巳午未申酉戌亥'].filter((char) => !allWords.some((word) => word.includes(char)));

describe('checkWebsiteName', () => {
  it('finds every banned word of every applicable list in a name', () => {
    const province = fc.constantFrom(...provinces.filter((p) => p.code !== 'jiangsu'));
    fc.assert(
      fc.property(
        province.chain((p) =>
          fc.tuple(
            fc.constant(p),
            fc.uniqueArray(fc.constantFrom(...individualWords(p)), { minLength: 1, maxLength: 5 }),
            fc.array(fc.constantFrom(...FILLER), { minLength: 6, maxLength: 6 }),
          ),
        ),
        ([p, words, filler]) => {
          const name = words.map((word, i) => `${filler[i]}${word}`).join('') + filler[5];
          const matched = new Set(
            checkWebsiteName({ province: p.code, nature: 'INDIVIDUAL', name, subjectName: '王小明' }).map((v) => v.matched),
          );
          for (const word of words) expect(matched, `${p.code}: ${name}`).toContain(word);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws and always names the rule, module and source', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...provinces.map((p) => p.code)),
        fc.constantFrom(...SUBJECT_NATURES),
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.string({ maxLength: 10 }),
        (code, nature, name, subjectName) => {
          for (const v of checkWebsiteName({ province: code, nature, name, subjectName, domains: ['example.com'], remark: '' })) {
            expect(v.rule.startsWith(`${v.module}/`)).toBe(true);
            expect(['national', code]).toContain(v.module);
            expect(v.source).toBeTruthy();
            expect(v.message && v.messageEn).toBeTruthy();
            expect(['name', 'remark']).toContain(v.field);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the same answer from its cached matcher', () => {
    const input = { province: 'henan', nature: 'INDIVIDUAL' as const, name: '小明的购物商城', subjectName: '王小明' };
    expect(checkWebsiteName(input)).toEqual(checkWebsiteName({ ...input, province: '豫' }));
  });

  it('reports a word inside a longer word of the same list once, as the longer word', () => {
    const rules = checkWebsiteName({ province: 'ningxia', nature: 'INDIVIDUAL', name: '小明的购物网络', subjectName: '王小明' })
      .filter((v) => v.rule === 'ningxia/individual-banned-words')
      .map((v) => v.matched);
    expect(rules).toEqual(['购物', '网络']);
  });

  it('ignores banned words inside the person\'s own name', () => {
    const violations = checkWebsiteName({ province: 'beijing', nature: 'INDIVIDUAL', name: '王中心的读书笔记', subjectName: '王中心' });
    expect(violations).toEqual([]);
  });

  it('refuses an unknown province', () => {
    expect(() => checkWebsiteName({ province: 'atlantis', nature: 'INDIVIDUAL', name: '王小明的读书笔记', subjectName: '王小明' })).toThrow(
      RangeError,
    );
  });

  it('writes messages in Chinese and English', () => {
    const [violation] = checkWebsiteName({ province: 'hubei', nature: 'INDIVIDUAL', name: '王小明的官网', subjectName: '王小明' });
    expect(violation).toEqual({
      field: 'name',
      rule: 'hubei/individual-banned-words',
      module: 'hubei',
      source: 'seed:002_cda330130d5f816e.txt §附录二 部分省份个人备案网站名称不能使用行业、经营性关键字',
      matched: '官网',
      message: '网站名称不能包含「官网」（湖北个人备案网站名称禁止使用的行业类及经营性词汇）',
      messageEn: 'The website name must not contain "官网" (Industry and commercial words banned in individual website names in Hubei)',
    });
  });
});
