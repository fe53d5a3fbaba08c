/**
 * 认领 / 释放 / 分派: who works on an order, decided from the loaded order (and, for an assignment,
 * the account it goes to). Pure; src/workflow/assignment.ts loads and commits.
 */
import { Conflict, InvalidTransition, ValidationFailed } from '../../domain/errors.js';
import type { OrderStatus } from '../../domain/vocabulary.js';
import { national } from '../violations.js';
import { IN_FLIGHT } from '../transitions.js';
import { checkExists, checkVersion, type Caller, type OrderFacts } from './order.js';

export type AssignmentAction = 'claim' | 'release' | 'assign';

/** Statuses in which a reviewer has work on an order, so it can be claimed or assigned. */
export const CLAIMABLE: readonly OrderStatus[] = IN_FLIGHT;

/** What an assignment writes: nothing when the order is already where it should go. */
export type AssignmentDecision = { change: false } | { change: true; version: number; from: string | null; to: string | null };

/**
 * Existence, then whether the order has review work (claim and assign), then the version, then the
 * rest: a claim on an order another reviewer holds, a release by someone other than its holder or an
 * admin (conflicts: someone else acted), an assignee who is not active staff (data).
 */
export function decideAssignment(args: {
  order: (OrderFacts & { assigneeId: string | null }) | null;
  caller: Caller;
  action: AssignmentAction;
  to: string | null;
  expectedVersion: number;
  /** For `assign`: the account the order goes to, as loaded (null: no such account). */
  target?: { role: string; disabledAt: Date | null } | null;
}): AssignmentDecision {
  const order = checkExists(args.order, args.caller);
  if (args.action !== 'release' && !CLAIMABLE.includes(order.status)) throw new InvalidTransition(args.action, order.status);
  checkVersion(order, args.expectedVersion);
  if (args.action === 'claim' && order.assigneeId && order.assigneeId !== args.caller.accountId) {
    throw new Conflict('另一位审核员已认领该订单 / Another reviewer has claimed this order.', order.status, order.version);
  }
  if (args.action === 'release' && order.assigneeId && order.assigneeId !== args.caller.accountId && args.caller.role !== 'ADMIN') {
    throw new Conflict('该订单由另一位审核员认领，只有其本人或管理员可以释放 / Only its assignee or an admin can release it.', order.status, order.version);
  }
  if (args.action === 'assign' && args.to && (!args.target || args.target.role === 'APPLICANT' || args.target.disabledAt)) {
    throw new ValidationFailed([national('assigneeId', 'assignee-staff', '只能分派给在职的审核员或管理员', 'Orders can only be assigned to an active reviewer or admin')]);
  }
  if (order.assigneeId === args.to) return { change: false };
  return { change: true, version: order.version, from: order.assigneeId, to: args.to };
}
