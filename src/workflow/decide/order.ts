/**
 * The pure part of every order operation: given the facts loaded for it (no database, no clock, no
 * I/O — the time is an input), decide in a fixed order:
 *   1. existence and ownership  → NotFound
 *   2. the transition           → InvalidTransition
 *   3. the version              → Conflict
 *   4. the data                 → ValidationFailed
 * and return what to write. The shell around a decider loads the facts and commits the decision
 * with a compare-and-set on the order's version.
 */
import { Conflict, InvalidTransition, NotFound, ValidationFailed } from '../../domain/errors.js';
import type { Violation } from '../../domain/violation.js';
import type { OrderStatus } from '../../domain/vocabulary.js';
import { ACTIONS, EDITABLE, isAllowed, type OrderAction } from '../transitions.js';

/** What a decider needs to know of an order. */
export interface OrderFacts {
  id: string;
  ownerId: string;
  status: OrderStatus;
  version: number;
  miitSubmittedAt?: Date | null;
}

export type Refusal = NotFound | InvalidTransition | Conflict | ValidationFailed;

/** Who acts: applicants must own the order; reviewers and the system may act on any. */
export interface Caller {
  accountId: string | null;
  role: 'APPLICANT' | 'REVIEWER' | 'ADMIN' | 'SYSTEM';
}

/** Step 1: the order exists and the caller may act on it (an applicant only on their own). */
export function checkExists<T extends OrderFacts>(order: T | null, caller: Caller): T {
  if (!order) throw new NotFound('Order');
  if (caller.role === 'APPLICANT' && order.ownerId !== caller.accountId) throw new NotFound('Order');
  return order;
}

/** Step 2: the action is allowed from the order's status (towards `to`, when the target is known). */
export function checkTransition(order: OrderFacts, action: OrderAction, to?: OrderStatus): void {
  const spec = ACTIONS[action];
  const allowed = to === undefined ? (spec.from as readonly OrderStatus[]).includes(order.status) : isAllowed(action, order.status, to);
  if (!allowed) throw new InvalidTransition(action, order.status);
  if ((action === 'recordMiitApproval' || action === 'recordMiitRejection') && !order.miitSubmittedAt) {
    throw new InvalidTransition('record a 管局 decision before submitToMiit for', order.status);
  }
}

/** Step 2 for edits: the order is a draft or was returned to the applicant. */
export function checkEditable(order: OrderFacts, what = 'edit'): void {
  if (!EDITABLE.includes(order.status)) throw new InvalidTransition(what, order.status);
}

/** Step 3: the caller saw the current version (omitted for system actions, which act on what is current). */
export function checkVersion(order: OrderFacts, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== order.version) {
    throw new Conflict(
      `The order changed since you loaded it (version ${expectedVersion}, now ${order.version}); reload and try again.`,
      order.status,
      order.version,
    );
  }
}

/** Step 4: the data; every violation at once. */
export function checkData(violations: readonly Violation[]): void {
  if (violations.length) throw new ValidationFailed([...violations]);
}

/** A status change decided: what the commit writes. */
export interface TransitionDecision {
  from: OrderStatus;
  to: OrderStatus;
  action: OrderAction;
  /** The version the compare-and-set expects; the commit writes `version + 1`. */
  version: number;
  reason: string | null;
}

/**
 * Decides a status change from the loaded order: existence/ownership, transition, version, then the
 * data (`violations`, computed purely from loaded facts, and a reason where the action needs one).
 */
export function decideTransition(args: {
  order: OrderFacts | null;
  caller: Caller;
  action: OrderAction;
  to: OrderStatus;
  expectedVersion?: number;
  reason?: string | null;
  violations?: () => readonly Violation[];
}): TransitionDecision {
  const order = checkExists(args.order, args.caller);
  checkTransition(order, args.action, args.to);
  checkVersion(order, args.expectedVersion);
  const spec = ACTIONS[args.action];
  if ('needsReason' in spec && spec.needsReason && !args.reason?.trim()) {
    throw new InvalidTransition(`${args.action} without a reason`, order.status);
  }
  if (args.violations) checkData(args.violations());
  return { from: order.status, to: args.to, action: args.action, version: order.version, reason: args.reason ?? null };
}

const DAY = 86_400_000;
/** An order is valid for 45 days from its first submission (seed 002 §9). */
export const ORDER_VALIDITY_DAYS = 45;

/** What a submission writes besides the status: when, and until when the order stays valid. */
export interface SubmitDecision extends TransitionDecision {
  submittedAt: Date;
  firstSubmittedAt: Date;
  expiresAt: Date;
}

/**
 * 提交 (or resubmission after a return): existence/ownership, the transition, the version, then every
 * rule the data breaks (computed from the loaded facts). The 45 days run from the first submission.
 */
export function decideSubmit(args: {
  order: (OrderFacts & { firstSubmittedAt: Date | null }) | null;
  caller: Caller;
  expectedVersion: number;
  now: Date;
  violations: () => readonly Violation[];
}): SubmitDecision {
  const decision = decideTransition({
    order: args.order,
    caller: args.caller,
    action: 'submit',
    to: 'PENDING_INITIAL_REVIEW',
    expectedVersion: args.expectedVersion,
    violations: args.violations,
  });
  const first = args.order!.firstSubmittedAt ?? args.now;
  return { ...decision, submittedAt: args.now, firstSubmittedAt: first, expiresAt: new Date(first.getTime() + ORDER_VALIDITY_DAYS * DAY) };
}

/**
 * An edit of an order's data (updateFiling, updateChangeFiling): existence/ownership, editable status
 * (a draft or returned to the applicant), the version, then the data. Returns the version the commit
 * compares against.
 */
export function decideEdit(args: {
  order: OrderFacts | null;
  caller: Caller;
  expectedVersion: number;
  what?: string;
  violations: () => readonly Violation[];
}): { version: number; status: OrderStatus } {
  const order = checkExists(args.order, args.caller);
  checkEditable(order, args.what);
  checkVersion(order, args.expectedVersion);
  checkData(args.violations());
  return { version: order.version, status: order.status };
}

/**
 * 提交管局: the order waits for the 管局 and has not been handed over yet; existence, then that
 * state, then the version. Not a status change: the commit records the hand-over and bumps the version.
 */
export function decideSubmitToMiit(args: { order: OrderFacts | null; caller: Caller; expectedVersion: number }): { version: number } {
  const order = checkExists(args.order, args.caller);
  if (order.status !== 'PENDING_MIIT_REVIEW' || order.miitSubmittedAt) throw new InvalidTransition('submitToMiit', order.status);
  checkVersion(order, args.expectedVersion);
  return { version: order.version };
}
