/**
 * Province rule modules: the public API the workflow and the GraphQL layer call. Everything returned
 * is plain, serialisable data; rules carry their `source` and effective dates. Nothing
 * province-specific lives outside `provinces/`.
 */
import national from './national.js';
import { PROVINCES } from './registry.js';
import { findProvince } from './engine/scope.js';
import { findSource as findSharedOrOwn } from './kit/sources.js';
import type { NationalModule, ProvinceModule, SourceDocument } from './kit/types.js';

/** Every province module (31), sorted by code. */
export function listProvinces(): ProvinceModule[] {
  return [...PROVINCES];
}

/**
 * A province by pinyin code (`hubei`), official or short Chinese name (`湖北省`, `湖北`), ICP abbreviation
 * (`鄂`) or GB/T 2260 code (`42`); `undefined` when none matches.
 */
export function getProvince(key: string): ProvinceModule | undefined {
  return findProvince(key);
}

/** The national defaults every province starts from. */
export function getNationalDefaults(): NationalModule {
  return national;
}

export { checkAppName, checkWebsiteName, type CheckAppNameInput, type CheckWebsiteNameInput } from './engine/naming.js';
export { isRefusal } from '../src/domain/violation.js';
export {
  checkSiteCounts,
  siteLimits,
  type CheckSiteCountsInput,
  type AdvisoryLimit,
  type SiteLimits,
  type SiteLimitsInput,
} from './engine/sites.js';
export {
  certificateSuffix,
  smsRecipients,
  smsRequirement,
  type CertificateSuffix,
  type CertificateSuffixInput,
  type SmsRequirement,
  type SmsRequirementInput,
} from './engine/sms.js';
export { reviewEstimate, type ReviewEstimate, type ReviewEstimateInput } from './engine/estimate.js';
export {
  checkRequirements,
  issuingProvince,
  type AddressRegion,
  type Requirement,
  type RequirementsInput,
  type RequirementsResult,
} from './engine/requirements.js';
export { rulesInForce, type ProvinceRulesInForce, type RuleInForce, type RuleSection } from './engine/resolve.js';
export { SOURCES, type SourceDocument } from './kit/sources.js';
export { providerPolicies, type ProviderPolicies, type ProviderPolicy, type ProviderPolicyValues } from './kit/provider.js';
export { warmDictionaries } from './engine/dictionaries.js';

/**
 * The document a source reference names: a shared one (kit/sources.ts) or one the module declares;
 * `module` is the code of the module whose rule cites it.
 */
export function findSource(source: string, module?: string): SourceDocument | undefined {
  const own = module && module !== 'national' ? findProvince(module)?.sources : national.sources;
  return findSharedOrOwn(source, own);
}
export type * from './kit/types.js';
