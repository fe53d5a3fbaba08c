/**
 * What `defineProvince` checks when a module loads. Every problem is one line naming the module, the
 * rule and the offending value, e.g. `hainan/individual-banned-words: blank word at words[3] ("")`.
 * The contract suite (kit/contract.ts) adds the checks that need files or other modules.
 */
import {
  CERTIFICATE_TYPES,
  FILING_TYPES,
  SERVICE_KINDS,
  SMS_ROLES,
  SUBJECT_NATURES,
} from '../../src/domain/vocabulary.js';
import { findSource } from './sources.js';
import type { NatureScope, RuleBase, RuleModule, RuleSections } from './types.js';

export const SECTIONS: readonly (keyof RuleSections)[] = [
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

/** Every rule of a module, with its section. */
export function rulesOf(module: RuleModule): { section: keyof RuleSections; rule: RuleBase }[] {
  return SECTIONS.flatMap((section) => (module[section] ?? []).map((rule: RuleBase) => ({ section, rule })));
}

/** Whether a text is a real calendar day written `YYYY-MM-DD`. */
export function isDay(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const q = (value: unknown) => JSON.stringify(value);

/** The problems of a module's declaration (empty when it is sound). */
export function moduleProblems(module: RuleModule): string[] {
  const problems: string[] = [];
  const at = (rule: RuleBase | undefined, message: string) =>
    problems.push(`${module.code}${rule ? `/${rule.id}` : ''}: ${message}`);

  if (module.code !== 'national') {
    const p = module as RuleModule & Record<string, unknown>;
    if (typeof p.code !== 'string' || !/^[a-z]+$/.test(p.code)) at(undefined, `code must be lower-case pinyin, got ${q(p.code)}`);
    for (const key of ['name', 'shortName', 'nameEn', 'abbreviation', 'divisionCode', 'source'] as const) {
      if (typeof p[key] !== 'string' || (p[key] as string).trim() === '') at(undefined, `${key} is blank`);
    }
    if (typeof p.abbreviation === 'string' && [...p.abbreviation].length !== 1) {
      at(undefined, `abbreviation must be one character, got ${q(p.abbreviation)}`);
    }
    if (typeof p.divisionCode === 'string' && !/^\d{2}$/.test(p.divisionCode)) {
      at(undefined, `divisionCode must be two digits (GB/T 2260), got ${q(p.divisionCode)}`);
    }
    if (typeof p.name === 'string' && typeof p.shortName === 'string' && !p.name.startsWith(p.shortName)) {
      at(undefined, `name ${q(p.name)} does not start with shortName ${q(p.shortName)}`);
    }
    if (typeof p.source === 'string' && !findSource(p.source, module.sources)) {
      at(undefined, `identity source ${q(p.source)} names no known document`);
    }
  }
  for (const [name, doc] of Object.entries(module.sources ?? {})) {
    if (!/^(seed|public):\S+$/.test(doc.key)) at(undefined, `sources.${name}.key must be seed:<file> or public:<name>, got ${q(doc.key)}`);
    if (doc.date !== undefined && !isDay(doc.date)) at(undefined, `sources.${name}.date is not a day: ${q(doc.date)}`);
  }

  const ids = new Set<string>();
  for (const { section, rule } of rulesOf(module)) {
    if (typeof rule.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(rule.id)) {
      at(rule, `rule id must be kebab-case, got ${q(rule.id)} (${section})`);
    }
    if (ids.has(rule.id)) at(rule, `duplicate rule id ${q(rule.id)}`);
    ids.add(rule.id);
    if (!rule.title?.zh?.trim() || !rule.title?.en?.trim()) at(rule, 'title.zh and title.en must not be blank');
    if (typeof rule.source !== 'string' || !findSource(rule.source, module.sources)) {
      at(rule, `source ${q(rule.source)} names no known document (kit/sources.ts or the module's sources)`);
    }
    for (const key of ['effectiveFrom', 'effectiveUntil'] as const) {
      if (rule[key] !== undefined && !isDay(rule[key])) at(rule, `${key} ${q(rule[key])} is not a real day (YYYY-MM-DD)`);
    }
    if (rule.effectiveFrom && rule.effectiveUntil && isDay(rule.effectiveFrom) && isDay(rule.effectiveUntil) && rule.effectiveUntil <= rule.effectiveFrom) {
      at(rule, `effectiveUntil ${rule.effectiveUntil} is not after effectiveFrom ${rule.effectiveFrom}`);
    }
    if (rule.seedText !== undefined && rule.seedText.trim() === '') at(rule, 'seedText is blank');
    const r = rule as RuleBase & Record<string, unknown>;
    if ('appliesTo' in r && !validScope(r.appliesTo as NatureScope)) at(rule, `unknown appliesTo ${q(r.appliesTo)}`);
    for (const key of ['filingTypes', 'exemptFilingTypes'] as const) {
      if (!(key in r) || r[key] === undefined) continue;
      const types = r[key];
      if (!Array.isArray(types)) {
        at(rule, `${key} must be a list, got ${q(types)}`);
        continue;
      }
      if (key === 'filingTypes' && types.length === 0) at(rule, 'filingTypes is empty (leave it out for all types)');
      for (const type of types) {
        if (!(FILING_TYPES as readonly string[]).includes(type)) at(rule, `unknown filing type ${q(type)} in ${key}`);
      }
    }
    if ('serviceKinds' in r && r.serviceKinds !== undefined) {
      const kinds = r.serviceKinds as readonly unknown[];
      if (!Array.isArray(kinds) || kinds.length === 0) at(rule, 'serviceKinds is empty (leave it out for the default)');
      else for (const kind of kinds) if (!(SERVICE_KINDS as readonly unknown[]).includes(kind)) at(rule, `unknown service kind ${q(kind)} in serviceKinds`);
    }
    if ('replaces' in r && r.replaces !== undefined) {
      if (module.code === 'national') at(rule, 'the national module replaces nothing');
      for (const id of r.replaces as string[]) {
        if (!/^national\/[a-z0-9-]+$/.test(id)) at(rule, `replaces ${q(id)}: only national/<rule> can be replaced`);
      }
    }
  }

  for (const rule of module.naming) {
    if ('words' in rule) {
      const words = rule.words as readonly unknown[];
      if (!Array.isArray(words) || words.length === 0) at(rule, 'words is empty');
      const seen = new Set<string>();
      words.forEach((word, index) => {
        if (typeof word !== 'string' || word.trim() === '') at(rule, `blank word at words[${index}] (${q(word)})`);
        else if (/\s/.test(word)) at(rule, `word ${q(word)} at words[${index}] contains white space`);
        else if (seen.has(word)) at(rule, `duplicate word ${q(word)} at words[${index}]`);
        if (typeof word === 'string') seen.add(word);
      });
      for (const word of rule.falsePositiveProne ?? []) {
        if (!seen.has(word)) at(rule, `falsePositiveProne word ${q(word)} is not in words`);
      }
      for (const phrase of rule.allow ?? []) {
        if (typeof phrase !== 'string' || phrase.trim() === '') at(rule, `blank allow-list entry ${q(phrase)}`);
        else if (![...seen].some((word) => phrase.includes(word))) at(rule, `allow-list entry ${q(phrase)} contains none of the words`);
      }
    } else if (rule.kind === 'required-pattern') {
      if (rule.patterns.length === 0) at(rule, 'patterns is empty');
      for (const pattern of rule.patterns) if (pattern.trim() === '') at(rule, 'blank pattern');
    } else if (rule.kind === 'min-han-characters') {
      checkCount(rule, 'min', rule.min);
    }
  }
  for (const rule of module.siteLimits) {
    for (const key of ['maxWebsites', 'maxDomainsPerWebsite', 'maxNewDomains', 'maxItems'] as const) {
      const value = rule[key];
      if (value !== undefined && value !== null) checkCount(rule, key, value);
    }
    if (rule.existingWebsitesAbove !== undefined && !(Number.isInteger(rule.existingWebsitesAbove) && rule.existingWebsitesAbove >= 0)) {
      at(rule, `existingWebsitesAbove must be a whole number ≥ 0, got ${q(rule.existingWebsitesAbove)}`);
    }
    if (rule.enforcement !== undefined && !['error', 'advisory'].includes(rule.enforcement)) at(rule, `unknown enforcement ${q(rule.enforcement)}`);
  }
  for (const rule of module.smsMandates) {
    if (!['pilot', 'nationwide'].includes(rule.scope)) at(rule, `unknown scope ${q(rule.scope)}`);
    if (!Array.isArray(rule.exemptFilingTypes)) at(rule, 'exemptFilingTypes must be a list');
  }
  for (const rule of module.smsRoles) {
    const keys = Object.keys(rule.roles ?? {});
    for (const type of FILING_TYPES) if (!keys.includes(type)) at(rule, `roles has no entry for filing type ${type}`);
    for (const [type, roles] of Object.entries(rule.roles ?? {})) {
      if (!(FILING_TYPES as readonly string[]).includes(type)) at(rule, `unknown filing type ${q(type)} in roles`);
      if (roles === 'by-change') continue;
      for (const role of roles) if (!(SMS_ROLES as readonly string[]).includes(role)) at(rule, `unknown SMS role ${q(role)} for ${type}`);
    }
  }
  for (const rule of module.smsCode) checkCount(rule, 'value', rule.value);
  for (const rule of module.certificateSuffixes) {
    checkCount(rule, 'length', rule.length);
    if (rule.certificateTypes !== 'all') {
      for (const type of rule.certificateTypes) {
        if (!(CERTIFICATE_TYPES as readonly string[]).includes(type)) at(rule, `unknown certificate type ${q(type)}`);
      }
    }
  }
  for (const rule of module.reviewEstimates) {
    checkCount(rule, 'minWorkingDays', rule.minWorkingDays);
    checkCount(rule, 'maxWorkingDays', rule.maxWorkingDays);
    if (rule.maxWorkingDays < rule.minWorkingDays) at(rule, `maxWorkingDays ${rule.maxWorkingDays} is below minWorkingDays ${rule.minWorkingDays}`);
  }
  for (const rule of module.reviewLimits) checkCount(rule, 'workingDays', rule.workingDays);
  for (const rule of module.requirements) {
    if (!['error', 'advisory'].includes(rule.enforcement)) at(rule, `unknown enforcement ${q(rule.enforcement)}`);
    if (rule.kind === 'domain-validity' && rule.minMonths !== undefined) checkCount(rule, 'minMonths', rule.minMonths);
    if ((rule.kind === 'refused-tlds' || rule.kind === 'preferred-tlds') && rule.tlds.some((tld) => tld.trim() === '' || tld.startsWith('.'))) {
      at(rule, `tlds must be suffixes without a leading dot, got ${q(rule.tlds)}`);
    }
    if (rule.kind === 'service-licence' && rule.serviceTypes.length === 0) at(rule, 'serviceTypes is empty');
  }
  return problems;

  function checkCount(rule: RuleBase, key: string, value: unknown) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) at(rule, `${key} must be a whole number ≥ 1, got ${q(value)}`);
  }
}

function validScope(scope: NatureScope): boolean {
  return typeof scope === 'string'
    ? ['all', 'individual', 'organisation'].includes(scope)
    : Array.isArray(scope) && scope.length > 0 && scope.every((nature) => (SUBJECT_NATURES as readonly string[]).includes(nature));
}
