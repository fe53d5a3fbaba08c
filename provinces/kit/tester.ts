/**
 * The table-driven tester for province modules: a province's test file is one `testProvince(code, {…})`
 * call listing valid and invalid cases with the rule ids they must produce. Each row becomes a Vitest
 * test. See provinces/README.md for a worked example.
 */
import { describe, expect, it } from 'vitest';
import type { Violation } from '../../src/domain/violation.js';
import { checkWebsiteName } from '../engine/naming.js';
import { checkRequirements } from '../engine/requirements.js';
import { requireProvince } from '../engine/scope.js';
import { checkSiteCounts, siteLimits } from '../engine/sites.js';
import { certificateSuffix, smsRequirement } from '../engine/sms.js';
import { reviewEstimate } from '../engine/estimate.js';
import { shanghaiDay } from '../../src/domain/calendar.js';
import { fromQuote } from './define.js';
import { caseProblems, type ExpectedError, type NameCase, type ProvinceCases, type RequirementCase, type SeedFacts, type SiteCountCase } from './cases.js';

import type { ProvinceModule } from './types.js';

export type * from './cases.js';

const ESTIMATE_DAYS = { '3 周': 15, '2 周': 10, '1 周': 5, '3 天': 3 } as const;

/** Registers the Vitest suite of one province. */
export function testProvince(code: string, cases: ProvinceCases): void {
  describe(`province ${code}`, () => {
    const province = requireProvince(code);
    it('is the module of that code', () => expect(province.code).toBe(code));
    it('has sound rows: a valid and an invalid row per rule, no invalid row without errors, no duplicates', () => {
      expect(caseProblems(province, cases), `problems of provinces/${code}.test.ts`).toEqual([]);
    });
    describe('seed facts', () => seedFactTests(province, cases.seed));

    if (cases.names) {
      const { valid, invalid } = cases.names;
      describe('website names', () => {
        it.each(valid.map((c) => [label(c), c] as const))('valid: %s', (_, c) => {
          expect(summarise(checkWebsiteName(nameInput(code, c))), `${code}: ${label(c)} should pass`).toEqual([]);
        });
        it.each(invalid.map((c) => [label(c), c] as const))('invalid: %s', (_, c) => {
          expectErrors(checkWebsiteName(nameInput(code, c)), c.errors);
        });
      });
    }

    if (cases.siteLimits) {
      it.each(cases.siteLimits.map((c) => [`${c.filingType} ${c.nature}`, c] as const))('site limits: %s', (_, c) => {
        const limits = siteLimits({ ...c, province: code, at: dayInstant(c.at) });
        const actual = Object.fromEntries(Object.keys(c.expect).map((key) => [key, limits[key as keyof typeof c.expect]]));
        expect(actual, `${code}: limits for ${c.filingType} ${c.nature}`).toEqual(c.expect);
      });
    }

    if (cases.siteCounts) {
      const { valid, invalid } = cases.siteCounts;
      const run = (c: SiteCountCase) =>
        checkSiteCounts({ ...c, province: code, at: dayInstant(c.at), websites: [...c.websites.map((domains) => ({ domains })), ...(c.apps ?? []).map((kind) => ({ kind, domains: [] }))] });
      it.each(valid.map((c) => [siteLabel(c), c] as const))('site counts valid: %s', (_, c) => {
        expect(summarise(run(c)), `${code}: ${siteLabel(c)} should pass`).toEqual([]);
      });
      it.each(invalid.map((c) => [siteLabel(c), c] as const))('site counts invalid: %s', (_, c) => {
        expectErrors(run(c), c.errors);
      });
    }

    if (cases.sms) {
      it.each(cases.sms.map((c) => [`${c.filingType} on ${c.at}`, c] as const))('sms: %s', (_, c) => {
        const sms = smsRequirement({ ...c, province: code, at: dayInstant(c.at) ?? new Date() });
        expect(sms.required, `${code}: SMS required for ${c.filingType} on ${c.at}`).toBe(c.expect.required);
        if (c.expect.roles) expect(sms.roles, `${code}: SMS roles for ${c.filingType} on ${c.at}`).toEqual(c.expect.roles);
      });
    }

    if (cases.estimates) {
      it.each(cases.estimates.map((c) => [c.submittedAt, c] as const))('review estimate from %s', (_, c) => {
        const estimate = reviewEstimate({ province: code, submittedAt: new Date(c.submittedAt) });
        const actual = {
          minWorkingDays: estimate.minWorkingDays,
          maxWorkingDays: estimate.maxWorkingDays,
          earliest: shanghaiDay(estimate.earliest),
          latest: shanghaiDay(estimate.latest),
          limit: shanghaiDay(estimate.limit),
        };
        expect(pick(actual, Object.keys(c.expect)), `${code}: review estimate from ${c.submittedAt}`).toEqual(c.expect);
      });
    }

    if (cases.certificateSuffixes) {
      it.each(cases.certificateSuffixes.map((c) => [`${c.certificateType} ${c.certificateNumber}`, c] as const))(
        'certificate suffix: %s',
        (_, c) =>
          expect(certificateSuffix({ ...c, province: code }).suffix, `${code}: suffix of ${c.certificateType} ${c.certificateNumber}`).toBe(c.expect),
      );
    }

    if (cases.requirements) {
      const { valid, invalid } = cases.requirements;
      const run = (c: RequirementCase) => checkRequirements({ ...c, province: code, at: dayInstant(c.at) }).violations;
      it.each(valid.map((c, i) => [`#${i + 1} ${c.filingType} ${c.nature}`, c] as const))('requirements valid: %s', (_, c) => {
        expect(summarise(run(c)), `${code}: requirements row should pass`).toEqual([]);
      });
      it.each(invalid.map((c, i) => [`#${i + 1} ${c.filingType} ${c.nature}`, c] as const))(
        'requirements invalid: %s',
        (_, c) => expectErrors(run(c), c.errors),
      );
    }
  });
}

/** Tests the module against the seed's own statements, and that those statements take effect. */
function seedFactTests(province: ProvinceModule, seed: SeedFacts): void {
  const code = province.code;
  const bans = province.naming.find((rule) => rule.id === 'individual-banned-words');
  if (seed.individualBannedWords !== undefined) {
    const quote = seed.individualBannedWords;
    it('individual banned words are the seed row, verbatim', () => {
      expect(bans && 'quote' in bans ? bans.quote : null, `${code}/individual-banned-words quote`).toBe(quote);
    });
    if (quote !== null) {
      const prone = new Set(bans && 'falsePositiveProne' in bans ? bans.falsePositiveProne ?? [] : []);
      it.each(fromQuote(quote).words.map((word) => [word]))('individual names may not use %s', (word) => {
        const hits = checkWebsiteName({ province: code, nature: 'INDIVIDUAL', name: `王小明的${word}日记`, subjectName: '王小明' });
        const expected = `${code}/individual-banned-words=${word}${prone.has(word) ? ' (warning)' : ''}`;
        expect(summarise(hits), `${code}: 王小明的${word}日记 should give ${expected}`).toContain(expected);
        const organisation = checkWebsiteName({ province: code, nature: 'ENTERPRISE', name: `王小明的${word}日记`, subjectName: '王小明' });
        expect(organisation.map((v) => v.rule)).not.toContain(`${code}/individual-banned-words`);
      });
    }
  }

  const expected = seed.reviewEstimate;
  if (expected !== undefined) {
    it('review estimate is the seed\'s', () => {
      const rule = province.reviewEstimates.find((r) => r.id === 'review-estimate');
      expect(rule ? { quote: rule.quote, min: rule.minWorkingDays, max: rule.maxWorkingDays } : null).toEqual(
        expected === null ? null : { quote: expected, min: ESTIMATE_DAYS[expected], max: ESTIMATE_DAYS[expected] },
      );
    });
  }

  if (seed.smsPilotFrom !== undefined) {
    const pilot = seed.smsPilotFrom;
    it('SMS pilot date is the seed\'s', () => {
      expect(province.smsMandates.find((rule) => rule.scope === 'pilot')?.effectiveFrom ?? null).toBe(pilot);
    });
    const start = pilot ?? '2020-08-17';
    it(`SMS verification starts on ${start}`, () => {
      const required = (day: string) =>
        smsRequirement({ province: code, filingType: 'FIRST', at: new Date(`${day}T12:00:00+08:00`) }).required;
      expect(required(previousDay(start))).toBe(false);
      expect(required(start)).toBe(true);
    });
  }
}

function nameInput(code: string, c: NameCase) {
  return { ...c, province: code, nature: c.nature ?? 'INDIVIDUAL', at: dayInstant(c.at) };
}

/** Compares violations with the expected ones as a multiset; unmatched entries are reported both ways. */
function expectErrors(violations: Violation[], expected: ExpectedError[]): void {
  const left = [...violations];
  const missing: ExpectedError[] = [];
  for (const entry of expected) {
    const want = typeof entry === 'string' ? { rule: entry } : entry;
    const at = left.findIndex(
      (v) =>
        v.rule === want.rule &&
        (want.matched === undefined || v.matched === want.matched) &&
        (want.field === undefined || v.field === want.field) &&
        (want.context === undefined || v.context === want.context) &&
        (want.severity === 'warning') === (v.severity === 'warning'),
    );
    if (at === -1) missing.push(entry);
    else left.splice(at, 1);
  }
  expect({ missing, unexpected: summarise(left) }, 'expected errors missing, and violations not expected').toEqual({ missing: [], unexpected: [] });
}

/** `rule=matched @field (warning)`, compact enough to read in a failing test. */
function summarise(violations: Violation[]): string[] {
  return violations.map(
    (v) =>
      `${v.rule}${v.matched === undefined ? '' : `=${v.matched}`}${v.field === 'name' ? '' : ` @${v.field}`}${v.severity === 'warning' ? ' (warning)' : ''}`,
  );
}

function label(c: NameCase): string {
  return `${c.name} (${c.nature ?? 'INDIVIDUAL'} ${c.subjectName})`;
}

function siteLabel(c: SiteCountCase): string {
  return `${c.filingType} ${c.nature} ${JSON.stringify(c.websites)}${c.apps?.length ? ` + ${c.apps.join(', ')}` : ''}`;
}

function dayInstant(day: string | undefined): Date | undefined {
  return day === undefined ? undefined : new Date(`${day}T12:00:00+08:00`);
}

function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

function pick<T extends object>(value: T, keys: string[]): Partial<T> {
  return Object.fromEntries(keys.map((key) => [key, value[key as keyof T]])) as Partial<T>;
}
