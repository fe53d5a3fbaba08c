import type { Context } from '../context.js';
import type { Prisma as P } from '../generated/prisma/client.js';
import type { OrderEventType, OrderStatus } from '../generated/prisma/enums.js';
import { Conflict, NotFound } from '../domain/errors.js';
import { decideTransition, type Caller, type TransitionDecision } from './decide/order.js';
import type { OrderAction } from './transitions.js';

export type { Tx } from '../db/index.js';
import type { Tx } from '../db/index.js';

export interface Actor {
  id: string | null;
  role: 'APPLICANT' | 'REVIEWER' | 'ADMIN' | 'SYSTEM';
}

export function actorOf(ctx: Context): Actor {
  if (!ctx.viewer) return { id: null, role: 'SYSTEM' };
  return { id: ctx.viewer.accountId, role: ctx.viewer.role };
}

/** The caller as the deciders see it (src/workflow/decide/order.ts). */
export function callerOf(ctx: Context): Caller {
  return ctx.viewer ? { accountId: ctx.viewer.accountId, role: ctx.viewer.role } : { accountId: null, role: 'SYSTEM' };
}

/**
 * Runs `fn` in one database transaction and, once it has committed, wakes the outbox relay so the
 * events it wrote reach subscribers. Nothing is announced for a transaction that rolled back.
 */
export async function inTransaction<T>(ctx: Pick<Context, 'db' | 'relay'>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await ctx.db.prisma.$transaction(
    async (tx) => {
      const events: P.OrderEventCreateManyInput[] = [];
      pendingEvents.set(tx, events);
      const value = await fn(tx);
      if (events.length) await insertEvents(tx, events);
      return value;
    },
    { timeout: 20_000, maxWait: 10_000 },
  );
  void ctx.relay.notify().catch(() => undefined);
  return result;
}

/** Advisory-lock key that orders event writers. */
const EVENT_WRITER_LOCK = 724_100_003;

/** History entries of transactions opened by `inTransaction`, written just before they commit. */
const pendingEvents = new WeakMap<Tx, P.OrderEventCreateManyInput[]>();

/**
 * Event ids must become visible in id order: a subscriber reads `id > cursor`, so a row that
 * commits after a higher id was read would be skipped for good. Writers therefore take one lock for
 * the short tail of their transaction (this insert and the commit): ids are drawn and committed one
 * writer at a time, and the rest of each transaction still runs concurrently.
 */
async function insertEvents(tx: Tx, rows: P.OrderEventCreateManyInput[]): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EVENT_WRITER_LOCK})`;
  await tx.orderEvent.createMany({ data: rows });
}

export interface TransitionArgs {
  orderId: string;
  /** The version the caller saw; omit for system actions, which act on whatever is current. */
  expectedVersion?: number;
  action: OrderAction;
  to: OrderStatus;
  actor: Actor;
  reason?: string | null;
  detail?: P.InputJsonValue;
  /** Further order fields to set in the same update. */
  data?: P.OrderUpdateManyMutationInput;
}

/**
 * Moves an order along the state machine: checks the action is allowed from the current status,
 * compares and bumps `version` in one UPDATE (two actors at once → exactly one wins, the other
 * gets a ConflictError), and appends the history entry in the same transaction.
 */
export async function transition(tx: Tx, args: TransitionArgs) {
  const current = await tx.order.findUnique({ where: { id: args.orderId }, select: { id: true, ownerId: true, status: true, version: true, miitSubmittedAt: true } });
  // Ownership was checked by the caller; the rest in the one order every operation uses (decide/order.ts).
  const decision = decideTransition({
    order: current,
    caller: { accountId: null, role: 'SYSTEM' },
    action: args.action,
    to: args.to,
    expectedVersion: args.expectedVersion,
    reason: args.reason,
  });
  return commitTransition(tx, args.orderId, decision, { actor: args.actor, detail: args.detail, data: args.data });
}

/**
 * Writes a decided status change: one UPDATE that compares status and version and bumps the version
 * (two actors at once → exactly one wins, the other gets a ConflictError), and the history entry in
 * the same transaction.
 */
export async function commitTransition(
  tx: Tx,
  orderId: string,
  decision: TransitionDecision,
  extra: { actor: Actor; detail?: P.InputJsonValue; data?: P.OrderUpdateManyMutationInput },
) {
  const updated = await tx.order.updateMany({
    where: { id: orderId, status: decision.from, version: decision.version },
    data: { ...extra.data, status: decision.to, version: { increment: 1 }, lastReason: decision.reason },
  });
  if (updated.count !== 1) {
    const now = await tx.order.findUnique({ where: { id: orderId }, select: { status: true, version: true } });
    if (!now) throw new NotFound('Order');
    throw new Conflict('Another action on this order won; reload and try again.', now.status, now.version);
  }
  await appendEvent(tx, {
    orderId,
    type: 'STATUS_CHANGED',
    actor: extra.actor,
    fromStatus: decision.from,
    toStatus: decision.to,
    reason: decision.reason,
    detail: { action: decision.action, ...(extra.detail && typeof extra.detail === 'object' ? extra.detail : {}) },
  });
  return { from: decision.from, to: decision.to, version: decision.version + 1 };
}

/** Adds a history entry; inside `inTransaction` it is written at the end, before the commit. */
export async function appendEvent(
  tx: Tx,
  e: {
    orderId: string;
    type: OrderEventType;
    actor: Actor;
    fromStatus?: OrderStatus | null;
    toStatus?: OrderStatus | null;
    reason?: string | null;
    detail?: P.InputJsonValue;
  },
) {
  const row: P.OrderEventCreateManyInput = {
    orderId: e.orderId,
    type: e.type,
    actorId: e.actor.id,
    actorRole: e.actor.role,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    reason: e.reason ?? null,
    detail: e.detail,
  };
  const pending = pendingEvents.get(tx);
  if (pending) pending.push(row);
  else await insertEvents(tx, [row]);
}
