/**
 * The contract every rule module passes, run over all of them: a new province is checked the moment its
 * file exists. The checks themselves are kit/check.ts (also run by defineProvince at load) and
 * kit/contract.ts; each problem names the module, the rule and the value. Golden files:
 * `npx vitest run provinces/contract.test.ts -u` rewrites them.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getProvince, listProvinces } from './index.js';
import national from './national.js';
import { moduleFileCodes } from './registry.js';
import { rulesOf } from './kit/check.js';
import { contractProblems, seedQuotes, sharedSourceProblems } from './kit/contract.js';
import { goldenOf } from './kit/golden.js';
import { buildManifest, findSeeds } from './kit/seeds.js';
import type { RuleModule } from './kit/types.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const provinces = listProvinces();
const modules: RuleModule[] = [national, ...provinces];
const nationalIds = new Set(rulesOf(national).map(({ rule }) => `national/${rule.id}`));
const seeds = findSeeds();

describe('province index', () => {
  it('has the 31 mainland provinces', () => expect(provinces.map((p) => p.code)).toHaveLength(31));

  it('has loaded every module file, sorted by code', () => {
    expect(provinces.map((p) => p.code)).toEqual(moduleFileCodes());
  });

  it('has unique codes, names, abbreviations and division codes', () => {
    for (const key of ['code', 'name', 'shortName', 'nameEn', 'abbreviation', 'divisionCode'] as const) {
      const values = provinces.map((p) => p[key]);
      const repeated = values.filter((value, index) => values.indexOf(value) !== index);
      expect(repeated, `${key} used by more than one module`).toEqual([]);
    }
  });

  it('finds a province by code, name, short name, abbreviation or division code', () => {
    for (const province of provinces) {
      for (const key of [province.code, province.code.toUpperCase(), province.name, province.shortName, province.abbreviation, province.divisionCode]) {
        expect(getProvince(key)?.code, `getProvince(${key})`).toBe(province.code);
      }
    }
    expect(getProvince('atlantis')).toBeUndefined();
  });

  it('finds the seeds (their folder, or the checked-in manifest of them), and every seed the kit lists exists', () => {
    expect(seeds.dir, `seeds (searched ${seeds.searched.join(', ')}; set ICP_SEEDS_DIR)`).toBeDefined();
    expect(sharedSourceProblems(seeds)).toEqual([]);
  });

  it('keeps the seeds manifest in step with the seeds, where the seeds folder is at hand', async () => {
    if (seeds.fromManifest) {
      // Without the folder the manifest is the record checked against: it must list the seed documents.
      expect(seeds.has('002_cda330130d5f816e.txt')).toBe(true);
    } else {
      const manifest = buildManifest(seeds.dir!, seedQuotes(modules));
      await expect(`${JSON.stringify(manifest, null, 2)}\n`).toMatchFileSnapshot('./kit/seeds.manifest.json');
    }
  });
});

describe.each(modules.map((module) => [module.code, module] as const))('module %s', (code, module) => {
  it('keeps the contract (identity, GB/T 2260 code, sources and seed quotes, dates, words, limits, vocabulary)', () => {
    const problems = contractProblems(module, {
      seeds,
      nationalIds,
      hasTestFile: (province) => existsSync(`${here}${province}.test.ts`),
    });
    expect(problems, `problems of module ${code}`).toEqual([]);
  });

  if (code !== 'national') {
    it('matches its golden output', async () => {
      await expect(`${JSON.stringify(goldenOf(code), null, 2)}\n`).toMatchFileSnapshot(`./__golden__/${code}.json`);
    });
  }
});
