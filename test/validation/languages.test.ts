import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findWebsiteLanguage, validateLanguages, WEBSITE_LANGUAGES } from '../../src/validation/index.js';
import { expectWellFormed, rules } from './fixtures.js';

const F = 'websites[0].languages';

describe('website languages', () => {
  it('lists the MIIT choices once each, with 中文简体 first and 其他 last', () => {
    const names = WEBSITE_LANGUAGES.map((l) => l.name);
    expect(names).toEqual([
      '中文简体', '中文繁体', '英语', '日语', '法语', '西班牙语', '阿拉伯语', '俄语', '蒙古语', '藏语',
      '维吾尔语', '彝语', '壮语', '朝鲜语', '德语', '葡萄牙语', '意大利语', '韩语', '其他',
    ]);
    expect(new Set(WEBSITE_LANGUAGES.map((l) => l.code)).size).toBe(WEBSITE_LANGUAGES.length);
  });

  it('finds a language by exact code', () => {
    expect(findWebsiteLanguage('zh-Hans')?.name).toBe('中文简体');
    expect(findWebsiteLanguage('ZH-HANS')).toBeUndefined();
  });

  it.each([[['zh-Hans']], [['zh-Hans', 'en']], [['ug', 'bo', 'mn', 'ii', 'za', 'ko', 'ko-KR', 'other']]])('accepts %j', (codes) => {
    expect(validateLanguages(codes, F)).toEqual([]);
  });

  it.each([
    ['no language', [], [['national/language-required', F]]],
    ['an unknown code', ['zh-Hans', 'klingon'], [['national/language-unknown', `${F}[1]`]]],
    ['a Chinese label instead of a code', ['中文简体'], [['national/language-unknown', `${F}[0]`]]],
    ['a code twice', ['en', 'zh-Hans', 'en'], [['national/language-duplicate', `${F}[2]`]]],
  ])('refuses %s', (_, codes, expected) => {
    const v = validateLanguages(codes, F);
    expect(v.map((x) => [x.rule, x.field])).toEqual(expected);
    expectWellFormed(v, F);
  });

  it('property: any non-empty set of listed codes passes', () => {
    const codes = WEBSITE_LANGUAGES.map((l) => l.code);
    fc.assert(fc.property(fc.uniqueArray(fc.constantFrom(...codes), { minLength: 1 }), (chosen) => validateLanguages(chosen, F).length === 0));
  });

  it('property: every unlisted string is refused where it stands', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(3), (text, position) => {
        fc.pre(!findWebsiteLanguage(text));
        const chosen = ['zh-Hans', 'en', 'ja'];
        chosen.splice(position, 0, text);
        const v = validateLanguages(chosen, F);
        expectWellFormed(v, F);
        return rules(v).join() === 'national/language-unknown' && v[0]?.field === `${F}[${Math.min(position, 3)}]`;
      }),
    );
  });
});
