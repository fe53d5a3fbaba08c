import { smsRequirement } from '../../provinces/index.js';
import type { Context } from '../context.js';
import { Conflict, InvalidTransition, NotFound } from '../domain/errors.js';
import type { Violation } from '../domain/violation.js';
import type { Order, Prisma as P } from '../generated/prisma/client.js';
import type { OrderStatus } from '../generated/prisma/enums.js';
import { actorOf, appendEvent, callerOf, commitTransition, inTransaction, transition, type Actor, type Tx } from './engine.js';
import { applyCancellation, existingFilingViolations } from './change-filing.js';
import { applyChanges } from './changes.js';
import { loadFilingData, NEW_WEBSITE_FILINGS, ownOrder } from './drafts.js';
import { assignServiceNumber, assignSubjectNumber, keepServiceNumber } from './numbers.js';
import { issueSmsCodes, sendAll, type SmsMessage } from './sms.js';
import { validateFiling } from './validate.js';
import { decideSubmit, decideSubmitToMiit } from './decide/order.js';
import { notifyApplicant } from '../sms/notices.js';
import type { RegistrySubject } from '../ports.js';

export { ORDER_VALIDITY_DAYS } from './decide/order.js';
import { ORDER_VALIDITY_DAYS } from './decide/order.js';

/** Everything that would stop the viewer's order from being submitted now, by its filing type (loaded facts, pure rules). */
export async function submissionViolations(ctx: Context, order: Order): Promise<Violation[]> {
  if (!NEW_WEBSITE_FILINGS.includes(order.filingType)) return existingFilingViolations(ctx, order);
  const data = await loadFilingData(ctx, order.id);
  return validateFiling(ctx, {
    filingType: order.filingType,
    variant: order.variant,
    subject: data.subject,
    websites: data.websites,
    subjectId: order.subjectId,
    orderId: order.id,
    previousDomains: data.websites.flatMap((w) => w.domains),
    heldWebsiteIds: data.order.websites.map((l) => l.websiteId),
    registryRecord: null,
    stage: 'submit',
  });
}

/**
 * Submits (or resubmits) an order for initial review. Load: the order, then (when it is the caller's
 * and could be submitted) every fact its rules need; decide: existence → transition → version → data
 * (src/workflow/decide/order.ts); commit: one compare-and-set on status and version.
 */
export async function submitOrder(ctx: Context, orderId: string, expectedVersion: number) {
  // Only the applicant who owns an order submits it.
  const caller = { ...callerOf(ctx), role: 'APPLICANT' } as const;
  const order = await ctx.db.prisma.order.findUnique({ where: { id: orderId } });
  const now = ctx.clock.now();
  // Existence, transition and version answer before the data's facts are loaded.
  decideSubmit({ order, caller, expectedVersion, now, violations: () => [] });
  const violations = await submissionViolations(ctx, order!);
  const decision = decideSubmit({ order, caller, expectedVersion, now, violations: () => violations });
  return inTransaction(ctx, async (tx) => {
    await commitTransition(tx, orderId, decision, {
      actor: actorOf(ctx),
      data: { submittedAt: decision.submittedAt, firstSubmittedAt: decision.firstSubmittedAt, expiresAt: decision.expiresAt, reviewComments: undefined },
    });
    return tx.order.findUniqueOrThrow({ where: { id: orderId } });
  });
}

/**
 * Releases what a dead order (withdrawn or expired) held: its draft websites are cancelled and their
 * domains freed for a later filing; the domains stay in the history entry.
 */
async function releaseDrafts(tx: Tx, orderId: string): Promise<string[]> {
  const drafts = await tx.website.findMany({
    where: { status: 'DRAFT', orders: { some: { orderId } } },
    select: { id: true, domains: { select: { name: true } } },
  });
  const ids = drafts.map((w) => w.id);
  await tx.domain.deleteMany({ where: { websiteId: { in: ids } } });
  await tx.serviceCode.updateMany({ where: { websiteId: { in: ids } }, data: { websiteId: null, usedAt: null } });
  await tx.website.updateMany({ where: { id: { in: ids } }, data: { status: 'CANCELLED' } });
  return drafts.flatMap((w) => w.domains.map((d) => d.name));
}

/** 撤销: the applicant withdraws an order before it reaches the 管局. */
export async function withdrawOrder(ctx: Context, orderId: string, expectedVersion: number, reason: string | null) {
  await ownOrder(ctx, orderId);
  return inTransaction(ctx, async (tx) => {
    const released = await releaseDrafts(tx, orderId);
    await transition(tx, {
      orderId,
      expectedVersion,
      action: 'withdraw',
      to: 'WITHDRAWN',
      actor: actorOf(ctx),
      reason,
      detail: { releasedDomains: released },
    });
    return tx.order.findUniqueOrThrow({ where: { id: orderId } });
  });
}

/** Expires one order (timer); returns false when it is no longer expirable (someone acted first). */
export async function expireOrder(ctx: Context, orderId: string): Promise<boolean> {
  try {
    await inTransaction(ctx, async (tx) => {
      const released = await releaseDrafts(tx, orderId);
      await transition(tx, {
        orderId,
        action: 'expire',
        to: 'EXPIRED',
        actor: { id: null, role: 'SYSTEM' },
        reason: `订单自首次提交起 ${ORDER_VALIDITY_DAYS} 天未完成，已失效 / Not completed within ${ORDER_VALIDITY_DAYS} days of first submission`,
        detail: { releasedDomains: released },
      });
    });
    return true;
  } catch (e) {
    if (e instanceof InvalidTransition) return false;
    throw e;
  }
}

/** Returns an order whose SMS verification ran out of time (timer). */
export async function returnForSmsTimeout(ctx: Context, orderId: string): Promise<boolean> {
  try {
    await inTransaction(ctx, (tx) =>
      transition(tx, {
        orderId,
        action: 'returnForSmsTimeout',
        to: 'NEEDS_CHANGES',
        actor: { id: null, role: 'SYSTEM' },
        reason: '短信核验未在 24 小时内完成，订单已退回 / SMS verification not completed within 24 hours: order returned',
        data: { smsDeadline: null },
      }),
    );
    return true;
  } catch (e) {
    if (e instanceof InvalidTransition) return false;
    throw e;
  }
}

async function reviewerOrder(ctx: Context, orderId: string) {
  const order = await ctx.db.prisma.order.findUnique({ where: { id: orderId } });
  if (!order) throw new NotFound('Order');
  return order;
}

/** Where an order goes after initial review (or after mailed materials): SMS verification or the 管局. */
async function moveTowardsMiit(
  ctx: Context,
  tx: Tx,
  args: { orderId: string; expectedVersion: number; action: 'approveInitialReview' | 'markMaterialsReceived'; actor: Actor },
): Promise<SmsMessage[]> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: args.orderId }, include: { websites: true } });
  const req = smsRequirement({
    province: order.provinceCode,
    filingType: order.filingType,
    at: order.submittedAt ?? ctx.clock.now(),
    subjectChanged: order.filingType === 'CHANGE' ? order.subjectChanges !== null : undefined,
    websiteChanged: order.filingType === 'CHANGE' ? order.websites.some((w) => w.action === 'CHANGE') : undefined,
  });
  const to: OrderStatus = req.required ? 'PENDING_SMS_VERIFICATION' : 'PENDING_MIIT_REVIEW';
  await transition(tx, {
    orderId: args.orderId,
    expectedVersion: args.expectedVersion,
    action: args.action,
    to,
    actor: args.actor,
    detail: { sms: req.rules.map((r) => r.id) },
  });
  return req.required ? issueSmsCodes(ctx, tx, args.orderId) : [];
}

export async function approveInitialReview(ctx: Context, orderId: string, expectedVersion: number, requireMailedMaterials: boolean) {
  await reviewerOrder(ctx, orderId);
  const actor = actorOf(ctx);
  const messages = await inTransaction(ctx, async (tx) => {
    if (requireMailedMaterials) {
      await transition(tx, {
        orderId,
        expectedVersion,
        action: 'approveInitialReview',
        to: 'AWAITING_MAILED_MATERIALS',
        actor,
        data: { mailedMaterials: true },
      });
      return [];
    }
    return moveTowardsMiit(ctx, tx, { orderId, expectedVersion, action: 'approveInitialReview', actor });
  });
  await sendAll(ctx, messages);
  return ctx.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
}

export async function markMaterialsReceived(ctx: Context, orderId: string, expectedVersion: number) {
  await reviewerOrder(ctx, orderId);
  const messages = await inTransaction(ctx, (tx) =>
    moveTowardsMiit(ctx, tx, { orderId, expectedVersion, action: 'markMaterialsReceived', actor: actorOf(ctx) }),
  );
  await sendAll(ctx, messages);
  return ctx.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
}

export interface FieldComment {
  field: string;
  comment: string;
}

export async function rejectInitialReview(ctx: Context, orderId: string, expectedVersion: number, reason: string) {
  await reviewerOrder(ctx, orderId);
  const rejected = await inTransaction(ctx, async (tx) => {
    await transition(tx, { orderId, expectedVersion, action: 'rejectInitialReview', to: 'INITIAL_REJECTED', actor: actorOf(ctx), reason });
    return tx.order.findUniqueOrThrow({ where: { id: orderId } });
  });
  await notifyApplicant(ctx, orderId, 'ICP_ORDER_RETURNED');
  return rejected;
}

export async function requestChanges(ctx: Context, orderId: string, expectedVersion: number, reason: string, comments: FieldComment[]) {
  await reviewerOrder(ctx, orderId);
  const returned = await inTransaction(ctx, async (tx) => {
    await transition(tx, {
      orderId,
      expectedVersion,
      action: 'requestChanges',
      to: 'NEEDS_CHANGES',
      actor: actorOf(ctx),
      reason,
      detail: { comments } as unknown as P.InputJsonValue,
      data: { reviewComments: comments as unknown as P.InputJsonValue },
    });
    // The comments themselves, one history entry the applicant's console can show next to the fields.
    if (comments.length) await appendEvent(tx, { orderId, type: 'COMMENTED', actor: actorOf(ctx), detail: { comments } as unknown as P.InputJsonValue });
    return tx.order.findUniqueOrThrow({ where: { id: orderId } });
  });
  await notifyApplicant(ctx, orderId, 'ICP_ORDER_RETURNED');
  return returned;
}

/** 提交管局: hands the order to the 管局 (recorded; the order waits for the decision). */
export async function submitToMiit(ctx: Context, orderId: string, expectedVersion: number) {
  const order = await ctx.db.prisma.order.findUnique({ where: { id: orderId } });
  const { version } = decideSubmitToMiit({ order, caller: callerOf(ctx), expectedVersion });
  return inTransaction(ctx, async (tx) => {
    const updated = await tx.order.updateMany({
      where: { id: orderId, version, status: 'PENDING_MIIT_REVIEW', miitSubmittedAt: null },
      data: { miitSubmittedAt: ctx.clock.now(), version: { increment: 1 } },
    });
    if (updated.count !== 1) {
      const now = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, version: true } });
      throw new Conflict('Another action on this order won; reload and try again.', now.status, now.version);
    }
    await appendEvent(tx, { orderId, type: 'UPDATED', actor: actorOf(ctx), detail: { action: 'submitToMiit' } });
    return tx.order.findUniqueOrThrow({ where: { id: orderId } });
  });
}

export async function recordMiitRejection(ctx: Context, orderId: string, expectedVersion: number, reason: string) {
  const order = await reviewerOrder(ctx, orderId);
  if (order.status === 'PENDING_MIIT_REVIEW' && !order.miitSubmittedAt) throw new InvalidTransition('record a 管局 decision before submitToMiit for', order.status);
  const rejected = await inTransaction(ctx, async (tx) => {
    await transition(tx, {
      orderId,
      expectedVersion,
      action: 'recordMiitRejection',
      to: 'MIIT_REJECTED',
      actor: actorOf(ctx),
      reason,
      data: { decidedAt: ctx.clock.now(), miitSubmittedAt: null },
    });
    return tx.order.findUniqueOrThrow({ where: { id: orderId } });
  });
  await notifyApplicant(ctx, orderId, 'ICP_FILING_REJECTED');
  return rejected;
}

/**
 * 备案成功: records the 管局's approval, assigns the subject number (once per subject) and a `-N`
 * number per new website, files subject and websites, applies change or cancellation requests, and
 * writes the filings to the national registry — all in the approving transaction.
 */
export async function recordMiitApproval(ctx: Context, orderId: string, expectedVersion: number) {
  const order = await reviewerOrder(ctx, orderId);
  if (order.status === 'PENDING_MIIT_REVIEW' && !order.miitSubmittedAt) throw new InvalidTransition('record a 管局 decision before submitToMiit for', order.status);
  const approved = await inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    await transition(tx, {
      orderId,
      expectedVersion,
      action: 'recordMiitApproval',
      to: 'APPROVED',
      actor: actorOf(ctx),
      data: { decidedAt: now },
    });
    const full = await tx.order.findUniqueOrThrow({
      where: { id: orderId },
      include: { subject: true, websites: { include: { website: { include: { domains: true } } } } },
    });
    await applyApproval(ctx, tx, full, now);
    return tx.order.findUniqueOrThrow({ where: { id: orderId } });
  });
  // 注销 and 取消接入 need no notice with a number; a new or changed filing does.
  if (!order.filingType.startsWith('CANCEL')) await notifyApplicant(ctx, orderId, 'ICP_FILING_APPROVED');
  return approved;
}

type FullOrder = P.OrderGetPayload<{ include: { subject: true; websites: { include: { website: { include: { domains: true } } } } } }>;

async function applyApproval(ctx: Context, tx: Tx, order: FullOrder, now: Date) {
  const subject = order.subject;
  switch (order.filingType) {
    case 'CANCEL_SUBJECT':
    case 'CANCEL_WEBSITE':
    case 'CANCEL_ACCESS':
      await applyCancellation(tx, order);
      // Cancelled websites, and websites this provider no longer hosts, give their 备案服务号 back.
      await ctx.hosting.release(
        tx,
        (await tx.website.findMany({ where: { subjectId: subject.id, status: { in: ['CANCELLED', 'ACCESS_CANCELLED'] } }, select: { id: true } })).map((w) => w.id),
        now,
      );
      return;
    case 'CHANGE':
      await applyChanges(tx, order);
      return;
    default: {
      if (subject.status === 'CANCELLED') {
        // A cancelled subject filing again gets a new number; its old one is never handed out again.
        await tx.subject.update({ where: { id: subject.id }, data: { icpNumber: null, lastWebsiteSuffix: 0 } });
      }
      const subjectNumber = await assignSubjectNumber(tx, subject.id, order.provinceCode, now);
      if (subject.status !== 'FILED') {
        await tx.subject.update({ where: { id: subject.id }, data: { status: 'FILED', filedAt: now } });
      }
      const registrySubject: RegistrySubject = {
        subjectName: subject.name,
        nature: subject.nature,
        certificateType: subject.certificateType,
        certificateNumber: subject.certificateNumber,
        provinceCode: order.provinceCode,
        subjectIcpNumber: subjectNumber,
      };
      for (const link of order.websites) {
        const w = link.website;
        // An access filing moves a website that already has its number (接入备案): keep it.
        const filedElsewhere =
          link.action === 'ACCESS' && w.domains[0] ? await tx.registryFiling.findUnique({ where: { domain: w.domains[0].name } }) : null;
        const icpNumber =
          w.icpNumber ??
          (filedElsewhere ? await keepServiceNumber(tx, w.id, filedElsewhere.websiteIcpNumber) : null) ??
          (await assignServiceNumber(tx, subjectNumber, subject.id, w.id, w.kind));
        await tx.website.update({ where: { id: w.id }, data: { status: 'FILED' } });
        await ctx.hosting.bind(tx, w.id, now);
        for (const d of w.domains) {
          await ctx.registry.record(tx, {
            ...registrySubject,
            domain: d.name,
            websiteName: w.name,
            websiteIcpNumber: icpNumber,
            provider: null,
          });
        }
        if (w.kind !== 'WEBSITE') {
          // An APP, mini-program or quick app is filed by its name (it has back-end domains, not a domain of its own).
          await ctx.registry.recordApp(tx, {
            ...registrySubject,
            kind: w.kind,
            name: w.name,
            icpNumber,
            provider: null,
          });
        }
      }
    }
  }
}
