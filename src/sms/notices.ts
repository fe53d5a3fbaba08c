import type { Context } from '../context.js';
import { renderSms, type SmsTemplate } from './templates.js';

/**
 * Tells the subject principal (phone 1) what happened to an order, once the change has committed:
 * returned to the applicant, approved by the 管局 (with the ICP number), or rejected by it. A notice
 * that cannot be sent does not undo the change (the HTTP gateway keeps and retries it).
 */
export async function notifyApplicant(ctx: Pick<Context, 'db' | 'sms'>, orderId: string, template: Exclude<SmsTemplate, 'ICP_VERIFICATION_CODE'>) {
  try {
    const order = await ctx.db.prisma.order.findUnique({
      where: { id: orderId },
      select: { number: true, lastReason: true, subject: { select: { icpNumber: true, principal: { select: { mobile: true } } } } },
    });
    if (!order) return;
    await ctx.sms.send(
      renderSms(order.subject.principal.mobile, template, {
        order: order.number,
        reason: order.lastReason ?? '见订单详情',
        icpNumber: order.subject.icpNumber ?? '见订单详情',
      }),
    );
  } catch {
    // The order changed whatever happens to the notice.
  }
}
