/**
 * The reviewers' queue and the wizard's lists: claiming, releasing and assigning orders (with
 * compare-and-set and history), counts per status and province, deadline filters and sorts, drafts
 * out of the staff queue, an applicant's one subscription for all its orders, vocabularies; and the
 * pages the API serves itself (GraphiQL assets, /console) on and off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertStaffAccount } from '../src/auth/staff.js';
import { loadConfig } from '../src/config.js';
import { startTestServer, take, type TestServer } from './support/harness.js';
import { individualSubject, reviewer, server, signIn, signUp, website } from './support/fixtures.js';
import { act, startAndSubmit, startFiling } from './support/workflow.js';

let s: TestServer;
let staff: string;
let other: string;
let otherId: string;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-06-01T02:00:00Z' });
  staff = await reviewer(s);
  await upsertStaffAccount(s.db.prisma, { email: 'second-reviewer@example.cn', password: 'reviewer-password-2', displayName: '李审核', role: 'REVIEWER' }, 10);
  other = await signIn(s, 'second-reviewer@example.cn', 'reviewer-password-2');
  otherId = (await s.ok('query { viewer { id } }', {}, other)).viewer.id;
});
afterAll(async () => {
  await s?.close();
});

let n = 0;
async function applicantWithInput(name: string) {
  n++;
  const applicant = await signUp(s, name);
  const instance = await server(s, applicant.accountId);
  const subject = individualSubject({ provinceCode: 'sichuan', provinceName: '四川省', city: '成都市', region: '510104', person: { name } });
  const sites = [website({ name: `${name}的读书笔记`, domain: `queue-blog-${n}.cn`, serverInstanceId: instance, remark: '分享读书心得' })];
  return { applicant, input: { subject, websites: sites } };
}
async function submitted(name: string) {
  const { applicant, input } = await applicantWithInput(name);
  return { applicant, order: await startAndSubmit(s, applicant.token, input) };
}

const CLAIM = `mutation ($orderId: ID!, $version: Int!) { claimOrder(orderId: $orderId, version: $version) {
  __typename ... on Order { version assignee { id displayName } } ... on ConflictError { message currentVersion } ... on InvalidTransitionError { action currentStatus } } }`;
const RELEASE = `mutation ($orderId: ID!, $version: Int!) { releaseOrder(orderId: $orderId, version: $version) {
  __typename ... on Order { version assignee { id } } ... on ConflictError { message } } }`;
const ASSIGN = `mutation ($orderId: ID!, $version: Int!, $assigneeId: ID!) { assignOrder(orderId: $orderId, version: $version, assigneeId: $assigneeId) {
  __typename ... on Order { version assignee { id } } ... on ValidationError { violations { field rule } } } }`;
const HISTORY = `query ($id: ID!) { node(id: $id) { ... on Order { history(first: 50) { totalCount nodes { id type actorRole detail { action assignee { displayName } previousAssignee { displayName } } } } } } }`;

describe('claiming, releasing and assigning', () => {
  it('two reviewers claim at once: exactly one wins, and the history says who', async () => {
    const { order } = await submitted('赵敏');
    const [a, b] = await Promise.all([
      s.ok(CLAIM, { orderId: order.id, version: order.version }, staff),
      s.ok(CLAIM, { orderId: order.id, version: order.version }, other),
    ]);
    const results = [a.claimOrder, b.claimOrder];
    expect(results.filter((r) => r.__typename === 'Order')).toHaveLength(1);
    expect(results.filter((r) => r.__typename === 'ConflictError')).toHaveLength(1);
    const winner = results.find((r) => r.__typename === 'Order');

    // A later claim by the loser, even with the fresh version, is refused: the order is taken.
    const loserToken = winner.assignee.displayName === '李审核' ? staff : other;
    const again = await s.ok(CLAIM, { orderId: order.id, version: winner.version }, loserToken);
    expect(again.claimOrder).toMatchObject({ __typename: 'ConflictError', currentVersion: winner.version });

    const history = (await s.ok(HISTORY, { id: order.id }, staff)).node.history;
    const assigned = history.nodes.filter((e: any) => e.type === 'ASSIGNED');
    expect(assigned).toEqual([
      expect.objectContaining({ actorRole: 'REVIEWER', detail: { action: 'claim', assignee: { displayName: winner.assignee.displayName }, previousAssignee: null } }),
    ]);
    expect(history.totalCount).toBe(history.nodes.length);
    // History entries are Nodes: fetched again by id.
    const again2 = await s.ok('query ($id: ID!) { node(id: $id) { __typename ... on OrderEvent { type } } }', { id: assigned[0].id }, staff);
    expect(again2.node).toEqual({ __typename: 'OrderEvent', type: 'ASSIGNED' });
  });

  it('releases only its own claim; assigns to staff only; a stale version is refused', async () => {
    const { applicant, order } = await submitted('钱坤');
    const claimed = (await s.ok(CLAIM, { orderId: order.id, version: order.version }, staff)).claimOrder;
    expect((await s.ok(RELEASE, { orderId: order.id, version: claimed.version }, other)).releaseOrder.__typename).toBe('ConflictError');
    const stale = await s.ok(RELEASE, { orderId: order.id, version: order.version }, staff);
    expect(stale.releaseOrder.__typename).toBe('ConflictError');
    const released = (await s.ok(RELEASE, { orderId: order.id, version: claimed.version }, staff)).releaseOrder;
    expect(released).toMatchObject({ __typename: 'Order', assignee: null });

    const toApplicant = await s.ok(ASSIGN, { orderId: order.id, version: released.version, assigneeId: applicant.accountId }, staff);
    expect(toApplicant.assignOrder).toEqual({ __typename: 'ValidationError', violations: [{ field: 'assigneeId', rule: 'national/assignee-staff' }] });
    const assigned = (await s.ok(ASSIGN, { orderId: order.id, version: released.version, assigneeId: otherId }, staff)).assignOrder;
    expect(assigned).toMatchObject({ __typename: 'Order', assignee: { id: otherId } });

    // Applicants cannot claim.
    const refused = await s.gql(CLAIM, { orderId: order.id, version: assigned.version }, applicant.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses to claim a draft', async () => {
    const { applicant, input } = await applicantWithInput('孙丽');
    const draft = await startFiling(s, applicant.token, input);
    const res = await s.ok(CLAIM, { orderId: draft.id, version: draft.version }, staff);
    expect(res.claimOrder).toEqual({ __typename: 'InvalidTransitionError', action: 'claim', currentStatus: 'DRAFT' });
  });
});

describe('the queue', () => {
  it('counts per status and province in one field, leaves drafts out, filters and sorts by deadline', async () => {
    const { applicant, input } = await applicantWithInput('周杰');
    const draft = await startFiling(s, applicant.token, input);
    const { order: fresh } = await submitted('吴磊');

    const COUNTS = `query ($filter: OrderFilter) { orderCounts(filter: $filter) { total byStatus { status label count } byProvince { province { code } total byStatus { status count } } } }`;
    const staffCounts = (await s.ok(COUNTS, {}, staff)).orderCounts;
    const dbPending = await s.db.prisma.order.count({ where: { status: 'PENDING_INITIAL_REVIEW' } });
    const dbNotDraft = await s.db.prisma.order.count({ where: { status: { not: 'DRAFT' } } });
    expect(staffCounts.total).toBe(dbNotDraft);
    expect(staffCounts.byStatus.find((c: any) => c.status === 'PENDING_INITIAL_REVIEW')).toEqual({ status: 'PENDING_INITIAL_REVIEW', label: '待初审', count: dbPending });
    expect(staffCounts.byStatus.find((c: any) => c.status === 'DRAFT').count).toBe(0);
    expect(staffCounts.byProvince).toEqual([expect.objectContaining({ province: { code: 'sichuan' }, total: dbNotDraft })]);
    const withDrafts = (await s.ok(COUNTS, { filter: { includeDrafts: true } }, staff)).orderCounts;
    expect(withDrafts.byStatus.find((c: any) => c.status === 'DRAFT').count).toBeGreaterThanOrEqual(1);

    // Staff lists leave the draft out; its owner sees it.
    const LIST = `query ($filter: OrderFilter, $sort: OrderSort) { orders(first: 100, filter: $filter, sort: $sort) { totalCount nodes { id status statusLabel schedule { initialReviewBy } } } }`;
    const queue = (await s.ok(LIST, {}, staff)).orders;
    expect(queue.nodes.map((o: any) => o.id)).not.toContain(draft.id);
    expect((await s.ok(LIST, {}, applicant.token)).orders.nodes.map((o: any) => o.id)).toContain(draft.id);

    // Deadlines: nothing is overdue yet; two working days later every pending order is.
    const overdue = async () => (await s.ok(LIST, { filter: { overdue: true } }, staff)).orders.nodes.map((o: any) => o.id);
    expect(await overdue()).toEqual([]);
    const by = new Date(Date.parse(queue.nodes.find((o: any) => o.id === fresh.id).schedule.initialReviewBy) + 1000).toISOString();
    const dueBy = (await s.ok(LIST, { filter: { initialReviewBefore: by } }, staff)).orders.nodes.map((o: any) => o.id);
    expect(dueBy).toContain(fresh.id);
    const earlier = (await s.ok(LIST, { filter: { initialReviewBefore: '2026-06-01T00:00:00Z' } }, staff)).orders.totalCount;
    expect(earlier).toBe(0);
    s.clock.advance(3 * 24 * 3_600_000);
    expect(await overdue()).toContain(fresh.id);
    expect((await s.ok(LIST, { filter: { overdue: false, status: ['PENDING_INITIAL_REVIEW'] } }, staff)).orders.totalCount).toBe(0);

    // Sorted by the initial-review deadline: earliest first.
    const sorted = (await s.ok(LIST, { sort: 'INITIAL_REVIEW_DEADLINE', filter: { status: ['PENDING_INITIAL_REVIEW'] } }, staff)).orders.nodes;
    const deadlines = sorted.map((o: any) => Date.parse(o.schedule.initialReviewBy));
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    expect(sorted.map((o: any) => o.id)).toContain(fresh.id);
  });
});

describe('an applicant’s orders, live', () => {
  it('one subscription carries the status changes of all its own orders, and nobody else’s', async () => {
    const { applicant, input } = await applicantWithInput('郑爽');
    const first = await startAndSubmit(s, applicant.token, input);
    const stranger = await submitted('王五');
    // Resume from the newest history entry so far: nothing that follows can be missed.
    const from = (await s.ok('query ($id: ID!) { node(id: $id) { ... on Order { latestEvent { sequence } } } }', { id: first.id }, applicant.token)).node
      .latestEvent.sequence;
    const feed = take(s.ws(applicant.token), 'subscription ($after: String) { myOrderEvents(after: $after) { sequence toStatus toStatusLabel order { id } } }', { after: from }, 2);
    await act(s, staff, 'rejectInitialReview', { orderId: stranger.order.id, version: stranger.order.version, reason: '资料不全' });
    const rejected = await act(s, staff, 'rejectInitialReview', { orderId: first.id, version: first.version, reason: '网站名称与备注不符' });
    expect(rejected.status).toBe('INITIAL_REJECTED');
    const resubmitted = await act(s, applicant.token, 'submitOrder', { orderId: first.id, version: rejected.version });
    expect(resubmitted.status).toBe('PENDING_INITIAL_REVIEW');
    const events = await feed.done;
    expect(events.map((e) => e.data?.myOrderEvents)).toEqual([
      expect.objectContaining({ toStatus: 'INITIAL_REJECTED', toStatusLabel: '初审驳回', order: { id: first.id } }),
      expect.objectContaining({ toStatus: 'PENDING_INITIAL_REVIEW', toStatusLabel: '待初审', order: { id: first.id } }),
    ]);
    const staffTry = await new Promise<any>((resolve) => {
      s.ws(staff).subscribe({ query: 'subscription { myOrderEvents { sequence } }' }, { next: resolve, error: resolve, complete: () => resolve(null) });
    });
    expect(JSON.stringify(staffTry)).toMatch(/Not allowed|FORBIDDEN/);
  });
});

describe('vocabularies', () => {
  it('gives the wizard its lists with Chinese labels, certificate types per nature', async () => {
    const v = (await s.ok(`query { vocabularies { contentCategories { code label } serviceTypes { code label } languages { code label }
      natures { nature label certificateTypes { code label } } orderStatuses { code label } } }`)).vocabularies;
    expect(v.contentCategories).toContainEqual({ code: 'PERSONAL_BLOG', label: '博客/个人空间' });
    expect(v.serviceTypes).toContainEqual({ code: 'NON_COMMERCIAL', label: '非经营性' });
    expect(v.languages).toContainEqual({ code: 'zh-Hans', label: '中文简体' });
    const enterprise = v.natures.find((x: any) => x.nature === 'ENTERPRISE');
    expect(enterprise.label).toBe('企业');
    expect(enterprise.certificateTypes).toContainEqual({ code: 'BUSINESS_LICENSE', label: '营业执照' });
    expect(v.natures.find((x: any) => x.nature === 'INDIVIDUAL').certificateTypes.map((c: any) => c.code)).toContain('RESIDENT_ID');
    expect(v.orderStatuses[1]).toEqual({ code: 'PENDING_INITIAL_REVIEW', label: '待初审' });
  });

  it('refuses a content category outside the list, naming the field', async () => {
    const { applicant, input } = await applicantWithInput('冯刚');
    const bad = { ...input, websites: [{ ...input.websites[0], contentCategory: 'CASINO' }] };
    const res = await s.gql('mutation ($input: FilingInput!) { startFiling(input: $input) { __typename } }', { input: bad }, applicant.token);
    expect(res.errors?.[0]?.message).toMatch(/contentCategory/);
  });
});

describe('pages served by the API', () => {
  it('serves GraphiQL and the board from its own assets, with no address outside this server', async () => {
    const page = await fetch(`${s.url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(html).toContain('/graphiql-assets/yoga-graphiql.js');
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ['graphiql.css', 'yoga-graphiql.js', 'editor.worker.js', 'json.worker.js', 'graphql.worker.js']) {
      const res = await fetch(`${s.url}/graphiql-assets/${asset}`);
      expect(res.status, asset).toBe(200);
      await res.arrayBuffer();
    }
    const board = await fetch(`${s.url}/console`);
    expect(board.status).toBe(200);
    expect(board.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await board.text()).not.toMatch(/https?:\/\//);
    for (const asset of ['console.js', 'console.css', 'graphql-ws.js']) expect((await fetch(`${s.url}/console/${asset}`)).status).toBe(200);
  });

  it('serves neither in production unless enabled', async () => {
    const prod = await startTestServer({ env: { NODE_ENV: 'production', PASSWORD_HASH_COST: '15' } });
    try {
      expect((await fetch(`${prod.url}/console`)).status).toBe(404);
      expect((await fetch(`${prod.url}/console/console.js`)).status).toBe(404);
      expect((await fetch(`${prod.url}/graphiql-assets/yoga-graphiql.js`)).status).toBe(404);
    } finally {
      await prod.close();
    }
    // CONSOLE=true turns the board on in production; GraphiQL stays off.
    expect(loadConfig({ NODE_ENV: 'production', CONSOLE: 'true' })).toMatchObject({ console: true, graphiql: false });
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ console: false, graphiql: false });
  }, 600_000);
});
