/**
 * The shape of a rule module: the national defaults (`provinces/national.ts`) and one module per
 * province. Everything here is plain, serialisable data — rules carry their source and effective
 * dates, and the generic engines in `provinces/engine/` interpret them.
 *
 * How modules combine (see provinces/README.md):
 * - list sections (naming, requirements) accumulate: national rules first, then the province's; a
 *   province rule can `replace` national rules for the natures it applies to;
 * - single-valued settings (site-limit dimensions, SMS role table and code settings, review estimate
 *   and limit, certificate suffix) come from the province when it has an in-effect rule for them,
 *   otherwise from the national module.
 */
import type { CertificateType, FilingType, ServiceKind, SmsRole, SubjectNature } from '../../src/domain/vocabulary.js';

/** Which subjects a rule is for: everyone, individuals (个人), organisations (every other nature), or a list. */
export type NatureScope = 'all' | 'individual' | 'organisation' | readonly SubjectNature[];

/**
 * Which kinds of internet-information item (互联网信息: 网站, APP, 小程序, 快应用) a rule is about. Naming
 * rules left without it are about websites only (seed 002 附录 names 网站名称); site-limit rules left
 * without it count websites for `maxWebsites` / `maxDomainsPerWebsite` / `maxNewDomains` and every
 * item for `maxItems`.
 */
export type ServiceKindScope = readonly ServiceKind[];

/** A text in Chinese (for applicants) and English. */
export interface Text {
  zh: string;
  en: string;
}

/** What every rule has. */
export interface RuleBase {
  /** Kebab-case id, unique within its module; the full id is `<module>/<id>`. */
  id: string;
  /** What the rule says, in a few words. */
  title: Text;
  /** `<document key> §<section>`, the key being listed in kit/sources.ts. */
  source: string;
  /** First day the rule applies (Asia/Shanghai, `YYYY-MM-DD`, inclusive). */
  effectiveFrom?: string;
  /** First day the rule no longer applies (exclusive). */
  effectiveUntil?: string;
  /** How the source was read, when that took a decision (for contributors; English). */
  note?: string;
  /**
   * The source's own words for the rule, copied from the cited seed (line breaks and spaces may differ).
   * The contract suite checks that the text appears in the seed file.
   */
  seedText?: string;
}

/** `error` rules produce violations; `advisory` ones only a note (the source is old or vague). */
export type Enforcement = 'error' | 'advisory';

// ---------------------------------------------------------------------------------------------
// Website names (网站名称)

/** A list of words matched anywhere in the name (`banned-words`, `pre-approval-words`) or at its start. */
export interface WordListRule extends RuleBase {
  kind: 'banned-words' | 'pre-approval-words' | 'banned-prefixes';
  appliesTo: NatureScope;
  /** Kinds of item whose names the rule is about; websites only when left out. */
  serviceKinds?: ServiceKindScope;
  /** The words, without duplicates, in the source's order. */
  words: readonly string[];
  /** The source's list verbatim (duplicates included), when the words were taken from one. */
  quote?: string;
  /**
   * Words of the list prone to false positives (a literal single-character ban such as 购 hits 采购):
   * a match is reported as a warning quoting the surrounding text, not as a refusal.
   */
  falsePositiveProne?: readonly string[];
  /** Phrases in which a match of one of the words is not a match at all (`采购` for 购). */
  allow?: readonly string[];
  /** `banned-prefixes` only: subjects declared national-level (国家级单位) are exempt. */
  exemptNationalUnits?: boolean;
  /** Full ids of national rules this rule supersedes for the natures it applies to. */
  replaces?: readonly string[];
}

/** The name must be one of a few patterns; `{subject}` stands for the subject's name. */
export interface RequiredPatternRule extends RuleBase {
  kind: 'required-pattern';
  appliesTo: NatureScope;
  /** Kinds of item whose names the rule is about; websites only when left out. */
  serviceKinds?: ServiceKindScope;
  patterns: readonly string[];
  /** The remark (备注) must then state the site's main content. */
  remarkRequired: boolean;
  replaces?: readonly string[];
}

/** Rules about the name's form, checked by code in engine/naming.ts. */
export interface FormRule extends RuleBase {
  kind:
    | 'min-han-characters'
    | 'not-latin-or-digits-only'
    | 'no-special-symbols'
    | 'not-domain'
    | 'related-to-subject'
    | 'not-personal-name'
    | 'no-place-names'
    | 'no-idioms';
  appliesTo: NatureScope;
  /** Kinds of item whose names the rule is about; websites only when left out. */
  serviceKinds?: ServiceKindScope;
  /** `min-han-characters`: the minimum count. */
  min?: number;
  replaces?: readonly string[];
}

export type NamingRule = WordListRule | RequiredPatternRule | FormRule;

// ---------------------------------------------------------------------------------------------
// Websites and domains per order

/**
 * Limits for one order. A dimension left out means the rule does not speak of it; `null` means
 * explicitly unlimited.
 */
export interface SiteLimitRule extends RuleBase {
  filingTypes: readonly FilingType[];
  appliesTo: NatureScope;
  maxWebsites?: number | null;
  maxDomainsPerWebsite?: number | null;
  /** Domains over all websites of the order. */
  maxNewDomains?: number | null;
  /**
   * Internet-information items of the order (websites, APPs, mini-programs, quick apps) of the kinds in
   * `serviceKinds` (every kind when left out), e.g. 湖北/湖南: one APP or one domain per order (seed 003).
   */
  maxItems?: number | null;
  /** The kinds of item `maxItems` counts; every kind when left out. */
  serviceKinds?: ServiceKindScope;
  /** Applies only when the subject already has more filed websites than this. */
  existingWebsitesAbove?: number;
  /**
   * `advisory`: the limit is reported as a warning, never a refusal — for rules from undated provider
   * knowledge that contradict a seed (a rule overriding a seed needs a source dated after it). Default `error`.
   */
  enforcement?: Enforcement;
}

// ---------------------------------------------------------------------------------------------
// SMS verification (短信核验)

/** SMS verification is mandatory from `effectiveFrom` (a pilot batch, or nationwide). */
export interface SmsMandateRule extends RuleBase {
  scope: 'pilot' | 'nationwide';
  /** Filing types never verified under this mandate. */
  exemptFilingTypes: readonly FilingType[];
}

/**
 * Who receives a code, by filing type. `by-change`: the subject principal when subject information
 * changes, the website principal when website information changes. An empty list: nobody.
 */
export interface SmsRoleRule extends RuleBase {
  roles: Readonly<Record<FilingType, readonly SmsRole[] | 'by-change'>>;
}

export type SmsCodeSetting =
  | 'codeLength'
  | 'codeValidityHours'
  | 'resendIntervalMinutes'
  | 'maxResends'
  | 'maxAttempts';

export interface SmsCodeRule extends RuleBase {
  setting: SmsCodeSetting;
  value: number;
}

/** Which characters of which certificate number the applicant types when verifying an SMS code. */
export interface CertificateSuffixRule extends RuleBase {
  certificateTypes: 'all' | readonly CertificateType[];
  from: 'certificate-number' | 'hk-macau-identity-number';
  length: number;
  /** Parentheses are written full-width `（）` (浙江: `567（8）`). */
  fullWidthParentheses: boolean;
}

// ---------------------------------------------------------------------------------------------
// 管局 review

export interface ReviewEstimateRule extends RuleBase {
  minWorkingDays: number;
  maxWorkingDays: number;
  /** The source's own wording, e.g. `2 周`. */
  quote?: string;
}

/** The longest the 管局 may take by regulation. */
export interface ReviewLimitRule extends RuleBase {
  workingDays: number;
}

// ---------------------------------------------------------------------------------------------
// Other requirements

interface RequirementBase extends RuleBase {
  appliesTo: NatureScope;
  /** Filing types concerned; all when left out. */
  filingTypes?: readonly FilingType[];
  enforcement: Enforcement;
  replaces?: readonly string[];
}

/** A document to upload (`document` is its stable code, e.g. `GUANGDONG_COMMITMENT_LETTER`). */
export interface DocumentRequirement extends RequirementBase {
  kind: 'document';
  document: string;
}

/** Something the applicant must do that data cannot show (a verification step, a footer after approval). */
export interface ProcedureRequirement extends RequirementBase {
  kind: 'procedure' | 'after-approval';
}

/**
 * Something to do after filing for websites of some service types only: a 经营性 site needs an ICP licence
 * (经营性ICP许可证). Undecided until the websites' service types are known.
 */
export interface ServiceTypeRequirement extends RequirementBase {
  kind: 'service-licence';
  /** Website service types (服务类型) concerned, e.g. `COMMERCIAL`. */
  serviceTypes: readonly string[];
  /** The licence or approval to obtain. */
  licence: string;
}

/** The access method (网站接入方式) to declare. */
export interface AccessMethodRequirement extends RequirementBase {
  kind: 'access-method';
  method: string;
}

/**
 * Where a subject may file: organisations in the province that issued their certificate; individuals
 * with a local ID only, or also with a residence permit (居住证) or student ID (学生证).
 */
export interface FilingRegionRequirement extends RequirementBase {
  kind: 'filing-region';
  policy:
    | 'certificate-province'
    | 'id-or-residence'
    | 'local-id-only'
    | 'local-id-or-residence-permit'
    | 'local-id-residence-permit-or-student-id';
}

/** Checks on data the applicant enters. */
export interface DataRequirement extends RequirementBase {
  kind:
    | 'mobile-region'
    | 'address-same-province'
    | 'address-same-city'
    | 'legal-representative'
    | 'domain-validity';
  /** `domain-validity`: months the domain must still be registered for. */
  minMonths?: number;
}

/** Who must hold (be the registrant of) each domain. */
export interface DomainHolderRequirement extends RequirementBase {
  kind: 'domain-holder';
  holder: 'subject' | 'subject-or-legal-representative' | 'organisation';
}

/** Top-level domains refused, or the ones a kind of subject should use. */
export interface TldRequirement extends RequirementBase {
  kind: 'refused-tlds' | 'preferred-tlds';
  /** Public suffixes without the leading dot: `hk`, `gov.cn`, `政务`. */
  tlds: readonly string[];
}

export type RequirementRule =
  | DocumentRequirement
  | ProcedureRequirement
  | ServiceTypeRequirement
  | AccessMethodRequirement
  | FilingRegionRequirement
  | DataRequirement
  | DomainHolderRequirement
  | TldRequirement;

// ---------------------------------------------------------------------------------------------
// Modules

/** The rule sections every module has (empty when it adds nothing). */
export interface RuleSections {
  naming: readonly NamingRule[];
  siteLimits: readonly SiteLimitRule[];
  smsMandates: readonly SmsMandateRule[];
  smsRoles: readonly SmsRoleRule[];
  smsCode: readonly SmsCodeRule[];
  certificateSuffixes: readonly CertificateSuffixRule[];
  reviewEstimates: readonly ReviewEstimateRule[];
  reviewLimits: readonly ReviewLimitRule[];
  requirements: readonly RequirementRule[];
}

export interface ProvinceIdentity {
  /** Pinyin, lower case, no separators: `hubei`, `shaanxi`, `neimenggu`. */
  code: string;
  /** Official name: `湖北省`, `广西壮族自治区`. */
  name: string;
  /** Common short name: `湖北`, `广西`. */
  shortName: string;
  nameEn: string;
  /** One-character abbreviation used in ICP numbers: `鄂`. */
  abbreviation: string;
  /** GB/T 2260 two-digit code, also the start of resident ID numbers: `42`. */
  divisionCode: string;
  /** Where the identity facts come from. */
  source: string;
  /** Further forms of the name seen in addresses (`内蒙` for 内蒙古). */
  aliases?: readonly string[];
}

/**
 * Documents a module cites besides the shared ones of kit/sources.ts, by key (`public:…` or `seed:…`).
 * A rule cites one with `cite(sources, 'name', '§…')` or its key.
 */
export type ModuleSources = Readonly<Record<string, SourceDocument>>;

export interface SourceDocument {
  key: string;
  title: string;
  /** Publication or version date of the document, `YYYY-MM-DD`, when known. */
  date?: string;
  url?: string;
}

export type ProvinceDeclaration = ProvinceIdentity & Partial<RuleSections> & { sources?: ModuleSources };
export type ProvinceModule = ProvinceIdentity & RuleSections & { sources: ModuleSources };

export interface NationalModule extends RuleSections {
  code: 'national';
  name: string;
  nameEn: string;
  sources: ModuleSources;
}

export type RuleModule = ProvinceModule | NationalModule;

/** A reference to a rule, as results and violations carry it. */
export interface RuleRef {
  /** Full id: `<module>/<rule id>`. */
  id: string;
  /** `national` or the province code. */
  module: string;
  source: string;
  effectiveFrom?: string;
  effectiveUntil?: string;
}
