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
  type SmsRequirement,
} from '../../provinces/index.js';
import { builder } from '../builder.js';
import { NotFound } from '../domain/errors.js';
import { FilingTypeEnum, PreApprovalKindEnum, SmsRoleEnum, SubjectNatureEnum } from './enums.js';
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

function province(code: string): ProvinceModule {
  const p = getProvince(code);
  if (!p) throw new NotFound(`Province ${code}`);
  return p;
}

const SourceDocumentType = builder.objectRef<{ key: string; title: string; date?: string; url?: string }>('SourceDocument').implement({
  description: 'A document a rule comes from: a provider guide (seed) or a public source.',
  fields: (t) => ({
    key: t.exposeString('key'),
    title: t.exposeString('title'),
    date: t.exposeString('date', { nullable: true }),
    url: t.exposeString('url', { nullable: true }),
  }),
});

const ruleRefFields = <T extends RuleRef>(t: PothosSchemaTypes.ObjectFieldBuilder<any, T>) => ({
  id: t.exposeString('id', { description: 'Full rule id, `<module>/<rule>`.' }),
  module: t.exposeString('module', { description: '`national` or the province code.' }),
  source: t.exposeString('source', { description: 'Document and section the rule comes from.' }),
  sourceDocument: t.field({ type: SourceDocumentType, nullable: true, resolve: (r: T) => findSource(r.source, r.module) ?? null }),
  effectiveFrom: t.exposeString('effectiveFrom', { nullable: true, description: 'First day in force (Asia/Shanghai), `YYYY-MM-DD`.' }),
  effectiveUntil: t.exposeString('effectiveUntil', { nullable: true, description: 'First day no longer in force.' }),
});

const RuleRefType = builder.objectRef<RuleRef>('RuleRef').implement({
  description: 'A reference to a province or national rule, with its source.',
  fields: (t) => ruleRefFields(t),
});

const RuleType = builder.objectRef<RuleInForce>('ProvinceRule').implement({
  description: 'One rule in force in a province, national or provincial, with its source and effective dates.',
  fields: (t) => ({
    ...ruleRefFields(t),
    section: t.exposeString('section', { description: 'naming, siteLimits, smsMandates, smsRoles, smsCode, certificateSuffixes, reviewEstimates, reviewLimits or requirements.' }),
    title: t.string({ resolve: (r) => r.title.zh }),
    titleEn: t.string({ resolve: (r) => r.title.en }),
    appliesTo: t.field({
      type: 'JSON',
      nullable: true,
      description: '`all`, `individual`, `organisation`, or a list of natures.',
      resolve: (r) => r.appliesTo ?? null,
    }),
    replacedBy: t.exposeString('replacedBy', { nullable: true, description: 'The province rule that takes this national rule’s place.' }),
    declaration: t.field({ type: 'JSON', description: 'The rule as declared in its module.', resolve: (r) => r.rule }),
  }),
});

export const ProvinceType = builder.objectRef<ProvinceModule>('Province').implement({
  description: 'A province module: identity and every rule its 管局 applies.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Pinyin code, e.g. `hubei`.' }),
    name: t.exposeString('name'),
    shortName: t.exposeString('shortName'),
    nameEn: t.exposeString('nameEn'),
    abbreviation: t.exposeString('abbreviation', { description: 'ICP number abbreviation, e.g. 鄂.' }),
    divisionCode: t.exposeString('divisionCode'),
    source: t.exposeString('source'),
    rules: t.field({
      type: [RuleType],
      description: 'National and provincial rules in force on `at` (default: today).',
      args: { at: t.arg({ type: 'DateTime', required: false }) },
      resolve: (p, { at }, ctx) => cachedRules(p.code, at ?? ctx.clock.now()).rules,
    }),
  }),
});

export const ReviewEstimateType = builder.objectRef<ReviewEstimate>('ReviewEstimate').implement({
  description: '管局 review time, in working days and as dates on the Chinese working-day calendar.',
  fields: (t) => ({
    minWorkingDays: t.exposeInt('minWorkingDays'),
    maxWorkingDays: t.exposeInt('maxWorkingDays'),
    earliest: t.expose('earliest', { type: 'DateTime' }),
    latest: t.expose('latest', { type: 'DateTime' }),
    limitWorkingDays: t.exposeInt('limitWorkingDays'),
    limit: t.expose('limit', { type: 'DateTime' }),
    calendarExact: t.exposeBoolean('calendarExact', { description: 'False when the dates reach years whose holidays are not yet published.' }),
    rules: t.field({ type: [RuleRefType], resolve: (e) => e.rules }),
  }),
});

const SmsRequirementType = builder.objectRef<SmsRequirement>('SmsRequirement').implement({
  description: '短信核验 for a filing: whether, who, and the code rules.',
  fields: (t) => ({
    required: t.exposeBoolean('required'),
    roles: t.field({ type: [SmsRoleEnum], resolve: (r) => r.roles }),
    codeLength: t.exposeInt('codeLength'),
    codeValidityHours: t.exposeInt('codeValidityHours'),
    resendIntervalMinutes: t.exposeInt('resendIntervalMinutes'),
    maxResends: t.exposeInt('maxResends'),
    maxAttempts: t.exposeInt('maxAttempts'),
    mandate: t.field({ type: RuleRefType, nullable: true, resolve: (r) => r.mandate }),
    rules: t.field({ type: [RuleRefType], resolve: (r) => r.rules }),
    needs: t.exposeStringList('needs', { description: 'Inputs still needed to name who verifies.' }),
  }),
});

const SiteLimitAdvisoryType = builder.objectRef<AdvisoryLimit>('SiteLimitAdvisory').implement({
  description:
    'A limit from an undated provider source that contradicts a seed: reported as a warning, never enforced (a rule overriding a seed needs a source dated after it).',
  fields: (t) => ({
    ...ruleRefFields(t),
    maxWebsites: t.exposeInt('maxWebsites', { nullable: true }),
    maxDomainsPerWebsite: t.exposeInt('maxDomainsPerWebsite', { nullable: true }),
    maxNewDomains: t.exposeInt('maxNewDomains', { nullable: true }),
    message: t.exposeString('message'),
    messageEn: t.exposeString('messageEn'),
  }),
});

const SiteLimitsType = builder.objectRef<SiteLimits>('SiteLimits').implement({
  description: 'How many websites and domains one order may carry (null: no limit).',
  fields: (t) => ({
    maxWebsites: t.exposeInt('maxWebsites', { nullable: true }),
    maxDomainsPerWebsite: t.exposeInt('maxDomainsPerWebsite', { nullable: true }),
    maxNewDomains: t.exposeInt('maxNewDomains', { nullable: true }),
    rules: t.field({ type: [RuleRefType], resolve: (l) => l.rules }),
    advisories: t.field({ type: [SiteLimitAdvisoryType], description: 'Advisory limits: warnings, not enforced.', resolve: (l) => l.advisories }),
  }),
});

const ProviderPolicyType = builder.objectRef<ProviderPolicy>('ProviderPolicy').implement({
  description: 'A policy of the access provider itself (not of a 管局), configurable per deployment, with its source.',
  fields: (t) => ({
    id: t.string({ description: 'Full id, `provider/<id>`.', resolve: (p) => `provider/${p.id}` }),
    title: t.string({ resolve: (p) => p.title.zh }),
    titleEn: t.string({ resolve: (p) => p.title.en }),
    source: t.exposeString('source'),
    value: t.exposeInt('value', { nullable: true, description: 'The limit in force; null: none.' }),
    defaultValue: t.exposeInt('defaultValue', { nullable: true }),
    env: t.exposeString('env', { description: 'Environment variable that configures it.' }),
  }),
});

const RequirementType = builder.objectRef<Requirement>('Requirement').implement({
  description: 'Something a filing in this province must provide or do, or a rule the data cannot yet decide.',
  fields: (t) => ({
    ...ruleRefFields(t),
    kind: t.exposeString('kind'),
    status: t.exposeString('status', { description: '`obligation`, `advisory` or `undecided`.' }),
    message: t.exposeString('message'),
    messageEn: t.exposeString('messageEn'),
    needs: t.exposeStringList('needs'),
    value: t.exposeString('value', { nullable: true, description: 'Document code or access method asked for.' }),
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
    args: { code: t.arg.string() },
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
      province: t.arg.string(),
      nature: t.arg({ type: SubjectNatureEnum }),
      name: t.arg.string(),
      subjectName: t.arg.string(),
      domains: t.arg.stringList({ required: false }),
      remark: t.arg.string({ required: false }),
      preApprovals: t.arg({ type: [PreApprovalKindEnum], required: false }),
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
    args: { province: t.arg.string(), submittedAt: t.arg({ type: 'DateTime' }) },
    resolve: (_root, args) => reviewEstimate({ province: province(args.province).code, submittedAt: args.submittedAt }),
  }),
  smsRequirement: t.field({
    type: SmsRequirementType,
    description: 'Whether a filing submitted at `at` needs 短信核验, and by whom.',
    args: {
      province: t.arg.string(),
      filingType: t.arg({ type: FilingTypeEnum }),
      at: t.arg({ type: 'DateTime', required: false }),
      subjectChanged: t.arg.boolean({ required: false }),
      websiteChanged: t.arg.boolean({ required: false }),
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
    args: {
      province: t.arg.string(),
      filingType: t.arg({ type: FilingTypeEnum }),
      nature: t.arg({ type: SubjectNatureEnum }),
      existingWebsites: t.arg.int({ required: false }),
      at: t.arg({ type: 'DateTime', required: false }),
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
      province: t.arg.string(),
      filingType: t.arg({ type: FilingTypeEnum }),
      nature: t.arg({ type: SubjectNatureEnum }),
      serviceTypes: t.arg.stringList({
        required: false,
        description: 'The websites’ service types (服务类型, e.g. `COMMERCIAL`); decides rules such as the 经营性ICP许可证 one.',
      }),
      at: t.arg({ type: 'DateTime', required: false }),
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
