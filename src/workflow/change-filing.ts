/**
 * Filings that act on what is already filed here: 变更备案 (CHANGE) and the cancellations 注销主体
 * (CANCEL_SUBJECT), 注销网站 (CANCEL_WEBSITE) and 取消接入 (CANCEL_ACCESS).
 *
 * A change filing stores a proposal — `Order.subjectChanges` and, per website, `OrderWebsite.changes`
 * — and nothing filed moves until the 管局 approves (`applyChanges`). The proposal is checked with
 * the same national and province rules as a new filing (`validateFiling`), plus what a change may not
 * do: touch the subject's identity (certificate, nature, province) or add a domain (seed 002 §3).
 */
import type { Context } from '../context.js';
import { Conflict, NotFound, ValidationFailed } from '../domain/errors.js';
import type { Violation } from '../domain/violation.js';
import { Prisma, type Order } from '../generated/prisma/client.js';
import type { OrderWebsiteAction } from '../generated/prisma/enums.js';
import { actorOf, appendEvent, callerOf, inTransaction, type Tx } from './engine.js';
import { orderNumber } from './drafts.js';
import type { SubjectData, WebsiteData } from './filing-data.js';
import { IN_PROGRESS } from './transitions.js';
import { decideEdit } from './decide/order.js';
import {
  decideChange,
  FILED_SUBJECT,
  orderInProgress,
  planCancellation,
  proposeChange,
  revivePerson,
  type CancellationType,
  type ChangeInput,
  type ChangePlan,
  type FiledSubject,
} from './decide/change.js';
import { loadFilingFacts } from './facts.js';
import { national } from './violations.js';

export type { CancellationType, ChangeInput, WebsiteChangeInput } from './decide/change.js';

/** What the national registry records as the 接入商 of a filing whose access was cancelled (取消接入) and that nobody hosts. */
export const NO_ACCESS_PROVIDER = '无接入商';

export interface StartChangeInput extends ChangeInput {
  subjectId: string;
}

export interface CancellationInput {
  type: CancellationType;
  subjectId: string;
  /** The websites of 注销网站 / 取消接入; empty for 注销主体, which covers every website. */
  websiteIds: string[];
  reason: string;
}

/** The viewer's subject with its filed websites, or NotFound (someone else's subject is not told apart). */
async function ownSubject(ctx: Context, subjectId: string): Promise<FiledSubject> {
  const subject = await ctx.db.prisma.subject.findUnique({ where: { id: subjectId }, include: FILED_SUBJECT });
  if (!subject || subject.ownerId !== ctx.viewer?.accountId) throw new NotFound('Subject');
  return subject;
}

/** Load → decide for a change proposal: other orders in progress, the proposal's filing facts, the pure rules. */
async function planChange(ctx: Context, subject: FiledSubject, input: ChangeInput, at: { orderId?: string; stage: 'save' | 'submit' }): Promise<ChangePlan> {
  const otherOrderInProgress = await otherOrdersInProgress(ctx.db.prisma, subject.id, at.orderId);
  const proposal = proposeChange(subject, input, { ...at, otherOrderInProgress });
  return decideChange(proposal, await loadFilingFacts(ctx, proposal.filing));
}

/** Whether the subject has an order in progress other than `exceptOrderId` (one per subject, IN_PROGRESS). */
async function otherOrdersInProgress(db: Tx, subjectId: string, exceptOrderId?: string): Promise<boolean> {
  const count = await db.order.count({
    where: { subjectId, status: { in: [...IN_PROGRESS] }, ...(exceptOrderId ? { id: { not: exceptOrderId } } : {}) },
  });
  return count > 0;
}

/**
 * Takes the subject's row lock and checks once more that no other order is in progress, so two
 * orders started at once for one subject cannot both be written.
 */
async function claimSubject(tx: Tx, subjectId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Subject" WHERE "id" = ${subjectId} FOR UPDATE`;
  if (await otherOrdersInProgress(tx, subjectId)) throw new ValidationFailed([orderInProgress()]);
}

// ───────────────────────────── 变更备案 ─────────────────────────────

/** A stored subject proposal (`Order.subjectChanges`), or null when the subject is kept. */
export function subjectProposal(order: Pick<Order, 'subjectChanges'>): SubjectData | null {
  const s = order.subjectChanges as unknown as SubjectData | null;
  return s ? { ...s, principal: revivePerson(s.principal) } : null;
}

/** A stored website proposal (`OrderWebsite.changes`), or null when the website is kept. */
export function websiteProposal(link: { changes: Prisma.JsonValue | null }): WebsiteData | null {
  const w = link.changes as unknown as WebsiteData | null;
  return w ? { ...w, principal: w.principal ? revivePerson(w.principal) : null } : null;
}

/** Writes the order's website links of a change plan. */
async function writeLinks(tx: Tx, orderId: string, plan: ChangePlan) {
  for (const [position, link] of plan.links.entries()) {
    await tx.orderWebsite.create({
      data: { orderId, websiteId: link.websiteId, action: link.action, position, changes: json(link.changes) },
    });
  }
}

function json(value: SubjectData | WebsiteData | null) {
  return value ? (value as unknown as Prisma.InputJsonValue) : Prisma.DbNull;
}

function changeSummary(plan: ChangePlan) {
  return {
    filingType: 'CHANGE',
    subjectChanged: plan.subjectChanges !== null,
    changedWebsites: plan.links.filter((l) => l.action === 'CHANGE').map((l) => l.websiteId),
  };
}

/**
 * Starts a 变更备案 for one of the viewer's filed subjects: checks the proposal and saves it as a
 * draft order. Nothing filed changes until the 管局 approves; nothing is written when anything is wrong.
 */
export async function startChangeFiling(ctx: Context, input: StartChangeInput) {
  const subject = await ownSubject(ctx, input.subjectId);
  const plan = await planChange(ctx, subject, input, { stage: 'save' });
  return inTransaction(ctx, async (tx) => {
    await claimSubject(tx, subject.id);
    const order = await tx.order.create({
      data: {
        number: orderNumber(ctx.clock.now()),
        ownerId: subject.ownerId,
        subjectId: subject.id,
        provinceCode: subject.provinceCode,
        filingType: 'CHANGE',
        subjectChanges: json(plan.subjectChanges),
      },
    });
    await writeLinks(tx, order.id, plan);
    await appendEvent(tx, { orderId: order.id, type: 'CREATED', actor: actorOf(ctx), toStatus: 'DRAFT', detail: changeSummary(plan) });
    return order;
  });
}

/** Replaces the proposal of a change filing that is a draft or was returned; compare-and-set on its version. */
export async function updateChangeFiling(ctx: Context, orderId: string, expectedVersion: number, input: ChangeInput) {
  const caller = { ...callerOf(ctx), role: 'APPLICANT' } as const;
  const order = await ctx.db.prisma.order.findUnique({ where: { id: orderId } });
  // Existence, editable status and version answer before the proposal's facts are loaded.
  decideEdit({ order, caller, expectedVersion, violations: () => [] });
  const found = order!;
  if (found.filingType !== 'CHANGE') {
    throw new ValidationFailed([national('orderId', 'update-filing-type', '只有变更备案可以这样修改', 'Only a change filing can be edited this way')]);
  }
  const decided = await planChange(ctx, await ownSubject(ctx, found.subjectId), input, { orderId, stage: 'save' });
  return inTransaction(ctx, async (tx) => {
    const bumped = await tx.order.updateMany({
      where: { id: orderId, version: expectedVersion, status: found.status },
      data: { version: { increment: 1 }, subjectChanges: json(decided.subjectChanges) },
    });
    if (bumped.count !== 1) throw new Conflict('The order changed since you loaded it; reload and try again.', found.status, found.version);
    await tx.orderWebsite.deleteMany({ where: { orderId } });
    await writeLinks(tx, orderId, decided);
    await appendEvent(tx, { orderId, type: 'UPDATED', actor: actorOf(ctx), detail: changeSummary(decided) });
    return tx.order.findUniqueOrThrow({ where: { id: orderId } });
  });
}

// ───────────────────────────── 注销主体 / 注销网站 / 取消接入 ─────────────────────────────

/**
 * Starts 注销主体 (the subject and every website), 注销网站 or 取消接入 (websites listed) for one of the
 * viewer's filed subjects, as a draft order that is submitted and reviewed like any other.
 */
export async function startCancellation(ctx: Context, input: CancellationInput) {
  const subject = await ownSubject(ctx, input.subjectId);
  const reason = input.reason.trim();
  if (!reason) {
    throw new ValidationFailed([national('reason', 'cancel-reason-required', '请填写办理原因', 'Give the reason for the cancellation')]);
  }
  const websites = planCancellation(subject, input.type, input.websiteIds, await otherOrdersInProgress(ctx.db.prisma, subject.id));
  const action: OrderWebsiteAction = input.type === 'CANCEL_ACCESS' ? 'CANCEL_ACCESS' : 'CANCEL';
  return inTransaction(ctx, async (tx) => {
    await claimSubject(tx, subject.id);
    const order = await tx.order.create({
      data: {
        number: orderNumber(ctx.clock.now()),
        ownerId: subject.ownerId,
        subjectId: subject.id,
        provinceCode: subject.provinceCode,
        filingType: input.type,
        websites: { create: websites.map((w, position) => ({ websiteId: w.id, action, position })) },
      },
    });
    await appendEvent(tx, {
      orderId: order.id,
      type: 'CREATED',
      actor: actorOf(ctx),
      toStatus: 'DRAFT',
      reason,
      detail: { filingType: input.type, websites: websites.map((w) => ({ id: w.id, icpNumber: w.icpNumber, domains: w.domains.map((d) => d.name) })) },
    });
    return order;
  });
}

// ───────────────────────────── Submission and approval ─────────────────────────────

/**
 * What a change or cancellation order's submission would refuse: a change filing's proposal is checked
 * again in full (with materials); a cancellation needs its subject and websites still filed here.
 */
export async function existingFilingViolations(ctx: Context, order: Order): Promise<Violation[]> {
  const subject = await subjectOf(ctx, order);
  const links = await ctx.db.prisma.orderWebsite.findMany({ where: { orderId: order.id }, orderBy: { position: 'asc' } });
  try {
    if (order.filingType === 'CHANGE') {
      const input: ChangeInput = {
        subject: subjectProposal(order),
        websites: links.map((l) => ({ websiteId: l.websiteId, change: websiteProposal(l) })),
      };
      await planChange(ctx, subject, input, { orderId: order.id, stage: 'submit' });
    } else {
      const type = order.filingType as CancellationType;
      planCancellation(subject, type, type === 'CANCEL_SUBJECT' ? [] : links.map((l) => l.websiteId), await otherOrdersInProgress(ctx.db.prisma, subject.id, order.id));
    }
    return [];
  } catch (e) {
    if (e instanceof ValidationFailed) return e.violations;
    throw e;
  }
}

/** The order's subject with its filed websites (the caller checked the order is the viewer's). */
async function subjectOf(ctx: Context, order: Order): Promise<FiledSubject> {
  return ctx.db.prisma.subject.findUniqueOrThrow({ where: { id: order.subjectId }, include: FILED_SUBJECT });
}

/**
 * Applies an approved cancellation. Cancelled websites keep their ICP numbers on record (never handed
 * out again) and give up their domains, here and in the national registry, so the domains can be
 * filed again; 取消接入 leaves the filing in force with no 接入商.
 */
export async function applyCancellation(tx: Tx, order: Pick<Order, 'id' | 'subjectId' | 'filingType'>): Promise<void> {
  const links = await tx.orderWebsite.findMany({ where: { orderId: order.id }, select: { websiteId: true } });
  const ids = links.map((l) => l.websiteId);
  if (order.filingType === 'CANCEL_ACCESS') {
    const numbers = await tx.website.findMany({ where: { id: { in: ids } }, select: { icpNumber: true } });
    await tx.website.updateMany({ where: { id: { in: ids } }, data: { status: 'ACCESS_CANCELLED' } });
    const held = numbers.flatMap((w) => (w.icpNumber ? [w.icpNumber] : []));
    await tx.registryFiling.updateMany({ where: { websiteIcpNumber: { in: held } }, data: { provider: NO_ACCESS_PROVIDER } });
    await tx.registryApp.updateMany({ where: { icpNumber: { in: held } }, data: { provider: NO_ACCESS_PROVIDER } });
    return;
  }
  const subject = await tx.subject.findUniqueOrThrow({ where: { id: order.subjectId } });
  const websites = await tx.website.findMany({
    where: order.filingType === 'CANCEL_SUBJECT' ? { subjectId: subject.id, status: { in: ['FILED', 'ACCESS_CANCELLED'] } } : { id: { in: ids } },
    select: { id: true, icpNumber: true, domains: { select: { name: true } } },
  });
  const domains = websites.flatMap((w) => w.domains.map((d) => d.name));
  await tx.domain.deleteMany({ where: { websiteId: { in: websites.map((w) => w.id) } } });
  await tx.website.updateMany({ where: { id: { in: websites.map((w) => w.id) } }, data: { status: 'CANCELLED' } });
  if (order.filingType === 'CANCEL_SUBJECT') {
    await tx.subject.update({ where: { id: subject.id }, data: { status: 'CANCELLED' } });
    await tx.registryFiling.deleteMany({ where: { certificateType: subject.certificateType, certificateNumber: subject.certificateNumber } });
    await tx.registryApp.deleteMany({ where: { certificateType: subject.certificateType, certificateNumber: subject.certificateNumber } });
  } else {
    const numbers = websites.flatMap((w) => (w.icpNumber ? [w.icpNumber] : []));
    await tx.registryFiling.deleteMany({ where: { OR: [{ domain: { in: domains } }, { websiteIcpNumber: { in: numbers } }] } });
    await tx.registryApp.deleteMany({ where: { icpNumber: { in: numbers } } });
  }
}
