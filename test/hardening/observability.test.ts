/** Structured logs (request ids, no personal data in clear) and Prometheus metrics. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from 'graphql';
import { schema } from '../../src/schema/index.js';
import { scrub } from '../../src/server/logging.js';
import { deprecates } from '../../src/server/metrics.js';
import { individualSubject, reviewer, server, signUp, website } from '../support/fixtures.js';
import { startServer, type HardenedServer } from './support/server.js';
import { until } from '../support/live.js';

let s: HardenedServer;
beforeAll(async () => {
  s = await startServer({ env: { TRUST_PROXY: 'true' } });
});
afterAll(async () => {
  await s?.close();
});

describe('request log', () => {
  it('one JSON line per request, with a request id that is echoed back', async () => {
    const r = await s.post({ query: 'query Provinces { provinces { code } }', operationName: 'Provinces' });
    const id = r.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = s.logs().find((l) => l.reqId === id)!;
    expect(line).toMatchObject({ msg: 'request', transport: 'http', method: 'POST', path: '/graphql', status: 200, operation: 'Provinces', kind: 'query', fields: ['provinces'] });
    expect(typeof line.ms).toBe('number');
    expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('keeps a well-formed x-request-id from the caller and replaces a malformed one', async () => {
    const kept = await s.post({ query: '{ __typename }' }, { 'x-request-id': 'edge-7f3a.1' });
    expect(kept.headers.get('x-request-id')).toBe('edge-7f3a.1');
    const replaced = await s.post({ query: '{ __typename }' }, { 'x-request-id': 'has spaces and "quotes"' });
    expect(replaced.headers.get('x-request-id')).not.toContain(' ');
  });

  it('logs error codes of refused requests', async () => {
    const r = await s.post({ query: '{ nope }' });
    const line = s.logs().find((l) => l.reqId === r.headers.get('x-request-id'))!;
    expect(line).toMatchObject({ status: 400, errors: ['GRAPHQL_VALIDATION_FAILED'] });
  });

  it('never writes personal data in clear: not the credentials, certificate numbers, phones, names, addresses or client address', async () => {
    const applicant = await signUp(s, '欧阳娜娜');
    const instance = await server(s, applicant.accountId);
    const subject = individualSubject({ provinceCode: 'hubei', provinceName: '湖北省', city: '武汉市', region: '420106', person: { name: '欧阳娜娜' } });
    const input = { subject, websites: [website({ name: '欧阳娜娜的小站', domain: 'ouyang-nana.cn', serverInstanceId: instance })] };
    await s.post({ query: 'mutation ($input: FilingInput!) { startFiling(input: $input) { __typename } }', variables: { input } }, {
      authorization: `Bearer ${applicant.token}`,
      'x-forwarded-for': '198.51.100.77',
    });
    await s.post({
      query: 'mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename } }',
      variables: { e: applicant.email, p: 'a-wrong-password-123' },
    });
    await s.post({
      query: 'mutation ($o: ID!, $m: String!) { verifySmsCode(orderId: $o, mobile: $m, code: "123456", certificateSuffix: "654321") { __typename } }',
      variables: { o: 'T3JkZXI6eA==', m: subject.principal.mobile },
    }, { authorization: `Bearer ${applicant.token}` });
    const text = s.logText();
    for (const field of ['startFiling', 'signIn', 'verifySmsCode']) expect(s.logs().some((l) => l.fields?.includes(field))).toBe(true);
    for (const secret of [
      applicant.email,
      applicant.token,
      'applicant-password-1',
      'a-wrong-password-123',
      '欧阳娜娜',
      subject.certificateNumber,
      subject.principal.mobile,
      subject.principal.emergencyPhone!,
      subject.principal.email,
      subject.communicationAddress,
      '198.51.100.77',
      '123456',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(text).toContain('198.51.100.0/24');
  });

  it('scrubs what looks like personal data from error messages', () => {
    const line = scrub('Invalid value 13800001111 for a@example.cn, id 42010619900307123X, code 91420100MA4K12345Y, Bearer abc.def');
    for (const leaked of ['13800001111', 'a@example.cn', '42010619900307123X', '91420100MA4K12345Y', 'abc.def']) expect(line).not.toContain(leaked);
  });
});

describe('metrics', () => {
  const metrics = async (headers: Record<string, string> = {}) => {
    const r = await fetch(`${s.url}/metrics`, { headers });
    return { status: r.status, text: await r.text() };
  };

  it('counts operations, errors, latency and root fields, without client-chosen labels', async () => {
    await s.post({ query: 'query Leak_7f3a9 { provinces { code } }' });
    await s.post({ query: '{ nope }' });
    const { status, text } = await metrics();
    expect(status).toBe(200);
    expect(text).toMatch(/graphql_envelop_request\{[^}]*operationType="query"[^}]*\} \d+/);
    expect(text).toMatch(/graphql_envelop_request_duration_bucket/);
    expect(text).toMatch(/graphql_yoga_http_duration_bucket/);
    expect(text).toMatch(/graphql_envelop_error_result\{/);
    expect(text).toMatch(/icp_graphql_root_fields_total\{kind="query",field="provinces"\} [1-9]/);
    expect(text).toMatch(/icp_graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} [1-9]/);
    expect(text).not.toContain('Leak_7f3a9');
    expect(text).toMatch(/process_resident_memory_bytes/);
  });

  it('counts deprecated fields only while the schema deprecates something', async () => {
    // This schema deprecates nothing, so the counter (a typed walk of every operation) is left out.
    expect(deprecates(schema)).toBe(false);
    expect((await metrics()).text).not.toContain('graphql_envelop_deprecated_field');
    const sdl = (directive: string) => buildSchema(`type Query { a: Int ${directive} b(x: Int ${directive}): Int } enum E { ONE ${directive} TWO } input I { f: Int ${directive} }`);
    expect(deprecates(sdl(''))).toBe(false);
    for (const where of ['type Query { a: Int @deprecated }', 'type Query { a(x: Int @deprecated): Int }', 'type Query { a: E } enum E { ONE @deprecated TWO }', 'type Query { a(i: I): Int } input I { f: Int @deprecated }']) {
      expect(deprecates(buildSchema(where)), where).toBe(true);
    }
  });

  it('reports open subscriptions and WebSocket connections', async () => {
    const staffToken = await reviewer(s);
    const gauge = async (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec((await metrics()).text)?.[1]);
    const client = s.ws(staffToken);
    const dispose = client.subscribe({ query: 'subscription { orderEvents { sequence } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    await until('the subscription to be counted', async () => (await gauge('icp_subscriptions_open')) >= 1);
    expect(await gauge('icp_subscriptions_open')).toBe(1);
    expect(await gauge('icp_websocket_connections_open')).toBe(1);
    dispose();
    await client.dispose();
    await until('the socket to be let go', async () => (await gauge('icp_websocket_connections_open')) === 0);
    expect(await gauge('icp_subscriptions_open')).toBe(0);
    expect(await gauge('icp_websocket_connections_open')).toBe(0);
  });

  it('are readable only from this machine, or with METRICS_TOKEN', async () => {
    expect((await metrics({ 'x-forwarded-for': '203.0.113.5' })).status).toBe(404);
    const guarded = await startServer({ env: { METRICS_TOKEN: 'a-long-metrics-token-1234' } });
    try {
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(404);
      expect((await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-of-same-len' } })).status).toBe(404);
      expect((await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer a-long-metrics-token-1234' } })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
