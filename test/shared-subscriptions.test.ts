/**
 * Shared subscription execution (src/server/shared-subscriptions.ts): subscribers with the same
 * document and variables share one execution per event, but only within a viewer class, and never
 * an answer that depends on who exactly is asking.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, take, type TestServer } from './support/harness.js';
import { admin, individualSubject, reviewer, server, signUp, website } from './support/fixtures.js';
import { must, startAndSubmit } from './support/workflow.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-08-03T02:00:00Z' });
});
afterAll(async () => {
  await s?.close();
});

let n = 0;
async function submittedOrder(name: string) {
  n++;
  const applicant = await signUp(s, name);
  const instance = await server(s, applicant.accountId);
  const subject = individualSubject({ provinceCode: 'anhui', provinceName: '安徽省', city: '合肥市', region: '340104', person: { name: '许晴' } });
  const order = await startAndSubmit(s, applicant.token, {
    subject,
    websites: [website({ name: '许晴的园艺日记', domain: `shared-feed-${n}.cn`, serverInstanceId: instance, remark: '分享家庭园艺经验' })],
  });
  return { applicant, order };
}

/** The newest event sequence the viewer can see on this order. */
async function lastSequence(token: string, orderId: string): Promise<bigint> {
  const d = await s.ok(`query ($id: ID!) { node(id: $id) { ... on Order { latestEvent { sequence } } } }`, { id: orderId }, token);
  return BigInt(d.node.latestEvent.sequence);
}

const viewerId = async (token: string) => (await s.ok('{ viewer { id } }', {}, token)).viewer.id as string;

describe('shared subscription execution', () => {
  it('two applicants on the same document and variables receive only their own orders’ events', async () => {
    const staff = await reviewer(s);
    const a = await submittedOrder('申请人甲');
    const b = await submittedOrder('申请人乙');
    const after = String([await lastSequence(a.applicant.token, a.order.id), await lastSequence(b.applicant.token, b.order.id)].reduce((x, y) => (x > y ? x : y)));
    const FEED = 'subscription ($after: String) { myOrderEvents(after: $after) { sequence toStatus order { id number } } }';
    const feedA = take(s.ws(a.applicant.token), FEED, { after }, 2);
    const feedB = take(s.ws(b.applicant.token), FEED, { after }, 2);
    // A reviewer's feed on the same events, so that every event also has an execution for staff.
    const staffFeed = take(s.ws(staff), 'subscription ($after: String) { orderEvents(after: $after) { sequence toStatus order { id number } } }', { after }, 4);

    const ra = await must(s, staff, 'rejectInitialReview', { orderId: a.order.id, version: a.order.version, reason: '证件照片不清晰' });
    const rb = await must(s, staff, 'rejectInitialReview', { orderId: b.order.id, version: b.order.version, reason: '证件照片不清晰' });
    await must(s, a.applicant.token, 'submitOrder', { orderId: a.order.id, version: ra.version });
    await must(s, b.applicant.token, 'submitOrder', { orderId: b.order.id, version: rb.version });

    const seenA = (await feedA.done).map((r) => r.data!.myOrderEvents);
    const seenB = (await feedB.done).map((r) => r.data!.myOrderEvents);
    expect(seenA.map((e) => e.order.id)).toEqual([a.order.id, a.order.id]);
    expect(seenB.map((e) => e.order.id)).toEqual([b.order.id, b.order.id]);
    expect(seenA.map((e) => e.toStatus)).toEqual(['INITIAL_REJECTED', 'PENDING_INITIAL_REVIEW']);
    expect(seenB.map((e) => e.toStatus)).toEqual(['INITIAL_REJECTED', 'PENDING_INITIAL_REVIEW']);
    const all = (await staffFeed.done).map((r) => r.data!.orderEvents.order.id);
    expect(all).toEqual([a.order.id, b.order.id, a.order.id, b.order.id]);
  });

  it('answers follow the viewer’s role, and reads that depend on who asks are made for each viewer', async () => {
    const staff1 = await reviewer(s);
    const staff2 = await reviewer(s);
    const boss = await admin(s);
    const { applicant, order } = await submittedOrder('申请人丙');
    const after = String(await lastSequence(applicant.token, order.id));
    // The same document and variables for everyone: the audit trail is for staff only, the full
    // certificate number is disclosed to the owner and to staff, each staff read audited.
    const DOC = /* GraphQL */ `
      subscription ($id: ID!, $after: String) {
        orderStatusChanged(orderId: $id, after: $after) {
          toStatus
          order { number subject { certificateNumberFull } auditTrail { totalCount } }
        }
      }
    `;
    const vars = { id: order.id, after };
    const subs = {
      owner: take(s.ws(applicant.token), DOC, vars, 1),
      staff1: take(s.ws(staff1), DOC, vars, 1),
      staff2: take(s.ws(staff2), DOC, vars, 1),
      boss: take(s.ws(boss), DOC, vars, 1),
    };
    await must(s, staff1, 'rejectInitialReview', { orderId: order.id, version: order.version, reason: '证件照片不清晰' });
    const [owner] = await subs.owner.done;
    const [r1] = await subs.staff1.done;
    const [r2] = await subs.staff2.done;
    const [ad] = await subs.boss.done;

    // The owner: the full number, and no audit trail (reviewers only).
    expect(owner!.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(JSON.stringify(owner!.data ?? null)).not.toContain('totalCount');
    for (const staffAnswer of [r1, r2, ad]) {
      expect(staffAnswer!.errors).toBeUndefined();
      const o = staffAnswer!.data!.orderStatusChanged;
      expect(o.toStatus).toBe('INITIAL_REJECTED');
      expect(o.order.subject.certificateNumberFull).toMatch(/^\d{17}[\dX]$/);
      expect(typeof o.order.auditTrail.totalCount).toBe('number');
    }

    // Each staff viewer's disclosure is on record under its own account: none was served another's answer.
    const trail = await s.ok(
      `{ auditTrail(first: 100, filter: { action: ["PERSONAL_DATA_VIEWED"] }) { nodes { targetType field actor { id } } } }`,
      {},
      boss,
    );
    const readers = trail.auditTrail.nodes
      .filter((e: { targetType: string; field: string }) => e.targetType === 'Subject' && e.field === 'certificateNumber')
      .map((e: { actor: { id: string } }) => e.actor.id);
    for (const token of [staff1, staff2, boss]) expect(readers).toContain(await viewerId(token));
  });
});
