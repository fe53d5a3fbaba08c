import { decodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError, type DocumentNode, type FieldNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { normaliseMobile } from '../validation/index.js';
import { clientAddress, nodeRequest } from './client.js';
import { rootFields, stringArgument, type OperationKind } from './operation.js';
import type { Charge, Limit, RateLimiter, Refusal } from './rate-limit.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const limit = (name: string, max: number, windowMs: number): Limit => ({ name, max, windowMs });

/** The limits (SECURITY.md "Rate limits" explains each). */
export const LIMITS = {
  signInPerEmail: limit('sign-in/email', 10, 15 * MINUTE),
  signInPerAddress: limit('sign-in/address', 100, 15 * MINUTE),
  registerPerAddress: limit('register/address', 30, HOUR),
  changePasswordPerAccount: limit('change-password/account', 10, 15 * MINUTE),
  smsVerifyPerMobile: limit('sms-verify/mobile', 10, HOUR),
  smsVerifyPerOrder: limit('sms-verify/order', 20, HOUR),
  smsSendPerMobile: limit('sms-send/mobile', 5, HOUR),
  smsSendPerOrder: limit('sms-send/order', 10, HOUR),
  filingTypePerAccount: limit('filing-type/account', 60, HOUR),
  validateFilingPerAccount: limit('validate-filing/account', 600, HOUR),
} as const;

/** Who is asking and with what: what a rule needs to name the identity it counts. */
interface Use {
  field: FieldNode;
  variables: Record<string, unknown> | null | undefined;
  address: string | null;
  accountId: string | null;
}

type KeyOf = (use: Use) => string | null;

const arg = (name: string) => (u: Use) => stringArgument(u.field, name, u.variables);
const address: KeyOf = (u) => u.address ?? 'unknown-address';
const account: KeyOf = (u) => (u.accountId ? `account:${u.accountId}` : `address:${address(u)}`);
const email: KeyOf = (u) => arg('email')(u)?.trim().toLowerCase() ?? null;
const mobile: KeyOf = (u) => {
  const raw = arg('mobile')(u);
  return raw === null ? null : normaliseMobile(raw) ?? raw.replace(/\s+/g, '');
};
const order: KeyOf = (u) => {
  const raw = arg('orderId')(u);
  if (raw === null) return null;
  try {
    const { typename, id } = decodeGlobalID(raw);
    return `${typename}:${id}`;
  } catch {
    return raw;
  }
};

/** Which root fields are limited, and by which identities. Each occurrence of a field is one hit. */
const RULES: Record<string, ReadonlyArray<{ limit: Limit; key: KeyOf }>> = {
  'mutation.signIn': [
    { limit: LIMITS.signInPerEmail, key: email },
    { limit: LIMITS.signInPerAddress, key: address },
  ],
  'mutation.register': [{ limit: LIMITS.registerPerAddress, key: address }],
  'mutation.changePassword': [{ limit: LIMITS.changePasswordPerAccount, key: account }],
  'mutation.verifySmsCode': [
    { limit: LIMITS.smsVerifyPerMobile, key: mobile },
    { limit: LIMITS.smsVerifyPerOrder, key: order },
  ],
  'mutation.resendSmsCode': [
    { limit: LIMITS.smsSendPerMobile, key: mobile },
    { limit: LIMITS.smsSendPerOrder, key: order },
  ],
  'query.verifyFilingType': [{ limit: LIMITS.filingTypePerAccount, key: account }],
  'query.validateFiling': [{ limit: LIMITS.validateFilingPerAccount, key: account }],
};

/** The charges an operation makes: one per occurrence of a limited field, summed per identity. */
export function chargesFor(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  who: { address: string | null; accountId: string | null },
): Charge[] {
  const root = rootFields(document, operationName);
  if (!root) return [];
  const byKey = new Map<string, Charge>();
  for (const field of root.fields) {
    for (const rule of RULES[`${root.kind satisfies OperationKind}.${field.name.value}`] ?? []) {
      const key = rule.key({ field, variables, ...who }) ?? 'missing';
      const id = `${rule.limit.name}\u0000${key}`;
      const charge = byKey.get(id) ?? { limit: rule.limit, key, cost: 0 };
      charge.cost++;
      byKey.set(id, charge);
    }
  }
  return [...byKey.values()];
}

export function rateLimitedError(refusal: Refusal): GraphQLError {
  return new GraphQLError(`Too many attempts (${refusal.limit.name}); try again in ${refusal.retryAfterSeconds} s`, {
    extensions: {
      code: 'RATE_LIMITED',
      limit: refusal.limit.name,
      retryAfterSeconds: refusal.retryAfterSeconds,
      http: { status: 429, headers: { 'retry-after': String(refusal.retryAfterSeconds) } },
    },
  });
}

/**
 * Charges limited fields before an operation runs, over HTTP and WebSocket alike. When a limit is
 * exceeded nothing of the operation runs and the client gets a RATE_LIMITED error (HTTP 429).
 */
export function useRateLimits(limiter: RateLimiter, trustProxy: boolean, onRefused: (r: Refusal) => void): Plugin {
  const check = async (args: { document: DocumentNode; operationName?: string | null; variableValues?: Record<string, unknown> | null; contextValue: unknown }) => {
    const ctx = args.contextValue as Partial<Context>;
    const charges = chargesFor(args.document, args.operationName, args.variableValues, {
      address: clientAddress(nodeRequest(ctx), trustProxy),
      accountId: ctx.viewer?.accountId ?? null,
    });
    if (!charges.length) return null;
    const refusal = await limiter.charge(charges);
    if (refusal) onRefused(refusal);
    return refusal;
  };
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const refusal = await check(args);
      if (refusal) setResultAndStopExecution({ errors: [rateLimitedError(refusal)] });
    },
    async onSubscribe({ args, setResultAndStopExecution }) {
      const refusal = await check(args);
      if (refusal) setResultAndStopExecution({ errors: [rateLimitedError(refusal)] });
    },
  };
}
