import { builder } from '../builder.js';
import type { OrderEvent, Prisma as P } from '../generated/prisma/client.js';
import {
  AuthenticityResultEnum,
  FilingTypeEnum,
  FilingVariantEnum,
  MaterialKindEnum,
  OrderEventTypeEnum,
  OrderStatusEnum,
  OrderWebsiteActionEnum,
  SmsRoleEnum,
} from './enums.js';
import type { Context } from '../context.js';
import { SubjectType } from './subjects.js';
import { proposalFor } from './proposals.js';
import { canSee, ownedBy } from './visibility.js';
import { maskPhone } from '../validation/index.js';
import { getProvince, reviewEstimate, type ReviewEstimate } from '../../provinces/index.js';
import { addWorkingDays } from '../domain/calendar.js';
import { ProvinceType, ReviewEstimateType } from './provinces.js';
import { ValidationFailed } from './errors.js';
import { national } from '../workflow/violations.js';
import { pageTotal, PRELOADED_LATEST_EVENT, readOrderPage } from '../read-models/index.js';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';

export const OrderEventType = builder.prismaObject('OrderEvent', {
  description: 'One entry of an order history: who did what, when, and why. Never edited.',
  fields: (t) => ({
    sequence: t.string({
      description: 'Global, increasing event number; pass it as `after` to resume a subscription.',
      resolve: (e) => e.id.toString(),
    }),
    type: t.expose('type', { type: OrderEventTypeEnum }),
    actorRole: t.exposeString('actorRole'),
    actor: t.relation('actor', { nullable: true }),
    fromStatus: t.expose('fromStatus', { type: OrderStatusEnum, nullable: true }),
    toStatus: t.expose('toStatus', { type: OrderStatusEnum, nullable: true }),
    reason: t.exposeString('reason', { nullable: true }),
    detail: t.expose('detail', { type: 'JSON', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    order: t.relation('order'),
  }),
});

export const OrderWebsiteType = builder.prismaObject('OrderWebsite', {
  description: 'What an order does to one website.',
  fields: (t) => ({
    action: t.expose('action', { type: OrderWebsiteActionEnum }),
    changes: t.field({
      type: 'JSON',
      nullable: true,
      description: 'Proposed website information (change filings); personal fields masked for anyone but the owner.',
      select: { changes: true, order: { select: { ownerId: true } } },
      resolve: (w, _a, ctx) => proposalFor(ctx, w.order.ownerId, w.changes),
    }),
    website: t.relation('website'),
  }),
});

export const MaterialType = builder.prismaObject('Material', {
  description: 'An uploaded document image and its authenticity check.',
  select: { id: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: MaterialKindEnum }),
    documentCode: t.exposeString('documentCode', { nullable: true }),
    fileName: t.exposeString('fileName'),
    mimeType: t.exposeString('mimeType'),
    size: t.exposeInt('size'),
    sha256: t.exposeString('sha256'),
    authenticity: t.expose('authenticity', { type: AuthenticityResultEnum }),
    authenticityDetail: t.exposeString('authenticityDetail', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const SmsVerificationType = builder.prismaObject('SmsVerification', {
  description: '短信核验 for one mobile number.',
  fields: (t) => ({
    mobile: t.string({ resolve: (s) => maskPhone(s.mobile) }),
    roles: t.expose('roles', { type: [SmsRoleEnum] }),
    sentAt: t.expose('sentAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    resendCount: t.exposeInt('resendCount'),
    attemptCount: t.exposeInt('attemptCount'),
    verified: t.boolean({ resolve: (s) => s.verifiedAt !== null }),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime', nullable: true }),
  }),
});

interface Schedule {
  initialReviewBy: Date | null;
  miitDecision: ReviewEstimate | null;
  expiresAt: Date | null;
  smsDeadline: Date | null;
}

const OrderScheduleType = builder.objectRef<Schedule>('OrderSchedule').implement({
  description: 'When things should happen: provider review, the 管局 decision (province estimate, working days), deadlines.',
  fields: (t) => ({
    initialReviewBy: t.expose('initialReviewBy', {
      type: 'DateTime',
      nullable: true,
      description: 'End of the provider’s initial review promise (working days after submission).',
    }),
    miitDecision: t.field({
      type: ReviewEstimateType,
      nullable: true,
      description: 'The 管局’s decision window: from submission to the 管局, or estimated from now while the order is still with the provider.',
      resolve: (s) => s.miitDecision,
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'The order lapses (45 days from first submission).' }),
    smsDeadline: t.expose('smsDeadline', { type: 'DateTime', nullable: true, description: 'SMS codes must be verified by then.' }),
  }),
});

const AWAITING_PROVIDER: readonly string[] = ['PENDING_INITIAL_REVIEW', 'AWAITING_MAILED_MATERIALS', 'PENDING_SMS_VERIFICATION'];

function schedule(o: { status: string; provinceCode: string; submittedAt: Date | null; miitSubmittedAt: Date | null; expiresAt: Date | null; smsDeadline: Date | null }, ctx: Context): Schedule {
  const live = !['APPROVED', 'WITHDRAWN', 'EXPIRED'].includes(o.status);
  const initialReviewBy =
    o.submittedAt && o.status === 'PENDING_INITIAL_REVIEW' ? addWorkingDays(o.submittedAt, ctx.config.initialReviewWorkingDays) : null;
  let miitFrom: Date | null = null;
  if (o.status === 'PENDING_MIIT_REVIEW') miitFrom = o.miitSubmittedAt ?? ctx.clock.now();
  else if (AWAITING_PROVIDER.includes(o.status)) miitFrom = addWorkingDays(initialReviewBy ?? ctx.clock.now(), 1);
  return {
    initialReviewBy,
    miitDecision: miitFrom ? reviewEstimate({ province: o.provinceCode, submittedAt: miitFrom }) : null,
    expiresAt: live ? o.expiresAt : null,
    smsDeadline: o.status === 'PENDING_SMS_VERIFICATION' ? o.smsDeadline : null,
  };
}

/** The newest event of each order, in the order asked; one index probe per order. */
async function latestEvents(ctx: Context, orderIds: string[]): Promise<(OrderEvent | null)[]> {
  const rows = await ctx.db.prisma.$queryRaw<OrderEvent[]>`
    SELECT e.id, e."orderId", e.type::text AS type, e."actorId", e."actorRole", e."fromStatus"::text AS "fromStatus",
           e."toStatus"::text AS "toStatus", e.reason, e.detail, e."createdAt", e."publishedAt"
    FROM unnest(${orderIds}::text[]) AS o(id)
    CROSS JOIN LATERAL (SELECT * FROM "OrderEvent" WHERE "orderId" = o.id ORDER BY id DESC LIMIT 1) e`;
  const byOrder = new Map(rows.map((r) => [r.orderId, r]));
  return orderIds.map((id) => byOrder.get(id) ?? null);
}

/** Per request: one batched read of the newest events of every order resolved without them. */
const latestEventLoader = createContextCache((ctx: Context) => new DataLoader((ids: readonly string[]) => latestEvents(ctx, [...ids])));

export const OrderType = builder.prismaNode('Order', {
  id: { field: 'id' },
  description: '备案订单: one filing application.',
  authScopes: (o, ctx) => canSee(ctx, o.ownerId),
  fields: (t) => ({
    number: t.exposeString('number'),
    filingType: t.expose('filingType', { type: FilingTypeEnum }),
    variant: t.expose('variant', { type: FilingVariantEnum, nullable: true }),
    status: t.expose('status', { type: OrderStatusEnum }),
    version: t.exposeInt('version', { description: 'Pass back with actions; a stale version is refused.' }),
    provinceCode: t.exposeString('provinceCode'),
    province: t.field({ type: ProvinceType, resolve: (o) => getProvince(o.provinceCode)! }),
    subject: t.relation('subject'),
    websites: t.relation('websites', { type: OrderWebsiteType, query: { orderBy: { position: 'asc' } } }),
    materials: t.relation('materials', { type: MaterialType, query: { orderBy: { createdAt: 'asc' } } }),
    smsVerifications: t.relation('smsVerifications', { type: SmsVerificationType }),
    latestEvent: t.field({
      type: OrderEventType,
      nullable: true,
      description: 'The newest history entry (batched for lists).',
      // The list's read model brings it along; otherwise one batched read per request.
      resolve: (o, _a, ctx) =>
        PRELOADED_LATEST_EVENT in o ? (o as unknown as Record<string, OrderEvent | null>)[PRELOADED_LATEST_EVENT]! : latestEventLoader(ctx).load(o.id),
    }),
    history: t.relatedConnection('events', {
      cursor: 'id',
      description: 'The full history, oldest first.',
      query: { orderBy: { id: 'asc' } },
    }),
    subjectChanges: t.field({
      type: 'JSON',
      nullable: true,
      description: 'Proposed subject information (change filings); personal fields masked for anyone but the owner.',
      resolve: (o, _a, ctx) => proposalFor(ctx, o.ownerId, o.subjectChanges),
    }),
    reviewComments: t.expose('reviewComments', { type: 'JSON', nullable: true }),
    lastReason: t.exposeString('lastReason', { nullable: true }),
    firstSubmittedAt: t.expose('firstSubmittedAt', { type: 'DateTime', nullable: true }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    smsDeadline: t.expose('smsDeadline', { type: 'DateTime', nullable: true }),
    miitSubmittedAt: t.expose('miitSubmittedAt', { type: 'DateTime', nullable: true }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    schedule: t.field({ type: OrderScheduleType, resolve: (o, _a, ctx) => schedule(o, ctx) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const OrderFilter = builder.inputType('OrderFilter', {
  fields: (t) => ({
    status: t.field({ type: [OrderStatusEnum], required: false }),
    provinceCode: t.string({ required: false }),
    filingType: t.field({ type: FilingTypeEnum, required: false }),
    submittedBefore: t.field({ type: 'DateTime', required: false, description: 'Orders waiting since before this time.' }),
    subjectId: t.globalID({ required: false, for: SubjectType }),
    submittedAfter: t.field({ type: 'DateTime', required: false, description: 'Orders submitted at or after this time.' }),
    search: t.string({
      required: false,
      description: `Part of an order number, subject name, domain or ICP number (case-insensitive, at most ${SEARCH_MAX} characters).`,
    }),
  }),
});

const SEARCH_MAX = 100;

/** Orders whose number, subject name, subject or website ICP number, or a website's domain contains `text`. */
function searchWhere(text: string): P.OrderWhereInput {
  const contains = { contains: text, mode: 'insensitive' as const };
  return {
    OR: [
      { number: contains },
      { subject: { name: contains } },
      { subject: { icpNumber: contains } },
      { websites: { some: { website: { OR: [{ icpNumber: contains }, { domains: { some: { name: contains } } }] } } } },
    ],
  };
}

type OrderFilterValue = typeof OrderFilter.$inferInput | null | undefined;

function orderWhere(ctx: Context, filter: OrderFilterValue): P.OrderWhereInput {
  const search = filter?.search?.trim();
  if (search && [...search].length > SEARCH_MAX) {
    throw new ValidationFailed([
      national('filter.search', 'search-length', `搜索内容最多 ${SEARCH_MAX} 个字符`, `Search text must be at most ${SEARCH_MAX} characters`),
    ]);
  }
  const submitted = {
    ...(filter?.submittedBefore ? { lt: filter.submittedBefore } : {}),
    ...(filter?.submittedAfter ? { gte: filter.submittedAfter } : {}),
  };
  return {
    ...ownedBy(ctx),
    ...(filter?.status?.length ? { status: { in: filter.status } } : {}),
    ...(filter?.provinceCode ? { provinceCode: filter.provinceCode } : {}),
    ...(filter?.filingType ? { filingType: filter.filingType } : {}),
    ...(Object.keys(submitted).length ? { submittedAt: submitted } : {}),
    ...(filter?.subjectId ? { subjectId: filter.subjectId.id } : {}),
    ...(search ? searchWhere(search) : {}),
  };
}

const OrderSort = builder.enumType('OrderSort', {
  values: {
    NEWEST: { description: 'Most recently created first.' },
    OLDEST_SUBMISSION: { description: 'Longest waiting first (the review queue).' },
  } as const,
});

builder.queryFields((t) => ({
  orders: t.prismaConnection({
    type: 'Order',
    cursor: 'id',
    authScopes: { signedIn: true },
    maxSize: 100,
    defaultSize: 20,
    totalCount: (_root, args, ctx) => pageTotal(ctx, args) ?? ctx.db.prisma.order.count({ where: orderWhere(ctx, args.filter) }),
    description: "Applicants see their own orders; reviewers see the whole queue, filtered and sorted.",
    args: {
      filter: t.arg({ type: OrderFilter, required: false }),
      sort: t.arg({ type: OrderSort, required: false, defaultValue: 'NEWEST' }),
    },
    resolve: (query, _root, args, ctx, info) => {
      const where = orderWhere(ctx, args.filter);
      const orderBy: P.OrderOrderByWithRelationInput[] =
        args.sort === 'OLDEST_SUBMISSION' ? [{ submittedAt: 'asc' }, { id: 'asc' }] : [{ createdAt: 'desc' }, { id: 'desc' }];
      return readOrderPage(ctx, { ...query, where, orderBy }, args, info) ?? ctx.db.prisma.order.findMany({ ...query, where, orderBy });
    },
  }),
}));
