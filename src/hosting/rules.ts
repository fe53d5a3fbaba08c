import type { Config } from '../config.js';
import type { Violation } from '../domain/violation.js';
import type { HostedInstance } from '../ports.js';
import { violation } from '../validation/common.js';

/** 产品验证 rules: seed 000 (prepaid ≥ 3 months, no pay-as-you-go, limited codes per server). */
const SEED0 = 'seed:000_d2f846ec46511894.txt';

const rule = (field: string, id: string, message: string, messageEn: string) => violation({ field, rule: id, message, messageEn, source: SEED0 });

/** Adds months in UTC, clamping to the month's last day. */
export function addMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/**
 * Whether an instance can carry a filing for `viewerId` now: owned by the applicant, not retired,
 * in mainland China, not pay-as-you-go, not expired and with enough paid term left. Every broken
 * rule is returned, each naming `field`.
 */
export function instanceViolations(
  instance: HostedInstance,
  args: { field: string; viewerId: string | null; now: Date; hosting: Config['hosting'] },
): Violation[] {
  const f = args.field;
  if (args.viewerId && instance.ownerId !== args.viewerId) {
    return [rule(f, 'server-unknown', '未找到该服务器实例', 'No such server instance in your account')];
  }
  const out: Violation[] = [];
  if (instance.retiredAt) out.push(rule(f, 'server-retired', '该服务器实例已下线，不能用于备案', 'This instance was retired and cannot carry a filing'));
  if (!instance.mainland) {
    out.push(rule(f, 'server-region', '只有中国内地（大陆）地域的服务器可以备案', 'Only instances in mainland China can carry a filing'));
  }
  const months = args.hosting.minRemainingMonths;
  if (instance.billing === 'PAY_AS_YOU_GO') {
    out.push(rule(f, 'server-pay-as-you-go', '按量付费的服务器不能用于备案', 'Pay-as-you-go servers cannot be used for filing'));
  } else if (instance.expiresAt) {
    if (instance.expiresAt <= args.now) {
      out.push(rule(f, 'server-expired', '该服务器实例已到期', 'This instance has expired'));
    } else if (instance.expiresAt < addMonths(args.now, months)) {
      out.push(
        rule(f, 'server-remaining-term', `服务器剩余有效期须不少于 ${months} 个月，请续费后再备案`, `The instance needs at least ${months} months of paid term left; renew it first`),
      );
    }
  } else if ((instance.prepaidMonths ?? 0) < months) {
    out.push(rule(f, 'server-prepaid-term', `包年包月服务器的购买时长须不少于 ${months} 个月`, `A prepaid server must be bought for at least ${months} months`));
  }
  return out;
}
