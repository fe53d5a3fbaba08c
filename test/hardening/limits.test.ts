/**
 * Operation limits, input hygiene, introspection, CSRF prevention, body limits, masked errors and
 * pagination caps, each checked against a live server.
 */
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { getNamedType, isCompositeType, isListType, isNonNullType, isObjectType, type GraphQLOutputType } from 'graphql';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { OPERATION_LIMITS, INPUT_LIMITS } from '../../src/server/limits.js';
import { CSRF_HEADERS } from '../../src/server/index.js';
import { openTestPglite } from '../support/harness.js';
import { signUp } from '../support/fixtures.js';
import { startServer, type HardenedServer } from './support/server.js';

let s: HardenedServer;
let token: string;
beforeAll(async () => {
  s = await startServer();
  token = (await signUp(s)).token;
});
afterAll(async () => {
  await s?.close();
});

const codes = (r: { body: any }) => (r.body.errors ?? []).map((e: any) => e.extensions?.code ?? e.message);

describe('operation limits (GraphQL Armor)', () => {
  it('refuses a query deeper than the limit, before running it', async () => {
    let selection = 'id';
    for (let i = 0; i < OPERATION_LIMITS.depth; i++) selection = `subject { websites(first: 1) { nodes { ${selection} } } }`;
    const r = await s.post({ query: `{ orders(first: 1) { nodes { ${selection} } } }` }, { authorization: `Bearer ${token}` });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.errors)).toMatch(/depth/i);
    expect(r.body.data).toBeUndefined();
  });

  it('refuses more aliases than the limit', async () => {
    const fields = Array.from({ length: OPERATION_LIMITS.aliases + 1 }, (_, i) => `a${i}: provinces { code }`).join(' ');
    const r = await s.post({ query: `{ ${fields} }` });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.errors)).toMatch(/aliases/i);
  });

  it('refuses a query over the cost limit (page sizes multiply)', async () => {
    const query = `{ subjects(first: 100) { nodes { orders(first: 100) { nodes { history(first: 100) { nodes { reason } } } } } } }`;
    const r = await s.post({ query }, { authorization: `Bearer ${token}` });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.errors)).toMatch(/cost/i);
  });

  it('refuses a document with more tokens than the limit', async () => {
    const r = await s.post({ query: `{ ${'__typename '.repeat(OPERATION_LIMITS.tokens)} }` });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.errors)).toMatch(/token/i);
  });

  it('refuses more directives than the limit', async () => {
    const r = await s.post({ query: `{ __typename ${'@include(if: true) '.repeat(OPERATION_LIMITS.directives + 1)} }` });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.errors)).toMatch(/directives/i);
  });

  it('gives no field suggestions', async () => {
    const r = await s.post({ query: '{ provincez { code } }' });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).not.toMatch(/did you mean/i);
    expect(JSON.stringify(r.body)).not.toContain('provinces');
  });

  it('refuses batched requests (one operation per request, so limits cannot be dodged)', async () => {
    const r = await s.post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.body.data).toBeUndefined();
  });
});

describe('input hygiene', () => {
  const VERIFY = 'query ($input: FilingTypeCheckInput!) { verifyFilingType(input: $input) { filingType } }';
  const input = (domain: string) => ({ provinceCode: 'hubei', nature: 'INDIVIDUAL', certificateType: 'RESIDENT_ID', certificateNumber: '1', domain });

  it.each([
    ['a NUL character', 'a\u0000b.cn'],
    ['an unpaired surrogate', 'a\ud800b.cn'],
    ['an oversized string', 'a'.repeat(INPUT_LIMITS.stringLength + 1)],
  ])('refuses %s in a variable with BAD_USER_INPUT', async (_what, domain) => {
    const r = await s.post({ query: VERIFY, variables: { input: input(domain) } }, { authorization: `Bearer ${token}` });
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a NUL character in a literal', async () => {
    const r = await s.post(
      { query: `{ verifyFilingType(input: { provinceCode: "hubei", nature: INDIVIDUAL, certificateType: RESIDENT_ID, certificateNumber: "1", domain: "a\\u0000.cn" }) { filingType } }` },
      { authorization: `Bearer ${token}` },
    );
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a list longer than the limit (nodes(ids:))', async () => {
    const ids = Array.from({ length: INPUT_LIMITS.listLength + 1 }, (_, i) => `id${i}`);
    const r = await s.post({ query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids } }, { authorization: `Bearer ${token}` });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('CSRF prevention', () => {
  it('refuses GET and simple-content-type requests without a preflight header', async () => {
    const get = await fetch(`${s.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(403);
    const text = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' });
    expect(text.status).toBe(403);
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: '{ __typename }' }));
    form.append('map', '{}');
    const multipart = await fetch(`${s.url}/graphql`, { method: 'POST', body: form });
    expect(multipart.status).toBe(403);
  });

  it.each(CSRF_HEADERS)('accepts them with %s', async (header) => {
    const get = await fetch(`${s.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { [header]: '1', accept: 'application/graphql-response+json' },
    });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('request body limits', () => {
  it('refuses a JSON body over BODY_LIMIT_BYTES with 413 before reading it', async () => {
    const r = await s.post({ query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024) } });
    expect(r.status).toBe(413);
    expect(codes(r)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('refuses an upload over UPLOAD_LIMIT_BYTES with 413', async () => {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: '{ __typename }' }));
    form.append('map', '{}');
    form.append('0', new Blob([new Uint8Array(6 * 1024 * 1024 + 1)]), 'big.jpg');
    const r = await fetch(`${s.url}/graphql`, { method: 'POST', body: form, headers: { 'graphql-require-preflight': '1' } });
    expect(r.status).toBe(413);
  });

  it('refuses a body without a declared length with 411', async () => {
    const body = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"query":"{ __typename }"}'));
        c.close();
      },
    });
    const r = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    expect(r.status).toBe(411);
  });

  it('reads no more of a body than its Content-Length declares', async () => {
    // Two requests on one connection: the first body ends where its Content-Length says, so what
    // follows is read as the next request, not as more body.
    const url = new URL(s.url);
    const request = (query: string, close: boolean) => {
      const body = JSON.stringify({ query });
      return `POST /graphql HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${close ? 'Connection: close\r\n' : ''}\r\n${body}`;
    };
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => socket.write(request('{ first: __typename }', false) + request('{ second: __typename }', true)));
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (d) => (text += d));
      socket.on('error', reject);
      socket.on('close', () => resolve(text));
    });
    expect(answer.match(/HTTP\/1\.1 200/g)).toHaveLength(2);
    expect(answer).toContain('"first":"Query"');
    expect(answer).toContain('"second":"Query"');
  });
});

describe('introspection and GraphiQL', () => {
  const INTROSPECT = '{ __schema { queryType { name } } }';

  it('introspection answers by default outside production', async () => {
    expect(await s.ok(INTROSPECT)).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('in production introspection (HTTP and WebSocket) and GraphiQL are off', async () => {
    const prod = await startServer({ env: { NODE_ENV: 'production' } });
    try {
      const r = await prod.post({ query: INTROSPECT });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body.errors)).toMatch(/introspection/i);
      const typeQuery = await prod.post({ query: '{ __type(name: "Order") { name } }' });
      expect(typeQuery.status).toBe(400);
      const overWs = await new Promise<unknown>((resolve) => {
        prod.ws().subscribe({ query: INTROSPECT }, { next: resolve, error: resolve, complete: () => undefined });
      });
      expect(JSON.stringify(overWs)).toMatch(/introspection/i);
      const page = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toMatch(/graphiql/i);
      // __typename is not introspection of the schema and stays allowed.
      expect(await prod.ok('{ __typename }')).toEqual({ __typename: 'Query' });
    } finally {
      await prod.close();
    }
  });
});

describe('masked errors', () => {
  it('in production an unexpected error says only "Unexpected error." and is logged with the request id', async () => {
    const db = await openTestPglite();
    const prod = await startServer({ env: { NODE_ENV: 'production' }, db });
    try {
      const { token: signedIn } = await signUp(prod);
      await db.close(); // every query now fails
      const r = await prod.post({ query: '{ orders(first: 1) { totalCount } }' }, { 'x-request-id': 'req-masked-1', authorization: `Bearer ${signedIn}` });
      const text = JSON.stringify(r.body);
      expect(r.body.errors[0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(text).not.toMatch(/stack|originalError|pglite|prisma|\.ts:\d+/i);
      expect(r.headers.get('x-request-id')).toBe('req-masked-1');
      const logged = prod.logs().find((l) => l.msg === 'unexpected error');
      expect(logged).toMatchObject({ reqId: 'req-masked-1', level: 50 });
    } finally {
      await prod.close();
    }
  });
});

/** Plain (non-connection) list fields returning objects, and why each one is bounded. */
const BOUNDED_LISTS: Record<string, string> = {
  'Order.materials': 'uploads of one editable order (checked per kind by the workflow)',
  'Order.smsVerifications': 'one per distinct principal mobile of the order',
  'Order.websites': 'websites per order, capped by the province module (≤ 5 nationally)',
  'Website.domains': 'domains per website, capped by validation',
  'Website.preApprovals': 'pre-approvals per website (input list ≤ 100)',
  'App.domains': 'back-end domains per APP, at most 20 (seed 003), capped by validation',
  'App.platforms': 'one entry per platform kind (duplicates refused)',
  'App.preApprovals': 'pre-approvals per APP (input list ≤ 100)',
  'App.sdks': 'SDK services per APP (input list ≤ 100)',
  'MiniProgram.domains': 'back-end domains, at most 20, capped by validation',
  'MiniProgram.platforms': 'one entry per platform kind (duplicates refused)',
  'MiniProgram.preApprovals': 'pre-approvals (input list ≤ 100)',
  'QuickApp.domains': 'back-end domains, at most 20, capped by validation',
  'QuickApp.platforms': 'one entry per platform kind (duplicates refused)',
  'QuickApp.preApprovals': 'pre-approvals (input list ≤ 100)',
  'Query.nodes': 'one per requested id; ids limited to 100 by input hygiene',
  'Query.provinces': 'the 31 province modules',
  'Query.provinceRequirements': 'requirements of one province module',
  'Order.requirements': 'requirements of one province module and the national ones',
  'Query.checkWebsiteName': 'violations of one name',
  'Query.checkAppName': 'violations of one name',
  'Query.validateFiling': 'violations of one filing',
  'Query.validateOrder': 'violations of one order',
  'Province.rules': 'rules of one province module',
  'FilingTypeResult.violations': 'violations of one check',
  'ValidationError.violations': 'violations of one input',
  'ReviewEstimate.rules': 'rules of one province module',
  'SiteLimits.rules': 'rules of one province module',
  'SiteLimits.advisories': 'advisory site-limit rules of one province module',
  'Query.providerPolicies': 'the policies the rule kit declares (provinces/kit/provider.ts)',
  'SmsRequirement.rules': 'rules of one province module',
  'InstanceImportResult.rejected': 'rows of one import (at most 500 per call)',
  'InstanceImportRejection.violations': 'violations of one row',
  'Query.developmentSmsOutbox': 'at most 100 (`last`); development only',
  'Query.integrationTokens': 'at most 100, newest first (admins create a handful)',
  'ServerInstance.serviceCodes': 'at most 100, newest first',
  'Order.reviewComments': 'comments of one review round (input list ≤ 100)',
  'OrderEventDetail.comments': 'comments of one review round (input list ≤ 100)',
  'OrderEventDetail.websites': 'websites of one cancellation order',
  'WebsiteProposal.preApprovals': 'pre-approvals of one proposed website (input list ≤ 100)',
  'OrderCounts.byStatus': 'one per order status (11)',
  'OrderCounts.byProvince': 'one per province module (31)',
  'ProvinceOrderCount.byStatus': 'one per order status (11)',
  'RuleDeclaration.smsRoles': 'one per filing type (7)',
  'NatureVocabulary.certificateTypes': 'the certificate types of one nature (fixed list)',
  'Vocabularies.contentCategories': 'fixed list (src/schema/labels.ts)',
  'Vocabularies.filingTypes': 'fixed list (src/schema/labels.ts)',
  'Vocabularies.languages': 'fixed list (src/validation/languages.ts)',
  'Vocabularies.materialKinds': 'fixed list (src/schema/labels.ts)',
  'Vocabularies.natures': 'fixed list (src/schema/labels.ts)',
  'Vocabularies.orderStatuses': 'fixed list (src/schema/labels.ts)',
  'Vocabularies.preApprovalKinds': 'fixed list (src/schema/labels.ts)',
  'Vocabularies.principalCertificateTypes': 'fixed list (src/validation/certificates.ts)',
  'Vocabularies.serviceKinds': 'fixed list (src/schema/labels.ts)',
  'Vocabularies.serviceTypes': 'fixed list (src/schema/labels.ts)',
};

describe('pagination caps', () => {
  it('every list of objects is a connection or a list bounded by the domain', () => {
    const unbounded: string[] = [];
    const seen = new Set<string>();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name.endsWith('Connection')) continue;
      for (const field of Object.values(type.getFields())) {
        let t: GraphQLOutputType = field.type;
        if (isNonNullType(t)) t = t.ofType;
        if (!isListType(t) || !isCompositeType(getNamedType(t))) continue;
        const name = `${type.name}.${field.name}`;
        seen.add(name);
        if (!BOUNDED_LISTS[name]) unbounded.push(name);
      }
    }
    expect(unbounded).toEqual([]);
    expect(Object.keys(BOUNDED_LISTS).filter((n) => !seen.has(n))).toEqual([]);
  });

  it('every connection returns at most 100 items whatever `first` asks for', async () => {
    const owner = decodeGlobalID((await s.ok('{ viewer { id } }', {}, token)).viewer.id).id;
    const N = 101;
    const ids = (p: string) => Array.from({ length: N }, (_, i) => `${p}-${i}`);
    const prisma = s.db.prisma;
    await prisma.person.createMany({
      data: ids('person').map((id, i) => ({ id, name: '张伟', certificateType: 'RESIDENT_ID', certificateNumber: `p${i}`, mobile: '13800000000', email: 'a@example.cn' })),
    });
    await prisma.subject.createMany({
      data: ids('subject').map((id, i) => ({
        id, ownerId: owner, provinceCode: 'hubei', city: '武汉市', nature: 'INDIVIDUAL', certificateType: 'RESIDENT_ID',
        certificateNumber: `cap${i}`, name: '张伟', certificateAddress: '湖北省武汉市', communicationAddress: '湖北省武汉市', principalId: `person-${i}`,
      })),
    });
    await prisma.website.createMany({
      data: ids('website').map((id) => ({ id, subjectId: 'subject-0', ownerId: owner, name: '博客', contentCategory: 'PERSONAL_BLOG', principalId: 'person-0' })),
    });
    await prisma.order.createMany({
      data: ids('order').map((id, i) => ({ id, number: `CAP${i}`, ownerId: owner, subjectId: 'subject-0', provinceCode: 'hubei', filingType: 'FIRST' })),
    });
    await prisma.orderEvent.createMany({ data: ids('event').map(() => ({ orderId: 'order-0', type: 'UPDATED', actorRole: 'SYSTEM' })) });

    const page = (field: string) => `${field} { pageInfo { hasNextPage } edges { cursor } }`;
    const subjectId = encodeGlobalID('Subject', 'subject-0');
    const orderId = encodeGlobalID('Order', 'order-0');
    // A literal `first: 1000` is already refused by the cost limit; a variable is only known at run time.
    const top = await s.ok(
      `query ($n: Int) { ${page('orders(first: $n)')} ${page('subjects(first: $n)')} ${page('websites(first: $n)')} }`,
      { n: 1000 },
      token,
    );
    const nested = await s.ok(
      `query ($s: ID!, $o: ID!, $n: Int) {
        s: node(id: $s) { ... on Subject { ${page('websites(first: $n)')} ${page('orders(first: $n)')} } }
        o: node(id: $o) { ... on Order { ${page('history(first: $n)')} } }
      }`,
      { s: subjectId, o: orderId, n: 1000 },
      token,
    );
    const connections = [top.orders, top.subjects, top.websites, nested.s.websites, nested.s.orders, nested.o.history];
    for (const c of connections) {
      expect(c.edges).toHaveLength(100);
      expect(c.pageInfo.hasNextPage).toBe(true);
    }
  });
});
