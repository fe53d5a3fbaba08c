import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, take, type TestServer } from './support/harness.js';
import { individualSubject, reviewer, server, signUp, website } from './support/fixtures.js';
import { act, approveAll, startAndSubmit } from './support/workflow.js';

let s: TestServer;
let alice: { token: string; accountId: string };
let bob: { token: string; accountId: string };
let staff: string;
let bobOrder: { id: string; version: number; subject: { id: string } };
let bobSubject: ReturnType<typeof individualSubject>;

beforeAll(async () => {
  s = await startTestServer();
  alice = await signUp(s, '爱丽丝');
  bob = await signUp(s, '鲍勃');
  staff = await reviewer(s);
  const instance = await server(s, bob.accountId);
  bobSubject = individualSubject({ provinceCode: 'shanghai', provinceName: '上海市', city: '上海市', region: '310104', person: { name: '鲍勃' } });
  bobOrder = await startAndSubmit(s, bob.token, {
    subject: bobSubject,
    websites: [website({ name: '鲍勃的编程笔记', domain: 'bob-notes.cn', serverInstanceId: instance, remark: '编程学习笔记' })],
  });
});
afterAll(async () => {
  await s?.close();
});

describe("an applicant cannot reach another account's data", () => {
  it('by node id, by list, or through a relation', async () => {
    const byId = await s.gql(`query ($id: ID!) { node(id: $id) { id ... on Order { number } } }`, { id: bobOrder.id }, alice.token);
    // Not-yours answers like unknown: null, without an error that would tell the id exists.
    expect(byId.data?.node ?? null).toBeNull();
    expect(byId.errors).toBeUndefined();

    const subject = await s.gql(`query ($id: ID!) { node(id: $id) { ... on Subject { name } } }`, { id: bobOrder.subject.id }, alice.token);
    expect(subject.data?.node ?? null).toBeNull();

    const lists = await s.ok(`{ orders { totalCount } subjects { totalCount } websites { totalCount } }`, {}, alice.token);
    expect(lists).toEqual({ orders: { totalCount: 0 }, subjects: { totalCount: 0 }, websites: { totalCount: 0 } });
  });

  it('by acting on it: every applicant action answers NotFound and changes nothing', async () => {
    const before = await s.db.prisma.order.findUniqueOrThrow({ where: { id: (await import('@pothos/plugin-relay')).decodeGlobalID(bobOrder.id).id } });
    for (const [action, vars] of [
      ['withdrawOrder', { orderId: bobOrder.id, version: bobOrder.version }],
      ['submitOrder', { orderId: bobOrder.id, version: bobOrder.version }],
      ['verifySmsCode', { orderId: bobOrder.id, mobile: bobSubject.principal.mobile, code: '123456', certificateSuffix: '123456' }],
    ] as const) {
      const r = await act(s, alice.token, action, vars);
      expect(r.__typename, action).toBe('NotFoundError');
    }
    const after = await s.db.prisma.order.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.version).toBe(before.version);
    expect(after.status).toBe(before.status);
  });

  it('reviewer actions and the reviewers’ feed are refused to applicants', async () => {
    const r = await s.gql(
      `mutation ($id: ID!) { approveInitialReview(orderId: $id, version: 1) { __typename } }`,
      { id: bobOrder.id },
      alice.token,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const feed = take(s.ws(alice.token), `subscription { orderEvents { sequence } }`, {}, 1);
    const result = await feed.done.catch((e: unknown) => [{ errors: e }]);
    expect(JSON.stringify(result)).toMatch(/FORBIDDEN|Not allowed/);
  });

  it("cannot subscribe to another account's order", async () => {
    const sub = take(s.ws(alice.token), `subscription ($id: ID!) { orderStatusChanged(orderId: $id) { toStatus } }`, { id: bobOrder.id }, 1);
    const result = await sub.done.catch((e: unknown) => [{ errors: e }]);
    expect(JSON.stringify(result)).toMatch(/not found/i);
  });
});

describe('personal data', () => {
  const SUBJECT = /* GraphQL */ `
    query ($id: ID!) {
      node(id: $id) { ... on Subject { certificateNumber certificateNumberFull principal { mobile certificateNumber email } } }
    }
  `;

  it('is masked in lists; the owner reads it in full; a reviewer’s full read is audited', async () => {
    const list = await s.ok(`{ subjects { edges { node { certificateNumber principal { mobile } } } } }`, {}, staff);
    const shown = list.subjects.edges[0].node;
    expect(shown.certificateNumber).toMatch(/^\d{3}\*+\w{4}$/);
    expect(shown.certificateNumber).not.toBe(bobSubject.certificateNumber);
    expect(shown.principal.mobile).toMatch(/^1\d{2}\*{4}\d{4}$/);

    const own = await s.ok(SUBJECT, { id: bobOrder.subject.id }, bob.token);
    expect(own.node.certificateNumberFull).toBe(bobSubject.certificateNumber);
    // (Registering the servers wrote hosting entries; only reads of personal data count here.)
    const reads = { where: { action: 'PERSONAL_DATA_VIEWED' } };
    expect(await s.db.prisma.auditEntry.count(reads)).toBe(0);

    const asReviewer = await s.ok(SUBJECT, { id: bobOrder.subject.id }, staff);
    expect(asReviewer.node.certificateNumberFull).toBe(bobSubject.certificateNumber);
    const audit = await s.db.prisma.auditEntry.findMany(reads);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'PERSONAL_DATA_VIEWED', targetType: 'Subject', field: 'certificateNumber' });
  });
});

describe('order search', () => {
  const SEARCH = /* GraphQL */ `
    query ($q: String!) { orders(filter: { search: $q }) { totalCount edges { node { number } } } }
  `;

  it('finds orders by number, subject name, domain and ICP number; an applicant searches only their own', async () => {
    const aliceSubject = individualSubject({ provinceCode: 'shanghai', provinceName: '上海市', city: '上海市', region: '310104', person: { name: '爱丽丝' } });
    const aliceOrder = await startAndSubmit(s, alice.token, {
      subject: aliceSubject,
      websites: [website({ name: '爱丽丝的花园日记', domain: 'alice-garden.cn', serverInstanceId: await server(s, alice.accountId), remark: '园艺记录' })],
    });
    const bobFiled = (await approveAll(s, staff, bob.token, bobOrder as typeof bobOrder & { number: string }, [bobSubject.principal])).order;
    const icp = (await s.db.prisma.website.findFirstOrThrow({ where: { domains: { some: { name: 'bob-notes.cn' } } } })).icpNumber!;
    expect(icp).toMatch(/^沪ICP备\d{10}号-1$/);

    const found = async (q: string, token: string) => (await s.ok(SEARCH, { q }, token)).orders.edges.map((e: { node: { number: string } }) => e.node.number);
    expect(await found(aliceOrder.number, staff)).toEqual([aliceOrder.number]);
    expect(await found('鲍勃', staff)).toEqual([bobFiled.number]);
    expect(await found('  BOB-NOTES.CN ', staff)).toEqual([bobFiled.number]);
    expect(await found(icp, staff)).toEqual([bobFiled.number]);
    expect(await found('garden', staff)).toEqual([aliceOrder.number]);
    expect(await found('nothing-like-this', staff)).toEqual([]);

    expect(await found('bob-notes', alice.token)).toEqual([]);
    expect(await found('garden', alice.token)).toEqual([aliceOrder.number]);
  });

  it('refuses a search text over 100 characters, naming the field and the rule', async () => {
    const r = await s.gql(SEARCH, { q: '备'.repeat(101) }, staff);
    expect(r.data?.orders ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      violations: [{ field: 'filter.search', rule: 'national/search-length', module: 'national' }],
    });
    expect((await s.ok(SEARCH, { q: '备'.repeat(100) }, staff)).orders.totalCount).toBe(0);
  });
});
