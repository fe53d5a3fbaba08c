/** Websites and domains per order (表3-1 and its successors). */
import { SERVICE_KINDS, type FilingType, type ServiceKind, type SubjectNature } from '../../src/domain/vocabulary.js';
import type { Violation } from '../../src/domain/violation.js';
import type { RuleModule, RuleRef, SiteLimitRule } from '../kit/types.js';
import { fullId, inEffect, national, natureIn, requireProvince, ruleDay, ruleRef, type Owned } from './scope.js';

export interface SiteLimitsInput {
  province: string;
  filingType: FilingType;
  nature: SubjectNature;
  /** Day the rules are taken from; now when left out. */
  at?: Date;
  /** Websites the subject already has on file; some limits depend on it (江西). */
  existingWebsites?: number;
}

type Dimension = 'maxWebsites' | 'maxDomainsPerWebsite' | 'maxNewDomains' | 'maxItems';
const DIMENSIONS: readonly Dimension[] = ['maxWebsites', 'maxDomainsPerWebsite', 'maxNewDomains', 'maxItems'];

export interface SiteLimits {
  /** Websites in one order; `null`: no limit. */
  maxWebsites: number | null;
  /** Domains per website; `null`: no limit. */
  maxDomainsPerWebsite: number | null;
  /** Domains over the whole order; `null`: no limit. */
  maxNewDomains: number | null;
  /** Internet-information items (websites, APPs, mini-programs, quick apps) in one order; `null`: no limit. */
  maxItems: number | null;
  /** The kinds of item `maxItems` counts. */
  itemKinds: readonly ServiceKind[];
  /** The rule that set each limited dimension. */
  ruleFor: Partial<Record<Dimension, RuleRef>>;
  /** Every rule that applied. */
  rules: RuleRef[];
  /** Rules that could apply but need `existingWebsites` to decide. */
  undecided: RuleRef[];
  /**
   * Advisory limits (undated provider knowledge that contradicts a seed): they set no limit above, and an
   * order beyond them gets a warning, not a refusal.
   */
  advisories: AdvisoryLimit[];
}

export interface AdvisoryLimit extends RuleRef {
  maxWebsites?: number | null;
  maxDomainsPerWebsite?: number | null;
  maxNewDomains?: number | null;
  maxItems?: number | null;
  message: string;
  messageEn: string;
}

/**
 * The limits for one order. For each dimension the province's applicable rules decide when any of them
 * speaks of it, otherwise the national ones; several applicable rules give their smallest limit.
 */
export function siteLimits(input: SiteLimitsInput): SiteLimits {
  const { applicable, deciding, undecided, advisory } = resolve(input);
  const result: SiteLimits = {
    maxWebsites: null,
    maxDomainsPerWebsite: null,
    maxNewDomains: null,
    maxItems: null,
    itemKinds: SERVICE_KINDS,
    ruleFor: {},
    rules: applicable.map(({ module, rule }) => ruleRef(module, rule)),
    undecided,
    advisories: advisory.map(({ module, rule }) => {
      const entry: AdvisoryLimit = { ...ruleRef(module, rule), message: rule.title.zh, messageEn: rule.title.en };
      for (const dimension of DIMENSIONS) if (rule[dimension] !== undefined) entry[dimension] = rule[dimension];
      return entry;
    }),
  };
  for (const dimension of DIMENSIONS) {
    const owned = deciding[dimension];
    if (owned) {
      result[dimension] = owned.rule[dimension] ?? null;
      result.ruleFor[dimension] = ruleRef(owned.module, owned.rule);
      if (dimension === 'maxItems') result.itemKinds = owned.rule.serviceKinds ?? SERVICE_KINDS;
    }
  }
  return result;
}

interface Resolution {
  applicable: Owned<SiteLimitRule>[];
  /** The rule setting each dimension that has a limit. */
  deciding: Partial<Record<Dimension, Owned<SiteLimitRule>>>;
  undecided: RuleRef[];
  /** Applicable advisory rules: warnings only. */
  advisory: Owned<SiteLimitRule>[];
}

function resolve(input: SiteLimitsInput): Resolution {
  const province = requireProvince(input.province);
  const day = ruleDay(input.at);
  const applicable: Owned<SiteLimitRule>[] = [];
  const advisory: Owned<SiteLimitRule>[] = [];
  const undecided: RuleRef[] = [];
  for (const module of [province, national] as RuleModule[]) {
    for (const rule of module.siteLimits) {
      if (!inEffect(rule, day) || !rule.filingTypes.includes(input.filingType) || !natureIn(rule.appliesTo, input.nature)) {
        continue;
      }
      if (rule.existingWebsitesAbove !== undefined) {
        if (input.existingWebsites === undefined) {
          undecided.push(ruleRef(module, rule));
          continue;
        }
        if (input.existingWebsites <= rule.existingWebsitesAbove) continue;
      }
      if (rule.enforcement === 'advisory') advisory.push({ module, rule });
      else applicable.push({ module, rule });
    }
  }
  const deciding: Resolution['deciding'] = {};
  for (const dimension of DIMENSIONS) {
    const speaking = applicable.filter(({ rule }) => rule[dimension] !== undefined);
    const fromProvince = speaking.filter(({ module }) => module === province);
    let best: Owned<SiteLimitRule> | undefined;
    for (const owned of fromProvince.length > 0 ? fromProvince : speaking) {
      if (!best || limitOf(owned.rule, dimension) < limitOf(best.rule, dimension)) best = owned;
    }
    if (best && limitOf(best.rule, dimension) !== Infinity) deciding[dimension] = best;
  }
  return { applicable, deciding, undecided, advisory };
}

function limitOf(rule: SiteLimitRule, dimension: Dimension): number {
  return rule[dimension] ?? Infinity;
}

export interface CheckSiteCountsInput extends SiteLimitsInput {
  /**
   * The order's internet-information items with their domains, in order: websites (`kind` left out or
   * `WEBSITE`) and APPs, mini-programs and quick apps (their back-end domains are not counted here).
   */
  websites: readonly { kind?: ServiceKind | null; domains: readonly string[] }[];
  /** Field path of each item (`websites[0]`, `apps[0]`); `websites[i]` when left out. */
  fields?: readonly string[];
}

/**
 * Violations of the per-order limits: too many websites, domains on one website, or domains in all.
 * Advisory rules give warnings (`severity: 'warning'`), never refusals.
 */
export function checkSiteCounts(input: CheckSiteCountsInput): Violation[] {
  const { deciding, advisory } = resolve(input);
  const violations: Violation[] = [];
  const check = (dimension: Dimension, field: string, count: number, zh: string, en: string) => {
    const candidates: [Owned<SiteLimitRule> | undefined, boolean][] = [
      [deciding[dimension], false],
      ...advisory.filter(({ rule }) => rule[dimension] !== undefined && rule[dimension] !== null).map((owned) => [owned, true] as [Owned<SiteLimitRule>, boolean]),
    ];
    for (const [owned, warning] of candidates) report(owned, warning, dimension, field, count, zh, en);
  };
  const report = (
    owned: Owned<SiteLimitRule> | undefined,
    warning: boolean,
    dimension: Dimension,
    field: string,
    count: number,
    zh: string,
    en: string,
  ) => {
    if (!owned) return;
    const limit = limitOf(owned.rule, dimension);
    if (count <= limit) return;
    const { module, rule } = owned;
    violations.push({
      ...(warning ? { severity: 'warning' as const } : {}),
      field,
      rule: fullId(module, rule),
      module: module.code,
      source: rule.source,
      message: `${warning ? '提示（来源较旧，仅供参考）：' : ''}${zh.replace('{limit}', String(limit))}，当前为${count}个（${rule.title.zh}）`,
      messageEn: `${warning ? 'Advisory (older source, not enforced): ' : ''}${en.replace('{limit}', String(limit))}; this has ${count} (${rule.title.en})`,
      matched: String(count),
    });
  };

  const isWebsite = (item: { kind?: ServiceKind | null }) => (item.kind ?? 'WEBSITE') === 'WEBSITE';
  const websites = input.websites.filter(isWebsite);
  check('maxWebsites', 'websites', websites.length, '同一个备案订单最多备案{limit}个网站', 'At most {limit} website(s) per order');
  input.websites.forEach((website, index) => {
    if (!isWebsite(website)) return;
    check(
      'maxDomainsPerWebsite',
      `${input.fields?.[index] ?? `websites[${index}]`}.domains`,
      website.domains.length,
      '每个网站最多对应{limit}个域名',
      'At most {limit} domain(s) per website',
    );
  });
  const domains = websites.reduce((sum, website) => sum + website.domains.length, 0);
  check('maxNewDomains', 'websites', domains, '同一个备案订单最多新增{limit}个域名', 'At most {limit} new domain(s) per order');
  // Items per order, counted over the kinds of the deciding rule (and of each advisory rule).
  const itemCount = (kinds: readonly ServiceKind[] | undefined) => input.websites.filter((item) => (kinds ?? SERVICE_KINDS).includes(item.kind ?? 'WEBSITE')).length;
  const itemsOwned = deciding.maxItems;
  if (itemsOwned) {
    report(itemsOwned, false, 'maxItems', 'items', itemCount(itemsOwned.rule.serviceKinds), '同一个备案订单最多备案{limit}个互联网信息服务（网站或APP等）', 'At most {limit} internet-information item(s) (websites, APPs, …) per order');
  }
  for (const owned of advisory) {
    if (owned.rule.maxItems === undefined || owned.rule.maxItems === null) continue;
    report(owned, true, 'maxItems', 'items', itemCount(owned.rule.serviceKinds), '同一个备案订单最多备案{limit}个互联网信息服务（网站或APP等）', 'At most {limit} internet-information item(s) (websites, APPs, …) per order');
  }
  return violations;
}
