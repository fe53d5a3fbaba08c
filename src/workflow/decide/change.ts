/**
 * The pure rules of filings that act on what is filed here: 变更备案 and the cancellations. The shell
 * (src/workflow/change-filing.ts) loads the filed subject, whether another order is in progress and
 * the proposal's filing facts, and commits what these functions decide.
 */
import { ValidationFailed } from '../../domain/errors.js';
import type { Violation } from '../../domain/violation.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { FilingType, OrderWebsiteAction } from '../../generated/prisma/enums.js';
import { normaliseCertificateNumber, parseDomain } from '../../validation/index.js';
import { personRow, STORED_WEBSITE, subjectRow, toSubjectData, toWebsiteData, type PersonData, type SubjectData, type WebsiteData } from '../filing-data.js';
import { national } from '../violations.js';
import { filingViolations, type FilingFacts, type ValidateFilingArgs } from './filing.js';

export const SEED2_CHANGE = 'seed:002_cda330130d5f816e.txt §3';
const SEED_ONE_ORDER = 'seed:000_d2f846ec46511894.txt; seed:002_cda330130d5f816e.txt §1.4';

export type CancellationType = Extract<FilingType, 'CANCEL_SUBJECT' | 'CANCEL_WEBSITE' | 'CANCEL_ACCESS'>;

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

export const FILED_SUBJECT = {
  principal: true,
  websites: { where: { status: { in: ['FILED', 'ACCESS_CANCELLED'] } }, orderBy: { createdAt: 'asc' }, include: STORED_WEBSITE },
} as const satisfies Prisma.SubjectInclude;

export type FiledSubject = Prisma.SubjectGetPayload<{ include: typeof FILED_SUBJECT }>;

/** The rules every order on a filed subject starts with: filed here, and no other order in progress. */
export function filedAndFree(subject: Pick<FiledSubject, 'status'>, otherOrderInProgress: boolean): Violation[] {
  const out: Violation[] = [];
  if (subject.status !== 'FILED') {
    out.push(national('subjectId', 'subject-not-filed', '该主体未在本平台备案', 'This subject is not filed here', SEED2_CHANGE));
  }
  if (otherOrderInProgress) out.push(orderInProgress());
  return out;
}

export function orderInProgress(): Violation {
  return national(
    'subjectId',
    'subject-order-in-progress',
    '该主体存在进行中的订单，请等待订单完成或撤销后再办理',
    'This subject already has an order in progress; finish or withdraw it first',
    SEED_ONE_ORDER,
  );
}

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
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Dates of a person read back from JSON. */
export function revivePerson(p: PersonData): PersonData {
  return { ...p, validFrom: p.validFrom ? new Date(p.validFrom) : null, validTo: p.validTo ? new Date(p.validTo) : null };
}

export interface ChangePlan {
  subjectChanges: SubjectData | null;
  links: { websiteId: string; action: OrderWebsiteAction; changes: WebsiteData | null }[];
}

/** A change proposal laid out as a filing, before the filing rules judge it. */
export interface ChangeProposal extends ChangePlan {
  /** The proposal as a whole filing: what `filingViolations` checks. */
  filing: ValidateFilingArgs;
  /** What a change may not do (identity, domains, nothing changed), found while laying it out. */
  violations: Violation[];
}

/**
 * Lays a change proposal out against what is filed: the websites listed first (in input order), then
 * the subject's other filed websites, kept. Field paths `websites[k]` index that list, which is the
 * order's website list. Refuses (step one) websites not filed here or listed twice.
 */
export function proposeChange(
  subject: FiledSubject,
  input: ChangeInput,
  at: { orderId?: string; stage: 'save' | 'submit'; otherOrderInProgress: boolean },
): ChangeProposal {
  const out = filedAndFree(subject, at.otherOrderInProgress);
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
  const filing: ValidateFilingArgs = {
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
  };
  return { subjectChanges, links, filing, violations: out };
}

/**
 * Judges a laid-out change with every filing rule, given the facts loaded for `proposal.filing`
 * (src/workflow/facts.ts): the plan to write, or every violation at once.
 */
export function decideChange(proposal: ChangeProposal, facts: FilingFacts): ChangePlan {
  const out = [...proposal.violations, ...filingViolations(proposal.filing, facts)];
  if (out.length) throw new ValidationFailed(out);
  return { subjectChanges: proposal.subjectChanges, links: proposal.links };
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

/** The websites a cancellation covers, or the reasons it cannot be made. */
export function planCancellation(subject: FiledSubject, type: CancellationType, websiteIds: string[], otherOrderInProgress: boolean): FiledSubject['websites'] {
  const out = filedAndFree(subject, otherOrderInProgress);
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

