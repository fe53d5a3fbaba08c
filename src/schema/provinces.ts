import {
  checkRequirements,
  checkWebsiteName,
  findSource,
  getProvince,
  listProvinces,
  reviewEstimate,
  rulesInForce,
  siteLimits,
  smsRequirement,
  type ProvinceModule,
  type ProvinceRulesInForce,
  type Requirement,
  type ReviewEstimate,
  type RuleInForce,
  type RuleRef,
  type AdvisoryLimit,
  type ProviderPolicy,
  type SiteLimits,
  type NatureScope,
  type SmsRequirement,
} from '../../provinces/index.js';
import { builder } from '../builder.js';
import { NotFound } from '../domain/errors.js';
import {
  CertificateTypeEnum,
  FilingTypeEnum,
  ServiceKindEnum,
  NatureScopeEnum,
  PreApprovalKindEnum,
  RequirementKindEnum,
  RequirementStatusEnum,
  RuleSectionEnum,
  SmsRoleEnum,
  SubjectNatureEnum,
} from './enums.js';
import { kindValue, sectionValue } from './labels.js';
import type { CertificateType, FilingType, SmsRole } from '../domain/vocabulary.js';
import { ViolationType } from './errors.js';

/** Province data are computed once per province and day, then served from memory. */
const rulesCache = new Map<string, ProvinceRulesInForce>();
function cachedRules(code: string, at: Date): ProvinceRulesInForce {
  const day = at.toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
  const key = `${code}|${day}`;
  let rules = rulesCache.get(key);
  if (!rules) {
    if (rulesCache.size > 2_000) rulesCache.clear();
    rules = rulesInForce(code, at);
    rulesCache.set(key, rules);
  }
  return rules;
}

const PROVINCE_ARG = 'Province code (`hubei`), name (`湖北`) or ICP abbreviation (`鄂`).';

export function province(code: string): ProvinceModule {
  const p = getProvince(code);
  if (!p) throw new NotFound(`Province ${code}`);
  return p;
}

const SourceDocumentType = builder.objectRef<{ key: string; title: string; date?: string; url?: string }>('SourceDocument').implement({
  description: 'A document a rule comes from: a provider guide (seed) or a public source.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key rules cite, e.g. `seed:002_…`.' }),
    title: t.exposeString('title', { description: 'Title of the document.' }),
    date: t.exposeString('date', { nullable: true, description: 'Date of the document, `YYYY-MM-DD` or as precise as known.' }),
    url: t.exposeString('url', { nullable: true, description: 'Where it is published, when public.' }),
  }),
});

const ruleRefFields = <T extends RuleRef>(t: PothosSchemaTypes.ObjectFieldBuilder<any, T>) => ({
  id: t.exposeString('id', { description: 'Full rule id, `<module>/<rule>`.' }),
  module: t.exposeString('module', { description: '`national` or the province code.' }),
  source: t.exposeString('source', { description: 'Document and section the rule comes from.' }),
  sourceDocument: t.field({ type: SourceDocumentType, nullable: true, description: 'The document `source` cites.', resolve: (r: T) => findSource(r.source, r.module) ?? null }),
  effectiveFrom: t.exposeString('effectiveFrom', { nullable: true, description: 'First day in force (Asia/Shanghai), `YYYY-MM-DD`.' }),
  effectiveUntil: t.exposeString('effectiveUntil', { nullable: true, description: 'First day no longer in force.' }),
});

const RuleRefType = builder.objectRef<RuleRef>('RuleRef').implement({
  description: 'A reference to a province or national rule, with its source.',
  fields: (t) => ruleRefFields(t),
});

const RuleScopeType = builder.objectRef<NatureScope>('RuleScope').implement({
  description: 'Which subjects a rule is for.',
  fields: (t) => ({
    kind: t.field({
      type: NatureScopeEnum,
      description: 'Everyone, individuals, organisations, or the natures listed.',
      resolve: (n) => (typeof n === 'string' ? (n.toUpperCase() as 'ALL' | 'INDIVIDUAL' | 'ORGANISATION') : 'LIST'),
    }),
    natures: t.field({
      type: [SubjectNatureEnum],
      description: 'LIST: the natures; otherwise empty.',
      resolve: (n) => (typeof n === 'string' ? [] : [...n]),
    }),
  }),
});

/** Every field a rule declaration may carry (provinces/kit/types.ts), all optional. */
type Declaration = Record<string, unknown>;
const str = (d: Declaration, k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
const num = (d: Declaration, k: string) => (typeof d[k] === 'number' ? (d[k] as number) : null);
const bool = (d: Declaration, k: string) => (typeof d[k] === 'boolean' ? (d[k] as boolean) : null);
const list = <T = string>(d: Declaration, k: string) => (Array.isArray(d[k]) ? ([...(d[k] as T[])] as T[]) : null);

const SmsRolesEntryType = builder.objectRef<{ filingType: FilingType; roles: readonly SmsRole[] | 'by-change' }>('SmsRolesEntry').implement({
  description: 'Who receives SMS codes for one filing type.',
  fields: (t) => ({
    filingType: t.field({ type: FilingTypeEnum, description: 'The filing type.', resolve: (e) => e.filingType }),
    roles: t.field({ type: [SmsRoleEnum], description: 'Who (empty: nobody, or see `byChange`).', resolve: (e) => (e.roles === 'by-change' ? [] : [...e.roles]) }),
    byChange: t.boolean({
      description: 'The subject principal when subject information changes, the website principal when website information changes.',
      resolve: (e) => e.roles === 'by-change',
    }),
  }),
});

const RuleDeclarationType = builder.objectRef<Declaration>('RuleDeclaration').implement({
  description: 'A rule as its module declares it (provinces/kit/types.ts); each field is set only by the sections that use it.',
  fields: (t) => ({
    kind: t.string({ nullable: true, description: 'Naming and requirement rules: the kind, e.g. `banned-words`, `document`.', resolve: (d) => str(d, 'kind') }),
    words: t.stringList({ nullable: true, description: 'Word lists: the words.', resolve: (d) => list(d, 'words') }),
    quote: t.string({ nullable: true, description: 'The source’s own wording.', resolve: (d) => str(d, 'quote') }),
    patterns: t.stringList({ nullable: true, description: '`required-pattern`: the allowed name patterns.', resolve: (d) => list(d, 'patterns') }),
    remarkRequired: t.boolean({ nullable: true, description: '`required-pattern`: the remark must state the site’s content.', resolve: (d) => bool(d, 'remarkRequired') }),
    exemptNationalUnits: t.boolean({ nullable: true, description: '`banned-prefixes`: national-level units are exempt.', resolve: (d) => bool(d, 'exemptNationalUnits') }),
    min: t.int({ nullable: true, description: '`min-han-characters`: the minimum.', resolve: (d) => num(d, 'min') }),
    replaces: t.stringList({ nullable: true, description: 'Full ids of national rules this rule supersedes.', resolve: (d) => list(d, 'replaces') }),
    filingTypes: t.field({ type: [FilingTypeEnum], nullable: true, description: 'Filing types concerned.', resolve: (d) => list<FilingType>(d, 'filingTypes') }),
    maxWebsites: t.int({ nullable: true, description: 'Site limits: websites per order.', resolve: (d) => num(d, 'maxWebsites') }),
    maxDomainsPerWebsite: t.int({ nullable: true, description: 'Site limits: domains per website.', resolve: (d) => num(d, 'maxDomainsPerWebsite') }),
    maxNewDomains: t.int({ nullable: true, description: 'Site limits: domains over all websites of the order.', resolve: (d) => num(d, 'maxNewDomains') }),
    maxItems: t.int({ nullable: true, description: 'Site limits: internet-information items (websites, APPs, …) per order.', resolve: (d) => num(d, 'maxItems') }),
    serviceKinds: t.field({ type: [ServiceKindEnum], nullable: true, description: 'Naming and site-limit rules: the kinds of item the rule is about.', resolve: (d) => list<'WEBSITE' | 'APP' | 'MINI_PROGRAM' | 'QUICK_APP'>(d, 'serviceKinds') }),
    existingWebsitesAbove: t.int({ nullable: true, description: 'Site limits: applies when the subject has more filed websites than this.', resolve: (d) => num(d, 'existingWebsitesAbove') }),
    scope: t.string({ nullable: true, description: 'SMS mandates: `pilot` or `nationwide`.', resolve: (d) => str(d, 'scope') }),
    exemptFilingTypes: t.field({ type: [FilingTypeEnum], nullable: true, description: 'SMS mandates: filing types never verified.', resolve: (d) => list<FilingType>(d, 'exemptFilingTypes') }),
    smsRoles: t.field({
      type: [SmsRolesEntryType],
      nullable: true,
      description: 'SMS roles: who receives codes, per filing type.',
      resolve: (d) =>
        d.roles && typeof d.roles === 'object'
          ? Object.entries(d.roles as Record<FilingType, readonly SmsRole[] | 'by-change'>).map(([filingType, roles]) => ({ filingType: filingType as FilingType, roles }))
          : null,
    }),
    setting: t.string({ nullable: true, description: 'SMS code: which setting (`codeLength`, `maxAttempts`, …).', resolve: (d) => str(d, 'setting') }),
    value: t.int({ nullable: true, description: 'SMS code: the setting’s value.', resolve: (d) => num(d, 'value') }),
    certificateTypes: t.field({
      type: [CertificateTypeEnum],
      nullable: true,
      description: 'Certificate suffixes: the certificate types concerned (null with `allCertificateTypes`).',
      resolve: (d) => (Array.isArray(d.certificateTypes) ? [...(d.certificateTypes as CertificateType[])] : null),
    }),
    allCertificateTypes: t.boolean({ nullable: true, description: 'Certificate suffixes: every certificate type.', resolve: (d) => (d.certificateTypes === 'all' ? true : null) }),
    from: t.string({ nullable: true, description: 'Certificate suffixes: `certificate-number` or `hk-macau-identity-number`.', resolve: (d) => str(d, 'from') }),
    length: t.int({ nullable: true, description: 'Certificate suffixes: how many characters.', resolve: (d) => num(d, 'length') }),
    fullWidthParentheses: t.boolean({ nullable: true, description: 'Certificate suffixes: parentheses written full-width.', resolve: (d) => bool(d, 'fullWidthParentheses') }),
    minWorkingDays: t.int({ nullable: true, description: 'Review estimates: fewest working days.', resolve: (d) => num(d, 'minWorkingDays') }),
    maxWorkingDays: t.int({ nullable: true, description: 'Review estimates: most working days.', resolve: (d) => num(d, 'maxWorkingDays') }),
    workingDays: t.int({ nullable: true, description: 'Review limits: the legal maximum in working days.', resolve: (d) => num(d, 'workingDays') }),
    enforcement: t.string({ nullable: true, description: 'Requirements: `error` or `advisory`.', resolve: (d) => str(d, 'enforcement') }),
    document: t.string({ nullable: true, description: 'Document requirements: the document code.', resolve: (d) => str(d, 'document') }),
    method: t.string({ nullable: true, description: 'Access-method requirements: the method.', resolve: (d) => str(d, 'method') }),
    policy: t.string({ nullable: true, description: 'Filing-region requirements: the policy.', resolve: (d) => str(d, 'policy') }),
    minMonths: t.int({ nullable: true, description: '`domain-validity`: months the domain must stay registered.', resolve: (d) => num(d, 'minMonths') }),
    holder: t.string({ nullable: true, description: '`domain-holder`: who must hold the domains.', resolve: (d) => str(d, 'holder') }),
    tlds: t.stringList({ nullable: true, description: 'TLD requirements: the public suffixes.', resolve: (d) => list(d, 'tlds') }),
    note: t.string({ nullable: true, description: 'How the source was read, for contributors (English).', resolve: (d) => str(d, 'note') }),
  }),
});

const RuleType = builder.objectRef<RuleInForce>('ProvinceRule').implement({
  description: 'One rule in force in a province, national or provincial, with its source and effective dates.',
  fields: (t) => ({
    ...ruleRefFields(t),
    section: t.field({ type: RuleSectionEnum, description: 'The module section the rule belongs to.', resolve: (r) => sectionValue(r.section) }),
    title: t.string({ description: 'What the rule says, in Chinese.', resolve: (r) => r.title.zh }),
    titleEn: t.string({ description: 'What the rule says, in English.', resolve: (r) => r.title.en }),
    appliesTo: t.field({
      type: RuleScopeType,
      nullable: true,
      description: 'Which subjects it is for; null for rules that apply to every filing.',
      resolve: (r) => r.appliesTo ?? null,
    }),
    replacedBy: t.exposeString('replacedBy', { nullable: true, description: 'The province rule that takes this national rule’s place.' }),
    declaration: t.field({ type: RuleDeclarationType, description: 'The rule as declared in its module.', resolve: (r) => r.rule as unknown as Declaration }),
  }),
});

export const ProvinceType = builder.objectRef<ProvinceModule>('Province').implement({
  description: 'A province module: identity and every rule its 管局 applies.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Pinyin code, e.g. `hubei`.' }),
    name: t.exposeString('name', { description: 'Official name, e.g. 湖北省.' }),
    shortName: t.exposeString('shortName', { description: 'Short name, e.g. 湖北.' }),
    nameEn: t.exposeString('nameEn', { description: 'English name.' }),
    abbreviation: t.exposeString('abbreviation', { description: 'ICP number abbreviation, e.g. 鄂.' }),
    divisionCode: t.exposeString('divisionCode', { description: 'GB/T 2260 two-digit code, e.g. 42.' }),
    source: t.exposeString('source', { description: 'Where the identity facts come from.' }),
    rules: t.field({
      type: [RuleType],
      description: 'National and provincial rules in force on `at` (default: today).',
      args: { at: t.arg({ type: 'DateTime', required: false, description: 'The moment; now when left out.' }) },
      resolve: (p, { at }, ctx) => cachedRules(p.code, at ?? ctx.clock.now()).rules,
    }),
  }),
});

export const ReviewEstimateType = builder.objectRef<ReviewEstimate>('ReviewEstimate').implement({
  description: '管局 review time, in working days and as dates on the Chinese working-day calendar.',
  fields: (t) => ({
    minWorkingDays: t.exposeInt('minWorkingDays', { description: 'Fewest working days the province usually takes.' }),
    maxWorkingDays: t.exposeInt('maxWorkingDays', { description: 'Most working days it usually takes.' }),
    earliest: t.expose('earliest', { type: 'DateTime', description: 'Earliest expected decision.' }),
    latest: t.expose('latest', { type: 'DateTime', description: 'Latest expected decision.' }),
    limitWorkingDays: t.exposeInt('limitWorkingDays', { description: 'The legal maximum in working days.' }),
    limit: t.expose('limit', { type: 'DateTime', description: 'The legal deadline.' }),
    calendarExact: t.exposeBoolean('calendarExact', { description: 'False when the dates reach years whose holidays are not yet published.' }),
    rules: t.field({ type: [RuleRefType], description: 'The rules the estimate comes from.', resolve: (e) => e.rules }),
  }),
});

const SmsRequirementType = builder.objectRef<SmsRequirement>('SmsRequirement').implement({
  description: '短信核验 for a filing: whether, who, and the code rules.',
  fields: (t) => ({
    required: t.exposeBoolean('required', { description: 'Whether SMS verification applies.' }),
    roles: t.field({ type: [SmsRoleEnum], description: 'Who receives codes.', resolve: (r) => r.roles }),
    codeLength: t.exposeInt('codeLength', { description: 'Digits per code.' }),
    codeValidityHours: t.exposeInt('codeValidityHours', { description: 'How long a code works.' }),
    resendIntervalMinutes: t.exposeInt('resendIntervalMinutes', { description: 'Wait before a resend.' }),
    maxResends: t.exposeInt('maxResends', { description: 'Resends allowed.' }),
    maxAttempts: t.exposeInt('maxAttempts', { description: 'Wrong codes allowed before the order is returned.' }),
    mandate: t.field({ type: RuleRefType, nullable: true, description: 'The rule that makes verification apply.', resolve: (r) => r.mandate }),
    rules: t.field({ type: [RuleRefType], description: 'Every rule the answer comes from.', resolve: (r) => r.rules }),
    needs: t.exposeStringList('needs', { description: 'Inputs still needed to name who verifies.' }),
  }),
});

const SiteLimitAdvisoryType = builder.objectRef<AdvisoryLimit>('SiteLimitAdvisory').implement({
  description:
    'A limit from an undated provider source that contradicts a seed: reported as a warning, never enforced (a rule overriding a seed needs a source dated after it).',
  fields: (t) => ({
    ...ruleRefFields(t),
    maxWebsites: t.exposeInt('maxWebsites', { nullable: true, description: 'The source’s websites per order.' }),
    maxDomainsPerWebsite: t.exposeInt('maxDomainsPerWebsite', { nullable: true, description: 'The source’s domains per website.' }),
    maxNewDomains: t.exposeInt('maxNewDomains', { nullable: true, description: 'The source’s domains per order.' }),
    maxItems: t.exposeInt('maxItems', { nullable: true, description: 'The source’s internet-information items per order.' }),
    message: t.exposeString('message', { description: 'The warning, in Chinese.' }),
    messageEn: t.exposeString('messageEn', { description: 'The warning, in English.' }),
  }),
});

const SiteLimitsType = builder.objectRef<SiteLimits>('SiteLimits').implement({
  description: 'How many websites and domains one order may carry (null: no limit).',
  fields: (t) => ({
    maxWebsites: t.exposeInt('maxWebsites', { nullable: true, description: 'Websites per order.' }),
    maxDomainsPerWebsite: t.exposeInt('maxDomainsPerWebsite', { nullable: true, description: 'Domains per website.' }),
    maxNewDomains: t.exposeInt('maxNewDomains', { nullable: true, description: 'Domains over all websites of the order.' }),
    maxItems: t.exposeInt('maxItems', { nullable: true, description: 'Internet-information items (websites, APPs, mini-programs, quick apps) per order.' }),
    itemKinds: t.field({ type: [ServiceKindEnum], description: 'The kinds of item `maxItems` counts.', resolve: (l) => [...l.itemKinds] }),
    rules: t.field({ type: [RuleRefType], description: 'The rules the limits come from.', resolve: (l) => l.rules }),
    advisories: t.field({ type: [SiteLimitAdvisoryType], description: 'Advisory limits: warnings, not enforced.', resolve: (l) => l.advisories }),
  }),
});

const ProviderPolicyType = builder.objectRef<ProviderPolicy>('ProviderPolicy').implement({
  description: 'A policy of the access provider itself (not of a 管局), configurable per deployment, with its source.',
  fields: (t) => ({
    id: t.string({ description: 'Full id, `provider/<id>`.', resolve: (p) => `provider/${p.id}` }),
    title: t.string({ description: 'What the policy says, in Chinese.', resolve: (p) => p.title.zh }),
    titleEn: t.string({ description: 'What the policy says, in English.', resolve: (p) => p.title.en }),
    source: t.exposeString('source', { description: 'Where the policy comes from.' }),
    value: t.exposeInt('value', { nullable: true, description: 'The limit in force; null: none.' }),
    defaultValue: t.exposeInt('defaultValue', { nullable: true, description: 'The limit when the environment leaves it unset.' }),
    env: t.exposeString('env', { description: 'Environment variable that configures it.' }),
  }),
});

export const RequirementType = builder.objectRef<Requirement>('Requirement').implement({
  description: 'Something a filing in this province must provide or do, or a rule the data cannot yet decide.',
  fields: (t) => ({
    ...ruleRefFields(t),
    kind: t.field({ type: RequirementKindEnum, description: 'What the requirement asks for.', resolve: (r) => kindValue(r.kind) }),
    status: t.field({ type: RequirementStatusEnum, description: 'How firmly it applies.', resolve: (r) => r.status.toUpperCase() as 'OBLIGATION' | 'ADVISORY' | 'UNDECIDED' }),
    message: t.exposeString('message', { description: 'What to do, in Chinese.' }),
    messageEn: t.exposeString('messageEn', { description: 'What to do, in English.' }),
    needs: t.exposeStringList('needs', { description: 'UNDECIDED: the inputs that would decide it.' }),
    value: t.exposeString('value', { nullable: true, description: 'Document code, access method or licence asked for.' }),
  }),
});

builder.queryFields((t) => ({
  provinces: t.field({
    type: [ProvinceType],
    description: 'All 31 province modules, sorted by code.',
    resolve: () => listProvinces(),
  }),
  province: t.field({
    type: ProvinceType,
    nullable: true,
    description: 'A province by code (`hubei`), name (`湖北`) or ICP abbreviation (`鄂`).',
    args: { code: t.arg.string({ description: 'Code, name or abbreviation.' }) },
    resolve: (_root, { code }) => getProvince(code) ?? null,
  }),
  providerPolicies: t.field({
    type: [ProviderPolicyType],
    description: 'The access provider’s own policies (e.g. access applications in flight at once).',
    resolve: (_root, _args, ctx) => Object.values(ctx.config.providerPolicies),
  }),
  checkWebsiteName: t.field({
    type: [ViolationType],
    description:
      'Every naming rule a website name breaks, national and provincial, found in one pass; warnings (`severity: WARNING`) included. `at` previews the rules of another day, future-dated ones included.',
    args: {
      at: t.arg({ type: 'DateTime', required: false, description: 'Day the rules are taken from (default: today).' }),
      province: t.arg.string({ description: PROVINCE_ARG }),
      nature: t.arg({ type: SubjectNatureEnum, description: 'Nature of the subject.' }),
      name: t.arg.string({ description: 'The website name to check.' }),
      subjectName: t.arg.string({ description: 'The subject’s name (the website name must relate to it).' }),
      domains: t.arg.stringList({ required: false, description: 'The website’s domains (the name must not be one).' }),
      remark: t.arg.string({ required: false, description: 'The website remark (some provinces need one).' }),
      preApprovals: t.arg({ type: [PreApprovalKindEnum], required: false, description: '前置审批 the website holds.' }),
    },
    resolve: (_root, args, ctx) =>
      checkWebsiteName({
        province: province(args.province).code,
        nature: args.nature,
        name: args.name,
        subjectName: args.subjectName,
        domains: args.domains ?? undefined,
        remark: args.remark ?? undefined,
        preApprovals: args.preApprovals ?? undefined,
        at: args.at ?? ctx.clock.now(),
      }),
  }),
  reviewEstimate: t.field({
    type: ReviewEstimateType,
    description: 'When the 管局 should decide, for an order submitted to it at `submittedAt`.',
    args: { province: t.arg.string({ description: PROVINCE_ARG }), submittedAt: t.arg({ type: 'DateTime', description: 'When the order reaches the 管局.' }) },
    resolve: (_root, args) => reviewEstimate({ province: province(args.province).code, submittedAt: args.submittedAt }),
  }),
  smsRequirement: t.field({
    type: SmsRequirementType,
    description: 'Whether a filing submitted at `at` needs 短信核验, and by whom.',
    args: {
      province: t.arg.string({ description: PROVINCE_ARG }),
      filingType: t.arg({ type: FilingTypeEnum, description: 'The filing type.' }),
      at: t.arg({ type: 'DateTime', required: false, description: 'Submission time; now when left out.' }),
      subjectChanged: t.arg.boolean({ required: false, description: 'Change filings: whether subject information changes.' }),
      websiteChanged: t.arg.boolean({ required: false, description: 'Change filings: whether website information changes.' }),
    },
    resolve: (_root, args, ctx) =>
      smsRequirement({
        province: province(args.province).code,
        filingType: args.filingType,
        at: args.at ?? ctx.clock.now(),
        subjectChanged: args.subjectChanged ?? undefined,
        websiteChanged: args.websiteChanged ?? undefined,
      }),
  }),
  siteLimits: t.field({
    type: SiteLimitsType,
    description: 'How many websites, domains and internet-information items (websites, APPs, …) one order of this kind may carry in the province.',
    args: {
      province: t.arg.string({ description: PROVINCE_ARG }),
      filingType: t.arg({ type: FilingTypeEnum, description: 'The filing type.' }),
      nature: t.arg({ type: SubjectNatureEnum, description: 'Nature of the subject.' }),
      existingWebsites: t.arg.int({ required: false, description: 'Websites the subject has filed already (some limits depend on it).' }),
      at: t.arg({ type: 'DateTime', required: false, description: 'Day the rules are taken from (default: today).' }),
    },
    resolve: (_root, args, ctx) =>
      siteLimits({
        province: province(args.province).code,
        filingType: args.filingType,
        nature: args.nature,
        at: args.at ?? ctx.clock.now(),
        existingWebsites: args.existingWebsites ?? undefined,
      }),
  }),
  provinceRequirements: t.field({
    type: [RequirementType],
    description: 'Documents, procedures and conditions a filing in this province involves.',
    args: {
      province: t.arg.string({ description: PROVINCE_ARG }),
      filingType: t.arg({ type: FilingTypeEnum, description: 'The filing type.' }),
      nature: t.arg({ type: SubjectNatureEnum, description: 'Nature of the subject.' }),
      serviceTypes: t.arg.stringList({
        required: false,
        description: 'The websites’ service types (服务类型, e.g. `COMMERCIAL`); decides rules such as the 经营性ICP许可证 one.',
      }),
      at: t.arg({ type: 'DateTime', required: false, description: 'Day the rules are taken from (default: today).' }),
    },
    resolve: (_root, args, ctx) =>
      checkRequirements({
        province: province(args.province).code,
        filingType: args.filingType,
        nature: args.nature,
        at: args.at ?? ctx.clock.now(),
        websites: args.serviceTypes ? args.serviceTypes.map((serviceType) => ({ serviceType })) : undefined,
      }).requirements,
  }),
}));
