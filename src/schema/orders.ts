import { builder } from '../builder.js';
import type { OrderEvent, Prisma as P } from '../generated/prisma/client.js';
import {
  ActorRoleEnum,
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
import { canSee, ownedBy } from './visibility.js';
import { maskPhone } from '../validation/index.js';
import { checkRequirements, getProvince, reviewEstimate, type Requirement, type ReviewEstimate } from '../../provinces/index.js';
import { addWorkingDays, shanghaiDay, startOfShanghaiDay } from '../domain/calendar.js';
import { ProvinceType, RequirementType, ReviewEstimateType } from './provinces.js';
import { ValidationFailed } from './errors.js';
import { AccountType } from './accounts.js';
import { ACTOR_ROLE, filingTypeLabel, filingVariantLabel, labelOf, ORDER_STATUS, type LabelledItem } from './labels.js';
import { InternetServiceType } from './websites.js';
import { fieldComments, FieldCommentType, globalId, proposalFor, SubjectProposalType, WebsiteProposalType } from './proposals.js';
import { national } from '../workflow/violations.js';
import { pageTotal, PRELOADED_LATEST_EVENT, readOrderPage } from '../read-models/index.js';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';

/** What a history entry's stored detail may hold; every key optional (see the workflow's appendEvent calls). */
interface EventDetail {
  action?: string;
  filingType?: string;
  variant?: string | null;
  fields?: string[];
  releasedDomains?: string[];
  sms?: string[];
  rules?: string[];
  comments?: unknown;
  kind?: string;
  sha256?: string;
  authenticity?: string;
  mobiles?: string[];
  mobile?: string;
  resend?: boolean;
  websites?: { id: string; icpNumber: string | null; domains: string[] }[];
  subjectChanged?: boolean;
  changedWebsites?: string[];
  assigneeId?: string | null;
  previousAssigneeId?: string | null;
}

const strings = (v: unknown): string[] | null => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null);

const EventWebsiteType = builder.objectRef<{ id: string; icpNumber: string | null; domains: string[] }>('EventWebsite').implement({
  description: 'A website as a cancellation order recorded it when it was created.',
  fields: (t) => ({
    websiteId: t.id({ description: 'Global id of the website.', resolve: (w) => globalId('Website', w.id) }),
    icpNumber: t.exposeString('icpNumber', { nullable: true, description: 'Its ICP number then.' }),
    domains: t.exposeStringList('domains', { description: 'Its domains then.' }),
  }),
});

const EventDetailType = builder.objectRef<EventDetail>('OrderEventDetail').implement({
  description: 'What a history entry recorded besides its status change; each field is set only by the entries it concerns.',
  fields: (t) => ({
    action: t.string({
      nullable: true,
      description: 'The workflow action (e.g. `approveInitialReview`, `submitToMiit`) or assignment (`claim`, `release`, `assign`).',
      resolve: (d) => d.action ?? null,
    }),
    filingType: t.field({ type: FilingTypeEnum, nullable: true, description: 'CREATED: the filing type detected.', resolve: (d) => (d.filingType as never) ?? null }),
    variant: t.field({ type: FilingVariantEnum, nullable: true, description: 'CREATED: the variant detected.', resolve: (d) => (d.variant as never) ?? null }),
    fields: t.stringList({ nullable: true, description: 'UPDATED: the parts of the order that were replaced.', resolve: (d) => strings(d.fields) }),
    releasedDomains: t.stringList({
      nullable: true,
      description: 'Withdrawn or expired: the domains the order released for later filings.',
      resolve: (d) => strings(d.releasedDomains),
    }),
    rules: t.stringList({ nullable: true, description: 'SMS entries: ids of the rules that decided who verifies.', resolve: (d) => strings(d.rules ?? d.sms) }),
    comments: t.field({
      type: [FieldCommentType],
      nullable: true,
      description: 'COMMENTED / returned for changes: the comments per field.',
      resolve: (d) => (d.comments === undefined ? null : fieldComments(d.comments)),
    }),
    materialKind: t.field({ type: MaterialKindEnum, nullable: true, description: 'MATERIAL_ADDED: what was uploaded.', resolve: (d) => (d.kind as never) ?? null }),
    sha256: t.string({ nullable: true, description: 'MATERIAL_ADDED: the file’s SHA-256.', resolve: (d) => d.sha256 ?? null }),
    authenticity: t.field({
      type: AuthenticityResultEnum,
      nullable: true,
      description: 'MATERIAL_ADDED: the authenticity check’s outcome.',
      resolve: (d) => (d.authenticity as never) ?? null,
    }),
    mobiles: t.stringList({
      nullable: true,
      description: 'SMS entries: the (masked) mobile numbers concerned.',
      resolve: (d) => strings(d.mobiles) ?? (d.mobile ? [d.mobile] : null),
    }),
    resend: t.boolean({ nullable: true, description: 'SMS_SENT: whether this was a resend.', resolve: (d) => d.resend ?? null }),
    websites: t.field({ type: [EventWebsiteType], nullable: true, description: 'Cancellations: the websites concerned.', resolve: (d) => d.websites ?? null }),
    subjectChanged: t.boolean({ nullable: true, description: 'Change filings: whether the subject information changes.', resolve: (d) => d.subjectChanged ?? null }),
    changedWebsiteIds: t.idList({
      nullable: true,
      description: 'Change filings: global ids of the websites whose information changes.',
      resolve: (d) => strings(d.changedWebsites)?.map((id) => globalId('Website', id)) ?? null,
    }),
    assignee: t.prismaField({
      type: 'Account',
      nullable: true,
      description: 'ASSIGNED: the reviewer who holds the order now (null when released).',
      resolve: (query, d, _a, ctx) => (d.assigneeId ? ctx.db.prisma.account.findUnique({ ...query, where: { id: d.assigneeId } }) : null),
    }),
    previousAssignee: t.prismaField({
      type: 'Account',
      nullable: true,
      description: 'ASSIGNED: the reviewer who held it before.',
      resolve: (query, d, _a, ctx) =>
        d.previousAssigneeId ? ctx.db.prisma.account.findUnique({ ...query, where: { id: d.previousAssigneeId } }) : null,
    }),
  }),
});

export const OrderEventType = builder.prismaNode('OrderEvent', {
  id: { field: 'id' },
  findUnique: (id) => ({ id: BigInt(id) }),
  description: 'One entry of an order history: who did what, when, and why. Never edited.',
  // What the functions below read of the row, for the read models (src/read-models/projection.ts).
  extensions: { reads: ['orderId'] },
  // Staff read every history; an applicant only its own orders'. The owner comes from the order this
  // request already read when the entry hangs below it (latestEvent, history), else from one read
  // (Prisma batches these per tick).
  authScopes: async (e, ctx) => {
    if (!ctx.viewer) return false;
    if (ctx.viewer.role !== 'APPLICANT') return true;
    const ownerId = orderOwners(ctx).get(e.orderId) ?? (await ctx.db.prisma.order.findUnique({ where: { id: e.orderId }, select: { ownerId: true } }))?.ownerId;
    return ownerId === ctx.viewer.accountId;
  },
  fields: (t) => ({
    sequence: t.string({
      description: 'Global, increasing event number; pass it as `after` to resume a subscription.',
      extensions: { reads: ['id'] },
      resolve: (e) => e.id.toString(),
    }),
    type: t.expose('type', { type: OrderEventTypeEnum, description: 'What kind of entry this is.' }),
    actorRole: t.field({
      type: ActorRoleEnum,
      description: 'Who acted: the role of `actor`, or SYSTEM for the timers.',
      extensions: { reads: ['actorRole'] },
      resolve: (e) => (e.actorRole in ACTOR_ROLE ? (e.actorRole as keyof typeof ACTOR_ROLE) : 'SYSTEM'),
    }),
    actor: t.relation('actor', { nullable: true, description: 'The account that acted; null for the system.' }),
    fromStatus: t.expose('fromStatus', { type: OrderStatusEnum, nullable: true, description: 'Status before a status change.' }),
    toStatus: t.expose('toStatus', { type: OrderStatusEnum, nullable: true, description: 'Status after a status change.' }),
    toStatusLabel: t.string({
      nullable: true,
      description: 'The Chinese label of `toStatus`, e.g. 待初审.',
      extensions: { reads: ['toStatus'] },
      resolve: (e) => (e.toStatus ? labelOf(ORDER_STATUS, e.toStatus) : null),
    }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why, as the actor gave it (shown to the applicant).' }),
    detail: t.field({
      type: EventDetailType,
      description: 'What else the entry recorded.',
      extensions: { reads: ['detail'] },
      resolve: (e) => (e.detail && typeof e.detail === 'object' && !Array.isArray(e.detail) ? (e.detail as EventDetail) : {}),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it happened.' }),
    order: t.relation('order', { description: 'The order this entry belongs to.' }),
  }),
});

export const OrderWebsiteType = builder.prismaObject('OrderWebsite', {
  description: 'What an order does to one website.',
  extensions: { reads: [] },
  fields: (t) => ({
    action: t.expose('action', { type: OrderWebsiteActionEnum, description: 'What the order does to the website.' }),
    changes: t.field({
      type: WebsiteProposalType,
      nullable: true,
      description: 'Proposed website information (change filings); personal fields masked for anyone but the owner.',
      select: { changes: true, order: { select: { ownerId: true } } },
      extensions: { reads: ['changes'] },
      resolve: (w, _a, ctx) => proposalFor(ctx, w.order.ownerId, w.changes),
    }),
    website: t.relation('website', { description: 'The website (an APP shows here with the website fields; use `service`).' }),
    service: t.relation('website', { type: InternetServiceType, description: 'The internet-information item: a `Website`, `App`, `MiniProgram` or `QuickApp`.' }),
  }),
});

export const MaterialType = builder.prismaNode('Material', {
  id: { field: 'id' },
  description: 'An uploaded document image and its authenticity check.',
  select: { id: true, order: { select: { ownerId: true } } },
  authScopes: (m, ctx) => canSee(ctx, m.order.ownerId),
  fields: (t) => ({
    kind: t.expose('kind', { type: MaterialKindEnum, description: 'What the document is.' }),
    documentCode: t.exposeString('documentCode', {
      nullable: true,
      description: 'Province document code this file satisfies, e.g. `GUANGDONG_COMMITMENT_LETTER` (see the province’s requirements).',
    }),
    fileName: t.exposeString('fileName', { description: 'The file name as uploaded.' }),
    mimeType: t.exposeString('mimeType', { description: 'Media type, as sniffed from the content.' }),
    size: t.exposeInt('size', { description: 'Size in bytes.' }),
    sha256: t.exposeString('sha256', { description: 'SHA-256 of the content, hex.' }),
    authenticity: t.expose('authenticity', { type: AuthenticityResultEnum, description: 'Outcome of the authenticity check.' }),
    authenticityDetail: t.exposeString('authenticityDetail', { nullable: true, description: 'Why the check failed, when it did.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was uploaded.' }),
  }),
});

export const SmsVerificationType = builder.prismaObject('SmsVerification', {
  description: '短信核验 for one mobile number.',
  extensions: { reads: [] },
  fields: (t) => ({
    mobile: t.string({ description: 'The mobile number the code went to (masked).', extensions: { reads: ['mobile'] }, resolve: (s) => maskPhone(s.mobile) }),
    roles: t.expose('roles', { type: [SmsRoleEnum], description: 'Whose number it is.' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', description: 'When the current code was sent.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the current code stops working.' }),
    resendCount: t.exposeInt('resendCount', { description: 'How often the code was sent again.' }),
    attemptCount: t.exposeInt('attemptCount', { description: 'Wrong codes entered so far.' }),
    verified: t.boolean({ description: 'Whether this number is verified.', extensions: { reads: ['verifiedAt'] }, resolve: (s) => s.verifiedAt !== null }),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime', nullable: true, description: 'When it was verified.' }),
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
const LIVE_STATUSES = ['DRAFT', 'PENDING_INITIAL_REVIEW', 'INITIAL_REJECTED', 'NEEDS_CHANGES', 'AWAITING_MAILED_MATERIALS', 'PENDING_SMS_VERIFICATION', 'PENDING_MIIT_REVIEW', 'MIIT_REJECTED'] as const;

function initialReviewBy(submittedAt: Date, ctx: Context): Date {
  return addWorkingDays(submittedAt, ctx.config.initialReviewWorkingDays);
}

function schedule(o: { status: string; provinceCode: string; submittedAt: Date | null; miitSubmittedAt: Date | null; expiresAt: Date | null; smsDeadline: Date | null }, ctx: Context): Schedule {
  const live = !['APPROVED', 'WITHDRAWN', 'EXPIRED'].includes(o.status);
  const reviewBy = o.submittedAt && o.status === 'PENDING_INITIAL_REVIEW' ? initialReviewBy(o.submittedAt, ctx) : null;
  let miitFrom: Date | null = null;
  if (o.status === 'PENDING_MIIT_REVIEW') miitFrom = o.miitSubmittedAt ?? ctx.clock.now();
  else if (AWAITING_PROVIDER.includes(o.status)) miitFrom = addWorkingDays(reviewBy ?? ctx.clock.now(), 1);
  return {
    initialReviewBy: reviewBy,
    miitDecision: miitFrom ? reviewEstimate({ province: o.provinceCode, submittedAt: miitFrom }) : null,
    expiresAt: live ? o.expiresAt : null,
    smsDeadline: o.status === 'PENDING_SMS_VERIFICATION' ? o.smsDeadline : null,
  };
}

/**
 * The latest submission time whose initial-review deadline is still before `at`: `initialReviewBy` grows
 * with the submission day, so "deadline before `at`" is "submitted before the day after the last such day".
 */
function submittedBeforeForReviewBy(at: Date, ctx: Context): Date {
  let day = startOfShanghaiDay(shanghaiDay(at));
  // A deadline is a day start; walk back over weekends and holidays (a few weeks at most) to the last day whose deadline passed.
  for (let i = 0; i < 60 && initialReviewBy(day, ctx).getTime() >= at.getTime(); i++) day = new Date(day.getTime() - 86_400_000);
  return new Date(day.getTime() + 86_400_000);
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

/** Per request: the owner of every order read so far, so its history entries need no second read to authorize. */
const orderOwners = createContextCache((_ctx: Context) => new Map<string, string>());

/** Per request: one batched read of the newest events of every order resolved without them. */
const latestEventLoader = createContextCache((ctx: Context) => new DataLoader((ids: readonly string[]) => latestEvents(ctx, [...ids])));

/** Per request: one batched read of what the filing-type labels need of orders resolved without their items. */
const itemKindsLoader = createContextCache(
  (ctx: Context) =>
    new DataLoader(async (ids: readonly string[]) => {
      const rows = await ctx.db.prisma.orderWebsite.findMany({ where: { orderId: { in: [...ids] } }, select: { orderId: true, action: true, website: { select: { kind: true } } } });
      return ids.map((id) => rows.filter((r) => r.orderId === id).map((r): LabelledItem => ({ action: r.action, kind: r.website.kind })));
    }),
);

/** The province's requirements for an order as it stands: its subject's nature, its websites, the documents uploaded. */
async function orderRequirements(ctx: Context, o: { id: string; provinceCode: string; filingType: P.OrderGetPayload<object>['filingType'] }): Promise<Requirement[]> {
  const order = await ctx.db.prisma.order.findUniqueOrThrow({
    where: { id: o.id },
    select: {
      subject: { select: { nature: true } },
      websites: { select: { website: { select: { kind: true, serviceType: true, accessMethod: true, domains: { select: { name: true } } } } } },
      materials: { select: { documentCode: true } },
    },
  });
  const { requirements } = checkRequirements({
    province: o.provinceCode,
    filingType: o.filingType,
    nature: order.subject.nature,
    at: ctx.clock.now(),
    // Website rules (服务类型, 接入方式, domains) are about websites; APPs and mini-programs are not judged by them.
    websites: order.websites
      .filter((w) => w.website.kind === 'WEBSITE')
      .map(({ website: w }) => ({ serviceType: w.serviceType ?? undefined, accessMethod: w.accessMethod ?? undefined, domains: w.domains })),
  });
  // Documents: each one still to upload (a missing one is a requirement here, and a violation in `validateOrder`).
  const uploaded = new Set(order.materials.flatMap((m) => (m.documentCode ? [m.documentCode] : [])));
  return requirements.filter((r) => !(r.kind === 'document' && r.value !== undefined && uploaded.has(r.value)));
}

/** The order's items as the labels see them: from the items loaded with the order when the query brought them, else batched. */
function labelledItems(ctx: Context, o: { id: string }): LabelledItem[] | Promise<LabelledItem[]> {
  const loaded = (o as { websites?: { action: LabelledItem['action']; website?: { kind?: LabelledItem['kind'] } }[] }).websites;
  // `in`: a read model may have left the kind out (src/read-models/projection.ts); then it is loaded.
  if (loaded?.every((w) => w.website && 'kind' in w.website && w.website.kind)) return loaded.map((w) => ({ action: w.action, kind: w.website!.kind! }));
  return itemKindsLoader(ctx).load(o.id);
}

export const OrderType = builder.prismaNode('Order', {
  id: { field: 'id' },
  description: '备案订单: one filing application.',
  // What the functions below read of the row, for the read models (src/read-models/projection.ts).
  extensions: { reads: ['id', 'ownerId'] },
  authScopes: (o, ctx) => {
    orderOwners(ctx).set(o.id, o.ownerId);
    return canSee(ctx, o.ownerId);
  },
  fields: (t) => ({
    number: t.exposeString('number', { description: 'Human-facing order number.' }),
    filingType: t.expose('filingType', { type: FilingTypeEnum, description: 'What the order files.' }),
    variant: t.expose('variant', { type: FilingVariantEnum, nullable: true, description: 'Flavour of 新增网站 / 接入备案.' }),
    status: t.expose('status', { type: OrderStatusEnum, description: 'Where the order stands.' }),
    statusLabel: t.string({ description: 'The Chinese label of `status`, e.g. 待初审.', extensions: { reads: ['status'] }, resolve: (o) => labelOf(ORDER_STATUS, o.status) }),
    filingTypeLabel: t.string({
      description:
        'The Chinese label of `filingType` for what the order holds, e.g. 首次备案, 新增网站; 新增APP, 新增小程序, 注销快应用 … when the items it adds or cancels are of that kind, 新增互联网信息服务 when kinds are mixed.',
      extensions: { reads: ['id', 'filingType'] },
      resolve: async (o, _args, ctx) => filingTypeLabel(o.filingType, await labelledItems(ctx, o)),
    }),
    variantLabel: t.string({
      nullable: true,
      description: 'The Chinese label of `variant` for what the order holds, e.g. 新增APP（原备案在本平台）; null without a variant.',
      extensions: { reads: ['id', 'variant'] },
      resolve: async (o, _args, ctx) => (o.variant ? filingVariantLabel(o.variant, await labelledItems(ctx, o)) : null),
    }),
    version: t.exposeInt('version', { description: 'Pass back with actions; a stale version is refused.' }),
    provinceCode: t.exposeString('provinceCode', { description: 'Code of the province module whose rules apply.' }),
    province: t.field({ type: ProvinceType, description: 'The province module whose rules apply.', extensions: { reads: ['provinceCode'] }, resolve: (o) => getProvince(o.provinceCode)! }),
    subject: t.relation('subject', { description: 'The subject (主体) filing.' }),
    websites: t.relation('websites', { type: OrderWebsiteType, description: 'The websites and what the order does to each.', query: { orderBy: { position: 'asc' } } }),
    materials: t.relation('materials', { type: MaterialType, description: 'Uploaded documents, oldest first.', query: { orderBy: { createdAt: 'asc' } } }),
    smsVerifications: t.relation('smsVerifications', { type: SmsVerificationType, description: 'SMS verification per mobile number.' }),
    assignee: t.relation('assignee', { nullable: true, description: 'The reviewer who claimed the order or was assigned it; null while it waits in the shared queue.' }),
    assignedAt: t.expose('assignedAt', { type: 'DateTime', nullable: true, description: 'When the current assignee took the order.' }),
    latestEvent: t.field({
      type: OrderEventType,
      nullable: true,
      description: 'The newest history entry (batched for lists).',
      extensions: { reads: ['id'] },
      // The list's read model brings it along; otherwise one batched read per request.
      resolve: (o, _a, ctx) =>
        PRELOADED_LATEST_EVENT in o ? (o as unknown as Record<string, OrderEvent | null>)[PRELOADED_LATEST_EVENT]! : latestEventLoader(ctx).load(o.id),
    }),
    history: t.relatedConnection('events', {
      cursor: 'id',
      totalCount: true,
      description: 'The full history, oldest first.',
      query: { orderBy: { id: 'asc' } },
    }),
    subjectChanges: t.field({
      type: SubjectProposalType,
      nullable: true,
      description: 'Proposed subject information (change filings); personal fields masked for anyone but the owner.',
      extensions: { reads: ['ownerId', 'subjectChanges'] },
      resolve: (o, _a, ctx) => proposalFor(ctx, o.ownerId, o.subjectChanges),
    }),
    reviewComments: t.field({
      type: [FieldCommentType],
      description: 'Reviewer comments per field (待完善资料); empty when there are none.',
      extensions: { reads: ['reviewComments'] },
      resolve: (o) => fieldComments(o.reviewComments),
    }),
    lastReason: t.exposeString('lastReason', { nullable: true, description: 'The reason given with the last status change.' }),
    firstSubmittedAt: t.expose('firstSubmittedAt', { type: 'DateTime', nullable: true, description: 'First submission; the 45 days run from here.' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true, description: 'Latest (re)submission to initial review.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'Order expiry: 45 days after first submission (seed 002 §9).' }),
    smsDeadline: t.expose('smsDeadline', { type: 'DateTime', nullable: true, description: 'SMS deadline: 24 h after codes were sent (seed 003).' }),
    miitSubmittedAt: t.expose('miitSubmittedAt', { type: 'DateTime', nullable: true, description: 'When it was submitted to the 管局.' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true, description: 'When the 管局 decided.' }),
    requirements: t.field({
      type: [RequirementType],
      description:
        'What the national and province rules ask of this order besides its data, for its subject’s nature and its websites: documents to upload (met ones left out), procedures, advisories, and what to do after approval (`kind: AFTER_APPROVAL`, e.g. the ICP number in the site footer, 公安联网备案 within 30 days of opening, an ICP licence for a commercial website). `validateOrder` lists the problems with the data itself.',
      extensions: { reads: ['id', 'provinceCode', 'filingType'] },
      resolve: (o, _a, ctx) => orderRequirements(ctx, o),
    }),
    schedule: t.field({
      type: OrderScheduleType,
      description: 'Deadlines and estimates.',
      extensions: { reads: ['status', 'provinceCode', 'submittedAt', 'miitSubmittedAt', 'expiresAt', 'smsDeadline'] },
      resolve: (o, _a, ctx) => schedule(o, ctx),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the order was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the order last changed.' }),
  }),
});

const SEARCH_MAX = 100;

export const OrderFilter = builder.inputType('OrderFilter', {
  description: 'Narrows an order list; all conditions must hold.',
  fields: (t) => ({
    status: t.field({ type: [OrderStatusEnum], required: false, description: 'Any of these statuses. Without it staff lists leave drafts out (see `includeDrafts`).' }),
    includeDrafts: t.boolean({
      required: false,
      defaultValue: false,
      description: 'Staff lists: also show drafts (填写中) the applicants have not submitted. Applicants always see their own.',
    }),
    provinceCode: t.string({ required: false, description: 'Province module code, e.g. `hubei`.' }),
    filingType: t.field({ type: FilingTypeEnum, required: false, description: 'Only this filing type.' }),
    submittedBefore: t.field({ type: 'DateTime', required: false, description: 'Orders waiting since before this time.' }),
    subjectId: t.globalID({ required: false, for: SubjectType, description: 'Only the orders of this subject.' }),
    submittedAfter: t.field({ type: 'DateTime', required: false, description: 'Orders submitted at or after this time.' }),
    search: t.string({
      required: false,
      description: `Part of an order number, subject name, domain or ICP number (case-insensitive, at most ${SEARCH_MAX} characters).`,
    }),
    assignedToMe: t.boolean({ required: false, description: 'true: only the orders the viewer claimed or was assigned.' }),
    unassigned: t.boolean({ required: false, description: 'true: only orders nobody has claimed; false: only claimed ones.' }),
    assigneeId: t.globalID({ required: false, for: AccountType, description: 'Only the orders this reviewer holds.' }),
    initialReviewBefore: t.field({
      type: 'DateTime',
      required: false,
      description: 'Orders waiting for initial review whose deadline (`schedule.initialReviewBy`) falls before this time.',
    }),
    smsDeadlineBefore: t.field({ type: 'DateTime', required: false, description: 'Orders waiting for SMS verification whose deadline falls before this time.' }),
    expiresBefore: t.field({ type: 'DateTime', required: false, description: 'Live orders that lapse before this time.' }),
    overdue: t.boolean({
      required: false,
      description: 'true: only orders past a deadline now (initial review promise, SMS deadline, or expiry); false: none of those.',
    }),
  }),
});

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

export type OrderFilterValue = typeof OrderFilter.$inferInput | null | undefined;

/** Orders past one of their deadlines at `now`. */
function overdueWhere(ctx: Context, now: Date): P.OrderWhereInput {
  return {
    OR: [
      { status: 'PENDING_INITIAL_REVIEW', submittedAt: { lt: submittedBeforeForReviewBy(now, ctx) } },
      { status: 'PENDING_SMS_VERIFICATION', smsDeadline: { lt: now } },
      { status: { in: [...LIVE_STATUSES] }, expiresAt: { lt: now } },
    ],
  };
}

export function orderWhere(ctx: Context, filter: OrderFilterValue): P.OrderWhereInput {
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
  const staff = ctx.viewer?.role !== 'APPLICANT';
  const and: P.OrderWhereInput[] = [];
  if (filter?.status?.length) and.push({ status: { in: filter.status } });
  else if (staff && !filter?.includeDrafts) and.push({ status: { not: 'DRAFT' } });
  if (filter?.assignedToMe) and.push({ assigneeId: ctx.viewer!.accountId });
  if (filter?.unassigned === true) and.push({ assigneeId: null });
  if (filter?.unassigned === false) and.push({ assigneeId: { not: null } });
  if (filter?.assigneeId) and.push({ assigneeId: filter.assigneeId.id });
  if (filter?.initialReviewBefore) {
    and.push({ status: 'PENDING_INITIAL_REVIEW', submittedAt: { lt: submittedBeforeForReviewBy(filter.initialReviewBefore, ctx) } });
  }
  if (filter?.smsDeadlineBefore) and.push({ status: 'PENDING_SMS_VERIFICATION', smsDeadline: { lt: filter.smsDeadlineBefore } });
  if (filter?.expiresBefore) and.push({ status: { in: [...LIVE_STATUSES] }, expiresAt: { lt: filter.expiresBefore } });
  if (filter?.overdue === true) and.push(overdueWhere(ctx, ctx.clock.now()));
  if (filter?.overdue === false) and.push({ NOT: overdueWhere(ctx, ctx.clock.now()) });
  if (search) and.push(searchWhere(search));
  return {
    ...ownedBy(ctx),
    ...(filter?.provinceCode ? { provinceCode: filter.provinceCode } : {}),
    ...(filter?.filingType ? { filingType: filter.filingType } : {}),
    ...(Object.keys(submitted).length ? { submittedAt: submitted } : {}),
    ...(filter?.subjectId ? { subjectId: filter.subjectId.id } : {}),
    ...(and.length ? { AND: and } : {}),
  };
}

const OrderSort = builder.enumType('OrderSort', {
  description: 'Orders of an order list.',
  values: {
    NEWEST: { description: '最新创建 — Most recently created first.' },
    OLDEST_SUBMISSION: { description: '最早提交 — Longest waiting first (the review queue).' },
    INITIAL_REVIEW_DEADLINE: { description: '初审截止 — Earliest initial-review deadline first (it follows the submission day); orders never submitted last.' },
    SMS_DEADLINE: { description: '短信核验截止 — Earliest SMS deadline first; orders without one last.' },
    EXPIRES_AT: { description: '订单失效 — Earliest expiry first; orders without one last.' },
  } as const,
});

function orderBy(sort: string | null | undefined): P.OrderOrderByWithRelationInput[] {
  switch (sort) {
    case 'OLDEST_SUBMISSION':
    case 'INITIAL_REVIEW_DEADLINE':
      return [{ submittedAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }];
    case 'SMS_DEADLINE':
      return [{ smsDeadline: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }];
    case 'EXPIRES_AT':
      return [{ expiresAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }];
    default:
      return [{ createdAt: 'desc' }, { id: 'desc' }];
  }
}

builder.queryFields((t) => ({
  orders: t.prismaConnection({
    type: 'Order',
    cursor: 'id',
    authScopes: { signedIn: true },
    maxSize: 100,
    defaultSize: 20,
    totalCount: (_root, args, ctx) => pageTotal(ctx, args) ?? ctx.db.prisma.order.count({ where: orderWhere(ctx, args.filter) }),
    description: 'Applicants see their own orders; reviewers see the whole queue (drafts left out unless asked for), filtered and sorted.',
    args: {
      filter: t.arg({ type: OrderFilter, required: false, description: 'Which orders.' }),
      sort: t.arg({ type: OrderSort, required: false, defaultValue: 'NEWEST', description: 'In what order.' }),
    },
    resolve: (query, _root, args, ctx, info) => {
      const where = orderWhere(ctx, args.filter);
      const sorted = orderBy(args.sort);
      return readOrderPage(ctx, { ...query, where, orderBy: sorted }, args, info) ?? ctx.db.prisma.order.findMany({ ...query, where, orderBy: sorted });
    },
  }),
}));
