/**
 * Provider-level policies: rules of the access provider (接入商) itself, not of a 管局 — the same in every
 * province, and configurable per deployment because another provider may set them differently. Each
 * policy carries its source like a province rule.
 *
 * Configuration: each policy names its environment variable (`PROVIDER_MAX_ACCESS_APPLICATIONS_IN_FLIGHT`:
 * a whole number ≥ 1, or `none` for no limit); the server reads them with its other settings
 * (src/config.ts → `config.providerPolicies`) and refuses a bad value at start.
 */
import { cite } from './sources.js';
import type { Text } from './types.js';

export interface ProviderPolicy {
  /** Kebab-case id; the full id is `provider/<id>`. */
  id: string;
  title: Text;
  source: string;
  seedText?: string;
  /** The limit; `null`: none. */
  value: number | null;
  /** The value when not configured. */
  defaultValue: number | null;
  /** Environment variable that sets it. */
  env: string;
}

export interface ProviderPolicies {
  /** Access (接入备案) applications of one account in flight at once (submitted, not yet decided by the 管局). */
  maxAccessApplicationsInFlight: ProviderPolicy;
}

export type ProviderPolicyValues = { [K in keyof ProviderPolicies]?: number | null };

function defaults(): ProviderPolicies {
  return {
    maxAccessApplicationsInFlight: {
      id: 'access-applications-in-flight',
      title: {
        zh: '每次最多提交 3 个接入申请，待管局审核通过才可以再次提交',
        en: 'At most 3 access applications in review at once',
      },
      source: cite('seed000', '3.4 提交备案信息注意事项'),
      seedText: '如果提交多个接入申请，每次最多提交 3 个，待管局审核通过才可以再次提交',
      value: 3,
      defaultValue: 3,
      env: 'PROVIDER_MAX_ACCESS_APPLICATIONS_IN_FLIGHT',
    },
  };
}

/**
 * The policies for a deployment: the defaults, with each policy's environment variable applied when set
 * (a whole number ≥ 1, or `none` for no limit). A bad value throws a RangeError naming the variable.
 */
export function providerPolicies(env: NodeJS.ProcessEnv = {}, values: ProviderPolicyValues = {}): ProviderPolicies {
  const policies = defaults();
  for (const [key, policy] of Object.entries(policies) as [keyof ProviderPolicies, ProviderPolicy][]) {
    const raw = env[policy.env];
    if (raw !== undefined && raw !== '') {
      if (raw.trim().toLowerCase() === 'none') policy.value = null;
      else {
        const value = Number(raw);
        if (!Number.isInteger(value) || value < 1) throw new RangeError(`${policy.env} must be a whole number ≥ 1 or "none", got ${JSON.stringify(raw)}`);
        policy.value = value;
      }
    }
    const given = values[key];
    if (given !== undefined) {
      if (given !== null && (!Number.isInteger(given) || given < 1)) {
        throw new RangeError(`provider/${policy.id} must be a whole number ≥ 1 or null, got ${JSON.stringify(given)}`);
      }
      policy.value = given;
    }
  }
  return policies;
}
