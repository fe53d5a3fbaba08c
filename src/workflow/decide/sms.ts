/**
 * 短信核验 decided from loaded facts: whether a code entry or a resend may go ahead, and what an
 * entry's outcome does to the order. Pure; the shell (src/workflow/sms.ts) loads the order and the
 * verification row inside one transaction and commits with atomic counters.
 */
import { InvalidTransition, NotFound, ValidationFailed } from '../../domain/errors.js';
import type { Violation } from '../../domain/violation.js';
import type { OrderStatus } from '../../domain/vocabulary.js';
import { checkExists, type Caller, type OrderFacts } from './order.js';

const SOURCE = 'seed:002_cda330130d5f816e.txt §8';

export function smsViolation(field: string, rule: string, message: string, messageEn: string): Violation {
  return { field, rule: `national/${rule}`, message, messageEn, module: 'national', source: SOURCE };
}

/** A verification row as the deciders see it. */
export interface SmsFacts {
  verifiedAt: Date | null;
  expiresAt: Date;
  sentAt: Date;
  resendCount: number;
}

/** The province's SMS rule as it applies to the order. */
export interface SmsRule {
  maxAttempts: number;
  maxResends: number;
  resendIntervalMinutes: number;
}

/** Existence/ownership, then the order's status (SMS verification), then the number's row. */
function checkSmsOrder<V>(order: OrderFacts | null, caller: Caller, verification: V | null, what: string): { order: OrderFacts; verification: V } {
  const found = checkExists(order, caller);
  if (found.status !== ('PENDING_SMS_VERIFICATION' satisfies OrderStatus)) throw new InvalidTransition(what, found.status);
  if (!verification) throw new NotFound('SMS verification for this mobile number');
  return { order: found, verification };
}

/** A code entry: 'done' when this number was verified already, 'check' when the code must be compared (and an attempt counted). */
export function decideSmsEntry(args: { order: OrderFacts | null; caller: Caller; verification: SmsFacts | null; now: Date }): 'done' | 'check' {
  const { verification } = checkSmsOrder(args.order, args.caller, args.verification, 'verify an SMS code for');
  if (verification.verifiedAt) return 'done';
  if (verification.expiresAt <= args.now) {
    throw new ValidationFailed([smsViolation('code', 'sms-code-expired', '验证码已过期，请重新获取', 'The code has expired; request a new one')]);
  }
  return 'check';
}

/**
 * What a wrong entry does, decided from the attempt count the atomic increment returned: the one that
 * reaches the limit returns the order to the applicant; the others say how many attempts are left.
 */
export function decideWrongEntry(attemptCount: number, rule: SmsRule): { returnOrder: true; reason: string } | { returnOrder: false; attemptsLeft: number } {
  if (attemptCount >= rule.maxAttempts) {
    return {
      returnOrder: true,
      reason: `短信核验连续 ${rule.maxAttempts} 次错误，订单已退回 / ${rule.maxAttempts} wrong SMS codes in a row: order returned`,
    };
  }
  return { returnOrder: false, attemptsLeft: rule.maxAttempts - attemptCount };
}

/** A resend: within the province's count and interval. */
export function decideResend(args: { order: OrderFacts | null; caller: Caller; verification: SmsFacts | null; now: Date; rule: SmsRule }): void {
  const checked = checkSmsOrder(args.order, args.caller, args.verification?.verifiedAt ? null : args.verification, 'resend an SMS code for');
  const v = checked.verification;
  if (v.resendCount >= args.rule.maxResends) {
    throw new ValidationFailed([smsViolation('mobile', 'sms-resend-limit', `验证码最多重发 ${args.rule.maxResends} 次`, `A code can be resent at most ${args.rule.maxResends} times`)]);
  }
  const nextAllowed = new Date(v.sentAt.getTime() + args.rule.resendIntervalMinutes * 60_000);
  if (nextAllowed > args.now) {
    throw new ValidationFailed([
      smsViolation('mobile', 'sms-resend-interval', `请在 ${args.rule.resendIntervalMinutes} 分钟后再重新获取`, `Wait ${args.rule.resendIntervalMinutes} minutes between codes`),
    ]);
  }
}
