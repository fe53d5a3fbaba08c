/** Small predicates and lookups shared by the rule engines. */
import { shanghaiDay } from '../../src/domain/calendar.js';
import type { SubjectNature } from '../../src/domain/vocabulary.js';
import national from '../national.js';
import { PROVINCES } from '../registry.js';
import type { NatureScope, ProvinceModule, RuleBase, RuleModule, RuleRef, RuleSections } from '../kit/types.js';

export { national };

/** Whether a nature falls in a scope. */
export function natureIn(scope: NatureScope, nature: SubjectNature): boolean {
  if (scope === 'all') return true;
  if (scope === 'individual') return nature === 'INDIVIDUAL';
  if (scope === 'organisation') return nature !== 'INDIVIDUAL';
  return scope.includes(nature);
}

/** Whether a rule is in effect on a day (`YYYY-MM-DD`, Asia/Shanghai). */
export function inEffect(rule: Pick<RuleBase, 'effectiveFrom' | 'effectiveUntil'>, day: string): boolean {
  return (!rule.effectiveFrom || rule.effectiveFrom <= day) && (!rule.effectiveUntil || day < rule.effectiveUntil);
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
let lastDayNumber = Number.NaN;
let lastDay = '';

/**
 * The Asia/Shanghai day rules are evaluated on: the given instant, or now. Memoised: consecutive calls on
 * the same day (every check of a request, a bench loop) reuse the last day's text.
 */
export function ruleDay(at: Date | undefined): string {
  const ms = at ? at.getTime() : Date.now();
  const dayNumber = Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
  if (dayNumber !== lastDayNumber) {
    lastDay = shanghaiDay(new Date(ms));
    lastDayNumber = dayNumber;
  }
  return lastDay;
}

export function fullId(module: RuleModule, rule: RuleBase): string {
  return `${module.code}/${rule.id}`;
}

export function ruleRef(module: RuleModule, rule: RuleBase): RuleRef {
  const ref: RuleRef = { id: fullId(module, rule), module: module.code, source: rule.source };
  if (rule.effectiveFrom) ref.effectiveFrom = rule.effectiveFrom;
  if (rule.effectiveUntil) ref.effectiveUntil = rule.effectiveUntil;
  return ref;
}

/** A rule together with the module that declares it. */
export interface Owned<R extends RuleBase> {
  module: RuleModule;
  rule: R;
}

/**
 * The rules of one single-valued section that decide a setting on a day: the province's in-effect rules
 * that pass `accepts` when there are any, otherwise the national module's.
 */
export function settingRules<K extends keyof RuleSections>(
  province: ProvinceModule,
  section: K,
  day: string,
  accepts: (rule: RuleSections[K][number]) => boolean = () => true,
): Owned<RuleSections[K][number]>[] {
  for (const module of [province, national] as const) {
    const rules = (module[section] as readonly RuleSections[K][number][]).filter(
      (rule) => inEffect(rule, day) && accepts(rule),
    );
    if (rules.length > 0) return rules.map((rule) => ({ module, rule }));
  }
  return [];
}

const byKey = new Map<string, ProvinceModule>();
for (const province of PROVINCES) {
  for (const key of [province.code, province.name, province.shortName, province.abbreviation, province.divisionCode]) {
    byKey.set(key, province);
  }
}

/**
 * A province by pinyin code (`hubei`, any case), official or short Chinese name (`湖北省`, `湖北`),
 * ICP abbreviation (`鄂`) or GB/T 2260 code (`42`).
 */
export function findProvince(key: string): ProvinceModule | undefined {
  const trimmed = key.trim();
  return byKey.get(trimmed) ?? byKey.get(trimmed.toLowerCase());
}

/** Like {@link findProvince}, but an unknown province is an error. */
export function requireProvince(key: string): ProvinceModule {
  const province = findProvince(key);
  if (!province) throw new RangeError(`Unknown province: ${key}`);
  return province;
}
