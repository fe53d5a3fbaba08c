/**
 * Planted mistakes, one of each class a contributor makes, re-played against the kit: each must be caught
 * by `defineProvince` at load, by the contract (kit/contract.ts) or by the row checks (kit/cases.ts), with
 * a message naming the module, the rule and the offending value. The base is the real 海南 module.
 */
import { describe, expect, it } from 'vitest';
import hainan from '../hainan.js';
import henan from '../henan.js';
import national from '../national.js';
import { caseProblems, type ProvinceCases } from './cases.js';
import { rulesOf } from './check.js';
import { contractProblems } from './contract.js';
import { defineProvince, ModuleDefinitionError } from './define.js';
import { findSeeds } from './seeds.js';
import type { ProvinceDeclaration, ProvinceModule } from './types.js';

const seeds = findSeeds();
const nationalIds = new Set(rulesOf(national).map(({ rule }) => `national/${rule.id}`));
const contract = (module: ProvinceDeclaration) =>
  contractProblems(module as ProvinceModule, { seeds, nationalIds, hasTestFile: (code) => code === 'hainan' });

/** The problems defineProvince reports for a declaration (none when it loads). */
function loadProblems(declaration: ProvinceDeclaration): string[] {
  try {
    defineProvince(declaration);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ModuleDefinitionError);
    return [...(error as ModuleDefinitionError).problems];
  }
}

const base: ProvinceDeclaration = { ...hainan };
const limit = hainan.siteLimits[0]!;
const pilot = hainan.smsMandates[0]!;
const words = (list: string[]) => ({
  id: 'individual-banned-words',
  kind: 'banned-words' as const,
  appliesTo: 'individual' as const,
  words: list,
  title: { zh: '海南个人网站禁用词', en: 'Words banned in Hainan' },
  source: 'seed:002_cda330130d5f816e.txt §附录二',
});

describe('the real modules are sound', () => {
  it('海南 loads and keeps the contract', () => {
    expect(loadProblems(base)).toEqual([]);
    expect(contract(base)).toEqual([]);
  });
});

describe('planted mistakes are caught, each message naming module, rule and value', () => {
  it('a source naming a document that does not exist (rule source, module source, seed file)', () => {
    expect(loadProblems({ ...base, siteLimits: [{ ...limit, source: 'public:hainan-notice-2030' }] })).toEqual([
      'hainan/individual-first-filing-domains: source "public:hainan-notice-2030" names no known document (kit/sources.ts or the module\'s sources)',
    ]);
    const missingSeed = {
      ...base,
      sources: { notice: { key: 'seed:005_0000000000000000.txt', title: 'A guide that is not in the seeds' } },
      siteLimits: [{ ...limit, source: 'seed:005_0000000000000000.txt §2' }],
    };
    expect(loadProblems(missingSeed)).toEqual([]);
    expect(contract(missingSeed)).toEqual([
      expect.stringMatching(/^hainan: cites seed:005_0000000000000000\.txt, which is no document in .*seeds(\.manifest\.json)?$/),
    ]);
  });

  it('quoted text that is not in the cited seed', () => {
    const misquoted = { ...base, siteLimits: [{ ...limit, source: 'seed:002_cda330130d5f816e.txt §表3-1', seedText: '海南一次只能备案一个域名' }] };
    expect(contract(misquoted)).toEqual([
      expect.stringMatching(/^hainan\/individual-first-filing-domains: seedText "海南一次只能备案一个域名" does not appear in 002_cda330130d5f816e\.txt( \(as recorded in the seeds manifest\))?$/),
    ]);
  });

  it('the same two mistakes are caught from the checked-in seeds manifest, on a clone without the seeds folder', () => {
    const manifestOnly = findSeeds({ ICP_SEEDS_DIR: '/nonexistent/seeds' });
    expect(manifestOnly.fromManifest).toBe(true);
    const check = (module: unknown) => contractProblems(module as ProvinceModule, { seeds: manifestOnly, nationalIds, hasTestFile: (code) => code === 'hainan' });
    expect(check({ ...base, sources: { notice: { key: 'seed:005_0000000000000000.txt', title: 'A guide that is not in the seeds' } }, siteLimits: [{ ...limit, source: 'seed:005_0000000000000000.txt §2' }] })).toEqual([
      expect.stringMatching(/^hainan: cites seed:005_0000000000000000\.txt, which is no document in .*seeds\.manifest\.json$/),
    ]);
    expect(check({ ...base, siteLimits: [{ ...limit, source: 'seed:002_cda330130d5f816e.txt §表3-1', seedText: '海南一次只能备案一个域名' }] })).toEqual([
      'hainan/individual-first-filing-domains: seedText "海南一次只能备案一个域名" does not appear in 002_cda330130d5f816e.txt (as recorded in the seeds manifest)',
    ]);
    // A quote that is in the seed passes from the manifest too.
    expect(check(base)).toEqual([]);
  });

  it('a wrong division code (46 → 47, and 46 → 45)', () => {
    expect(contract({ ...base, divisionCode: '47' })).toEqual(['hainan: divisionCode "47" is no GB/T 2260 province code']);
    expect(contract({ ...base, divisionCode: '45' })).toEqual(['hainan: divisionCode 45 is 广西壮族自治区 in GB/T 2260, not 海南省']);
    expect(loadProblems({ ...base, divisionCode: '4六' })).toEqual(['hainan: divisionCode must be two digits (GB/T 2260), got "4六"']);
  });

  it('a single-character ban that hits everyday words', () => {
    const problems = contract({ ...base, naming: [words(['购', '商城'])] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^hainan\/individual-banned-words: single-character word "购" also matches everyday words \(.+\): list it in falsePositiveProne or allow them$/);
    expect(contract({ ...base, naming: [{ ...words(['购', '商城']), falsePositiveProne: ['购'] }] })).toEqual([]);
  });

  it('a blank word, a word with a space, a duplicate word, a prone word not in the list', () => {
    expect(loadProblems({ ...base, naming: [{ ...words(['商城', '', '商 城', '商城']), falsePositiveProne: ['网'] }] })).toEqual([
      'hainan/individual-banned-words: blank word at words[1] ("")',
      'hainan/individual-banned-words: word "商 城" at words[2] contains white space',
      'hainan/individual-banned-words: duplicate word "商城" at words[3]',
      'hainan/individual-banned-words: falsePositiveProne word "网" is not in words',
    ]);
  });

  it('impossible dates, and an end before the start', () => {
    expect(loadProblems({ ...base, smsMandates: [{ ...pilot, effectiveFrom: '2017-02-30' }] })).toEqual([
      'hainan/sms-pilot: effectiveFrom "2017-02-30" is not a real day (YYYY-MM-DD)',
    ]);
    expect(loadProblems({ ...base, smsMandates: [{ ...pilot, effectiveUntil: '2017-01-01' }] })).toEqual([
      'hainan/sms-pilot: effectiveUntil 2017-01-01 is not after effectiveFrom 2017-12-18',
    ]);
  });

  it('limits below 1', () => {
    expect(loadProblems({ ...base, siteLimits: [{ ...limit, maxNewDomains: 0 }] })).toEqual([
      'hainan/individual-first-filing-domains: maxNewDomains must be a whole number ≥ 1, got 0',
    ]);
  });

  it('unknown filing types, in filingTypes and in exemptFilingTypes', () => {
    const unknown = 'FIRST_FILING' as never;
    expect(
      loadProblems({ ...base, siteLimits: [{ ...limit, filingTypes: [unknown] }], smsMandates: [{ ...pilot, exemptFilingTypes: [unknown] }] }),
    ).toEqual([
      'hainan/individual-first-filing-domains: unknown filing type "FIRST_FILING" in filingTypes',
      'hainan/sms-pilot: unknown filing type "FIRST_FILING" in exemptFilingTypes',
    ]);
  });

  it('a duplicate rule id, and a replaced national rule that does not exist', () => {
    expect(loadProblems({ ...base, siteLimits: [limit, { ...limit }] })).toEqual([
      'hainan/individual-first-filing-domains: duplicate rule id "individual-first-filing-domains"',
    ]);
    expect(contract({ ...base, naming: [{ ...words(['商城']), replaces: ['national/individual-banned-word'] }] })).toEqual([
      'hainan/individual-banned-words: replaces national/individual-banned-word, which is no national rule',
    ]);
  });

  it('a module without its test file', () => {
    expect(contract({ ...base, code: 'hainanx' })).toContain('hainanx: has no test file provinces/hainanx.test.ts');
  });

  it('rules without a valid or an invalid test row', () => {
    const cases: ProvinceCases = { seed: { smsPilotFrom: '2017-12-18' }, siteCounts: { valid: [], invalid: [] } };
    expect(caseProblems(hainan, cases)).toEqual([
      'hainan/individual-first-filing-domains: no valid row (siteCounts.valid or siteLimits, a filing type, nature and day it applies to)',
      'hainan/individual-first-filing-domains: no invalid row naming hainan/individual-first-filing-domains in its errors (siteCounts.invalid)',
    ]);
    expect(caseProblems(henan, { seed: {}, names: { valid: [{ name: '王小明的读书笔记', subjectName: '王小明' }], invalid: [] } })).toContain(
      'henan/individual-banned-words: no invalid row naming henan/individual-banned-words in its errors (names.invalid)',
    );
  });

  it('an invalid row with no expected errors, and a duplicate row', () => {
    const row = { filingType: 'FIRST' as const, nature: 'INDIVIDUAL' as const, websites: [['a.cn'], ['b.cn']] };
    const cases: ProvinceCases = {
      seed: { smsPilotFrom: '2017-12-18' },
      siteCounts: {
        valid: [{ filingType: 'FIRST', nature: 'INDIVIDUAL', websites: [['a.cn']] }],
        invalid: [
          { ...row, errors: [{ rule: 'hainan/individual-first-filing-domains', severity: 'warning' }] },
          { ...row, errors: [] },
        ],
      },
    };
    expect(caseProblems(hainan, cases)).toEqual([
      `hainan siteCounts.invalid[1] ${JSON.stringify({ ...row, errors: [] })}: an invalid row must list the errors it expects`,
      `hainan siteCounts.invalid[1] repeats siteCounts.invalid[0]: ${JSON.stringify(row)}`,
    ]);
  });
});
