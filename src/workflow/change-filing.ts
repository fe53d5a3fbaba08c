/**
 * Filings that act on what is already filed here: 变更备案 (CHANGE) and the cancellations 注销主体
 * (CANCEL_SUBJECT), 注销网站 (CANCEL_WEBSITE) and 取消接入 (CANCEL_ACCESS).
 *
 * A change filing stores a proposal — `Order.subjectChanges` and, per website, `OrderWebsite.changes`
 * — and nothing filed moves until the 管局 approves (`applyChanges`). The proposal is checked with
 * the same national and province rules as a new filing (`validateFiling`), plus what a change may not
 * do: touch the subject's identity (certificate, nature, province) or add a domain (seed 002 §3).
 */
import { normalisedAppFields } from './app-store.js';
import type { Context } from '../context.js';
import { Conflict, NotFound, ValidationFailed } from '../domain/errors.js';
import type { Violation } from '../domain/violation.js';
import { Prisma, type Order } from '../generated/prisma/client.js';
import type { FilingType, OrderWebsiteAction } from '../generated/prisma/enums.js';
import { normaliseCertificateNumber, parseDomain } from '../validation/index.js';
import { actorOf, appendEvent, inTransaction, type Tx } from './engine.js';
import { orderNumber, ownOrder, personRow, STORED_WEBSITE, subjectRow, toSubjectData, toWebsiteData } from './drafts.js';
import type { PersonData, SubjectData, WebsiteData } from './filing-data.js';
import { IN_PROGRESS } from './transitions.js';
import { checkEditable, checkVersion } from './decide/order.js';
import { validateFiling } from './validate.js';
import { national } from './violations.js';

const SEED2_CHANGE = 'seed:002_cda330130d5f816e.txt §3';
const SEED_ONE_ORDER = 'seed:000_d2f846ec46511894.txt; seed:002_cda330130d5f816e.txt §1.4';

export type CancellationType = Extract<FilingType, 'CANCEL_SUBJECT' | 'CANCEL_WEBSITE' | 'CANCEL_ACCESS'>;

/** What the national registry records as the 接入商 of a filing whose access was cancelled (取消接入) and that nobody hosts. */
export const NO_ACCESS_PROVIDER = '无接入商';

export interface WebsiteChangeInput {
  websiteId: string;
  /** The proposed website information; absent: the website is kept as filed. */
  change?: WebsiteData | null;
}

export interface ChangeInput {
  /** The proposed subject information; absent: the subject is kept as filed. */
  subject?: SubjectData | null;
  websites: WebsiteChangeInput[];
}

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

const FILED_SUBJECT = {
  principal: true,
  websites: { where: { status: { in: ['FILED', 'ACCESS_CANCELLED'] } }, orderBy: { createdAt: 'asc' }, include: STORED_WEBSITE },
} as const satisfies Prisma.SubjectInclude;

type FiledSubject = Prisma.SubjectGetPayload<{ include: typeof FILED_SUBJECT }>;

/** The viewer's subject with its filed websites, or NotFound (someone else's subject is not told apart). */
async function ownSubject(ctx: Context, subjectId: string): Promise<FiledSubject> {
  const subject = await ctx.db.prisma.subject.findUnique({ where: { id: subjectId }, include: FILED_SUBJECT });
  if (!subject || subject.ownerId !== ctx.viewer?.accountId) throw new NotFound('Subject');
  return subject;
}

/** The rules every order on a filed subject starts with: filed here, and no other order in progress. */
async function filedAndFree(ctx: Context, subject: FiledSubject, exceptOrderId?: string): Promise<Violation[]> {
  const out: Violation[] = [];
  if (subject.status !== 'FILED') {
    out.push(national('subjectId', 'subject-not-filed', '该主体未在本平台备案', 'This subject is not filed here', SEED2_CHANGE));
  }
  if (await otherOrdersInProgress(ctx.db.prisma, subject.id, exceptOrderId)) out.push(orderInProgress());
  return out;
}

/** Whether the subject has an order in progress other than `exceptOrderId` (one per subject, IN_PROGRESS). */
async function otherOrdersInProgress(db: Tx, subjectId: string, exceptOrderId?: string): Promise<boolean> {
  const count = await db.order.count({
    where: { subjectId, status: { in: [...IN_PROGRESS] }, ...(exceptOrderId ? { id: { not: exceptOrderId } } : {}) },
  });
  return count > 0;
}

function orderInProgress(): Violation {
  return national(
    'subjectId',
    'subject-order-in-progress',
    '该主体存在进行中的订单，请等待订单完成或撤销后再办理',
    'This subject already has an order in progress; finish or withdraw it first',
    SEED_ONE_ORDER,
  );
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

/** A proposal in its stored form: trimmed, normalised, so approval applies exactly what was checked. */
function normalisedSubject(s: SubjectData): SubjectData {
  return { ...subjectRow(s), principal: personRow(s.principal) };
}

function normalisedWebsite(w: WebsiteData): WebsiteData {
  return {
    kind: w.kind ?? 'WEBSITE',
    name: w.name.trim(),
    domains: w.domains.map((d) => parseDomain(d).domain ?? d.trim().toLowerCase()),
    homepageUrls: w.homepageUrls.map((u) => u.trim()),
    contentCategory: w.contentCategory,
    serviceType: w.serviceType ?? 'NON_COMMERCIAL',
    languages: w.languages,
    remark: w.remark?.trim() || null,
    principal: w.principal ? personRow(w.principal) : null,
    serverLocation: w.serverLocation ?? null,
    ipAddresses: w.ipAddresses,
    productVerification: w.productVerification,
    serverInstanceId: w.productVerification === 'SERVER_INSTANCE' ? (w.serverInstanceId ?? null) : null,
    serviceCode: w.productVerification === 'SERVICE_CODE' ? (w.serviceCode ?? null) : null,
    preApprovals: w.preApprovals.map((p) => ({ kind: p.kind, documentNumber: p.documentNumber.trim(), issuer: p.issuer?.trim() || null })),
    ...normalisedAppFields(w),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Dates of a person read back from JSON. */
function revivePerson(p: PersonData): PersonData {
  return { ...p, validFrom: p.validFrom ? new Date(p.validFrom) : null, validTo: p.validTo ? new Date(p.validTo) : null };
}

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

interface ChangePlan {
  subjectChanges: SubjectData | null;
  links: { websiteId: string; action: OrderWebsiteAction; changes: WebsiteData | null }[];
}

/**
 * Checks a change proposal against what is filed and against every filing rule, and plans the order:
 * the websites listed first (in input order), then the subject's other filed websites, kept. Field
 * paths `websites[k]` index that list, which is the order's website list.
 */
async function planChange(
  ctx: Context,
  subject: FiledSubject,
  input: ChangeInput,
  at: { orderId?: string; stage: 'save' | 'submit' },
): Promise<ChangePlan> {
  const out = await filedAndFree(ctx, subject, at.orderId);
  const filed = new Map(subject.websites.filter((w) => w.status === 'FILED').map((w) => [w.id, w]));
  const listed = new Set<string>();
  for (const [i, { websiteId }] of input.websites.entries()) {
    if (!filed.has(websiteId)) {
      out.push(national(`websites[${i}].websiteId`, 'change-website-not-filed', '该网站不是此主体在本平台已备案的网站', 'Not a website of this subject filed here', SEED2_CHANGE));
    } else if (listed.has(websiteId)) {
      out.push(national(`websites[${i}].websiteId`, 'change-website-duplicate', '同一网站重复填写', 'This website is listed twice'));
    }
    listed.add(websiteId);
  }
  if (out.length) throw new ValidationFailed(out);

  const current = toSubjectData(subject);
  const proposedSubject = input.subject ? normalisedSubject(input.subject) : null;
  const subjectChanges = proposedSubject && !same(proposedSubject, normalisedSubject(current)) ? proposedSubject : null;
  if (proposedSubject) out.push(...identityKept(current, proposedSubject));

  const rows = [
    ...input.websites.map((w) => ({ website: filed.get(w.websiteId)!, change: w.change ? normalisedWebsite(w.change) : null })),
    ...[...filed.values()].filter((w) => !listed.has(w.id)).map((website) => ({ website, change: null })),
  ];
  const websites: WebsiteData[] = [];
  const links: ChangePlan['links'] = [];
  for (const [k, { website, change }] of rows.entries()) {
    const filedData = toWebsiteData(website, subject.principalId);
    const changed = change && !same(change, normalisedWebsite(filedData)) ? change : null;
    if (changed) out.push(...domainsKept(filedData, changed, `websites[${k}]`));
    websites.push(changed ?? filedData);
    links.push({ websiteId: website.id, action: changed ? 'CHANGE' : 'KEEP', changes: changed });
  }
  if (!subjectChanges && links.every((l) => l.action === 'KEEP')) {
    out.push(national('websites', 'change-nothing', '未变更任何信息', 'The change filing changes nothing'));
  }
  out.push(
    ...(await validateFiling(ctx, {
      filingType: 'CHANGE',
      variant: null,
      subject: subjectChanges ?? current,
      websites,
      subjectId: subject.id,
      orderId: at.orderId,
      previousDomains: subject.websites.flatMap((w) => w.domains.map((d) => d.name)),
      heldWebsiteIds: links.map((l) => l.websiteId),
      registryRecord: null,
      stage: at.stage,
    })),
  );
  if (out.length) throw new ValidationFailed(out);
  return { subjectChanges, links };
}

/** The certificate, nature and province identify the subject: changing them is a new subject, not a change. */
function identityKept(current: SubjectData, proposed: SubjectData): Violation[] {
  const fields: [keyof SubjectData, boolean][] = [
    ['provinceCode', proposed.provinceCode !== current.provinceCode],
    ['nature', proposed.nature !== current.nature],
    ['certificateType', proposed.certificateType !== current.certificateType],
    [
      'certificateNumber',
      normaliseCertificateNumber(proposed.certificateType, proposed.certificateNumber) !==
        normaliseCertificateNumber(current.certificateType, current.certificateNumber),
    ],
  ];
  return fields
    .filter(([, differs]) => differs)
    .map(([field]) =>
      national(
        `subject.${field}`,
        'change-subject-identity',
        '变更备案不能修改主体的证件类型、证件号码、性质或所在省份，请办理新的备案',
        'A change filing cannot change the subject’s certificate, nature or province; file a new subject instead',
        SEED2_CHANGE,
      ),
    );
}

/** Seed 002 §3: the domain itself cannot change; with several domains, only keep or delete. */
function domainsKept(filed: WebsiteData, proposed: WebsiteData, f: string): Violation[] {
  const out: Violation[] = [];
  if ((proposed.kind ?? 'WEBSITE') !== (filed.kind ?? 'WEBSITE')) {
    out.push(national(`${f}.kind`, 'change-service-kind', '变更备案不能修改服务类型（网站、APP 等）', 'A change filing cannot change the kind of service', SEED2_CHANGE));
  }
  for (const [j, domain] of proposed.domains.entries()) {
    if (filed.domains.includes(domain)) continue;
    out.push({
      ...national(
        `${f}.domains[${j}]`,
        'change-domain-added',
        '变更备案不能新增或更换域名，只能保留或删除原有域名；新增域名请办理新增网站',
        'A change filing cannot add or replace a domain, only keep or delete the filed ones; add a website instead',
        SEED2_CHANGE,
      ),
      matched: domain,
    });
  }
  return out;
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
  const order = await ownOrder(ctx, orderId);
  if (order.filingType !== 'CHANGE') {
    throw new ValidationFailed([national('orderId', 'update-filing-type', '只有变更备案可以这样修改', 'Only a change filing can be edited this way')]);
  }
  checkEditable(order);
  checkVersion(order, expectedVersion);
  const subject = await ownSubject(ctx, order.subjectId);
  const plan = await planChange(ctx, subject, input, { orderId, stage: 'save' });
  return inTransaction(ctx, async (tx) => {
    const bumped = await tx.order.updateMany({
      where: { id: orderId, version: expectedVersion, status: order.status },
      data: { version: { increment: 1 }, subjectChanges: json(plan.subjectChanges) },
    });
    if (bumped.count !== 1) throw new Conflict('The order changed since you loaded it; reload and try again.', order.status, order.version);
    await tx.orderWebsite.deleteMany({ where: { orderId } });
    await writeLinks(tx, orderId, plan);
    await appendEvent(tx, { orderId, type: 'UPDATED', actor: actorOf(ctx), detail: changeSummary(plan) });
    return tx.order.findUniqueOrThrow({ where: { id: orderId } });
  });
}

// ───────────────────────────── 注销主体 / 注销网站 / 取消接入 ─────────────────────────────

/** The websites a cancellation covers, or the reasons it cannot be made. */
async function planCancellation(
  ctx: Context,
  subject: FiledSubject,
  type: CancellationType,
  websiteIds: string[],
  orderId?: string,
): Promise<FiledSubject['websites']> {
  const out = await filedAndFree(ctx, subject, orderId);
  if (type === 'CANCEL_SUBJECT') {
    if (websiteIds.length > 0) {
      out.push(national('websiteIds', 'cancel-subject-websites', '注销主体将注销其全部网站，无需选择网站', 'Cancelling a subject covers all its websites; list none'));
    }
    if (out.length) throw new ValidationFailed(out);
    return subject.websites;
  }
  if (websiteIds.length === 0) {
    out.push(national('websiteIds', 'cancel-website-required', '请选择要办理的网站', 'Choose at least one website'));
  }
  const filed = new Map(subject.websites.filter((w) => w.status === 'FILED').map((w) => [w.id, w]));
  for (const [i, id] of websiteIds.entries()) {
    if (!filed.has(id)) {
      out.push(national(`websiteIds[${i}]`, 'cancel-website-not-filed', '该网站不是此主体在本平台已备案的网站', 'Not a website of this subject filed here'));
    } else if (websiteIds.indexOf(id) !== i) {
      out.push(national(`websiteIds[${i}]`, 'cancel-website-duplicate', '同一网站重复选择', 'This website is listed twice'));
    }
  }
  if (out.length) throw new ValidationFailed(out);
  return [...new Set(websiteIds)].map((id) => filed.get(id)!);
}

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
  const websites = await planCancellation(ctx, subject, input.type, input.websiteIds);
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
      await planCancellation(ctx, subject, type, type === 'CANCEL_SUBJECT' ? [] : links.map((l) => l.websiteId), order.id);
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
    await tx.registryFiling.updateMany({
      where: { websiteIcpNumber: { in: numbers.flatMap((w) => (w.icpNumber ? [w.icpNumber] : [])) } },
      data: { provider: NO_ACCESS_PROVIDER },
    });
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
  } else {
    const numbers = websites.flatMap((w) => (w.icpNumber ? [w.icpNumber] : []));
    await tx.registryFiling.deleteMany({ where: { OR: [{ domain: { in: domains } }, { websiteIcpNumber: { in: numbers } }] } });
  }
}
