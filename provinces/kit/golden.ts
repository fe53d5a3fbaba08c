/**
 * A province's golden output: not a copy of the module, but what the engines answer, rule by rule, on each
 * rule's own boundary days — the day it starts and the day before, its last day and the day it ends (an
 * undated rule: on the first and last sample days) — plus the sample names' outcomes on those days. The
 * contract suite writes one file per province to `provinces/__golden__/` (`npx vitest run
 * provinces/contract.test.ts -u`); a change to one module shows a diff in that module's file only.
 */
import { FILING_TYPES, type FilingType, type SubjectNature } from '../../src/domain/vocabulary.js';
import { reviewEstimate } from '../engine/estimate.js';
import { checkWebsiteName } from '../engine/naming.js';
import { checkRequirements } from '../engine/requirements.js';
import { rulesInForce } from '../engine/resolve.js';
import { natureIn, requireProvince } from '../engine/scope.js';
import { siteLimits } from '../engine/sites.js';
import { smsRequirement } from '../engine/sms.js';
import { rulesOf } from './check.js';
import type { RuleBase, RuleSections } from './types.js';

/** Sample days for undated rules: before the first SMS pilot, and a recent day. */
const FIRST_DAY = '2017-01-02';
const LAST_DAY = '2025-06-02';

const SAMPLE_NAMES: { nature: SubjectNature; subjectName: string; names: string[] }[] = [
  {
    nature: 'INDIVIDUAL',
    subjectName: '王小明',
    names: [
      '王小明的读书笔记',
      '王小明的个人博客',
      '王小明的官网商城',
      '王小明的购物分享',
      '王小明的采购笔记',
      '王小明的杭州游记',
      '王小明的画蛇添足',
      '王小明的科技有限公司',
      '王小明的在线课堂',
    ],
  },
  { nature: 'ENTERPRISE', subjectName: '星辰科技有限公司', names: ['星辰科技官网', '中国星辰网', '星辰论坛'] },
];

const at = (day: string) => new Date(`${day}T12:00:00+08:00`);
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The days a rule is sampled on. */
function boundaryDays(rule: RuleBase): string[] {
  const days = new Set<string>();
  if (rule.effectiveFrom) days.add(shift(rule.effectiveFrom, -1)).add(rule.effectiveFrom);
  else days.add(FIRST_DAY);
  if (rule.effectiveUntil) days.add(shift(rule.effectiveUntil, -1)).add(rule.effectiveUntil);
  else days.add(LAST_DAY);
  return [...days].sort();
}

/** What the rule's engine answers on a day, in a few words per case. */
function outcome(code: string, section: keyof RuleSections, rule: RuleBase, day: string): unknown {
  const fullId = `${code}/${rule.id}`;
  const inForce = rulesInForce(code, at(day)).rules.find((r) => r.id === fullId);
  if (!inForce) return 'not in force';
  const base = inForce.replacedBy ? `in force, replaced by ${inForce.replacedBy}` : 'in force';
  const scope = (rule as { appliesTo?: Parameters<typeof natureIn>[0] }).appliesTo ?? 'all';
  switch (section) {
    case 'naming':
      return {
        status: base,
        names: Object.fromEntries(
          SAMPLE_NAMES.filter(({ nature }) => natureIn(scope, nature)).flatMap(({ nature, subjectName, names }) =>
            names.map((name) => {
              const hits = checkWebsiteName({ province: code, nature, name, subjectName, remark: '读书笔记和旅行照片', at: at(day) })
                .filter((v) => v.rule === fullId)
                .map((v) => `${v.matched ?? ''}${v.field === 'name' ? '' : ` @${v.field}`}${v.severity ? ` (${v.severity})` : ''}`);
              return [`${nature} ${name}`, hits.length === 0 ? 'passes' : hits];
            }),
          ),
        ),
      };
    case 'siteLimits': {
      const types = (rule as { filingTypes?: readonly FilingType[] }).filingTypes ?? FILING_TYPES;
      const natures = (['INDIVIDUAL', 'ENTERPRISE'] as const).filter((nature) => natureIn(scope, nature));
      return {
        status: base,
        limits: Object.fromEntries(
          types.flatMap((filingType) =>
            natures.map((nature) => {
              const limits = siteLimits({ province: code, filingType, nature, at: at(day), existingWebsites: 100 });
              const advisory = limits.advisories.find((a) => a.id === fullId);
              return [
                `${filingType} ${nature}`,
                advisory
                  ? { advisory: { maxWebsites: advisory.maxWebsites, maxDomainsPerWebsite: advisory.maxDomainsPerWebsite, maxNewDomains: advisory.maxNewDomains } }
                  : {
                      maxWebsites: limits.maxWebsites,
                      maxDomainsPerWebsite: limits.maxDomainsPerWebsite,
                      maxNewDomains: limits.maxNewDomains,
                      // Items per order (every kind of internet-information item), where a rule sets it.
                      ...(limits.maxItems !== null ? { maxItems: limits.maxItems, itemKinds: [...limits.itemKinds] } : {}),
                    },
              ];
            }),
          ),
        ),
      };
    }
    case 'smsMandates':
    case 'smsRoles':
    case 'smsCode':
    case 'certificateSuffixes':
      return {
        status: base,
        sms: Object.fromEntries(
          FILING_TYPES.map((filingType) => {
            const sms = smsRequirement({ province: code, filingType, at: at(day), subjectChanged: true });
            return [filingType, sms.required ? sms.roles.join('+') : '-'];
          }),
        ),
      };
    case 'reviewEstimates':
    case 'reviewLimits': {
      const estimate = reviewEstimate({ province: code, submittedAt: at(day) });
      return { status: base, workingDays: [estimate.minWorkingDays, estimate.maxWorkingDays, estimate.limitWorkingDays] };
    }
    case 'requirements': {
      const types = (rule as { filingTypes?: readonly FilingType[] }).filingTypes ?? FILING_TYPES;
      const nature = natureIn(scope, 'INDIVIDUAL') ? 'INDIVIDUAL' : 'ENTERPRISE';
      const found = checkRequirements({ province: code, filingType: types[0]!, nature, at: at(day) }).requirements.find((r) => r.id === fullId);
      return { status: base, [`${types[0]} ${nature}`]: found ? `${found.status}${found.value ? ` ${found.value}` : ''}` : 'checked when data is given' };
    }
  }
}

export function goldenOf(code: string): unknown {
  const province = requireProvince(code);
  const { name, shortName, abbreviation, divisionCode } = province;
  return {
    province: { code, name, shortName, abbreviation, divisionCode },
    rules: Object.fromEntries(
      rulesOf(province).map(({ section, rule }) => [
        rule.id,
        {
          section,
          ...(rule.effectiveFrom ? { effectiveFrom: rule.effectiveFrom } : {}),
          ...(rule.effectiveUntil ? { effectiveUntil: rule.effectiveUntil } : {}),
          samples: Object.fromEntries(boundaryDays(rule).map((day) => [day, outcome(code, section, rule, day)])),
        },
      ]),
    ),
  };
}
