/**
 * The pure deciders of the workflow core (src/workflow/decide/), by table: facts in, decision or
 * violations out. No database and no server; the time is an input. The HTTP tests in this folder
 * drive the same rules through the API with facts loaded from a real database.
 */
import { describe, expect, it } from 'vitest';
import { Conflict, InvalidTransition, NotFound, ValidationFailed } from '../../src/domain/errors.js';
import type { OrderStatus } from '../../src/domain/vocabulary.js';
import type { HostedInstance, IssuedServiceCode, RegistryRecord } from '../../src/ports.js';
import { planCancellation, proposeChange, decideChange, type FiledSubject } from '../../src/workflow/decide/change.js';
import { filingViolations, type FilingFacts, type ValidateFilingArgs } from '../../src/workflow/decide/filing.js';
import { decideFilingType, filingTypeKey, type FilingTypeFacts, type FilingTypeInput } from '../../src/workflow/decide/filing-type.js';
import { decideEdit, decideSubmit, decideSubmitToMiit, ORDER_VALIDITY_DAYS, type Caller } from '../../src/workflow/decide/order.js';
import { decideAssignment } from '../../src/workflow/decide/assignment.js';
import { decideResend, decideSmsEntry, decideWrongEntry, type SmsFacts } from '../../src/workflow/decide/sms.js';
import type { SubjectData, WebsiteData } from '../../src/workflow/filing-data.js';
import { individualSubject, mobile, website } from '../support/fixtures.js';

const NOW = new Date('2026-03-02T02:00:00Z');
const DAY = 86_400_000;
const OWNER: Caller = { accountId: 'owner', role: 'APPLICANT' };
const STRANGER: Caller = { accountId: 'stranger', role: 'APPLICANT' };

const rules = (vs: readonly { rule: string }[]) => [...new Set(vs.map((v) => v.rule))].sort();

// ───────────── 验证备案类型 ─────────────

const entry: FilingTypeInput = { provinceCode: 'hubei', nature: 'INDIVIDUAL', certificateType: 'RESIDENT_ID', certificateNumber: individualSubject({ provinceCode: 'hubei', provinceName: '湖北省', city: '武汉市', region: '420106' }).certificateNumber, domain: 'Example-Blog.cn' };
const key = filingTypeKey(entry).key!;
const record = (over: Partial<RegistryRecord> = {}): RegistryRecord => ({
  subjectName: '张伟',
  nature: 'INDIVIDUAL',
  certificateType: 'RESIDENT_ID',
  certificateNumber: key.certificateNumber,
  provinceCode: 'hubei',
  subjectIcpNumber: '鄂ICP备2026000001号',
  domain: key.domain,
  websiteName: '张伟的博客',
  websiteIcpNumber: '鄂ICP备2026000001号-1',
  provider: '其他接入商',
  ...over,
});
const none: FilingTypeFacts = { viewerId: 'owner', localDomain: null, subject: null, filedDomain: null, subjectFilings: [] };
const mySubject = (status: string, inProgress = false) => ({ id: 's1', ownerId: 'owner', status, provinceCode: 'hubei', inProgress });

describe('decideFilingType (seed 002 §1.1)', () => {
  it('normalises the domain and certificate before anything is loaded, and refuses bad syntax without loading', () => {
    expect(key.domain).toBe('example-blog.cn');
    const bad = filingTypeKey({ ...entry, domain: 'not a domain', provinceCode: 'atlantis' });
    expect(bad.key).toBeNull();
    expect(rules(bad.refusal!.violations)).toEqual(expect.arrayContaining(['national/province-unknown']));
    expect(bad.refusal!.violations.some((v) => v.field === 'domain')).toBe(true);
  });

  const TABLE: Array<{ name: string; facts: Partial<FilingTypeFacts>; type: string | null; variant?: string | null; refusals?: string[] }> = [
    { name: 'nothing known: 首次备案', facts: {}, type: 'FIRST', variant: null },
    { name: 'subject filed here: 新增网站 here', facts: { subject: mySubject('FILED') }, type: 'ADD_WEBSITE', variant: 'ADD_WEBSITE_HERE' },
    { name: 'subject filed elsewhere: 新增网站 elsewhere', facts: { subjectFilings: [record({ domain: 'other.cn' })] }, type: 'ADD_WEBSITE', variant: 'ADD_WEBSITE_ELSEWHERE' },
    { name: 'domain filed elsewhere by the same subject: 新增接入', facts: { filedDomain: record() }, type: 'ACCESS', variant: 'ACCESS_NEW' },
    { name: 'domain filed elsewhere, subject filed here: 继续接入', facts: { filedDomain: record(), subject: mySubject('FILED') }, type: 'ACCESS', variant: 'ACCESS_CONTINUED' },
    { name: 'domain filed under another subject', facts: { filedDomain: record({ certificateNumber: '110101199003070012' }) }, type: null, refusals: ['national/domain-filed-under-other-subject'] },
    { name: "another account's subject", facts: { subject: { ...mySubject('FILED'), ownerId: 'someone-else' } }, type: null, refusals: ['national/subject-exists-elsewhere'] },
    { name: 'subject with an order in progress', facts: { subject: mySubject('DRAFT', true) }, type: null, refusals: ['national/subject-order-in-progress'] },
    {
      name: 'domain in an order in progress, held by another subject: both reasons',
      facts: { localDomain: { websiteStatus: 'DRAFT', subject: { certificateType: 'RESIDENT_ID', certificateNumber: '110101199003070012' }, inProgress: true } },
      type: null,
      refusals: ['national/domain-order-in-progress', 'national/domain-used-by-other-subject'],
    },
    { name: 'subject filed in another province', facts: { subjectFilings: [record({ provinceCode: 'henan' })] }, type: null, refusals: ['national/access-data-mismatch'] },
    {
      name: 'domain already filed and hosted here',
      facts: { filedDomain: record(), localDomain: { websiteStatus: 'FILED', subject: { certificateType: 'RESIDENT_ID', certificateNumber: key.certificateNumber }, inProgress: false } },
      type: null,
      refusals: ['national/domain-already-hosted-here'],
    },
  ];
  for (const row of TABLE) {
    it(row.name, () => {
      const v = decideFilingType(entry, key, { ...none, ...row.facts });
      expect(v.filingType).toBe(row.type);
      if (row.type) {
        expect(v.variant).toBe(row.variant);
        expect(v.violations).toEqual([]);
      } else {
        expect(rules(v.violations)).toEqual([...row.refusals!].sort());
      }
    });
  }
});

// ───────────── Filing rules from loaded facts ─────────────

function subjectData(): SubjectData {
  const s = individualSubject({ provinceCode: 'hubei', provinceName: '湖北省', city: '武汉市', region: '420106', person: { name: '钱多多' } });
  return {
    ...s,
    nature: 'INDIVIDUAL',
    certificateType: 'RESIDENT_ID',
    communicationAddressFinal: true,
    principal: { ...s.principal, certificateType: 'RESIDENT_ID', longTerm: false, validFrom: new Date(s.principal.validFrom!), validTo: new Date(s.principal.validTo!) },
  };
}
function websiteData(over: Partial<WebsiteData> = {}): WebsiteData {
  const w = website({ name: '钱多多的摄影集', domain: 'qdd-photos.cn', serverInstanceId: 'i-1' });
  return { ...w, principal: null, productVerification: 'SERVER_INSTANCE', preApprovals: [], ...over };
}
const instance = (over: Partial<HostedInstance & { slotsUsed: number }> = {}): HostedInstance & { slotsUsed: number } => ({
  id: 'db-i-1',
  instanceId: 'i-1',
  ownerId: 'owner',
  kind: 'ECS',
  mainland: true,
  region: 'cn-wuhan',
  publicIps: ['203.0.113.10'],
  billing: 'PREPAID',
  prepaidMonths: 12,
  expiresAt: new Date(NOW.getTime() + 365 * DAY),
  retiredAt: null,
  maxServiceCodes: 5,
  slotsUsed: 0,
  ...over,
} as HostedInstance & { slotsUsed: number });
const code = (over: Partial<IssuedServiceCode> = {}): IssuedServiceCode => ({ id: 'c1', code: 'SC-1', websiteId: null, releasedAt: null, instance: instance(), ...over });

function facts(over: Partial<FilingFacts> = {}): FilingFacts {
  return {
    now: NOW,
    viewerId: 'owner',
    hosting: { codesPerInstance: 5, minRemainingMonths: 3, instanceKinds: ['ECS'] },
    maxAccessApplicationsInFlight: { id: 'max-access-applications-in-flight', value: 3, source: 'seed:000_d2f846ec46511894.txt §3.4' } as FilingFacts['maxAccessApplicationsInFlight'],
    filedWebsites: 0,
    takenDomains: [],
    contactClashes: [],
    instances: new Map([['i-1', instance()]]),
    serviceCodes: new Map(),
    ...over,
  };
}
const passedMaterials = { documentCodes: [] as string[], materials: [{ kind: 'CERTIFICATE_FRONT', authenticity: 'PENDING' }, { kind: 'PRINCIPAL_PHOTO', authenticity: 'PASSED' }] as const, accessApplicationsInFlight: 0 };

describe('filingViolations: the same data judged against different facts', () => {
  const subject = subjectData();
  const args = (over: Partial<ValidateFilingArgs> = {}): ValidateFilingArgs => ({
    filingType: 'FIRST',
    variant: null,
    subject,
    websites: [websiteData()],
    subjectId: null,
    registryRecord: null,
    ...over,
  });

  it('clean facts: no violation (the table below starts from valid data)', () => {
    expect(filingViolations(args(), facts())).toEqual([]);
    expect(filingViolations(args({ stage: 'submit', orderId: 'o1' }), facts({ submission: { ...passedMaterials, materials: [...passedMaterials.materials] } }))).toEqual([]);
  });

  const TABLE: Array<{ name: string; args?: Partial<ValidateFilingArgs>; facts: Partial<FilingFacts>; rules: string[]; field?: string }> = [
    { name: 'a domain held by another website', facts: { takenDomains: ['qdd-photos.cn'] }, rules: ['national/domain-taken'], field: 'websites[0].domains[0]' },
    { name: "another subject's email and emergency phone", facts: { contactClashes: [{ email: subject.principal.email.toLowerCase(), emergencyPhone: subject.principal.emergencyPhone! }] }, rules: ['national/email-unique', 'national/emergency-phone-unique'] },
    { name: 'an unknown server instance', facts: { instances: new Map() }, rules: ['national/server-unknown'], field: 'websites[0].serverInstanceId' },
    { name: "someone else's instance answers as unknown", facts: { instances: new Map([['i-1', instance({ ownerId: 'stranger' })]]) }, rules: ['national/server-unknown'] },
    { name: 'an instance with every slot used', facts: { instances: new Map([['i-1', instance({ slotsUsed: 5 })]]) }, rules: ['national/server-slots'] },
    { name: 'a pay-as-you-go instance', facts: { instances: new Map([['i-1', instance({ billing: 'PAY_AS_YOU_GO', expiresAt: null })]]) }, rules: ['national/server-pay-as-you-go'] },
    { name: 'the instance expires within the paid term required, judged at the given time', facts: { now: new Date(NOW.getTime() + 330 * DAY) }, rules: ['national/server-remaining-term'] },
    { name: 'an unknown service code', args: { websites: [websiteData({ productVerification: 'SERVICE_CODE', serviceCode: 'SC-1', serverInstanceId: null })] }, facts: {}, rules: ['national/service-code-unknown'] },
    {
      name: 'a service code used by another website',
      args: { websites: [websiteData({ productVerification: 'SERVICE_CODE', serviceCode: 'SC-1', serverInstanceId: null })] },
      facts: { serviceCodes: new Map([['SC-1', code({ websiteId: 'w-other' })]]) },
      rules: ['national/service-code-used'],
    },
    {
      name: 'a service code the filing itself holds is fine',
      args: { websites: [websiteData({ productVerification: 'SERVICE_CODE', serviceCode: 'SC-1', serverInstanceId: null })], heldWebsiteIds: ['w-mine'] },
      facts: { serviceCodes: new Map([['SC-1', code({ websiteId: 'w-mine' })]]) },
      rules: [],
    },
    { name: 'a released service code', args: { websites: [websiteData({ productVerification: 'SERVICE_CODE', serviceCode: 'SC-1', serverInstanceId: null })] }, facts: { serviceCodes: new Map([['SC-1', code({ releasedAt: NOW })]]) }, rules: ['national/service-code-released'] },
    {
      name: 'submission without the certificate image and with a failed face check',
      args: { stage: 'submit', orderId: 'o1' },
      facts: { submission: { documentCodes: [], materials: [{ kind: 'PRINCIPAL_PHOTO', authenticity: 'FAILED' }], accessApplicationsInFlight: 0 } },
      rules: ['national/authenticity-check', 'national/material-certificate'],
    },
    {
      name: 'a fourth access application in review (provider policy)',
      args: { stage: 'submit', orderId: 'o1', filingType: 'ACCESS', variant: 'ACCESS_NEW' },
      facts: { submission: { ...passedMaterials, materials: [...passedMaterials.materials], accessApplicationsInFlight: 3 } },
      rules: ['provider/max-access-applications-in-flight'],
    },
    { name: 'saving does not judge materials', args: { stage: 'save' }, facts: { submission: { documentCodes: [], materials: [], accessApplicationsInFlight: 0 } }, rules: [] },
  ];
  for (const row of TABLE) {
    it(row.name, () => {
      const vs = filingViolations(args(row.args), facts(row.facts));
      expect(rules(vs)).toEqual([...row.rules].sort());
      if (row.field) expect(vs[0]!.field).toBe(row.field);
    });
  }

  it('every problem at once: the data and the facts together', () => {
    const vs = filingViolations(
      args({ websites: [websiteData({ name: '', ipAddresses: ['999.1.1.1'] })] }),
      facts({ takenDomains: ['qdd-photos.cn'], instances: new Map([['i-1', instance({ slotsUsed: 9 })]]) }),
    );
    expect(rules(vs)).toEqual(expect.arrayContaining(['national/required', 'national/ip-address', 'national/domain-taken', 'national/server-slots']));
  });

  it('judges the same facts the same way every time (no hidden input)', () => {
    const f = facts({ takenDomains: ['qdd-photos.cn'] });
    expect(filingViolations(args(), f)).toEqual(filingViolations(args(), f));
  });
});

// ───────────── Submission and edits ─────────────

describe('decideSubmit and decideEdit: existence, transition, version, data', () => {
  const order = (status: OrderStatus, firstSubmittedAt: Date | null = null) => ({ id: 'o1', ownerId: 'owner', status, version: 4, firstSubmittedAt });
  const bad = () => [{ field: 'websites', rule: 'national/website-required', message: '请填写', messageEn: 'Required', module: 'national' }];
  const ok = () => [];

  it('a first submission starts the 45 days; a resubmission keeps them', () => {
    const first = decideSubmit({ order: order('DRAFT'), caller: OWNER, expectedVersion: 4, now: NOW, violations: ok });
    expect(first).toMatchObject({ from: 'DRAFT', to: 'PENDING_INITIAL_REVIEW', version: 4, submittedAt: NOW, firstSubmittedAt: NOW });
    expect(first.expiresAt.getTime() - NOW.getTime()).toBe(ORDER_VALIDITY_DAYS * DAY);
    const earlier = new Date(NOW.getTime() - 10 * DAY);
    const again = decideSubmit({ order: order('NEEDS_CHANGES', earlier), caller: OWNER, expectedVersion: 4, now: NOW, violations: ok });
    expect(again.firstSubmittedAt).toEqual(earlier);
    expect(again.expiresAt.getTime() - earlier.getTime()).toBe(ORDER_VALIDITY_DAYS * DAY);
  });

  const SUBMIT: Array<{ name: string; order: ReturnType<typeof order> | null; caller: Caller; version: number; violations: typeof bad; expect: unknown }> = [
    { name: 'missing', order: null, caller: OWNER, version: 1, violations: bad, expect: NotFound },
    { name: "another applicant's", order: order('DRAFT'), caller: STRANGER, version: 4, violations: ok, expect: NotFound },
    { name: 'withdrawn, stale, bad data: transition first', order: order('WITHDRAWN'), caller: OWNER, version: 1, violations: bad, expect: InvalidTransition },
    { name: 'in review already', order: order('PENDING_INITIAL_REVIEW'), caller: OWNER, version: 4, violations: ok, expect: InvalidTransition },
    { name: 'stale and bad data: version first', order: order('DRAFT'), caller: OWNER, version: 3, violations: bad, expect: Conflict },
    { name: 'bad data', order: order('MIIT_REJECTED'), caller: OWNER, version: 4, violations: bad, expect: ValidationFailed },
  ];
  for (const row of SUBMIT) {
    it(`submit: ${row.name}`, () => {
      expect(() => decideSubmit({ order: row.order, caller: row.caller, expectedVersion: row.version, now: NOW, violations: row.violations })).toThrow(row.expect as never);
    });
  }

  const EDIT: Array<{ name: string; order: ReturnType<typeof order> | null; caller: Caller; version: number; violations: typeof bad; expect: unknown }> = [
    { name: 'missing', order: null, caller: OWNER, version: 4, violations: ok, expect: NotFound },
    { name: "another applicant's", order: order('DRAFT'), caller: STRANGER, version: 4, violations: ok, expect: NotFound },
    { name: 'in review: not editable, whatever else', order: order('PENDING_MIIT_REVIEW'), caller: OWNER, version: 1, violations: bad, expect: InvalidTransition },
    { name: 'returned, stale, bad data', order: order('NEEDS_CHANGES'), caller: OWNER, version: 3, violations: bad, expect: Conflict },
    { name: 'draft, current, bad data', order: order('DRAFT'), caller: OWNER, version: 4, violations: bad, expect: ValidationFailed },
    { name: 'rejected by the 管局, current, good data', order: order('MIIT_REJECTED'), caller: OWNER, version: 4, violations: ok, expect: 'ok' },
  ];
  for (const row of EDIT) {
    it(`edit: ${row.name}`, () => {
      const run = () => decideEdit({ order: row.order, caller: row.caller, expectedVersion: row.version, violations: row.violations });
      if (row.expect === 'ok') expect(run()).toEqual({ version: 4, status: row.order!.status });
      else expect(run).toThrow(row.expect as never);
    });
  }
});

// ───────────── 变更备案 and cancellations ─────────────

describe('change and cancellation plans from the filed subject', () => {
  const s = subjectData();
  const filedWebsite = (id: string, domain: string, status = 'FILED') => ({
    id,
    status,
    kind: 'WEBSITE',
    name: '钱多多的摄影集',
    icpNumber: `鄂ICP备2026000001号-${id.slice(-1)}`,
    principalId: 'p1',
    principal: { id: 'p1', ...s.principal },
    domains: [{ id: `d-${id}`, name: domain, position: 0, websiteId: id }],
    homepageUrls: [`https://www.${domain}`],
    contentCategory: 'PERSONAL_BLOG',
    serviceType: 'NON_COMMERCIAL',
    languages: ['zh-Hans'],
    remark: '记录个人学习与生活的博客',
    serverLocation: null,
    ipAddresses: ['203.0.113.10'],
    productVerification: 'SERVER_INSTANCE',
    serverInstance: { instanceId: 'i-1' },
    serviceCodes: [],
    preApprovals: [],
  });
  const filed = (status = 'FILED') =>
    ({ ...s, id: 's1', ownerId: 'owner', status, principalId: 'p1', principal: { id: 'p1', ...s.principal }, websites: [filedWebsite('w1', 'qdd-photos.cn'), filedWebsite('w2', 'qdd-notes.cn')] }) as unknown as FiledSubject;
  const at = { stage: 'save' as const, otherOrderInProgress: false };
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (e) {
      if (e instanceof ValidationFailed) return rules(e.violations);
      throw e;
    }
    return [];
  };

  it('lists the changed websites first, then keeps the rest; held websites keep their slots', () => {
    const p = proposeChange(filed(), { websites: [{ websiteId: 'w2', change: { ...websiteData({ domains: ['qdd-notes.cn'], homepageUrls: ['https://www.qdd-notes.cn'] }), name: '钱多多的笔记' } }] }, at);
    expect(p.links.map((l) => [l.websiteId, l.action])).toEqual([['w2', 'CHANGE'], ['w1', 'KEEP']]);
    expect(p.filing.heldWebsiteIds).toEqual(['w2', 'w1']);
    expect(p.violations).toEqual([]);
    expect(decideChange(p, facts())).toEqual({ subjectChanges: null, links: p.links });
  });

  const TABLE: Array<{ name: string; subject?: FiledSubject; input: Parameters<typeof proposeChange>[1]; other?: boolean; facts?: Partial<FilingFacts>; rules: string[]; contains?: boolean }> = [
    { name: 'nothing changed', input: { websites: [] }, rules: ['national/change-nothing'] },
    { name: 'a website not filed here, and one listed twice', input: { websites: [{ websiteId: 'nope' }, { websiteId: 'w1' }, { websiteId: 'w1' }] }, rules: ['national/change-website-duplicate', 'national/change-website-not-filed'] },
    { name: 'another order in progress', input: { websites: [{ websiteId: 'w1' }] }, other: true, rules: ['national/subject-order-in-progress'] },
    { name: 'a subject not filed', subject: filed('CANCELLED'), input: { websites: [] }, rules: ['national/subject-not-filed'] },
    { name: "the subject's certificate changed (among what else that breaks)", input: { subject: { ...s, certificateNumber: '420106199003070013' }, websites: [] }, rules: ['national/change-subject-identity'], contains: true },
    { name: 'a domain added', input: { websites: [{ websiteId: 'w1', change: websiteData({ domains: ['qdd-photos.cn', 'qdd-new.cn'] }) }] }, rules: ['national/change-domain-added'] },
    {
      name: 'the changed email belongs to another subject (facts)',
      input: { subject: { ...s, principal: { ...s.principal, email: 'taken@example.cn', mobile: mobile() } }, websites: [] },
      facts: { contactClashes: [{ email: 'taken@example.cn', emergencyPhone: null }] },
      rules: ['national/email-unique'],
    },
  ];
  for (const row of TABLE) {
    it(row.name, () => {
      const found = refusal(() => decideChange(proposeChange(row.subject ?? filed(), row.input, { ...at, otherOrderInProgress: row.other ?? false }), facts(row.facts)));
      if (row.contains) expect(found).toEqual(expect.arrayContaining(row.rules));
      else expect(found).toEqual([...row.rules].sort());
    });
  }

  it('cancellations: the websites covered, or why not', () => {
    expect(planCancellation(filed(), 'CANCEL_SUBJECT', [], false).map((w) => w.id)).toEqual(['w1', 'w2']);
    expect(planCancellation(filed(), 'CANCEL_WEBSITE', ['w2'], false).map((w) => w.id)).toEqual(['w2']);
    expect(refusal(() => planCancellation(filed(), 'CANCEL_SUBJECT', ['w1'], false))).toEqual(['national/cancel-subject-websites']);
    expect(refusal(() => planCancellation(filed(), 'CANCEL_WEBSITE', [], false))).toEqual(['national/cancel-website-required']);
    expect(refusal(() => planCancellation(filed(), 'CANCEL_ACCESS', ['w1', 'w1', 'x'], true))).toEqual(
      ['national/cancel-website-duplicate', 'national/cancel-website-not-filed', 'national/subject-order-in-progress'].sort(),
    );
  });
});

// ───────────── 提交管局 and 短信核验 ─────────────

describe('submitToMiit and SMS entries', () => {
  const REVIEWER: Caller = { accountId: 'r', role: 'REVIEWER' };
  const at = (status: OrderStatus, extra: { miitSubmittedAt?: Date | null } = {}) => ({ id: 'o1', ownerId: 'owner', status, version: 7, ...extra });

  it('submitToMiit: waiting and not yet handed over; then the version', () => {
    expect(decideSubmitToMiit({ order: at('PENDING_MIIT_REVIEW'), caller: REVIEWER, expectedVersion: 7 })).toEqual({ version: 7 });
    expect(() => decideSubmitToMiit({ order: null, caller: REVIEWER, expectedVersion: 7 })).toThrow(NotFound);
    expect(() => decideSubmitToMiit({ order: at('PENDING_MIIT_REVIEW', { miitSubmittedAt: NOW }), caller: REVIEWER, expectedVersion: 1 })).toThrow(InvalidTransition);
    expect(() => decideSubmitToMiit({ order: at('PENDING_SMS_VERIFICATION'), caller: REVIEWER, expectedVersion: 7 })).toThrow(InvalidTransition);
    expect(() => decideSubmitToMiit({ order: at('PENDING_MIIT_REVIEW'), caller: REVIEWER, expectedVersion: 6 })).toThrow(Conflict);
  });

  const row = (over: Partial<SmsFacts> = {}): SmsFacts => ({ verifiedAt: null, expiresAt: new Date(NOW.getTime() + DAY), sentAt: new Date(NOW.getTime() - 10 * 60_000), resendCount: 0, ...over });
  const RULE = { maxAttempts: 5, maxResends: 3, resendIntervalMinutes: 5 };

  const ENTRY: Array<{ name: string; order: ReturnType<typeof at> | null; caller?: Caller; v: SmsFacts | null; expect: unknown }> = [
    { name: 'unknown order', order: null, v: row(), expect: NotFound },
    { name: "someone else's order, even with an expired code", order: at('PENDING_SMS_VERIFICATION'), caller: STRANGER, v: row({ expiresAt: NOW }), expect: NotFound },
    { name: 'not waiting for SMS, number unknown', order: at('PENDING_MIIT_REVIEW'), v: null, expect: InvalidTransition },
    { name: 'a number the order does not verify', order: at('PENDING_SMS_VERIFICATION'), v: null, expect: NotFound },
    { name: 'already verified: nothing to check', order: at('PENDING_SMS_VERIFICATION'), v: row({ verifiedAt: NOW }), expect: 'done' },
    { name: 'expired code', order: at('PENDING_SMS_VERIFICATION'), v: row({ expiresAt: NOW }), expect: ValidationFailed },
    { name: 'a live code: compare it', order: at('PENDING_SMS_VERIFICATION'), v: row(), expect: 'check' },
  ];
  for (const r of ENTRY) {
    it(`entry: ${r.name}`, () => {
      const run = () => decideSmsEntry({ order: r.order, caller: r.caller ?? OWNER, verification: r.v, now: NOW });
      if (typeof r.expect === 'string') expect(run()).toBe(r.expect);
      else expect(run).toThrow(r.expect as never);
    });
  }

  it('a wrong entry: the count the write returned decides; the one reaching the limit returns the order', () => {
    expect(decideWrongEntry(1, RULE)).toEqual({ returnOrder: false, attemptsLeft: 4 });
    expect(decideWrongEntry(4, RULE)).toEqual({ returnOrder: false, attemptsLeft: 1 });
    expect(decideWrongEntry(5, RULE)).toMatchObject({ returnOrder: true });
  });

  it('resend: within the count and the interval', () => {
    const resend = (v: SmsFacts | null, order = at('PENDING_SMS_VERIFICATION')) => () => decideResend({ order, caller: OWNER, verification: v, now: NOW, rule: RULE });
    expect(resend(row())).not.toThrow();
    expect(resend(row({ verifiedAt: NOW }))).toThrow(NotFound);
    expect(resend(row(), at('NEEDS_CHANGES'))).toThrow(InvalidTransition);
    const limit = (() => {
      try {
        resend(row({ resendCount: 3 }))();
      } catch (e) {
        return rules((e as ValidationFailed).violations);
      }
    })();
    expect(limit).toEqual(['national/sms-resend-limit']);
    const soon = (() => {
      try {
        resend(row({ sentAt: new Date(NOW.getTime() - 60_000) }))();
      } catch (e) {
        return rules((e as ValidationFailed).violations);
      }
    })();
    expect(soon).toEqual(['national/sms-resend-interval']);
  });
});

// ───────────── 认领 / 释放 / 分派 ─────────────

describe('decideAssignment', () => {
  const ME: Caller = { accountId: 'r1', role: 'REVIEWER' };
  const ADMIN: Caller = { accountId: 'a1', role: 'ADMIN' };
  const o = (status: OrderStatus, assigneeId: string | null = null) => ({ id: 'o1', ownerId: 'owner', status, version: 2, assigneeId });
  const staff = { role: 'REVIEWER', disabledAt: null };
  const TABLE: Array<{ name: string; order: ReturnType<typeof o> | null; caller?: Caller; action: 'claim' | 'release' | 'assign'; to: string | null; version?: number; target?: { role: string; disabledAt: Date | null } | null; expect: unknown }> = [
    { name: 'claim an order in review', order: o('PENDING_INITIAL_REVIEW'), action: 'claim', to: 'r1', expect: { change: true, version: 2, from: null, to: 'r1' } },
    { name: 'claim again: nothing to write', order: o('PENDING_INITIAL_REVIEW', 'r1'), action: 'claim', to: 'r1', expect: { change: false } },
    { name: 'unknown order', order: null, action: 'claim', to: 'r1', expect: NotFound },
    { name: 'a draft has no review work, even with a stale version', order: o('DRAFT'), action: 'claim', to: 'r1', version: 1, expect: InvalidTransition },
    { name: 'stale version', order: o('PENDING_MIIT_REVIEW'), action: 'claim', to: 'r1', version: 1, expect: Conflict },
    { name: "another reviewer's order", order: o('PENDING_MIIT_REVIEW', 'r2'), action: 'claim', to: 'r1', expect: Conflict },
    { name: "release another reviewer's order", order: o('PENDING_MIIT_REVIEW', 'r2'), action: 'release', to: null, expect: Conflict },
    { name: 'an admin releases any order', order: o('PENDING_MIIT_REVIEW', 'r2'), caller: ADMIN, action: 'release', to: null, expect: { change: true, version: 2, from: 'r2', to: null } },
    { name: 'release after approval (no review work left)', order: o('APPROVED', 'r1'), action: 'release', to: null, expect: { change: true, version: 2, from: 'r1', to: null } },
    { name: 'assign to an applicant', order: o('PENDING_INITIAL_REVIEW'), caller: ADMIN, action: 'assign', to: 'x', target: { role: 'APPLICANT', disabledAt: null }, expect: ValidationFailed },
    { name: 'assign to a disabled reviewer', order: o('PENDING_INITIAL_REVIEW'), caller: ADMIN, action: 'assign', to: 'x', target: { role: 'REVIEWER', disabledAt: NOW }, expect: ValidationFailed },
    { name: 'assign to nobody known', order: o('PENDING_INITIAL_REVIEW'), caller: ADMIN, action: 'assign', to: 'x', target: null, expect: ValidationFailed },
    { name: 'assign to a reviewer', order: o('PENDING_INITIAL_REVIEW', 'r1'), caller: ADMIN, action: 'assign', to: 'r2', target: staff, expect: { change: true, version: 2, from: 'r1', to: 'r2' } },
  ];
  for (const r of TABLE) {
    it(r.name, () => {
      const run = () => decideAssignment({ order: r.order, caller: r.caller ?? ME, action: r.action, to: r.to, expectedVersion: r.version ?? 2, target: r.target });
      if (typeof r.expect === 'object' && r.expect !== null && 'change' in r.expect) expect(run()).toEqual(r.expect);
      else expect(run).toThrow(r.expect as never);
    });
  }
});
