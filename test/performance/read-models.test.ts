/**
 * The read models (src/read-models) answer exactly what the general path answers. Two servers share
 * one database: one with the read models, one with READ_MODELS=false (Prisma, one statement per
 * relation). Every role asks both the same pages, with every field the order types offer, and the
 * answers must be equal, errors included; the statement counts show which path answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { Kind, parse, print, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionNode, type SelectionSetNode } from 'graphql';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../../src/seed/demo.js';
import { compileFind } from '../../src/read-models/compile.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { ORDER_DETAIL, REVIEW_QUEUE } from '../support/operations.js';

let fast: TestServer;
let general: TestServer;
const tokens: Record<string, string | undefined> = {};
const orderIds: string[] = [];

/** Every field of an order and of what hangs below it (except connections of other types). */
const ORDER_FIELDS = /* GraphQL */ `
  fragment OrderFields on Order {
    id number filingType filingTypeLabel variant variantLabel status statusLabel version provinceCode province { code name }
    subject {
      id status provinceCode city county nature certificateType certificateNumber certificateNumberFull name
      certificateAddress communicationAddress communicationAddressFinal investor remark icpNumber filedAt createdAt
      principal { name certificateType certificateNumber validFrom validTo longTerm mobile email emergencyPhone }
    }
    websites {
      action changes { name principal { mobile } }
      website {
        id status name icpNumber homepageUrls ipAddresses languages contentCategory serviceType kind accessMethod
        serverLocation remark createdAt domains { name } principal { name mobile email }
      }
      service {
        __typename id kind name status icpNumber languages remark createdAt principal { name }
        ... on Website { domains { name } homepageUrls }
        ... on App { homepageUrl platforms { kind packageName appId publicKey md5Signature } sdks { provider type } domains { name } }
        ... on MiniProgram { platforms { kind appId } }
        ... on QuickApp { packageName }
      }
    }
    materials { id kind documentCode fileName mimeType size sha256 authenticity authenticityDetail createdAt }
    smsVerifications { mobile roles sentAt expiresAt resendCount attemptCount verified verifiedAt }
    latestEvent { sequence type actorRole actor { id } fromStatus toStatus reason detail { ...EventDetail } createdAt }
    history(first: 50) { edges { cursor node { sequence type actorRole fromStatus toStatus reason detail { ...EventDetail } createdAt } } pageInfo { hasNextPage endCursor } }
    subjectChanges { name principal { mobile } } reviewComments { field comment } lastReason firstSubmittedAt submittedAt expiresAt smsDeadline miitSubmittedAt decidedAt
    schedule { initialReviewBy expiresAt smsDeadline miitDecision { __typename } }
    requirements { id kind status value }
    createdAt updatedAt
  }
  fragment EventDetail on OrderEventDetail { action fields comments { field comment } mobiles subjectChanged }
`;

const WIDE_LIST = /* GraphQL */ `
  query ($first: Int!, $sort: OrderSort, $filter: OrderFilter) {
    orders(first: $first, sort: $sort, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...OrderFields } } }
  }
  ${ORDER_FIELDS}
`;

const WIDE_DETAIL = /* GraphQL */ `
  query ($id: ID!) { node(id: $id) { __typename id ...OrderFields } }
  ${ORDER_FIELDS}
`;

beforeAll(async () => {
  fast = await startTestServer({ timers: false });
  general = await startTestServer({ timers: false, db: fast.db, env: { READ_MODELS: 'false' } });
  const prisma = fast.db.prisma;
  await seedDemo(prisma);
  for (const [role, email] of Object.entries(DEMO_ACCOUNTS)) {
    const data = await fast.ok(
      `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { ... on SessionPayload { token } } }`,
      { email, password: DEMO_PASSWORD },
    );
    tokens[role] = data.signIn.token;
  }
  tokens.anonymous = undefined;
  // Rows the demo set lacks: materials, SMS codes, review comments, event details, proposed changes.
  const orders = await prisma.order.findMany({ include: { websites: true }, orderBy: { number: 'asc' } });
  for (const o of orders) orderIds.push(encodeGlobalID('Order', o.id));
  const first = orders[0]!;
  await prisma.material.createMany({
    data: (['SUBJECT_CERTIFICATE', 'PRINCIPAL_PHOTO'] as const).map((kind, i) => ({
      orderId: first.id, kind, fileName: `${kind}.jpg`, mimeType: 'image/jpeg', size: 4, sha256: String(i).repeat(64),
      content: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), authenticity: i ? 'FAILED' : 'PASSED', authenticityDetail: i ? '模糊' : null,
      documentCode: i ? 'X_DOC' : null, createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
    })),
  });
  await prisma.smsVerification.createMany({
    data: [
      { orderId: first.id, mobile: '13800001111', roles: ['SUBJECT_PRINCIPAL', 'WEBSITE_PRINCIPAL'], certificateSuffixHash: 'h', codeHash: 'c', sentAt: new Date(Date.UTC(2026, 0, 2)), expiresAt: new Date(Date.UTC(2026, 0, 3)), verifiedAt: new Date(Date.UTC(2026, 0, 2, 1)) },
      { orderId: first.id, mobile: '13800002222', roles: ['WEBSITE_PRINCIPAL'], certificateSuffixHash: 'h', codeHash: 'c', sentAt: new Date(Date.UTC(2026, 0, 2)), expiresAt: new Date(Date.UTC(2026, 0, 3)), resendCount: 2, attemptCount: 1 },
    ],
  });
  await prisma.order.update({
    where: { id: first.id },
    data: { reviewComments: [{ field: 'subject.name', comment: '与证件不符' }], subjectChanges: { name: '新名称', principal: { mobile: '13900000000' } }, lastReason: '请补充' },
  });
  await prisma.orderWebsite.updateMany({ where: { orderId: first.id }, data: { changes: { name: '新网站名', principal: { mobile: '13900000001' } } } });
  // An APP beside the first order's website, with its platforms, SDK services and back-end domains.
  const site = await prisma.website.findFirstOrThrow({ where: { id: first.websites[0]!.websiteId } });
  const appItem = await prisma.website.create({
    data: {
      subjectId: site.subjectId, ownerId: site.ownerId, principalId: site.principalId, kind: 'APP', name: '恒达办公', contentCategory: 'ENTERPRISE_PORTAL',
      languages: ['zh-Hans'], ipAddresses: ['203.0.113.10'], homepageUrls: [], createdAt: new Date(Date.UTC(2026, 0, 4)),
      appPlatforms: { create: [{ kind: 'ANDROID', packageName: 'com.hengda.office', publicKey: 'MIIB', md5Signature: '0'.repeat(32), position: 0 }, { kind: 'IOS', packageName: 'com.hengda.office', publicKey: 'MIIB', md5Signature: 'A'.repeat(32), position: 1 }] },
      appSdks: { create: [{ provider: '华为', type: '推送', position: 0 }] },
      appDomains: { create: [{ name: 'api.hengda-demo.cn', position: 0 }] },
    },
  });
  await prisma.orderWebsite.create({ data: { orderId: first.id, websiteId: appItem.id, action: 'ADD', position: 1 } });
  await prisma.orderEvent.create({
    data: { orderId: first.id, type: 'COMMENTED', actorRole: 'REVIEWER', reason: '请补充', detail: { fields: ['subject.name'], comments: [{ field: 'subject.name', comment: '请补充' }], n: 1.5, nested: { ok: true } } },
  });
});

afterAll(async () => {
  await general?.close();
  await fast?.close();
});

/** Both servers' answers to one request, and the statements the read-model server sent. */
async function both(query: string, variables: Record<string, unknown>, token: string | undefined) {
  const db = fast.db;
  db.recorder.enabled = true;
  db.recorder.take();
  const a = await fast.gql(query, variables, token);
  const taken = db.recorder.take();
  if (process.env.SHOW_SQL) console.log(taken.map((q) => q.sql.slice(0, 300)).join('\n'));
  const statements = taken.length;
  const b = await general.gql(query, variables, token);
  const generalStatements = db.recorder.take().length;
  db.recorder.enabled = false;
  return { fast: a, general: b, statements, generalStatements };
}

const ROLES = ['anonymous', 'individual', 'company', 'reviewer', 'admin'] as const;

describe('read models return what the general path returns', () => {
  it.each(ROLES)('the review queue document, as %s', async (role) => {
    const r = await both(REVIEW_QUEUE, { first: 50 }, tokens[role]);
    expect(r.fast).toEqual(r.general);
    if (role === 'anonymous') expect(r.fast.errors?.length).toBeGreaterThan(0);
    else expect(r.statements).toBe(2);
  });

  it.each(ROLES)('every order field, in lists sorted and filtered, as %s', async (role) => {
    const pages = [
      { first: 50 },
      { first: 2, sort: 'OLDEST_SUBMISSION' },
      { first: 50, filter: { status: ['DRAFT', 'PENDING_INITIAL_REVIEW', 'APPROVED'] } },
      { first: 50, filter: { provinceCode: 'henan', submittedAfter: '2000-01-01T00:00:00.000Z' } },
      { first: 50, filter: { status: [] } },
      { first: 5, filter: { search: '恒达' } }, // outside the read model: both take the general path
    ];
    let answered = 0;
    for (const variables of pages) {
      const r = await both(WIDE_LIST, variables, tokens[role]);
      expect(r.fast).toEqual(r.general);
      if (r.fast.data?.orders) answered += r.fast.data.orders.edges.length;
    }
    if (role === 'company' || role === 'reviewer' || role === 'admin') expect(answered).toBeGreaterThan(0);
  });

  it.each(ROLES)('the order detail, every order, as %s', async (role) => {
    let seen = 0;
    for (const id of orderIds) {
      for (const query of [ORDER_DETAIL, WIDE_DETAIL]) {
        const r = await both(query, { id }, tokens[role]);
        expect(r.fast).toEqual(r.general);
        if (r.fast.data?.node) seen++;
      }
    }
    if (role === 'reviewer' || role === 'admin') expect(seen).toBe(orderIds.length * 2);
    if (role === 'anonymous') expect(seen).toBe(0);
  });

  it('an unknown order and other node types: the same answers', async () => {
    for (const id of [encodeGlobalID('Order', '00000000-0000-0000-0000-000000000000'), encodeGlobalID('Subject', 'nope')]) {
      const r = await both(`query ($id: ID!) { node(id: $id) { __typename id } }`, { id }, tokens.reviewer);
      expect(r.fast).toEqual(r.general);
    }
  });

  it('every order field: the read model answers the order and all it includes in one statement', async () => {
    const detail = await both(WIDE_DETAIL, { id: orderIds[0] }, tokens.reviewer);
    expect(detail.fast.data.node.materials.length).toBeGreaterThanOrEqual(2);
    expect(detail.fast.data.node.smsVerifications.length).toBeGreaterThanOrEqual(2);
    // The session, the order with everything below it, the audit entry for reading the full certificate
    // number, latestEvent's actor (a relation outside the read model: its event row, then the account),
    // and `requirements`, which reads the subject's nature, the websites with their domains and the
    // materials through Prisma (6 statements, batched across the orders of a list).
    expect(detail.statements).toBe(11);
    const list = await both(WIDE_LIST, { first: 50 }, tokens.reviewer);
    expect(list.fast.data.orders.edges.length).toBeGreaterThan(0);
    // Audit entries and latestEvent's actors come on top on both paths; the relations do only on the general one.
    expect(list.statements).toBeLessThan(list.generalStatements);
  });
});

/**
 * One document per leaf field of `source`: the path to that leaf and nothing else, fragments
 * inlined. A read model then loads only what that one field (and the types on its path) read.
 */
function leafDocuments(source: string): string[] {
  const doc = parse(source);
  const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const inline = (set: SelectionSetNode): SelectionSetNode => ({
    ...set,
    selections: set.selections.map((s): SelectionNode => {
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(s.name.value)!;
        return { kind: Kind.INLINE_FRAGMENT, typeCondition: f.typeCondition, directives: [], selectionSet: inline(f.selectionSet) };
      }
      return s.selectionSet ? { ...s, selectionSet: inline(s.selectionSet) } : s;
    }),
  });
  // After inlining, every selection is a field or an inline fragment.
  const paths = (set: SelectionSetNode): SelectionSetNode[] =>
    set.selections.flatMap((s) => {
      if (s.kind === Kind.FRAGMENT_SPREAD || !s.selectionSet) return [{ ...set, selections: [s] }];
      return paths(s.selectionSet).map((sub) => ({ ...set, selections: [{ ...s, selectionSet: sub }] }));
    });
  return paths(inline(op.selectionSet)).map((selectionSet) => print({ kind: Kind.DOCUMENT, definitions: [{ ...op, selectionSet }] }));
}

describe('read models load only the columns the selected fields read', () => {
  // The suite runs with READ_MODELS_STRICT=true: a resolver reading a column its row was not loaded
  // with throws, so a field or type whose declared `reads` fall short shows up here as an error.
  it.each(['company', 'reviewer'] as const)('each order field asked on its own answers as the general path does, as %s', async (role) => {
    const cases: [string, Record<string, unknown>][] = [
      ...leafDocuments(WIDE_LIST).map((q): [string, Record<string, unknown>] => [q, { first: 50 }]),
      ...leafDocuments(WIDE_DETAIL).map((q): [string, Record<string, unknown>] => [q, { id: orderIds[0] }]),
    ];
    expect(cases.length).toBeGreaterThan(200);
    let answered = 0;
    for (const [query, variables] of cases) {
      const r = await both(query, variables, tokens[role]);
      expect(r.fast, query).toEqual(r.general);
      if (!r.fast.errors) answered++;
    }
    expect(answered).toBe(cases.length);
  });

  it('the review queue loads the columns it shows, not whole rows', async () => {
    const db = fast.db;
    db.recorder.enabled = true;
    db.recorder.take();
    await fast.ok(REVIEW_QUEUE, { first: 50 }, tokens.reviewer);
    const sql = db.recorder.take().map((q) => q.sql).join('\n');
    db.recorder.enabled = false;
    expect(sql).toContain('"submittedAt"');
    expect(sql).toContain('"ownerId"'); // read by the types' authorisation
    for (const unread of ['"certificateAddress"', '"communicationAddress"', '"homepageUrls"', '"updatedAt"', '"publishedAt"']) expect(sql).not.toContain(unread);
  });
});

describe('read-model statements are compiled once per shape of arguments', () => {
  it('binds each call’s filter values to the statement of its shape', () => {
    const a = compileFind('Order', { where: { id: 'a', status: { in: ['DRAFT', 'APPROVED'] } }, take: 1 })!;
    const b = compileFind('Order', { where: { id: 'b', status: { in: ['SUBMITTED_TO_MIIT', 'DRAFT'] } }, take: 1 })!;
    expect(b.sql).toBe(a.sql);
    expect(a.params).toEqual(['a', 'DRAFT', 'APPROVED', 1]);
    expect(b.params).toEqual(['b', 'SUBMITTED_TO_MIIT', 'DRAFT', 1]);
    const when = new Date('2026-01-02T03:04:05.678Z');
    expect(compileFind('Order', { where: { submittedAt: { gte: when } } })!.params).toEqual(['2026-01-02T03:04:05.678Z']);
  });

  it('gives a different shape its own statement', () => {
    const value = compileFind('Order', { where: { assigneeId: 'x' } })!;
    const none = compileFind('Order', { where: { assigneeId: null } })!;
    const two = compileFind('Order', { where: { status: { in: ['DRAFT', 'APPROVED'] } } })!;
    const empty = compileFind('Order', { where: { status: { in: [] } } })!;
    expect(value.sql).toContain('"assigneeId" = $1');
    expect(none.sql).toContain('"assigneeId" IS NULL');
    expect(none.params).toEqual([]);
    expect(two.sql).toContain('IN ($1');
    expect(empty.sql).toContain('FALSE');
    // Outside the covered subset, every time.
    expect(compileFind('Order', { where: { OR: [{ id: 'a' }] } })).toBeNull();
    expect(compileFind('Order', { where: { OR: [{ id: 'b' }] } })).toBeNull();
  });
});
