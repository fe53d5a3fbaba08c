/**
 * A test server with the hardening settings a test asks for (environment variables as in
 * production), its JSON log captured, on a fresh database or one the test opened itself.
 */
import { Writable } from 'node:stream';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { buildApp } from '../../../src/app.js';
import { ManualClock } from '../../../src/clock.js';
import { loadConfig } from '../../../src/config.js';
import type { Database } from '../../../src/db/index.js';
import { createLogger } from '../../../src/server/logging.js';
import { freshDatabase, TEST_ENV, type GraphQLResponse, type TestServer } from '../../support/harness.js';

export interface HardenedServer extends TestServer {
  /** Every log line so far, parsed. */
  logs(): Record<string, any>[];
  /** The raw log text so far. */
  logText(): string;
  /** POSTs a JSON body (any shape) and returns status, headers and the parsed body. */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
}

export async function startServer(
  options: { env?: Record<string, string>; db?: Database; start?: string; timers?: boolean; address?: string } = {},
): Promise<HardenedServer> {
  const owned = options.db ? null : await freshDatabase();
  const db = options.db ?? owned!.db;
  const clock = new ManualClock(options.start ?? '2026-03-02T02:00:00Z');
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: '0', SWEEP_INTERVAL_MS: '50', ...(options.env?.NODE_ENV === 'production' ? {} : TEST_ENV), ...options.env });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const app = await buildApp({ config, clock, db, timers: options.timers, logger: createLogger(config, sink) });
  const url = await app.start(0, options.address ?? '127.0.0.1');
  const clients: Client[] = [];

  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed as any };
  };
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string) =>
    (await post({ query, variables }, token ? { authorization: `Bearer ${token}` } : {})).body as GraphQLResponse<T>;

  return {
    app,
    url,
    db,
    clock,
    gql,
    post,
    logs: () => lines.map((l) => JSON.parse(l) as Record<string, any>),
    logText: () => lines.join('\n'),
    async ok<T>(query: string, variables?: Record<string, unknown>, token?: string) {
      const res = await gql<T>(query, variables, token);
      if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
      return res.data as T;
    },
    ws(token?: string) {
      const client = createClient({
        url: `${url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((c) => c.dispose()));
      await app.stop();
      await owned?.drop();
    },
  };
}
