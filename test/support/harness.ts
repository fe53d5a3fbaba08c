/**
 * The test environment: a real server on a free port, on a fresh database (in-memory PGlite, or a
 * new PostgreSQL database when TEST_DATABASE_URL / DATABASE_URL is set), with typed helpers to send
 * GraphQL over HTTP and subscribe over graphql-ws.
 */
import { Writable } from 'node:stream';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import WebSocket from 'ws';
import { buildApp, type App } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/index.js';
import { scratchPostgres } from './postgres.js';
import { createLogger } from '../../src/server/logging.js';

/**
 * Settings every test server shares. Password hashing at scrypt cost 2^10 instead of the production 2^15:
 * the suite registers hundreds of accounts and the hash cost is not what it tests (test/auth.test.ts
 * checks the default and the upgrade on sign-in).
 */
export const TEST_ENV = { PASSWORD_HASH_COST: '10' } as const;

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  app: App;
  url: string;
  db: Database;
  clock: ManualClock;
  /** POSTs one operation; `token` signs it in. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test on any GraphQL error and returns `data`. */
  ok<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  /** POSTs a JSON body (any shape, or a raw string) and returns status, headers and the parsed body. */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
  /** A graphql-ws client on the server's socket. */
  ws(token?: string): Client;
  /** Every log line so far, parsed (empty unless `LOG_LEVEL` is set in `env`). */
  logs(): Record<string, any>[];
  /** The raw log text so far. */
  logText(): string;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** The clock's starting time. */
  start?: Date | string;
  /** Run the sweeper's timers (default true). */
  timers?: boolean;
  /** Environment variables as the server would read them (production settings, limits, stores). */
  env?: Record<string, string>;
  /** A database the test opened itself (the test closes it); otherwise a fresh one, dropped at close. */
  db?: Database;
  /** Where the server listens (default 127.0.0.1). */
  address?: string;
}

/** PostgreSQL server URL for tests, when the suite runs against PostgreSQL. */
export function postgresBase(): string | undefined {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
}

/** An in-memory PGlite database with every migration applied, from the run's snapshot (global-setup.ts). */
export async function openTestPglite(): Promise<Database> {
  const file = inject('pgliteSnapshot');
  const from = file ? new Blob([await readFile(file)]) : undefined;
  return openDatabase({ kind: 'pglite', dir: 'memory://' }, { from });
}

/** A fresh database for one test file, migrated: in-memory PGlite, or a new PostgreSQL database. */
export async function freshDatabase(): Promise<{ db: Database; url?: string; drop: () => Promise<void> }> {
  const base = postgresBase();
  if (!base) {
    const db = await openTestPglite();
    return { db, drop: () => db.close() };
  }
  const scratch = await scratchPostgres(base);
  const db = await openDatabase({ kind: 'postgres', url: scratch.url });
  return {
    db,
    url: scratch.url,
    drop: async () => {
      await db.close();
      await scratch.drop();
    },
  };
}

/** What a frontend holds: GraphQL over HTTP and graphql-ws against one server URL. */
export function graphqlClient(url: string, label = 'the server') {
  const sockets: Client[] = [];
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
  const gql = async <T = any>(query: string, variables?: Record<string, unknown>, token?: string) =>
    (await post({ query, variables }, token ? { authorization: `Bearer ${token}` } : {})).body as GraphQLResponse<T>;
  return {
    post,
    gql,
    async ok<T = any>(query: string, variables?: Record<string, unknown>, token?: string) {
      const res = await gql<T>(query, variables, token);
      if (res.errors?.length) throw new Error(`GraphQL errors from ${label}: ${JSON.stringify(res.errors, null, 2)}`);
      return res.data as T;
    },
    ws(token?: string, options: Partial<ClientOptions> = {}) {
      const socket = createClient({
        url: `${url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
        ...options,
      });
      sockets.push(socket);
      return socket;
    },
    async dispose() {
      await Promise.all(sockets.map((c) => c.dispose()));
    },
  };
}

/** Starts the real server (buildApp) on a free port, with its JSON log captured. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const owned = options.db ? null : await freshDatabase();
  const db = options.db ?? owned!.db;
  const clock = new ManualClock(options.start ?? '2026-03-02T02:00:00Z');
  const production = options.env?.NODE_ENV === 'production';
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', SWEEP_INTERVAL_MS: '50', ...(production ? {} : TEST_ENV), ...options.env });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const app = await buildApp({ config, clock, db, timers: options.timers, logger: createLogger(config, sink) });
  const url = await app.start(0, options.address ?? '127.0.0.1');
  // Tests that write to an in-process PGlite block the event loop for seconds; if that outlasts
  // Node's 5 s keep-alive timeout, the server closes an idle socket just as the client reuses it
  // (ECONNRESET). Idle sockets of a test server stay open for a minute instead.
  app.server.keepAliveTimeout = 60_000;
  const client = graphqlClient(url);

  return {
    app,
    url,
    db,
    clock,
    gql: client.gql,
    post: client.post,
    ok: client.ok,
    ws: client.ws,
    logs: () => lines.map((l) => JSON.parse(l) as Record<string, any>),
    logText: () => lines.join('\n'),
    async close() {
      await client.dispose();
      await app.stop();
      await owned?.drop();
    },
  };
}

/** Collects the next `n` results of a subscription. */
export function take<T = any>(client: Client, query: string, variables: Record<string, unknown>, n: number) {
  const results: GraphQLResponse<T>[] = [];
  let dispose = () => {};
  const done = new Promise<GraphQLResponse<T>[]>((resolve, reject) => {
    dispose = client.subscribe<T>(
      { query, variables },
      {
        next: (r) => {
          results.push(r as GraphQLResponse<T>);
          if (results.length >= n) {
            dispose();
            resolve(results);
          }
        },
        error: reject,
        complete: () => resolve(results),
      },
    );
  });
  return { done, results, dispose: () => dispose() };
}
