/**
 * The contract every rule module passes, run over all of them: a new province is checked the moment its
 * file exists. Golden files: `npx vitest run provinces/contract.test.ts -u` rewrites them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CERTIFICATE_TYPES,
  FILING_TYPES,
  SMS_ROLES,
  SUBJECT_NATURES,
} from '../src/domain/vocabulary.js';
import { getProvince, listProvinces } from './index.js';
import national from './national.js';
import { fromQuote } from './kit/define.js';
import { goldenOf } from './kit/golden.js';
import { findSource } from './kit/sources.js';
import type { NatureScope, RuleBase, RuleModule, RuleSections } from './kit/types.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const NOT_MODULES = new Set(['index.ts', 'national.ts', 'registry.ts']);
const moduleFiles = readdirSync(here)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !NOT_MODULES.has(file))
  .map((file) => file.replace(/\.ts$/, ''))
  .sort();

const provinces = listProvinces();
const modules: RuleModule[] = [national, ...provinces];
const SECTIONS: (keyof RuleSections)[] = [
  'naming',
  'siteLimits',
  'smsMandates',
  'smsRoles',
  'smsCode',
  'certificateSuffixes',
  'reviewEstimates',
  'reviewLimits',
  'requirements',
];
const rulesOf = (module: RuleModule): RuleBase[] => SECTIONS.flatMap((section) => [...module[section]]);
const nationalIds = new Set(rulesOf(national).map((rule) => `national/${rule.id}`));

function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

function validScope(scope: NatureScope): boolean {
  return typeof scope === 'string'
    ? ['all', 'individual', 'organisation'].includes(scope)
    : scope.length > 0 && scope.every((nature) => SUBJECT_NATURES.includes(nature));
}

describe('province index', () => {
  it('has the 31 mainland provinces', () => expect(provinces).toHaveLength(31));

  it('lists every module file, sorted by code', () => {
    expect(provinces.map((p) => p.code)).toEqual(moduleFiles);
  });

  it('has unique codes, names, abbreviations and division codes', () => {
    for (const key of ['code', 'name', 'shortName', 'nameEn', 'abbreviation', 'divisionCode'] as const) {
      const values = provinces.map((p) => p[key]);
      expect(new Set(values).size, key).toBe(values.length);
    }
  });

  it('finds a province by code, name, short name, abbreviation or division code', () => {
    for (const province of provinces) {
      for (const key of [province.code, province.code.toUpperCase(), province.name, province.shortName, province.abbreviation, province.divisionCode]) {
        expect(getProvince(key)?.code, key).toBe(province.code);
      }
    }
    expect(getProvince('atlantis')).toBeUndefined();
  });
});

describe.each(modules.map((module) => [module.code, module] as const))('module %s', (code, module) => {
  const rules = rulesOf(module);

  if (code !== 'national') {
    const province = getProvince(code);
    it('has well-formed identity', () => {
      expect(province?.code).toMatch(/^[a-z]+$/);
      expect([...(province?.abbreviation ?? '')]).toHaveLength(1);
      expect(province?.divisionCode).toMatch(/^\d{2}$/);
      expect(province?.name.startsWith(province.shortName)).toBe(true);
      expect(findSource(province?.source ?? ''), 'identity source').toBeDefined();
    });

    it('has its own test file', () => expect(existsSync(`${here}${code}.test.ts`)).toBe(true));

    it('matches its golden output', async () => {
      await expect(`${JSON.stringify(goldenOf(code), null, 2)}\n`).toMatchFileSnapshot(`./__golden__/${code}.json`);
    });
  }

  it('has unique kebab-case rule ids with titles', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.title.zh.trim(), rule.id).not.toBe('');
      expect(rule.title.en.trim(), rule.id).not.toBe('');
    }
  });

  it('cites a known source for every rule', () => {
    for (const rule of rules) expect(findSource(rule.source), `${rule.id}: ${rule.source}`).toBeDefined();
  });

  it('has effective dates that parse and are ordered', () => {
    for (const rule of rules) {
      if (rule.effectiveFrom) expect(isDay(rule.effectiveFrom), rule.id).toBe(true);
      if (rule.effectiveUntil) expect(isDay(rule.effectiveUntil), rule.id).toBe(true);
      if (rule.effectiveFrom && rule.effectiveUntil) expect(rule.effectiveFrom < rule.effectiveUntil, rule.id).toBe(true);
    }
  });

  it('has word lists without blanks or duplicates, matching their quotes', () => {
    for (const rule of module.naming) {
      if (!('words' in rule)) continue;
      expect(rule.words.length, rule.id).toBeGreaterThan(0);
      expect(new Set(rule.words).size, rule.id).toBe(rule.words.length);
      for (const word of rule.words) expect(word, rule.id).toMatch(/^\S+$/);
      if (rule.quote !== undefined) expect(rule.words, rule.id).toEqual(fromQuote(rule.quote).words);
    }
  });

  it('uses known natures, filing types and certificate types', () => {
    for (const rule of rules) {
      if ('appliesTo' in rule) expect(validScope(rule.appliesTo as NatureScope), rule.id).toBe(true);
      if ('filingTypes' in rule && rule.filingTypes) {
        const types = rule.filingTypes as readonly string[];
        expect(types.length, rule.id).toBeGreaterThan(0);
        for (const type of types) expect(FILING_TYPES, rule.id).toContain(type);
      }
    }
    for (const rule of module.certificateSuffixes) {
      if (rule.certificateTypes !== 'all') for (const type of rule.certificateTypes) expect(CERTIFICATE_TYPES).toContain(type);
    }
    for (const rule of module.smsRoles) {
      expect(Object.keys(rule.roles).sort(), rule.id).toEqual([...FILING_TYPES].sort());
      for (const roles of Object.values(rule.roles)) {
        if (roles !== 'by-change') for (const role of roles) expect(SMS_ROLES).toContain(role);
      }
    }
  });

  it('has sensible numbers', () => {
    for (const rule of module.siteLimits) {
      for (const value of [rule.maxWebsites, rule.maxDomainsPerWebsite, rule.maxNewDomains]) {
        if (value !== undefined && value !== null) expect(Number.isInteger(value) && value > 0, rule.id).toBe(true);
      }
    }
    for (const rule of module.reviewEstimates) {
      expect(rule.minWorkingDays > 0 && rule.minWorkingDays <= rule.maxWorkingDays, rule.id).toBe(true);
    }
  });

  it('replaces only national rules that exist', () => {
    for (const rule of rules) {
      const replaces = (rule as { replaces?: readonly string[] }).replaces ?? [];
      if (code === 'national') expect(replaces, rule.id).toEqual([]);
      for (const id of replaces) expect(nationalIds.has(id), `${rule.id} replaces ${id}`).toBe(true);
    }
  });
});
