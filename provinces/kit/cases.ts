/**
 * The rows a province test lists (`testProvince(code, cases)`), and the checks on them that do not need
 * Vitest — so the planted-mistakes test can run them too:
 * - every rule of the module has at least one valid row it applies to and one invalid row naming it in
 *   its errors (rules that can refuse nothing — SMS, estimates, procedures, advisories — need one row);
 * - no invalid row without expected errors; no duplicate rows.
 */
import type { CertificateType, FilingType, ServiceKind, SmsRole, SubjectNature } from '../../src/domain/vocabulary.js';
import type { RequirementsInput } from '../engine/requirements.js';
import { inEffect, natureIn } from '../engine/scope.js';
import type { NatureScope, ProvinceModule, RuleBase } from './types.js';

/**
 * An expected violation: a full rule id, or the id with the matched text, field and/or severity it must
 * carry. Warnings (`severity: 'warning'`) are listed like errors: a row expects exactly what it gets.
 */
export type ExpectedError = string | { rule: string; matched?: string; field?: string; severity?: 'warning'; context?: string };

export interface NameCase {
  name: string;
  subjectName: string;
  /** Default `INDIVIDUAL`. */
  nature?: SubjectNature;
  domains?: string[];
  remark?: string;
  preApprovals?: string[];
  nationalUnit?: boolean;
  /** Day the rules are taken from, `YYYY-MM-DD`; default today. */
  at?: string;
}

export interface InvalidNameCase extends NameCase {
  /** Exactly the violations expected (in any order). */
  errors: ExpectedError[];
}

export interface SiteLimitCase {
  filingType: FilingType;
  nature: SubjectNature;
  at?: string;
  existingWebsites?: number;
  /** The limits expected; dimensions left out are not compared. */
  expect: { maxWebsites?: number | null; maxDomainsPerWebsite?: number | null; maxNewDomains?: number | null };
}

export interface SiteCountCase {
  filingType: FilingType;
  nature: SubjectNature;
  at?: string;
  existingWebsites?: number;
  /** Domains of each website. */
  websites: string[][];
  /** Items of other kinds in the order (after the websites), e.g. `['APP']`: rules with `maxItems` count them. */
  apps?: ServiceKind[];
}

export interface InvalidSiteCountCase extends SiteCountCase {
  errors: ExpectedError[];
}

export interface SmsCase {
  filingType: FilingType;
  at: string;
  subjectChanged?: boolean;
  websiteChanged?: boolean;
  expect: { required: boolean; roles?: SmsRole[] };
}

export interface EstimateCase {
  /** ISO instant, e.g. `2024-09-27T10:00:00+08:00`. */
  submittedAt: string;
  /** Working days and the days (`YYYY-MM-DD`, Asia/Shanghai) expected; keys left out are not compared. */
  expect: { minWorkingDays?: number; maxWorkingDays?: number; earliest?: string; latest?: string; limit?: string };
}

export interface CertificateSuffixCase {
  certificateType: CertificateType;
  certificateNumber: string;
  hkMacauIdentityNumber?: string;
  expect: string | null;
}

export type RequirementCase = Omit<RequirementsInput, 'province' | 'at'> & { at?: string };

/** Facts the seeds state about the province, checked against the module and exercised. */
export interface SeedFacts {
  /** Seed 002 附录二 table cell, verbatim; `null`: the province has no row. */
  individualBannedWords?: string | null;
  /** Seed 000 review estimate wording; `null`: the province is not listed. */
  reviewEstimate?: '3 周' | '2 周' | '1 周' | '3 天' | null;
  /** Seed 002 §8 SMS pilot batch date; `null`: the province was not in a pilot. */
  smsPilotFrom?: string | null;
}

export interface ProvinceCases {
  seed: SeedFacts;
  names?: { valid: NameCase[]; invalid: InvalidNameCase[] };
  siteLimits?: SiteLimitCase[];
  siteCounts?: { valid: SiteCountCase[]; invalid: InvalidSiteCountCase[] };
  sms?: SmsCase[];
  estimates?: EstimateCase[];
  certificateSuffixes?: CertificateSuffixCase[];
  requirements?: { valid: RequirementCase[]; invalid: (RequirementCase & { errors: ExpectedError[] })[] };
}


/** Requirement kinds whose rule can refuse an order (with enforcement `error`). */
const REFUSING_KINDS = new Set([
  'document', 'access-method', 'filing-region', 'mobile-region', 'address-same-province', 'address-same-city',
  'legal-representative', 'domain-validity', 'domain-holder', 'refused-tlds',
]);

const NAME_DEFAULT_NATURE: SubjectNature = 'INDIVIDUAL';

function today(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function applies(rule: RuleBase & { appliesTo?: NatureScope; filingTypes?: readonly FilingType[] }, row: { nature?: SubjectNature; filingType?: FilingType; at?: string }): boolean {
  const day = row.at ?? today();
  if (!inEffect(rule, day)) return false;
  if (rule.appliesTo && !natureIn(rule.appliesTo, row.nature ?? NAME_DEFAULT_NATURE)) return false;
  if (rule.filingTypes && row.filingType && !rule.filingTypes.includes(row.filingType)) return false;
  return true;
}

function names(errors: readonly ExpectedError[]): string[] {
  return errors.map((error) => (typeof error === 'string' ? error : error.rule));
}

/** Problems of a province's test rows, each naming the module, the rule or the row. */
export function caseProblems(module: ProvinceModule, cases: ProvinceCases): string[] {
  const problems: string[] = [];
  const code = module.code;
  const id = (rule: RuleBase) => `${code}/${rule.id}`;

  // Invalid rows must expect something; rows must not repeat.
  const lists: [string, readonly object[] | undefined][] = [
    ['names.valid', cases.names?.valid],
    ['names.invalid', cases.names?.invalid],
    ['siteCounts.valid', cases.siteCounts?.valid],
    ['siteCounts.invalid', cases.siteCounts?.invalid],
    ['requirements.valid', cases.requirements?.valid],
    ['requirements.invalid', cases.requirements?.invalid],
    ['siteLimits', cases.siteLimits],
    ['sms', cases.sms],
    ['estimates', cases.estimates],
    ['certificateSuffixes', cases.certificateSuffixes],
  ];
  const seen = new Map<string, string>();
  for (const [list, rows] of lists) {
    (rows ?? []).forEach((row, index) => {
      const where = `${code} ${list}[${index}]`;
      const errors = (row as { errors?: unknown }).errors;
      if (list.endsWith('.invalid') && (!Array.isArray(errors) || errors.length === 0)) {
        problems.push(`${where} ${JSON.stringify(row)}: an invalid row must list the errors it expects`);
      }
      const family = list.replace(/\.(valid|invalid)$/, '');
      const { errors: _ignored, ...input } = row as { errors?: unknown };
      const key = `${family} ${JSON.stringify(input)}`;
      const first = seen.get(key);
      if (first) problems.push(`${where} repeats ${first}: ${JSON.stringify(input)}`);
      else seen.set(key, `${list}[${index}]`);
    });
  }

  const covered = (rule: RuleBase, valid: boolean, invalid: boolean, what: { valid: string; invalid: string }) => {
    if (!valid) problems.push(`${id(rule)}: no valid row (${what.valid})`);
    if (!invalid) problems.push(`${id(rule)}: no invalid row naming ${id(rule)} in its errors (${what.invalid})`);
  };

  for (const rule of module.naming) {
    covered(
      rule,
      (cases.names?.valid ?? []).some((row) => applies(rule, row)),
      (cases.names?.invalid ?? []).some((row) => names(row.errors).includes(id(rule))),
      { valid: 'names.valid, a name of a nature and day the rule applies to', invalid: 'names.invalid' },
    );
  }
  for (const rule of module.siteLimits) {
    covered(
      rule,
      [...(cases.siteCounts?.valid ?? []), ...(cases.siteLimits ?? [])].some((row) => applies(rule, row)),
      (cases.siteCounts?.invalid ?? []).some((row) => names(row.errors).includes(id(rule))),
      { valid: 'siteCounts.valid or siteLimits, a filing type, nature and day it applies to', invalid: 'siteCounts.invalid' },
    );
  }
  for (const rule of module.requirements) {
    const rows = [...(cases.requirements?.valid ?? []), ...(cases.requirements?.invalid ?? [])];
    if (rule.enforcement === 'error' && REFUSING_KINDS.has(rule.kind)) {
      covered(
        rule,
        (cases.requirements?.valid ?? []).some((row) => applies(rule, row)),
        (cases.requirements?.invalid ?? []).some((row) => names(row.errors).includes(id(rule))),
        { valid: 'requirements.valid, a filing type, nature and day it applies to', invalid: 'requirements.invalid' },
      );
    } else if (!rows.some((row) => applies(rule, row))) {
      problems.push(`${id(rule)}: no requirements row it applies to (it cannot refuse, but one row must show it)`);
    }
  }
  const one = (rules: readonly RuleBase[], ok: boolean, where: string) => {
    if (!ok) for (const rule of rules) problems.push(`${id(rule)}: no row exercises it (${where})`);
  };
  one(module.smsMandates, cases.seed.smsPilotFrom !== undefined || (cases.sms ?? []).length > 0, 'seed.smsPilotFrom or sms');
  one([...module.smsRoles, ...module.smsCode], (cases.sms ?? []).length > 0, 'sms');
  one(module.certificateSuffixes, (cases.certificateSuffixes ?? []).length > 0, 'certificateSuffixes');
  one(module.reviewEstimates, cases.seed.reviewEstimate !== undefined || (cases.estimates ?? []).length > 0, 'seed.reviewEstimate or estimates');
  one(module.reviewLimits, (cases.estimates ?? []).some((row) => row.expect.limit !== undefined), 'estimates with expect.limit');
  return problems;
}
