/** 认领 / 释放 / 分派 (load → decide → commit); the rules are in decide/assignment.ts. */
import type { Context } from '../context.js';
import { Conflict } from '../domain/errors.js';
import { decideAssignment, type AssignmentAction } from './decide/assignment.js';
import { actorOf, appendEvent, callerOf, inTransaction } from './engine.js';

export type { AssignmentAction } from './decide/assignment.js';

/**
 * Gives the order to `to` (or back to the queue), comparing and bumping `version` in one UPDATE so that
 * of two reviewers claiming at once exactly one wins, and writing an ASSIGNED history entry with it.
 */
export async function reassign(ctx: Context, orderId: string, expectedVersion: number, action: AssignmentAction, to: string | null) {
  const [order, target] = await Promise.all([
    ctx.db.prisma.order.findUnique({ where: { id: orderId }, select: { id: true, ownerId: true, status: true, version: true, assigneeId: true } }),
    action === 'assign' && to ? ctx.db.prisma.account.findUnique({ where: { id: to }, select: { role: true, disabledAt: true } }) : null,
  ]);
  const decision = decideAssignment({ order, caller: callerOf(ctx), action, to, expectedVersion, target });
  if (!decision.change) return ctx.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  return inTransaction(ctx, async (tx) => {
    const updated = await tx.order.updateMany({
      where: { id: orderId, version: decision.version, assigneeId: decision.from },
      data: { assigneeId: decision.to, assignedAt: decision.to ? ctx.clock.now() : null, version: { increment: 1 } },
    });
    if (updated.count !== 1) {
      const again = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, version: true } });
      throw new Conflict('Another action on this order won; reload and try again.', again.status, again.version);
    }
    await appendEvent(tx, { orderId, type: 'ASSIGNED', actor: actorOf(ctx), detail: { action, assigneeId: decision.to, previousAssigneeId: decision.from } });
    return tx.order.findUniqueOrThrow({ where: { id: orderId } });
  });
}
