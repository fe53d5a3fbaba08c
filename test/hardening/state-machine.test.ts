/**
 * A model test of the order state machine through the real API: random sequences of applicant,
 * reviewer and timer actions (with stale versions and races) on real orders, checking after every
 * step, against the database, that
 * - the API allows exactly what the transition table allows (given the current version);
 * - history is complete and append-only: the status changes form one chain of allowed edges from
 *   DRAFT to the current status, and nothing recorded earlier changes or disappears;
 * - `version` never goes back and moves with every status change;
 * - a website gets at most one ICP number, never a different one, and no number is used twice.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertStaffAccount } from '../../src/auth/staff.js';
import type { OrderStatus } from '../../src/generated/prisma/enums.js';
import { ACTIONS, isAllowed, type OrderAction } from '../../src/workflow/transitions.js';
import type { OutboxSmsGateway } from '../../src/workflow/sms.js';
import { individualSubject, server, signIn, signUp, uploadRequiredMaterials, website } from '../support/fixtures.js';
import { startServer, type HardenedServer } from './support/server.js';

let s: HardenedServer;
let applicant: { token: string; accountId: string; email: string };
let staff: string;
const STAFF_EMAIL = 'model-reviewer@example.cn';
const HOUR = 3_600_000;
const START = '2026-03-02T02:00:00Z';
let steps = 0;
const reached = new Map<string, number>();

beforeAll(async () => {
  s = await startServer({ env: { RATE_LIMIT_STORE: 'off' }, timers: false, start: START });
  applicant = await signUp(s, '模型');
  await upsertStaffAccount(s.db.prisma, { email: STAFF_EMAIL, password: 'reviewer-password-1', displayName: '审核员', role: 'REVIEWER' }, s.app.services.config.passwordHashCost);
  staff = await signIn(s, STAFF_EMAIL, 'reviewer-password-1');
});
afterAll(async () => {
  console.log(`state machine: ${steps} actions checked; order states reached: ${JSON.stringify(Object.fromEntries(reached))}`);
  await s?.close();
});

interface Tracked {
  globalId: string;
  id: string;
  mobile: string;
  suffix: string;
}

let serial = 0;
async function newOrder(): Promise<Tracked> {
  const n = ++serial;
  const instance = await server(s, applicant.accountId);
  const subject = individualSubject({ provinceCode: 'hubei', provinceName: '湖北省', city: '武汉市', region: '420106', person: { name: '钱多多' } });
  const data = await s.ok(
    `mutation ($input: FilingInput!) { startFiling(input: $input) { __typename ... on Order { id } ... on Error { message } } }`,
    { input: { subject, websites: [website({ name: '钱多多的摄影集', domain: `qdd-model-${n}.cn`, serverInstanceId: instance })] } },
    applicant.token,
  );
  expect(data.startFiling.__typename, JSON.stringify(data)).toBe('Order');
  await uploadRequiredMaterials(s, applicant.token, data.startFiling.id, 'INDIVIDUAL');
  return { globalId: data.startFiling.id, id: decodeGlobalID(data.startFiling.id).id, mobile: subject.principal.mobile, suffix: subject.certificateNumber.slice(-6) };
}

type Step =
  | { kind: 'act'; order: number; action: ApiAction; stale: boolean; mailed: boolean }
  | { kind: 'race'; order: number }
  | { kind: 'sms'; order: number; right: boolean }
  | { kind: 'resend'; order: number }
  | { kind: 'submitToMiit'; order: number }
  | { kind: 'time'; hours: number }
  | { kind: 'next'; order: number; variant: boolean };

/** API mutations that are one table action each, with who performs them. */
const API: Record<string, { action: OrderAction; as: 'applicant' | 'reviewer' }> = {
  submitOrder: { action: 'submit', as: 'applicant' },
  withdrawOrder: { action: 'withdraw', as: 'applicant' },
  approveInitialReview: { action: 'approveInitialReview', as: 'reviewer' },
  rejectInitialReview: { action: 'rejectInitialReview', as: 'reviewer' },
  requestChanges: { action: 'requestChanges', as: 'reviewer' },
  markMaterialsReceived: { action: 'markMaterialsReceived', as: 'reviewer' },
  recordMiitApproval: { action: 'recordMiitApproval', as: 'reviewer' },
  recordMiitRejection: { action: 'recordMiitRejection', as: 'reviewer' },
};
type ApiAction = keyof typeof API;

const ORDERS = 2;
const order = fc.nat({ max: ORDERS - 1 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('next' as const), order, variant: fc.boolean() }) },
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('act' as const), order, action: fc.constantFrom(...(Object.keys(API) as ApiAction[])), stale: fc.nat({ max: 6 }).map((n) => n === 0), mailed: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('race' as const), order }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sms' as const), order, right: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resend' as const), order }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('submitToMiit' as const), order }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('time' as const), hours: fc.constantFrom(1, 1, 25, 25, 46 * 24) }) },
);

const RESULT = `__typename ... on Order { status version } ... on Error { message }`;

/** Runs one mutation; returns the typed result, or `{ __typename: 'Refused' }` for GraphQL errors. */
async function call(name: string, vars: Record<string, unknown>, token: string) {
  const types: Record<string, string> = { orderId: 'ID!', version: 'Int!', reason: 'String!', requireMailedMaterials: 'Boolean', comments: '[FieldCommentInput!]!', mobile: 'String!', code: 'String!', certificateSuffix: 'String!' };
  const params = Object.keys(vars).map((k) => `$${k}: ${types[k]}`).join(', ');
  const args = Object.keys(vars).map((k) => `${k}: $${k}`).join(', ');
  const r = await s.gql(`mutation (${params}) { ${name}(${args}) { ${RESULT} } }`, vars, token);
  return r.errors?.length ? { __typename: 'Refused', errors: r.errors } : r.data[name];
}

function varsFor(name: ApiAction, o: Tracked, version: number, mailed: boolean): Record<string, unknown> {
  const base = { orderId: o.globalId, version };
  if (name === 'approveInitialReview') return { ...base, requireMailedMaterials: mailed };
  if (name === 'rejectInitialReview' || name === 'recordMiitRejection') return { ...base, reason: '名称与内容不符' };
  if (name === 'requestChanges') return { ...base, reason: '请补充材料', comments: [{ field: 'websites[0].remark', comment: '请写清楚' }] };
  return base;
}

const row = (id: string) => s.db.prisma.order.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, miitSubmittedAt: true } });

/** Whether the table (plus the one precondition outside it: a 管局 decision needs submitToMiit first) allows the action now. */
function allowedNow(name: ApiAction, current: { status: OrderStatus; miitSubmittedAt: Date | null }): boolean {
  const spec = ACTIONS[API[name]!.action];
  if (!spec.from.includes(current.status as never)) return false;
  if ((name === 'recordMiitApproval' || name === 'recordMiitRejection') && !current.miitSubmittedAt) return false;
  return true;
}

interface Seen {
  events: Map<string, string[]>;
  versions: Map<string, number>;
  statusChanges: Map<string, number>;
  websiteNumbers: Map<string, string>;
}

async function checkInvariants(orders: Tracked[], seen: Seen) {
  for (const o of orders) {
    const current = await s.db.prisma.order.findUniqueOrThrow({ where: { id: o.id } });
    const events = await s.db.prisma.orderEvent.findMany({ where: { orderId: o.id }, orderBy: { id: 'asc' } });
    const lines = events.map((e) => `${e.id}|${e.type}|${e.fromStatus}|${e.toStatus}|${e.reason}|${JSON.stringify(e.detail)}`);
    // Append-only: what was recorded before is still there, unchanged, in the same order.
    const before = seen.events.get(o.id) ?? [];
    expect(lines.slice(0, before.length)).toEqual(before);
    seen.events.set(o.id, lines);
    // Complete: the status changes chain from DRAFT to the current status along allowed edges.
    expect(events[0]?.type).toBe('CREATED');
    let status: OrderStatus = 'DRAFT';
    const changes = events.filter((e) => e.type === 'STATUS_CHANGED');
    for (const e of changes) {
      expect(e.fromStatus).toBe(status);
      const action = (e.detail as { action?: OrderAction } | null)?.action;
      expect(action && isAllowed(action, e.fromStatus!, e.toStatus!), `${action}: ${e.fromStatus} → ${e.toStatus}`).toBe(true);
      status = e.toStatus!;
    }
    expect(current.status).toBe(status);
    reached.set(status, (reached.get(status) ?? 0) + 1);
    // Version: never back, and forward with every status change.
    const lastVersion = seen.versions.get(o.id) ?? -1;
    expect(current.version).toBeGreaterThanOrEqual(lastVersion);
    if (changes.length > (seen.statusChanges.get(o.id) ?? 0)) expect(current.version).toBeGreaterThan(lastVersion);
    seen.versions.set(o.id, current.version);
    seen.statusChanges.set(o.id, changes.length);
  }
  // ICP numbers: unique, stable once given, and only on approved filings.
  const websites = await s.db.prisma.website.findMany({
    where: { orders: { some: { orderId: { in: orders.map((o) => o.id) } } } },
    select: { id: true, icpNumber: true, orders: { select: { order: { select: { status: true } } } } },
  });
  for (const w of websites) {
    const earlier = seen.websiteNumbers.get(w.id);
    if (earlier) expect(w.icpNumber).toBe(earlier);
    if (w.icpNumber) seen.websiteNumbers.set(w.id, w.icpNumber);
    expect(w.icpNumber !== null).toBe(w.orders.some((l) => l.order.status === 'APPROVED'));
  }
  const numbered = await s.db.prisma.website.findMany({ where: { icpNumber: { not: null } }, select: { icpNumber: true } });
  expect(new Set(numbered.map((w) => w.icpNumber)).size).toBe(numbered.length);
  const subjects = await s.db.prisma.subject.findMany({ where: { icpNumber: { not: null } }, select: { icpNumber: true } });
  expect(new Set(subjects.map((x) => x.icpNumber)).size).toBe(subjects.length);
}

/**
 * The step that moves an order forward (so random plans reach the late states); `variant` picks
 * mailed materials after the initial review and the 管局's rejection over its approval.
 */
function happyPath(step: { order: number; variant: boolean }, current: { status: OrderStatus; miitSubmittedAt: Date | null }): Step {
  const act = (action: ApiAction): Step => ({ kind: 'act', order: step.order, action, stale: false, mailed: step.variant });
  switch (current.status) {
    case 'PENDING_INITIAL_REVIEW':
      return act('approveInitialReview');
    case 'AWAITING_MAILED_MATERIALS':
      return act('markMaterialsReceived');
    case 'PENDING_SMS_VERIFICATION':
      return { kind: 'sms', order: step.order, right: true };
    case 'PENDING_MIIT_REVIEW':
      if (!current.miitSubmittedAt) return { kind: 'submitToMiit', order: step.order };
      return act(step.variant ? 'recordMiitRejection' : 'recordMiitApproval');
    default:
      return act('submitOrder');
  }
}

async function runStep(step: Step, orders: Tracked[]): Promise<void> {
  steps++;
  if (step.kind === 'time') {
    s.clock.advance(step.hours * HOUR);
    await s.app.sweeper.sweep();
    // Sessions last a week: sign in again, as people would.
    applicant.token = await signIn(s, applicant.email);
    staff = await signIn(s, STAFF_EMAIL, 'reviewer-password-1');
    return;
  }
  const o = orders[step.order]!;
  const current = await row(o.id);
  if (step.kind === 'next') return runStep(happyPath(step, current), orders);
  if (step.kind === 'act') {
    const as = API[step.action]!.as === 'applicant' ? applicant.token : staff;
    const version = step.stale ? current.version - 1 : current.version;
    const r = await call(step.action, varsFor(step.action, o, version, step.mailed), as);
    const after = await row(o.id);
    if (step.stale || !allowedNow(step.action, current)) {
      expect(r.__typename, `${step.action} from ${current.status}${step.stale ? ' (stale)' : ''}`).not.toBe('Order');
      expect(after).toEqual(current);
    } else {
      expect(r.__typename, `${step.action} from ${current.status}: ${JSON.stringify(r)}`).toBe('Order');
      expect(ACTIONS[API[step.action]!.action].to).toContain(r.status);
    }
    return;
  }
  if (step.kind === 'race') {
    const [a, b] = await Promise.all([
      call('approveInitialReview', { orderId: o.globalId, version: current.version }, staff),
      call('rejectInitialReview', { orderId: o.globalId, version: current.version, reason: '并发驳回' }, staff),
    ]);
    const wins = [a, b].filter((r) => r.__typename === 'Order').length;
    expect(wins).toBe(current.status === 'PENDING_INITIAL_REVIEW' ? 1 : 0);
    return;
  }
  if (step.kind === 'submitToMiit') {
    const r = await call('submitToMiit', { orderId: o.globalId, version: current.version }, staff);
    expect(r.__typename === 'Order').toBe(current.status === 'PENDING_MIIT_REVIEW' && !current.miitSubmittedAt);
    return;
  }
  const sms = s.app.services.sms as OutboxSmsGateway;
  if (step.kind === 'resend') {
    await call('resendSmsCode', { orderId: o.globalId, mobile: o.mobile }, applicant.token);
    return;
  }
  const code = step.right ? sms.lastCodeFor(o.mobile) ?? '000000' : 'wrong!';
  await call('verifySmsCode', { orderId: o.globalId, mobile: o.mobile, code, certificateSuffix: o.suffix }, applicant.token);
}

describe('order state machine (model test through the API)', () => {
  it('random action sequences never reach an illegal state, lose history or give a website two ICP numbers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 5, maxLength: 24 }), async (plan) => {
        s.clock.set(START);
        applicant.token = await signIn(s, applicant.email);
        staff = await signIn(s, STAFF_EMAIL, 'reviewer-password-1');
        const orders = [await newOrder(), await newOrder()];
        const seen: Seen = { events: new Map(), versions: new Map(), statusChanges: new Map(), websiteNumbers: new Map() };
        await checkInvariants(orders, seen);
        for (const step of plan) {
          await runStep(step, orders);
          await checkInvariants(orders, seen);
        }
      }),
      { numRuns: 20 },
    );
  }, 600_000);
});
