/**
 * Fuzzed GraphQL inputs against a live server: random and huge strings, unicode edge cases, wrong
 * types and nulls in every argument of the public mutations and queries, random documents and
 * random bodies. Every answer must be typed (a typed result or errors with a known code, never a
 * 5xx or "Unexpected error."), and an input that is refused must leave the database as it was.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { individualSubject, reviewer, server, signUp, website } from '../support/fixtures.js';
import { startServer, type HardenedServer } from './support/server.js';

let s: HardenedServer;
let token: string;
let staff: string;
let instance: string;
let cases = 0;

beforeAll(async () => {
  // The fuzz is about input handling, so rate limits (which would refuse most of it) are off.
  s = await startServer({ env: { RATE_LIMIT_STORE: 'off' }, timers: false });
  const applicant = await signUp(s);
  token = applicant.token;
  staff = await reviewer(s);
  instance = await server(s, applicant.accountId);
});
afterAll(async () => {
  console.log(`fuzz cases run: ${cases}`);
  await s?.close();
});

/** Codes a refusal may carry: all of them name what the client did wrong. */
const TYPED_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
]);
/** Typed results of the mutations (the `errors` unions). */
const TYPED_RESULTS = new Set(['ValidationError', 'NotFoundError', 'ConflictError', 'InvalidTransitionError', 'AuthenticationError']);

let snapshotSql: string | null = null;

/** Row count and content hash of every table, in one statement: equal snapshots mean nothing was written. */
async function snapshot(): Promise<string> {
  // The outbox relay marks events published in the background; settle it so only requests change rows.
  await s.app.services.relay.notify();
  if (!snapshotSql) {
    const tables = await s.db.sql.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    );
    snapshotSql = tables
      .map(({ tablename }) => `SELECT '${tablename}' AS t, count(*)::text AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${tablename}" x`)
      .join(' UNION ALL ');
  }
  const rows = await s.db.sql.query(snapshotSql);
  return rows.map((r) => `${r.t}:${r.n}:${r.h}`).join(',');
}

interface Outcome {
  status: number;
  body: any;
}

/** Checks one answer is typed; returns whether the operation was refused (so nothing may have changed). */
function expectTyped(r: Outcome, field?: string): boolean {
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
  const errors: any[] = r.body?.errors ?? [];
  for (const e of errors) {
    expect(TYPED_CODES.has(e.extensions?.code), JSON.stringify(e)).toBe(true);
    expect(e.message).not.toMatch(/Unexpected error/);
  }
  if (errors.length) return true;
  const result = field ? r.body.data?.[field] : undefined;
  if (result && typeof result === 'object' && '__typename' in result) return TYPED_RESULTS.has(result.__typename);
  return false;
}

/** One case: snapshot, request, typed answer, and an unchanged database when refused. */
async function probe(send: () => Promise<Outcome>, field?: string, readOnly = false): Promise<void> {
  cases++;
  const before = await snapshot();
  const r = await send();
  const refused = expectTyped(r, field);
  if (refused || readOnly) expect(await snapshot()).toBe(before);
}

const EDGE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202e反转文字',
  '\u200b\u200c\u200d',
  '\ufeff',
  'e\u0301\u0301\u0301',
  '👨‍👩‍👧‍👦',
  '𠀀𠀁𪚥',
  '\\',
  '%_%',
  "' OR 1=1 --",
  '"; DROP TABLE "Order"; --',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '\r\n\t',
  'Ａ１２３',
  '١٢٣٤٥٦',
  'null',
  'undefined',
  '0x7fffffff',
];

const hugeString = fc
  .tuple(fc.integer({ min: 5_000, max: 30_000 }), fc.constantFrom('a', '中', '😀', '1', ' ', '\u0301'))
  .map(([n, c]) => c.repeat(n));
const anyString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...EDGE_STRINGS),
  hugeString,
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant({}),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.constant(null),
);
/** A value to put where a string belongs: mostly strings, sometimes the wrong type, null or nothing. */
const fuzzValue = fc.oneof({ weight: 4, arbitrary: anyString }, { weight: 2, arbitrary: wrongType }, { weight: 1, arbitrary: fc.constant(undefined) });

const post = (query: string, variables: Record<string, unknown>, as = token) => s.post({ query, variables }, { authorization: `Bearer ${as}` });

function setPath(target: any, path: (string | number)[], value: unknown): void {
  let o = target;
  for (const k of path.slice(0, -1)) o = o[k];
  const last = path[path.length - 1]!;
  if (value === undefined) delete o[last];
  else o[last] = value;
}

let domains = 0;
function validFiling() {
  const subject = individualSubject({ provinceCode: 'hubei', provinceName: '湖北省', city: '武汉市', region: '420106', person: { name: '赵敏' } });
  return { subject, websites: [website({ name: '赵敏的读书笔记', domain: `zhaomin-fuzz-${++domains}.cn`, serverInstanceId: instance })] };
}

const FILING_PATHS: (string | number)[][] = [
  ['subject', 'provinceCode'],
  ['subject', 'city'],
  ['subject', 'nature'],
  ['subject', 'certificateType'],
  ['subject', 'certificateNumber'],
  ['subject', 'name'],
  ['subject', 'certificateAddress'],
  ['subject', 'communicationAddress'],
  ['subject', 'principal', 'name'],
  ['subject', 'principal', 'mobile'],
  ['subject', 'principal', 'email'],
  ['subject', 'principal', 'validTo'],
  ['subject', 'principal', 'emergencyPhone'],
  ['websites', 0, 'name'],
  ['websites', 0, 'domains', 0],
  ['websites', 0, 'homepageUrls', 0],
  ['websites', 0, 'contentCategory'],
  ['websites', 0, 'languages', 0],
  ['websites', 0, 'remark'],
  ['websites', 0, 'ipAddresses', 0],
  ['websites', 0, 'serverInstanceId'],
  ['websites', 0, 'productVerification'],
  ['websites'],
  ['subject'],
];

const ORDER_RESULT = `__typename ... on Order { id status } ... on Error { message }`;

describe('fuzzed inputs', () => {
  it('startFiling: one field of a valid filing replaced by a fuzz value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILING_PATHS), fuzzValue, async (path, value) => {
        const input = validFiling();
        setPath(input, path, value);
        await probe(() => post(`mutation ($input: FilingInput!) { startFiling(input: $input) { ${ORDER_RESULT} } }`, { input }), 'startFiling');
      }),
      { numRuns: 150 },
    );
  });

  it('verifyFilingType and validateFiling: fuzz in every field (read-only: nothing is ever written)', async () => {
    const keys = ['provinceCode', 'nature', 'certificateType', 'certificateNumber', 'domain'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), fuzzValue, fc.constantFrom(...FILING_PATHS), fuzzValue, async (key, value, path, other) => {
        const input: Record<string, unknown> = { provinceCode: 'hubei', nature: 'INDIVIDUAL', certificateType: 'RESIDENT_ID', certificateNumber: '420106199003071234', domain: 'example.cn' };
        if (value === undefined) delete input[key];
        else input[key] = value;
        await probe(() => post(`query ($input: FilingTypeCheckInput!) { verifyFilingType(input: $input) { filingType violations { rule } } }`, { input }), undefined, true);
        const filing = validFiling();
        setPath(filing, path, other);
        await probe(() => post(`query ($input: FilingInput!) { validateFiling(input: $input) { rule } }`, { input: filing }), undefined, true);
      }),
      { numRuns: 80 },
    );
  });

  it('register and signIn: fuzz in every argument', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzValue, fuzzValue, fuzzValue, async (email, password, displayName) => {
        await probe(
          () =>
            s.post({
              query: `mutation ($e: String!, $p: String!, $d: String!) { register(email: $e, password: $p, displayName: $d) { __typename ... on Error { message } } }`,
              variables: { e: email, p: password, d: displayName },
            }),
          'register',
        );
        await probe(
          () => s.post({ query: `mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename } }`, variables: { e: email, p: password } }),
          'signIn',
        );
      }),
      { numRuns: 60 },
    );
  });

  it('order actions: fuzzed ids, versions, mobiles, codes and reasons', async () => {
    const version = fc.oneof(fc.integer(), fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1.5, Number.MAX_SAFE_INTEGER), wrongType);
    await fc.assert(
      fc.asyncProperty(fuzzValue, version, fuzzValue, fuzzValue, async (orderId, v, mobile, text) => {
        await probe(
          () =>
            post(
              `mutation ($o: ID!, $m: String!, $c: String!) { verifySmsCode(orderId: $o, mobile: $m, code: $c, certificateSuffix: $c) { ${ORDER_RESULT} } }`,
              { o: orderId, m: mobile, c: text },
            ),
          'verifySmsCode',
        );
        await probe(() => post(`mutation ($o: ID!, $v: Int!) { submitOrder(orderId: $o, version: $v) { ${ORDER_RESULT} } }`, { o: orderId, v }), 'submitOrder');
        await probe(
          () => post(`mutation ($o: ID!, $v: Int!, $r: String!) { rejectInitialReview(orderId: $o, version: $v, reason: $r) { ${ORDER_RESULT} } }`, { o: orderId, v, r: text }, staff),
          'rejectInitialReview',
        );
      }),
      { numRuns: 60 },
    );
  });

  it('queries: fuzzed ids, filters and page sizes (read-only)', async () => {
    const size = fc.oneof(fc.integer({ min: -5, max: 2_000 }), wrongType);
    await fc.assert(
      fc.asyncProperty(fuzzValue, fuzzValue, size, fuzzValue, async (id, text, first, after) => {
        await probe(() => post(`query ($id: ID!) { node(id: $id) { id } }`, { id }), undefined, true);
        await probe(
          () => post(`query ($t: String, $n: Int, $a: String) { subjects(first: $n, after: $a, filter: { nameContains: $t }) { totalCount nodes { name } } }`, { t: text, n: first, a: after }, staff),
          undefined,
          true,
        );
        await probe(
          () => post(`query ($p: String, $n: Int) { orders(last: $n, filter: { provinceCode: $p }) { totalCount } websites(filter: { domain: $p }) { totalCount } }`, { p: text, n: first }),
          undefined,
          true,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('random documents and random bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), fc.jsonValue({ maxDepth: 4 }), async (query, body) => {
        await probe(() => s.post({ query }), undefined, true);
        await probe(() => s.post(body), undefined, true);
        await probe(() => s.post(JSON.stringify(body).slice(0, -1)), undefined, true);
      }),
      { numRuns: 100 },
    );
  });
});
