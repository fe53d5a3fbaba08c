import { initContextCache } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { orderEventStream } from '../events/hub.js';
import type { OrderEventMessage } from '../events/pubsub.js';
import { logHead } from '../events/relay.js';
import type { Prisma as P } from '../generated/prisma/client.js';
import { FilingTypeEnum, OrderStatusEnum } from './enums.js';
import { NotFound } from './errors.js';
import { OrderType } from './orders.js';
import { canSee } from './visibility.js';

const BATCH = 100;

function parseCursor(after: string | null | undefined): bigint | null {
  if (after === null || after === undefined) return null;
  if (!/^\d{1,19}$/.test(after)) throw new NotFound(`event sequence ${after}`);
  return BigInt(after);
}

/** The last item of a stream whose session ended; its resolver answers with a typed error. */
const SESSION_ENDED = { id: -1n, sessionEnded: true } as const;

/**
 * Names the event a subscription payload carries, so that subscribers woken by the same event can
 * share its execution (src/server/shared-subscriptions.ts); the session-ended item is not shared.
 */
export function sharedEventKey(payload: unknown): string | undefined {
  if (payload === SESSION_ENDED || typeof payload !== 'object' || payload === null) return undefined;
  const id = (payload as { id?: unknown }).id;
  return typeof id === 'bigint' && id > 0n ? `OrderEvent:${id}` : undefined;
}

function sessionEnded() {
  return new GraphQLError('Your session has ended (signed out, password changed, account disabled or expired); sign in again', {
    extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' },
  });
}

function stream(ctx: Context, where: P.OrderEventWhereInput, match: (m: OrderEventMessage) => boolean, after: bigint | null) {
  const sessionId = ctx.viewer!.sessionId;
  return freshCachePerEvent(
    ctx,
    orderEventStream({
      hub: ctx.hub,
      match,
      after,
      load: (cursor) =>
        ctx.hub.shared(`events|${JSON.stringify(where)}|${cursor}`, () =>
          ctx.db.prisma.orderEvent.findMany({ where: { ...where, id: { gt: cursor } }, orderBy: { id: 'asc' }, take: BATCH }),
        ),
      latest: () => logHead(ctx.db.prisma),
      session: {
        watch: (end) => ctx.sessions.track(sessionId, end),
        alive: () => ctx.hub.shared(`session|${sessionId}`, () => ctx.sessions.alive(sessionId)),
        final: SESSION_ENDED as { id: bigint },
      },
    }),
  );
}

/**
 * A subscription keeps one context for all its events, and Pothos keeps its loaders and auth checks
 * in that context: give each event an empty cache, so none of them sees rows loaded for an earlier
 * one. The reset happens when the next event is pulled, after the previous one was sent.
 */
function freshCachePerEvent<T>(ctx: Context, source: AsyncIterableIterator<T>): AsyncIterableIterator<T> {
  const iterator: AsyncIterableIterator<T> = {
    next: () => {
      Object.assign(ctx, initContextCache());
      return source.next();
    },
    return: (value?: unknown) => source.return?.(value) ?? Promise.resolve({ done: true, value: undefined }),
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** An event row with what the subscriber selected; subscribers with the same selection share the read. */
function eventRow(ctx: Context, query: object, event: { id: bigint }) {
  if (event === SESSION_ENDED) throw sessionEnded();
  const id = event.id;
  return ctx.hub.shared(`event|${id}|${JSON.stringify(query)}`, () => ctx.db.prisma.orderEvent.findUniqueOrThrow({ ...query, where: { id } }));
}

const OrderEventFeedFilter = builder.inputType('OrderEventFeedFilter', {
  description: 'Narrows the reviewers’ live feed; all conditions must hold.',
  fields: (t) => ({
    provinceCode: t.string({ required: false, description: 'Only orders of this province module, e.g. `hubei`.' }),
    toStatus: t.field({ type: [OrderStatusEnum], required: false, description: 'Only changes into one of these statuses.' }),
    filingType: t.field({ type: FilingTypeEnum, required: false, description: 'Only orders of this filing type.' }),
  }),
});

const AFTER = "An event's `sequence`: first replays what happened since, then goes live.";

builder.subscriptionFields((t) => ({
  orderStatusChanged: t.prismaField({
    type: 'OrderEvent',
    authScopes: { signedIn: true },
    description:
      "Every status change of one order, for its owner and for reviewers. With `after` (an event's `sequence`), first replays what happened since.",
    args: { orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }), after: t.arg.string({ required: false, description: AFTER }) },
    subscribe: async (_root, args, ctx) => {
      const order = await ctx.db.prisma.order.findUnique({ where: { id: args.orderId.id }, select: { ownerId: true } });
      if (!order || !canSee(ctx, order.ownerId)) throw new NotFound('Order');
      const orderId = args.orderId.id;
      return stream(
        ctx,
        { orderId, type: 'STATUS_CHANGED' },
        (m) => m.orderId === orderId && m.type === 'STATUS_CHANGED',
        parseCursor(args.after),
      );
    },
    resolve: (query, event: { id: bigint }, _args, ctx) => eventRow(ctx, query, event),
  }),
  orderEvents: t.prismaField({
    type: 'OrderEvent',
    authScopes: { reviewer: true },
    description: 'The live feed of all status changes, for reviewers and admins, with filters and resume.',
    args: {
      filter: t.arg({ type: OrderEventFeedFilter, required: false, description: 'Which changes.' }),
      after: t.arg.string({ required: false, description: AFTER }),
    },
    subscribe: (_root, { filter, after }, ctx) => {
      const where: P.OrderEventWhereInput = {
        type: 'STATUS_CHANGED',
        ...(filter?.toStatus?.length ? { toStatus: { in: filter.toStatus } } : {}),
        ...(filter?.provinceCode || filter?.filingType
          ? {
              order: {
                ...(filter.provinceCode ? { provinceCode: filter.provinceCode } : {}),
                ...(filter.filingType ? { filingType: filter.filingType } : {}),
              },
            }
          : {}),
      };
      const match = (m: OrderEventMessage) =>
        m.type === 'STATUS_CHANGED' &&
        (!filter?.provinceCode || m.provinceCode === filter.provinceCode) &&
        (!filter?.filingType || m.filingType === filter.filingType) &&
        (!filter?.toStatus?.length || (m.toStatus !== null && filter.toStatus.includes(m.toStatus as never)));
      return stream(ctx, where, match, parseCursor(after));
    },
    resolve: (query, event: { id: bigint }, _args, ctx) => eventRow(ctx, query, event),
  }),
  myOrderEvents: t.prismaField({
    type: 'OrderEvent',
    authScopes: { applicant: true },
    description: "Every status change of all the viewer's own orders, in one subscription (an applicant's order list stays live).",
    args: { after: t.arg.string({ required: false, description: AFTER }) },
    subscribe: (_root, { after }, ctx) => {
      const ownerId = ctx.viewer!.accountId;
      return stream(
        ctx,
        { type: 'STATUS_CHANGED', order: { ownerId } },
        (m) => m.type === 'STATUS_CHANGED' && m.ownerId === ownerId,
        parseCursor(after),
      );
    },
    resolve: (query, event: { id: bigint }, _args, ctx) => eventRow(ctx, query, event),
  }),
}));
