import { randomInt } from 'node:crypto';
import type { Context } from '../context.js';
import { Conflict, NotFound, ValidationFailed } from '../domain/errors.js';
import type { FilingVariant, FilingType } from '../generated/prisma/enums.js';
import { normaliseCertificateNumber, parseDomain } from '../validation/index.js';
import { actorOf, appendEvent, callerOf, inTransaction, type Tx } from './engine.js';
import { personRow, subjectRow, toSubjectData, toWebsiteData, STORED_WEBSITE, type SubjectData, type WebsiteData } from './filing-data.js';

export { personRow, subjectRow, toSubjectData, toWebsiteData, STORED_WEBSITE } from './filing-data.js';
import { detectFilingType } from './filing-type.js';
import { isAppItem } from './filing-data.js';
import { appItemCreate } from './app-store.js';
import { IN_PROGRESS } from './transitions.js';
import { decideEdit } from './decide/order.js';
import { uniqueViolationModel } from '../db/errors.js';
import type { Violation } from '../domain/violation.js';
import { accessMethodFor, validateFiling } from './validate.js';
import { national } from './violations.js';

/** Human-facing order number: `ICP` + date + 6 random digits, e.g. `ICP20260302-493027`. */
export function orderNumber(now: Date): string {
  const d = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `ICP${d}-${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

/** The stored fields of 网站信息 other than its kind, principal, domains and pre-approvals. */
export async function websiteRow(tx: Tx, w: WebsiteData) {
  let serverInstanceId: string | null = null;
  if (w.productVerification === 'SERVER_INSTANCE' && w.serverInstanceId) {
    serverInstanceId = (await tx.serverInstance.findUnique({ where: { instanceId: w.serverInstanceId }, select: { id: true } }))?.id ?? null;
  }
  return {
    name: w.name.trim(),
    homepageUrls: w.homepageUrls.map((u) => u.trim()),
    contentCategory: w.contentCategory,
    serviceType: w.serviceType ?? 'NON_COMMERCIAL',
    languages: w.languages,
    remark: w.remark?.trim() || null,
    serverLocation: w.serverLocation ?? null,
    ipAddresses: w.ipAddresses,
    productVerification: w.productVerification,
    serverInstanceId,
  };
}

/** Spends the 备案服务号 a website is verified with, if any (a code serves one website). */
export async function spendServiceCode(tx: Tx, w: WebsiteData, websiteId: string) {
  if (w.productVerification === 'SERVICE_CODE' && w.serviceCode) {
    await tx.serviceCode.updateMany({ where: { code: w.serviceCode, websiteId: null }, data: { websiteId, usedAt: new Date() } });
  }
}

/** Writes one website of a draft (with its principal, domains and pre-approvals). */
async function createWebsite(
  tx: Tx,
  args: { subjectId: string; ownerId: string; subjectPrincipalId: string; accessMethod: string | null; data: WebsiteData },
) {
  const w = args.data;
  const principalId = w.principal ? (await tx.person.create({ data: personRow(w.principal) })).id : args.subjectPrincipalId;
  const website = await tx.website.create({
    data: {
      ...(await websiteRow(tx, w)),
      subjectId: args.subjectId,
      ownerId: args.ownerId,
      kind: w.kind ?? 'WEBSITE',
      principalId,
      accessMethod: args.accessMethod,
      domains: {
        create: w.domains.map((d, position) => ({ name: parseDomain(d).domain ?? d.trim().toLowerCase(), position })),
      },
      preApprovals: { create: w.preApprovals.map((p) => ({ kind: p.kind, documentNumber: p.documentNumber, issuer: p.issuer ?? null })) },
      ...appItemCreate(w),
    },
  });
  await spendServiceCode(tx, w, website.id);
  return website;
}

/** Filing types that file new websites, entered in full with `startFiling` / `updateFiling`. */
export const NEW_WEBSITE_FILINGS: readonly FilingType[] = ['FIRST', 'ADD_WEBSITE', 'ACCESS'];

export interface StartFilingInput {
  subject: SubjectData;
  websites: WebsiteData[];
}

/**
 * Starts a new-website filing (首次备案, 新增网站 or 接入备案): detects the filing type from the data,
 * validates everything, and writes the draft (subject, people, websites, domains, order, history)
 * in one transaction. Nothing is written when anything is wrong.
 */
export async function startFiling(ctx: Context, input: StartFilingInput) {
  const viewer = ctx.viewer!;
  // A website's first domain decides the filing type; an order of APPs only, its first APP's name.
  const firstWebsite = input.websites.find((w) => !isAppItem(w));
  const first = firstWebsite?.domains[0];
  const firstApp = firstWebsite ? undefined : input.websites.find(isAppItem);
  if (!first && !firstApp) {
    throw new ValidationFailed([
      { field: 'websites', rule: 'national/website-required', message: '请至少填写一个网站及域名', messageEn: 'Add at least one website with a domain', module: 'national' },
    ]);
  }
  const detect = () =>
    detectFilingType(ctx, {
      provinceCode: input.subject.provinceCode,
      nature: input.subject.nature,
      certificateType: input.subject.certificateType,
      certificateNumber: input.subject.certificateNumber,
      domain: first ?? null,
      appName: firstApp?.name ?? null,
      serviceKind: firstApp?.kind ?? null,
    });
  const verdict = await detect();
  if (!verdict.filingType) throw new ValidationFailed(verdict.violations);
  const filingType = verdict.filingType;
  // 接入 again after 取消接入: the subject's old website records hand over their domains.
  const returning =
    filingType === 'ACCESS' && verdict.subjectId
      ? await ctx.db.prisma.website.findMany({
          where: { subjectId: verdict.subjectId, status: 'ACCESS_CANCELLED' },
          select: { id: true, domains: { select: { name: true } } },
        })
      : [];
  const violations = await validateFiling(ctx, {
    filingType,
    variant: verdict.variant,
    subject: input.subject,
    websites: input.websites,
    subjectId: verdict.subjectId,
    registryRecord: verdict.registryRecord,
    previousDomains: returning.flatMap((w) => w.domains.map((d) => d.name)),
  });
  if (violations.length) {
    // A filing for the same subject or domain may have committed since the type was detected (its
    // people then look like another subject's): answer as a filing made after it would be answered.
    const again = await detect();
    throw new ValidationFailed(again.filingType ? violations : again.violations);
  }

  const accessMethod = accessMethodFor(input.subject.provinceCode, filingType, input.subject.nature, ctx.clock.now());
  const certificate = {
    certificateType: input.subject.certificateType,
    certificateNumber: normaliseCertificateNumber(input.subject.certificateType, input.subject.certificateNumber),
  };
  const domains = input.websites.flatMap((w) => w.domains.map((d) => parseDomain(d).domain ?? d.trim().toLowerCase()));
  return inTransaction(ctx, async (tx) => {
    // Filings that race for one subject or one domain take turns from here; the checks made above
    // are repeated for what a filing that committed meanwhile could have changed.
    const raced = await claimSubjectAndDomains(tx, { ...certificate, domains, ownerId: viewer.accountId, subjectId: verdict.subjectId, keep: returning.map((w) => w.id) });
    if (raced.length) throw new ValidationFailed(raced);
    const now = ctx.clock.now();
    let subjectId = verdict.subjectId;
    let principalId: string;
    if (subjectId && verdict.variant !== null && (verdict.variant === 'ADD_WEBSITE_HERE' || verdict.variant === 'ACCESS_CONTINUED')) {
      // The subject is filed here: its information is kept as it is (changing it is a change filing).
      principalId = (await tx.subject.findUniqueOrThrow({ where: { id: subjectId } })).principalId;
    } else if (subjectId) {
      const principal = await tx.person.create({ data: personRow(input.subject.principal) });
      principalId = principal.id;
      await tx.subject.update({ where: { id: subjectId }, data: { ...subjectRow(input.subject), principalId } });
    } else {
      const principal = await tx.person.create({ data: personRow(input.subject.principal) });
      principalId = principal.id;
      subjectId = (await tx.subject.create({ data: { ...subjectRow(input.subject), ownerId: viewer.accountId, principalId } })).id;
    }
    const order = await tx.order.create({
      data: {
        number: orderNumber(now),
        ownerId: viewer.accountId,
        subjectId,
        provinceCode: input.subject.provinceCode,
        filingType,
        variant: verdict.variant as FilingVariant | null,
      },
    });
    if (returning.length) {
      // The national number moves with the website (approval keeps it from the registry record).
      const ids = returning.map((w) => w.id);
      await tx.domain.deleteMany({ where: { websiteId: { in: ids } } });
      await tx.website.updateMany({ where: { id: { in: ids } }, data: { icpNumber: null } });
    }
    for (const [position, data] of input.websites.entries()) {
      const website = await createWebsite(tx, { subjectId, ownerId: viewer.accountId, subjectPrincipalId: principalId, accessMethod, data });
      await tx.orderWebsite.create({
        data: { orderId: order.id, websiteId: website.id, action: filingType === 'ACCESS' ? 'ACCESS' : 'ADD', position },
      });
    }
    await appendEvent(tx, {
      orderId: order.id,
      type: 'CREATED',
      actor: actorOf(ctx),
      toStatus: 'DRAFT',
      detail: { filingType, variant: verdict.variant },
    });
    return order;
  }).catch((e: unknown) => {
    // Should a race slip past the locks (a writer that does not take them), it still gets a typed answer.
    const model = uniqueViolationModel(e);
    if (model === 'Domain') throw new ValidationFailed([domainInProgress()]);
    if (model === 'Subject') throw new ValidationFailed([subjectInProgress()]);
    throw e;
  });
}

const TYPE_SEED = 'seed:002_cda330130d5f816e.txt §1.1';

function domainInProgress(): Violation {
  return national('domain', 'domain-order-in-progress', '该域名存在进行中的订单', 'This domain has an order in progress', TYPE_SEED);
}

function subjectInProgress(): Violation {
  return national(
    'certificateNumber',
    'subject-order-in-progress',
    '该主体存在进行中的订单，请等待订单完成或撤销后再办理',
    'This subject already has an order in progress; finish or withdraw it first',
    'seed:000_d2f846ec46511894.txt; seed:002_cda330130d5f816e.txt §1.4',
  );
}

/** Advisory-lock key space for new filings (the second key is a hash of the subject or domain). */
const FILING_LOCK = 724_100_011;

/**
 * Takes the subject's and the domains' filing locks (in one order, so two filings cannot deadlock)
 * and answers what a filing committed since the caller's checks changed: the subject got an order in
 * progress or an owner, a domain got a website. PostgreSQL runs filings side by side; PGlite one at a time.
 */
async function claimSubjectAndDomains(
  tx: Tx,
  args: { certificateType: string; certificateNumber: string; domains: string[]; ownerId: string; subjectId: string | null; keep: string[] },
): Promise<Violation[]> {
  const keys = [`subject:${args.certificateType}:${args.certificateNumber}`, ...[...new Set(args.domains)].sort().map((d) => `domain:${d}`)];
  for (const key of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FILING_LOCK}, hashtext(${key}))`;
  const [subject, taken] = await Promise.all([
    tx.subject.findUnique({
      where: { certificateType_certificateNumber: { certificateType: args.certificateType as never, certificateNumber: args.certificateNumber } },
      select: { id: true, ownerId: true, orders: { where: { status: { in: [...IN_PROGRESS] } }, select: { id: true } } },
    }),
    tx.domain.findMany({
      where: { name: { in: args.domains }, websiteId: { notIn: args.keep } },
      select: { name: true, website: { select: { subjectId: true, orders: { where: { order: { status: { in: [...IN_PROGRESS] } } }, select: { orderId: true } } } } },
    }),
  ]);
  const out: Violation[] = [];
  if (subject && subject.ownerId !== args.ownerId) {
    out.push(national('certificateNumber', 'subject-exists-elsewhere', '该域名对应的主体信息在系统中已经存在', 'This subject is already managed by another account on this platform', TYPE_SEED));
  } else if (subject && (subject.orders.length || subject.id !== args.subjectId)) {
    out.push(subjectInProgress());
  }
  for (const d of taken) {
    if (d.website.orders.length) out.push({ ...domainInProgress(), matched: d.name });
    else if (d.website.subjectId !== subject?.id) {
      out.push({ ...national('domain', 'domain-used-by-other-subject', '该域名已被其他主体使用', 'This domain belongs to another subject on this platform', TYPE_SEED), matched: d.name });
    }
  }
  return out;
}

/** Loads an order the viewer may act on as its applicant, or throws NotFound. */
export async function ownOrder(ctx: Context, orderId: string) {
  const order = await ctx.db.prisma.order.findUnique({ where: { id: orderId } });
  if (!order || order.ownerId !== ctx.viewer?.accountId) throw new NotFound('Order');
  return order;
}

/** Reads a stored order back into the shape it was entered in, for re-validation. */
export async function loadFilingData(ctx: Context, orderId: string) {
  const order = await ctx.db.prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    include: {
      subject: { include: { principal: true } },
      websites: { orderBy: { position: 'asc' }, include: { website: { include: STORED_WEBSITE } } },
    },
  });
  const subject = toSubjectData(order.subject);
  const websites = order.websites.map(({ website }) => toWebsiteData(website, order.subject.principalId));
  return { order, subject, websites };
}

/**
 * Replaces the subject and website information of an editable order (draft, or returned to the
 * applicant), after validating it all; compare-and-set on the order's version.
 */
export async function updateFiling(ctx: Context, orderId: string, expectedVersion: number, input: StartFilingInput) {
  const caller = { ...callerOf(ctx), role: 'APPLICANT' } as const;
  const order = await ctx.db.prisma.order.findUnique({ where: { id: orderId } });
  // Existence, editable status and version answer before the data's facts are loaded.
  decideEdit({ order, caller, expectedVersion, violations: () => [] });
  const found = order!;
  const current = NEW_WEBSITE_FILINGS.includes(found.filingType) ? await loadFilingData(ctx, orderId) : null;
  const violations: Violation[] = current
    ? await validateFiling(ctx, {
        filingType: found.filingType as FilingType,
        variant: found.variant,
        subject: input.subject,
        websites: input.websites,
        subjectId: found.subjectId,
        orderId,
        previousDomains: current.websites.flatMap((w) => w.domains),
        heldWebsiteIds: current.order.websites.map((l) => l.websiteId),
        registryRecord: null,
      })
    : [
        national('orderId', 'update-filing-type', '此类订单不能用 updateFiling 修改（变更备案请使用 updateChangeFiling）', 'updateFiling edits new-website filings only; edit a change filing with updateChangeFiling'),
      ];
  decideEdit({ order, caller, expectedVersion, violations: () => violations });
  return inTransaction(ctx, async (tx) => {
    const bumped = await tx.order.updateMany({
      where: { id: orderId, version: expectedVersion, status: found.status },
      data: { version: { increment: 1 } },
    });
    if (bumped.count !== 1) {
      throw new Conflict('The order changed since you loaded it; reload and try again.', found.status, found.version);
    }
    const subject = await tx.subject.findUniqueOrThrow({ where: { id: found.subjectId } });
    let principalId = subject.principalId;
    if (subject.status !== 'FILED') {
      principalId = (await tx.person.create({ data: personRow(input.subject.principal) })).id;
      await tx.subject.update({ where: { id: subject.id }, data: { ...subjectRow(input.subject), principalId } });
    }
    const links = await tx.orderWebsite.findMany({ where: { orderId }, select: { websiteId: true, action: true } });
    await tx.orderWebsite.deleteMany({ where: { orderId } });
    await tx.serviceCode.updateMany({ where: { websiteId: { in: links.map((l) => l.websiteId) } }, data: { websiteId: null, usedAt: null } });
    await tx.material.updateMany({ where: { websiteId: { in: links.map((l) => l.websiteId) } }, data: { websiteId: null } });
    await tx.website.deleteMany({ where: { id: { in: links.map((l) => l.websiteId) }, status: 'DRAFT' } });
    for (const [position, data] of input.websites.entries()) {
      const website = await createWebsite(tx, {
        subjectId: subject.id,
        ownerId: found.ownerId,
        subjectPrincipalId: principalId,
        accessMethod: accessMethodFor(found.provinceCode, found.filingType, subject.nature, ctx.clock.now()),
        data,
      });
      await tx.orderWebsite.create({ data: { orderId, websiteId: website.id, action: links[0]?.action ?? 'ADD', position } });
    }
    await appendEvent(tx, { orderId, type: 'UPDATED', actor: actorOf(ctx), detail: { fields: ['subject', 'websites'] } });
    return tx.order.findUniqueOrThrow({ where: { id: orderId } });
  });
}
