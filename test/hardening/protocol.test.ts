/**
 * Protocol compliance against a live server: the graphql-http audit suite (GraphQL over HTTP), and
 * graphql-ws close codes and limits.
 */
import { serverAudits } from 'graphql-http';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBSOCKET_LIMITS } from '../../src/server/websocket.js';
import { reviewer, signUp } from '../support/fixtures.js';
import { startServer, type HardenedServer } from './support/server.js';

let s: HardenedServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => {
  await s?.close();
});

/**
 * The audits run as a script client would: with a CSRF preflight header (SECURITY.md "CSRF"). Without
 * it GET and form requests are refused with 403 on purpose.
 */
const preflighted: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('graphql-require-preflight', '1');
  return fetch(input, { ...init, headers });
};

/** Audits allowed to warn, and why. None at present. */
const EXPECTED_WARNINGS: Record<string, string> = {};

describe('GraphQL over HTTP (graphql-http audits)', () => {
  const audits = serverAudits({ url: () => `${s.url}/graphql`, fetchFn: preflighted });
  it('runs the whole suite', () => {
    expect(audits.length).toBeGreaterThan(50);
  });
  for (const audit of audits) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      if (result.status === 'warn') expect(EXPECTED_WARNINGS[audit.id], result.reason).toBeDefined();
      else expect(result.status, 'reason' in result ? result.reason : '').toBe('ok');
    });
  }
});

/** A raw graphql-transport-ws socket, to send what a well-behaved client never would. */
async function rawSocket(): Promise<{ socket: WebSocket; messages: any[]; closed: Promise<{ code: number; reason: string }>; send(m: unknown): void; next(): Promise<any> }> {
  const socket = new WebSocket(`${s.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  const messages: any[] = [];
  const waiting: ((m: any) => void)[] = [];
  socket.on('message', (data) => {
    const m = JSON.parse(String(data));
    const w = waiting.shift();
    if (w) w(m);
    else messages.push(m);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    messages,
    closed,
    send: (m) => socket.send(typeof m === 'string' ? m : JSON.stringify(m)),
    next: () => (messages.length ? Promise.resolve(messages.shift()) : new Promise((resolve) => waiting.push(resolve))),
  };
}

async function acknowledged(token?: string) {
  const c = await rawSocket();
  c.send({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} });
  expect(await c.next()).toEqual({ type: 'connection_ack' });
  return c;
}

const FEED = 'subscription { orderEvents { sequence } }';

describe('graphql-ws close codes', () => {
  it('4400 for a message that is not JSON', async () => {
    const c = await rawSocket();
    c.send('not json');
    expect((await c.closed).code).toBe(4400);
  });

  it('4400 for a connection_init whose payload is not an object', async () => {
    const c = await rawSocket();
    c.send({ type: 'connection_init', payload: 'Bearer x' });
    expect((await c.closed).code).toBe(4400);
  });

  it('4403 for a connection_init with an unknown token', async () => {
    const c = await rawSocket();
    c.send({ type: 'connection_init', payload: { authorization: 'Bearer not-a-session' } });
    expect((await c.closed).code).toBe(4403);
  });

  it('4429 for a second connection_init', async () => {
    const c = await acknowledged();
    c.send({ type: 'connection_init', payload: {} });
    expect((await c.closed).code).toBe(4429);
  });

  it('4401 for a subscribe before the connection is acknowledged', async () => {
    const c = await rawSocket();
    c.send({ id: '1', type: 'subscribe', payload: { query: '{ __typename }' } });
    expect((await c.closed).code).toBe(4401);
  });

  it('4409 for a second subscribe with an id already in use', async () => {
    const staff = await reviewer(s);
    const c = await acknowledged(staff);
    c.send({ id: 'feed', type: 'subscribe', payload: { query: FEED } });
    c.send({ id: 'feed', type: 'subscribe', payload: { query: FEED } });
    expect((await c.closed).code).toBe(4409);
  });

  it('1009 for a message over the size limit', async () => {
    const c = await acknowledged();
    c.send({ id: '1', type: 'subscribe', payload: { query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024) } } });
    expect((await c.closed).code).toBe(1009);
  });
});

describe('graphql-ws operations', () => {
  it('an unauthenticated subscribe gets an UNAUTHENTICATED error and the socket stays open', async () => {
    const c = await acknowledged();
    c.send({ id: 'a', type: 'subscribe', payload: { query: FEED } });
    const m = await c.next();
    expect(m.type === 'error' ? m.payload[0].extensions.code : m.payload.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    c.send({ type: 'ping' });
    let reply = await c.next();
    while (reply.type === 'complete') reply = await c.next();
    expect(reply).toEqual({ type: 'pong' });
    c.socket.close();
  });

  it('an applicant may not open the reviewers’ feed (FORBIDDEN)', async () => {
    const { token } = await signUp(s);
    const c = await acknowledged(token);
    c.send({ id: 'a', type: 'subscribe', payload: { query: FEED } });
    const m = await c.next();
    expect(JSON.stringify(m)).toContain('FORBIDDEN');
    c.socket.close();
  });

  it('a syntax error is that operation’s error, not the connection’s', async () => {
    const c = await acknowledged();
    c.send({ id: 'bad', type: 'subscribe', payload: { query: '{ oops' } });
    expect(await c.next()).toMatchObject({ id: 'bad', type: 'error' });
    c.send({ id: 'good', type: 'subscribe', payload: { query: '{ __typename }' } });
    expect(await c.next()).toEqual({ id: 'good', type: 'next', payload: { data: { __typename: 'Query' } } });
    c.socket.close();
  });

  it(`at most ${WEBSOCKET_LIMITS.operationsPerConnection} operations at once on one socket`, async () => {
    const staff = await reviewer(s);
    const c = await acknowledged(staff);
    for (let i = 0; i <= WEBSOCKET_LIMITS.operationsPerConnection; i++) c.send({ id: `f${i}`, type: 'subscribe', payload: { query: FEED } });
    const m = await c.next();
    expect(m).toMatchObject({ id: `f${WEBSOCKET_LIMITS.operationsPerConnection}`, type: 'error' });
    expect(m.payload[0].extensions.code).toBe('RATE_LIMITED');
    c.socket.close();
  });

  it(`at most ${WEBSOCKET_LIMITS.connectionsPerAddress} sockets from one address (1013 beyond)`, async () => {
    const sockets = await Promise.all(Array.from({ length: WEBSOCKET_LIMITS.connectionsPerAddress }, () => rawSocket()));
    const extra = await rawSocket();
    expect((await extra.closed).code).toBe(1013);
    for (const c of sockets) c.socket.close();
    await Promise.all(sockets.map((c) => c.closed));
    const again = await acknowledged();
    again.socket.close();
  });
});
