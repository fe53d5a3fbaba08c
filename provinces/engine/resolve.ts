/** The rules in force in a province on a day, national and provincial, as one flat list. */
import type { NatureScope, ProvinceIdentity, RuleBase, RuleModule, RuleRef, RuleSections, Text } from '../kit/types.js';
import { SECTIONS } from '../kit/check.js';
import { fullId, inEffect, national, requireProvince, ruleDay, ruleRef } from './scope.js';

export type RuleSection = keyof RuleSections;


/** One rule in force, with where it comes from and, for a national rule, what supersedes it. */
export interface RuleInForce extends RuleRef {
  section: RuleSection;
  title: Text;
  appliesTo?: NatureScope;
  /** Full id of the province rule that takes this national rule's place, if any. */
  replacedBy?: string;
  /** The rule's full declaration. */
  rule: RuleSections[RuleSection][number];
}

export interface ProvinceRulesInForce {
  province: ProvinceIdentity;
  /** The day (Asia/Shanghai) the rules were taken from. */
  day: string;
  rules: RuleInForce[];
}

/**
 * The setting a single-valued rule decides, for the sections where a province rule takes the place of
 * the national one (site limits are decided per dimension and per nature, so they are not marked).
 */
function settingKey(section: RuleSection, rule: RuleBase): string | undefined {
  switch (section) {
    case 'smsRoles':
    case 'reviewEstimates':
    case 'reviewLimits':
      return section;
    case 'smsCode':
      return `smsCode:${(rule as RuleSections['smsCode'][number]).setting}`;
    case 'certificateSuffixes': {
      const types = (rule as RuleSections['certificateSuffixes'][number]).certificateTypes;
      return `certificateSuffixes:${types === 'all' ? 'all' : [...types].sort().join(',')}`;
    }
    default:
      return undefined;
  }
}

/** National rules first, then the province's, each section in declaration order. */
export function rulesInForce(key: string, at?: Date): ProvinceRulesInForce {
  const province = requireProvince(key);
  const day = ruleDay(at);
  const rules: RuleInForce[] = [];
  const replacements = new Map<string, string>();

  for (const section of SECTIONS) {
    for (const rule of province[section] as readonly RuleBase[]) {
      if (!inEffect(rule, day)) continue;
      for (const id of (rule as { replaces?: readonly string[] }).replaces ?? []) replacements.set(id, fullId(province, rule));
      const setting = settingKey(section, rule);
      if (setting) replacements.set(setting, fullId(province, rule));
    }
  }
  for (const module of [national, province] as RuleModule[]) {
    for (const section of SECTIONS) {
      for (const rule of module[section] as readonly RuleSections[RuleSection][number][]) {
        if (!inEffect(rule, day)) continue;
        const entry: RuleInForce = { ...ruleRef(module, rule), section, title: rule.title, rule };
        if ('appliesTo' in rule) entry.appliesTo = rule.appliesTo;
        if (module === national) {
          const setting = settingKey(section, rule);
          const by = replacements.get(entry.id) ?? (setting ? replacements.get(setting) : undefined);
          if (by) entry.replacedBy = by;
        }
        rules.push(entry);
      }
    }
  }
  const { code, name, shortName, nameEn, abbreviation, divisionCode, source } = province;
  return { province: { code, name, shortName, nameEn, abbreviation, divisionCode, source }, day, rules };
}
