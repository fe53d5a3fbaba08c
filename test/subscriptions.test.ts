import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, take, type TestServer } from './support/harness.js';
import { individualSubject, reviewer, server, signUp, website } from './support/fixtures.js';
import { must, startAndSubmit } from './support/workflow.js';

let s: TestServer;
let staff: string;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-08-03T02:00:00Z' });
  staff = await reviewer(s);
});
afterAll(async () => {
  await s?.close();
});

const CHANGED = /* GraphQL */ `
  subscription ($id: ID!, $after: String) {
    orderStatusChanged(orderId: $id, after: $after) { sequence fromStatus toStatus reason }
  }
`;

/** The sequence of the order's newest event: subscribing after it replays anything that happens next. */
async function lastSequence(token: string, orderId: string): Promise<string> {
  const d = await s.ok(
    `query ($id: ID!) { node(id: $id) { ... on Order { latestEvent { sequence } } } }`,
    { id: orderId },
    token,
  );
  return d.node.latestEvent.sequence;
}

let n = 0;
async function submittedOrder() {
  n++;
  const applicant = await signUp(s, '订阅者');
  const instance = await server(s, applicant.accountId);
  const subject = individualSubject({ provinceCode: 'anhui', provinceName: '安徽省', city: '合肥市', region: '340104', person: { name: '许晴' } });
  const order = await startAndSubmit(s, applicant.token, {
    subject,
    websites: [website({ name: '许晴的园艺日记', domain: `xuqing-garden-${n}.cn`, serverInstanceId: instance, remark: '分享家庭园艺经验' })],
  });
  return { applicant, order };
}

describe('live order status', () => {
  it('the owner receives each change once, in order, over graphql-ws', async () => {
    const { applicant, order } = await submittedOrder();
    // Subscribing after the newest event makes the test independent of when the socket is ready.
    const sub = take(s.ws(applicant.token), CHANGED, { id: order.id, after: await lastSequence(applicant.token, order.id) }, 2);
    const rejected = await must(s, staff, 'rejectInitialReview', { orderId: order.id, version: order.version, reason: '证件照片不清晰' });
    await must(s, applicant.token, 'submitOrder', { orderId: order.id, version: rejected.version });
    const events = (await sub.done).map((r) => r.data!.orderStatusChanged);
    expect(events.map((e) => `${e.fromStatus}→${e.toStatus}`)).toEqual([
      'PENDING_INITIAL_REVIEW→INITIAL_REJECTED',
      'INITIAL_REJECTED→PENDING_INITIAL_REVIEW',
    ]);
    expect(events[0].reason).toBe('证件照片不清晰');
    expect(BigInt(events[1].sequence)).toBeGreaterThan(BigInt(events[0].sequence));
  });

  it('a client that reconnects with the last sequence it saw gets what it missed, then live changes', async () => {
    const { applicant, order } = await submittedOrder();
    const first = take(s.ws(applicant.token), CHANGED, { id: order.id, after: await lastSequence(applicant.token, order.id) }, 1);
    const back = await must(s, staff, 'requestChanges', { orderId: order.id, version: order.version, reason: '补充资料', comments: [] });
    const [seen] = (await first.done).map((r) => r.data!.orderStatusChanged);
    expect(seen.toStatus).toBe('NEEDS_CHANGES');

    // Offline: two more changes happen.
    const again = await must(s, applicant.token, 'submitOrder', { orderId: order.id, version: back.version });
    const waiting = await must(s, staff, 'approveInitialReview', { orderId: order.id, version: again.version, requireMailedMaterials: true });

    const resumed = take(s.ws(applicant.token), CHANGED, { id: order.id, after: seen.sequence }, 3);
    const missed = await new Promise<unknown[]>((resolve) => {
      const check = () => (resumed.results.length >= 2 ? resolve(resumed.results) : setTimeout(check, 20));
      check();
    });
    expect(missed).toHaveLength(2);
    await must(s, staff, 'markMaterialsReceived', { orderId: order.id, version: waiting.version });
    const all = (await resumed.done).map((r) => r.data!.orderStatusChanged.toStatus);
    expect(all).toEqual(['PENDING_INITIAL_REVIEW', 'AWAITING_MAILED_MATERIALS', 'PENDING_SMS_VERIFICATION']);
  });

  it('is also served over server-sent events', async () => {
    const { applicant, order } = await submittedOrder();
    const controller = new AbortController();
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      signal: controller.signal,
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${applicant.token}` },
      body: JSON.stringify({ query: CHANGED, variables: { id: order.id, after: await lastSequence(applicant.token, order.id) } }),
    });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    await must(s, staff, 'rejectInitialReview', { orderId: order.id, version: order.version, reason: '资料不符' });
    let text = '';
    while (!text.includes('INITIAL_REJECTED')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toMatch(/"toStatus":"INITIAL_REJECTED"/);
  });
});

describe("the reviewers' queue", () => {
  it('filters by status and province, oldest submission first, paginated with totals', async () => {
    const made = [];
    for (let i = 0; i < 3; i++) {
      made.push((await submittedOrder()).order);
      s.clock.advance(3_600_000);
    }
    const QUEUE = /* GraphQL */ `
      query ($after: String) {
        orders(first: 2, after: $after, sort: OLDEST_SUBMISSION, filter: { status: [PENDING_INITIAL_REVIEW], provinceCode: "anhui" }) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id number submittedAt subject { name } } }
        }
      }
    `;
    const page1 = await s.ok(QUEUE, {}, staff);
    const total = page1.orders.totalCount as number;
    expect(total).toBeGreaterThanOrEqual(3);
    expect(page1.orders.edges).toHaveLength(2);
    expect(page1.orders.pageInfo.hasNextPage).toBe(true);
    const collected = [...page1.orders.edges];
    let cursor = page1.orders.pageInfo.endCursor;
    while (cursor) {
      const page = await s.ok(QUEUE, { after: cursor }, staff);
      collected.push(...page.orders.edges);
      cursor = page.orders.pageInfo.hasNextPage ? page.orders.pageInfo.endCursor : null;
    }
    expect(collected).toHaveLength(total);
    const times = collected.map((e: { node: { submittedAt: string } }) => e.node.submittedAt);
    expect([...times].sort()).toEqual(times);
    const ids = collected.map((e: { node: { id: string } }) => e.node.id);
    for (const o of made) expect(ids).toContain(o.id);
  });
});
