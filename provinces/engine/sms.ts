/** SMS verification (短信核验): whether it applies, who verifies, the code rules, the certificate suffix. */
import type { CertificateType, FilingType, SmsRole } from '../../src/domain/vocabulary.js';
import type { RuleModule, RuleRef, SmsCodeSetting, SmsMandateRule } from '../kit/types.js';
import { inEffect, national, requireProvince, ruleDay, ruleRef, settingRules } from './scope.js';

export interface SmsRequirementInput {
  province: string;
  filingType: FilingType;
  /** When the order is submitted: the rule in force on that day applies. */
  at: Date;
  /** 变更备案: whether subject information changes. */
  subjectChanged?: boolean;
  /** 变更备案: whether website information changes. */
  websiteChanged?: boolean;
}

export interface SmsRequirement {
  required: boolean;
  /** Who receives a code; one code per distinct mobile number (see {@link smsRecipients}). */
  roles: SmsRole[];
  codeLength: number;
  codeValidityHours: number;
  /** A resent code arrives after about this long. */
  resendIntervalMinutes: number;
  maxResends: number;
  /** Wrong entries allowed; the next one returns the filing. */
  maxAttempts: number;
  /** The mandate in force (the province's pilot or the nationwide rule); `null` before either. */
  mandate: RuleRef | null;
  /** Every rule the answer rests on. */
  rules: RuleRef[];
  /** Inputs needed to name the roles (a 变更备案 that does not say what changes). */
  needs: string[];
}

const SETTINGS: readonly SmsCodeSetting[] = [
  'codeLength',
  'codeValidityHours',
  'resendIntervalMinutes',
  'maxResends',
  'maxAttempts',
];

/**
 * Whether an order needs SMS verification and by whom. Verification is required once a mandate is in
 * force for the province — its pilot batch, or the nationwide rule from 2020-08-17 — unless the mandate
 * exempts the filing type (取消接入); the role table in force then names who verifies.
 */
export function smsRequirement(input: SmsRequirementInput): SmsRequirement {
  const province = requireProvince(input.province);
  const day = ruleDay(input.at);

  const mandates: { module: RuleModule; rule: SmsMandateRule }[] = [];
  for (const module of [national, province] as RuleModule[]) {
    for (const rule of module.smsMandates) {
      if (inEffect(rule, day) && !rule.exemptFilingTypes.includes(input.filingType)) mandates.push({ module, rule });
    }
  }
  const mandate = mandates[0];

  const rules: RuleRef[] = [];
  const settings = {} as Record<SmsCodeSetting, number>;
  for (const setting of SETTINGS) {
    const [owned] = settingRules(province, 'smsCode', day, (rule) => rule.setting === setting);
    if (!owned) throw new Error(`No SMS code rule for ${setting} on ${day}`);
    settings[setting] = owned.rule.value;
    rules.push(ruleRef(owned.module, owned.rule));
  }

  let roles: SmsRole[] = [];
  const needs: string[] = [];
  if (mandate) {
    rules.unshift(ruleRef(mandate.module, mandate.rule));
    const [table] = settingRules(province, 'smsRoles', day);
    if (table) {
      rules.splice(1, 0, ruleRef(table.module, table.rule));
      const entry = table.rule.roles[input.filingType];
      if (entry !== 'by-change') roles = [...entry];
      else if (input.subjectChanged === undefined && input.websiteChanged === undefined) {
        needs.push('subjectChanged', 'websiteChanged');
      } else {
        if (input.subjectChanged) roles.push('SUBJECT_PRINCIPAL');
        if (input.websiteChanged) roles.push('WEBSITE_PRINCIPAL');
      }
    }
  }

  return {
    required: roles.length > 0 || needs.length > 0,
    roles,
    ...settings,
    mandate: mandate ? ruleRef(mandate.module, mandate.rule) : null,
    rules,
    needs,
  };
}

/** One SMS code per distinct mobile number: the numbers to verify and whose they are. */
export function smsRecipients(
  roles: readonly SmsRole[],
  mobiles: Partial<Record<SmsRole, string>>,
): { mobile: string; roles: SmsRole[] }[] {
  const byMobile = new Map<string, SmsRole[]>();
  for (const role of roles) {
    const mobile = mobiles[role]?.replace(/\s+/g, '');
    if (!mobile) continue;
    byMobile.set(mobile, [...(byMobile.get(mobile) ?? []), role]);
  }
  return [...byMobile].map(([mobile, owners]) => ({ mobile, roles: owners }));
}

export interface CertificateSuffixInput {
  province: string;
  certificateType: CertificateType;
  certificateNumber: string;
  /** 香港/澳门身份证件号码 on the back of an HK/Macau travel permit, e.g. `A1234567(8)`. */
  hkMacauIdentityNumber?: string;
  /** Day the rules are taken from; now when left out. */
  at?: Date;
}

export interface CertificateSuffix {
  /** What the person types; `null` when the number it comes from was not given. */
  suffix: string | null;
  rule: RuleRef;
  /** The input that is missing when `suffix` is `null`. */
  needs: string[];
}

/**
 * The certificate characters typed when verifying an SMS code: normally the last 6 of the certificate
 * number; in 浙江 with an HK/Macau travel permit, the last 6 of the HK/Macau identity number with
 * full-width parentheses (`A1234567(8)` → `567（8）`).
 */
export function certificateSuffix(input: CertificateSuffixInput): CertificateSuffix {
  const province = requireProvince(input.province);
  const candidates = settingRules(
    province,
    'certificateSuffixes',
    ruleDay(input.at),
    (rule) => rule.certificateTypes === 'all' || rule.certificateTypes.includes(input.certificateType),
  );
  const owned = candidates.find(({ rule }) => rule.certificateTypes !== 'all') ?? candidates[0];
  if (!owned) throw new Error('No certificate suffix rule');
  const { rule } = owned;
  const ref = ruleRef(owned.module, rule);

  const [field, raw] =
    rule.from === 'certificate-number'
      ? ['certificateNumber', input.certificateNumber]
      : ['hkMacauIdentityNumber', input.hkMacauIdentityNumber];
  const text = (raw ?? '').normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (text === '') return { suffix: null, rule: ref, needs: [field] };
  const written = rule.fullWidthParentheses ? text.replaceAll('(', '（').replaceAll(')', '）') : text;
  return { suffix: [...written].slice(-rule.length).join(''), rule: ref, needs: [] };
}
