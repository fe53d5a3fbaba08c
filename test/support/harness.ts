/**
 * The test environment: a real server on a free port, on a fresh database (in-memory PGlite, or a
 * new PostgreSQL database when TEST_DATABASE_URL / DATABASE_URL is set), with typed helpers to send
 * GraphQL over HTTP and subscribe over graphql-ws.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { buildApp, type App } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/index.js';

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
  /** A graphql-ws client on the server's socket. */
  ws(token?: string): Client;
  close(): Promise<void>;
}

/** PostgreSQL server URL for tests, when the suite runs against PostgreSQL. */
function postgresBase(): string | undefined {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
}

/** An in-memory PGlite database with every migration applied, from the run's snapshot (global-setup.ts). */
export async function openTestPglite(): Promise<Database> {
  const file = inject('pgliteSnapshot');
  const from = file ? new Blob([await readFile(file)]) : undefined;
  return openDatabase({ kind: 'pglite', dir: 'memory://' }, { from });
}

/** A fresh, empty database for one test file: in-memory PGlite, or a new PostgreSQL database. */
export async function freshDatabase(): Promise<{ db: Database; drop: () => Promise<void> }> {
  const base = postgresBase();
  if (!base) {
    const db = await openTestPglite();
    return { db, drop: () => db.close() };
  }
  const name = `icp_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString() });
  return {
    db,
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startTestServer(options: { start?: Date | string; timers?: boolean } = {}): Promise<TestServer> {
  const { db, drop } = await freshDatabase();
  const clock = new ManualClock(options.start ?? '2026-03-02T02:00:00Z');
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', SWEEP_INTERVAL_MS: '50', ...TEST_ENV });
  const app = await buildApp({ config, clock, db, timers: options.timers });
  const url = await app.start(0, '127.0.0.1');
  const clients: Client[] = [];

  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  };

  return {
    app,
    url,
    db,
    clock,
    gql,
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
      await drop();
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
