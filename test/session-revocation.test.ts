/**
 * A session that ends (sign-out, password change, account disabled, expiry) ends its live streams too:
 * graphql-ws subscriptions and server-sent-event streams stop, and no event committed after the
 * revocation reaches them. A second subscriber whose session is still valid shows when the event went out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertStaffAccount } from '../src/auth/staff.js';
import { startTestServer, type TestServer } from './support/harness.js';
import { individualSubject, reviewer, server, signIn, signUp, website } from './support/fixtures.js';
import { sse, until, watch, type Watched } from './support/live.js';
import { must, startAndSubmit } from './support/workflow.js';

let s: TestServer;
let admin: string;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-08-03T02:00:00Z' });
  await upsertStaffAccount(s.db.prisma, { email: 'revoker@example.cn', password: 'admin-password-1', displayName: '管理员', role: 'ADMIN' }, 10);
  admin = await signIn(s, 'revoker@example.cn', 'admin-password-1');
});
afterAll(async () => {
  await s?.close();
});

const FEED = /* GraphQL */ `subscription ($after: String) { orderEvents(after: $after) { sequence toStatus order { id } } }`;
const CHANGED = /* GraphQL */ `subscription ($id: ID!, $after: String) { orderStatusChanged(orderId: $id, after: $after) { sequence toStatus } }`;

let n = 0;
async function submittedOrder() {
  n++;
  const applicant = await signUp(s, '撤销者');
  const instance = await server(s, applicant.accountId);
  const subject = individualSubject({ provinceCode: 'anhui', provinceName: '安徽省', city: '合肥市', region: '340104', person: { name: '许晴' } });
  const order = await startAndSubmit(s, applicant.token, {
    subject,
    websites: [website({ name: '许晴的园艺日记', domain: `revoke-garden-${n}.cn`, serverInstanceId: instance, remark: '分享家庭园艺经验' })],
  });
  return { applicant, order };
}

async function head(): Promise<string> {
  return ((await s.db.prisma.orderEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n).toString();
}

/** The stream ended the way a client can act on: the socket closed with 4401/4403, or a typed error and completion. */
function expectEndedForSession(w: Watched) {
  if (w.ended?.startsWith('close')) expect(w.ended).toMatch(/^close 440[13]/);
  else {
    expect(w.ended).toBe('complete');
    expect(w.errors.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  }
}

const DISABLE = `mutation ($id: ID!) { setAccountDisabled(accountId: $id, disabled: true) { __typename } }`;

describe('a session that ends stops its live streams', () => {
  // First in this file, while no stream is open: a sign-out announced when this instance holds no
  // live stream once left the session check stuck, and no later sign-out, disable or expiry ended a
  // stream (the per-event check still kept events from revoked sessions).
  it('a sign-out while no stream is open does not keep later sign-outs from ending streams', async () => {
    const { applicant, order } = await submittedOrder();
    const staff = await reviewer(s);
    await until('no stream to be open on the server', () => s.app.services.sessions.size === 0);
    const other = await signIn(s, applicant.email);
    expect((await s.ok(`mutation { signOut { revokedAt } }`, {}, other)).signOut.revokedAt).toEqual(expect.any(String));

    // A stream that is live (it received an event), then its session signs out.
    const mine = watch(s.ws(applicant.token), CHANGED, { id: order.id, after: await head() }, 'orderStatusChanged');
    await must(s, staff, 'approveInitialReview', { orderId: order.id, version: order.version, requireMailedMaterials: true });
    await until('the stream to see the approval', () => mine.events.length >= 1);
    await s.ok(`mutation { signOut { revokedAt } }`, {}, applicant.token);
    await until('the signed-out stream to end', () => mine.ended !== undefined);
    expectEndedForSession(mine);
    expect(mine.events.map((e) => e.toStatus)).toEqual(['AWAITING_MAILED_MATERIALS']);
  });

  it('a disabled reviewer’s orderEvents feed ends, and the next event does not reach it', async () => {
    const { applicant, order } = await submittedOrder();
    const email = `gone-reviewer-${n}@example.cn`;
    await upsertStaffAccount(s.db.prisma, { email, password: 'reviewer-password-1', displayName: '审核员', role: 'REVIEWER' }, 10);
    const doomed = await signIn(s, email, 'reviewer-password-1');
    const doomedId = (await s.ok(`{ viewer { id } }`, {}, doomed)).viewer.id as string;
    const staff = await reviewer(s);
    const after = await head();
    const revoked = watch(s.ws(doomed), FEED, { after }, 'orderEvents');
    const control = watch(s.ws(staff), FEED, { after }, 'orderEvents');

    // One event reaches both: both streams are live.
    const rejected = await must(s, staff, 'rejectInitialReview', { orderId: order.id, version: order.version, reason: '请补充材料' });
    await until('both feeds to see the rejection', () => revoked.events.length >= 1 && control.events.length >= 1);

    expect((await s.ok(DISABLE, { id: doomedId }, admin)).setAccountDisabled.__typename).toBe('Account');
    // Committed after the revocation: must not reach the disabled reviewer.
    await must(s, applicant.token, 'submitOrder', { orderId: order.id, version: rejected.version });
    await until('the control feed to see the resubmission', () => control.events.length >= 2);
    await until('the revoked feed to end or to see the event', () => revoked.ended !== undefined || revoked.events.length >= 2);
    expect(revoked.events.map((e) => e.toStatus)).toEqual(['INITIAL_REJECTED']);
    await until('the revoked feed to end', () => revoked.ended !== undefined);
    expectEndedForSession(revoked);
    expect(control.ended).toBeUndefined();
    control.stop();
  });

  it('an applicant who signs out stops receiving orderStatusChanged over graphql-ws, with no further event needed', async () => {
    const { applicant, order } = await submittedOrder();
    const staff = await reviewer(s);
    const after = await head();
    const mine = watch(s.ws(applicant.token), CHANGED, { id: order.id, after }, 'orderStatusChanged');
    const control = watch(s.ws(staff), CHANGED, { id: order.id, after }, 'orderStatusChanged');
    const waiting = await must(s, staff, 'approveInitialReview', { orderId: order.id, version: order.version, requireMailedMaterials: true });
    await until('both to see the approval', () => mine.events.length >= 1 && control.events.length >= 1);

    expect((await s.ok(`mutation { signOut { revokedAt } }`, {}, applicant.token)).signOut.revokedAt).toEqual(expect.any(String));
    // The stream ends by itself: nothing else happens on the order meanwhile.
    await until('the signed-out stream to end', () => mine.ended !== undefined);
    expectEndedForSession(mine);

    await must(s, staff, 'markMaterialsReceived', { orderId: order.id, version: waiting.version });
    await until('the control stream to see the next change', () => control.events.length >= 2);
    expect(mine.events.map((e) => e.toStatus)).toEqual(['AWAITING_MAILED_MATERIALS']);
    control.stop();
  });

  it('a password change ends the streams of every old session', async () => {
    const { applicant, order } = await submittedOrder();
    const staff = await reviewer(s);
    const second = await signIn(s, applicant.email);
    const after = await head();
    const a = watch(s.ws(applicant.token), CHANGED, { id: order.id, after }, 'orderStatusChanged');
    const b = watch(s.ws(second), CHANGED, { id: order.id, after }, 'orderStatusChanged');
    const control = watch(s.ws(staff), CHANGED, { id: order.id, after }, 'orderStatusChanged');
    const rejected = await must(s, staff, 'rejectInitialReview', { orderId: order.id, version: order.version, reason: '请补充材料' });
    await until('all to see the rejection', () => a.events.length >= 1 && b.events.length >= 1 && control.events.length >= 1);

    const changed = await s.ok(
      `mutation { changePassword(currentPassword: "applicant-password-1", newPassword: "applicant-password-2") { __typename ... on SessionPayload { token } } }`,
      {},
      applicant.token,
    );
    expect(changed.changePassword.__typename).toBe('SessionPayload');
    const fresh = changed.changePassword.token as string;
    const next = watch(s.ws(fresh), CHANGED, { id: order.id, after: await head() }, 'orderStatusChanged');
    await must(s, fresh, 'submitOrder', { orderId: order.id, version: rejected.version });
    await until('the control and the new session to see the resubmission', () => control.events.length >= 2 && next.events.length >= 1);
    await until('both old streams to end', () => a.ended !== undefined && b.ended !== undefined);
    expect(a.events).toHaveLength(1);
    expect(b.events).toHaveLength(1);
    expectEndedForSession(a);
    expectEndedForSession(b);
    expect(next.ended).toBeUndefined();
    next.stop();
    control.stop();
  });

  it('a server-sent-events stream ends with a typed error when its session is signed out', async () => {
    const { applicant, order } = await submittedOrder();
    const staff = await reviewer(s);
    const after = await head();
    const stream = await sse(s.url, applicant.token, CHANGED, { id: order.id, after });
    expect(stream.status).toBe(200);
    const control = watch(s.ws(staff), CHANGED, { id: order.id, after }, 'orderStatusChanged');
    const waiting = await must(s, staff, 'approveInitialReview', { orderId: order.id, version: order.version, requireMailedMaterials: true });
    await until('both to see the approval', () => stream.payloads.length >= 1 && control.events.length >= 1);

    await s.ok(`mutation { signOut { revokedAt } }`, {}, applicant.token);
    // Committed after the revocation: must not reach the signed-out stream.
    await must(s, staff, 'markMaterialsReceived', { orderId: order.id, version: waiting.version });
    await until('the control stream to see the next change', () => control.events.length >= 2);
    await until('the stream to end', () => stream.completed);
    const statuses = stream.payloads.flatMap((p) => (p.data?.orderStatusChanged ? [p.data.orderStatusChanged.toStatus] : []));
    expect(statuses).toEqual(['AWAITING_MAILED_MATERIALS']);
    expect(stream.payloads.at(-1)?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    stream.stop();
    control.stop();
  });

  // Last in this file: it moves the clock past every session's lifetime.
  it('an expired session’s stream ends by itself', async () => {
    const { applicant, order } = await submittedOrder();
    const staff = await reviewer(s);
    const w = watch(s.ws(applicant.token), CHANGED, { id: order.id, after: await head() }, 'orderStatusChanged');
    await must(s, staff, 'approveInitialReview', { orderId: order.id, version: order.version, requireMailedMaterials: true });
    await until('the stream to see the approval', () => w.events.length >= 1);
    s.clock.advance(169 * 3_600_000);
    await until('the expired stream to end', () => w.ended !== undefined);
    expectEndedForSession(w);
  });
});
