/**
 * Several real server processes (`node --import tsx src/main.ts`) on one PostgreSQL database and one
 * Redis, the way they run in production behind a load balancer. Needs TEST_DATABASE_URL and REDIS_URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { openDatabase, type Database } from '../../src/db/index.js';
import { logHead } from '../../src/events/relay.js';
import { individualSubject, server, uploadRequiredMaterials, website } from '../support/fixtures.js';
import { TEST_ENV, type GraphQLResponse, type TestServer } from '../support/harness.js';
import { must, startFiling } from '../support/workflow.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function clusterEnv(): { databaseUrl: string; redisUrl: string } {
  const databaseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!databaseUrl || !redisUrl) throw new Error('The cluster suite needs TEST_DATABASE_URL (PostgreSQL) and REDIS_URL');
  return { databaseUrl, redisUrl };
}

/** A new, migrated PostgreSQL database; `db` is the test's own connection for set-up and checks. */
export async function clusterDatabase(): Promise<{ url: string; db: Database; drop: () => Promise<void> }> {
  const base = clusterEnv().databaseUrl;
  const name = `icp_cluster_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString() });
  return {
    url: url.toString(),
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

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface Instance {
  name: string;
  url: string;
  process: ChildProcess;
  /** What the process printed, for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown, no goodbye to clients; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the clean shutdown. */
  stop(): Promise<void>;
}

/** Starts one server process and waits until it answers /health. */
export async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...TEST_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance ${name} exited (${child.exitCode}):\n${out}`);
    const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`instance ${name} did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name,
    url,
    process: child,
    output: () => out,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * A running instance seen through the test helpers' interface (HTTP, graphql-ws, and the test's own
 * database connection), so the workflow fixtures work against a separate process too.
 */
export function remote(instance: Instance, db: Database): TestServer {
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string) => {
    const res = await fetch(`${instance.url}/graphql`, {
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
  const server = {
    url: instance.url,
    db,
    gql,
    async ok<T>(query: string, variables?: Record<string, unknown>, token?: string) {
      const res = await gql<T>(query, variables, token);
      if (res.errors?.length) throw new Error(`GraphQL errors from ${instance.name}: ${JSON.stringify(res.errors, null, 2)}`);
      return res.data as T;
    },
    ws(token?: string): Client {
      return createClient({
        url: `${instance.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined,
      });
    },
    async close() {},
  };
  return server as unknown as TestServer;
}

/** Waits until `check` holds, polling; fails with `what` after `ms`. */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface OpenOrder {
  id: string;
  version: number;
}

/** `count` submitted 湖北 orders (PENDING_INITIAL_REVIEW) of one applicant, made through `s`. */
export async function submittedOrders(s: TestServer, applicant: { token: string; accountId: string }, count: number): Promise<OpenOrder[]> {
  const instance = await server(s, applicant.accountId, { slots: count + 1 });
  const orders: OpenOrder[] = [];
  for (let i = 0; i < count; i++) {
    const tag = randomUUID().slice(0, 8);
    const subject = individualSubject({ provinceCode: 'hubei', provinceName: '湖北省', city: '武汉市', region: '420106', person: { name: '王小明' } });
    const draft = await startFiling(s, applicant.token, {
      subject,
      websites: [website({ name: '王小明的学习笔记', domain: `notes-${tag}.cn`, serverInstanceId: instance })],
    });
    if (draft.__typename !== 'Order') throw new Error(`startFiling: ${JSON.stringify(draft)}`);
    await uploadRequiredMaterials(s, applicant.token, draft.id, 'INDIVIDUAL');
    const submitted = await must(s, applicant.token, 'submitOrder', { orderId: draft.id, version: draft.version });
    orders.push({ id: submitted.id, version: submitted.version });
  }
  return orders;
}

export interface FeedEvent {
  sequence: string;
  fromStatus: string;
  toStatus: string;
  order: { id: string };
}

export const FEED = /* GraphQL */ `
  subscription ($after: String) {
    orderEvents(after: $after) { sequence fromStatus toStatus order { id } }
  }
`;

/** A reviewer's live feed on one instance, from `after`; `closed` settles when the socket goes away. */
export function feed(s: TestServer, token: string, after: string) {
  const client = s.ws(token);
  const events: FeedEvent[] = [];
  let dispose = () => {};
  const closed = new Promise<string>((resolve) => {
    dispose = client.subscribe<{ orderEvents: FeedEvent }>(
      { query: FEED, variables: { after } },
      {
        next: (r) => {
          if (r.errors?.length) resolve(`errors: ${JSON.stringify(r.errors)}`);
          else events.push(r.data!.orderEvents);
        },
        error: (e) => resolve(`error: ${e instanceof Error ? e.message : JSON.stringify(e)}`),
        complete: () => resolve('complete'),
      },
    );
  });
  return {
    events,
    closed,
    last: () => events.at(-1)?.sequence ?? after,
    async close() {
      dispose();
      await client.dispose();
    },
  };
}

/** Status changes in the log after `after`, as the feed should deliver them. */
export async function loggedChanges(db: Database, after: string): Promise<FeedEvent[]> {
  const rows = await db.prisma.orderEvent.findMany({
    where: { type: 'STATUS_CHANGED', id: { gt: BigInt(after) } },
    orderBy: { id: 'asc' },
    select: { id: true, fromStatus: true, toStatus: true, orderId: true },
  });
  return rows.map((r) => ({
    sequence: r.id.toString(),
    fromStatus: r.fromStatus!,
    toStatus: r.toStatus!,
    order: { id: encodeGlobalID('Order', r.orderId) },
  }));
}

export async function logHeadOf(db: Database): Promise<string> {
  return (await logHead(db.prisma)).toString();
}

/** One review round trip on an order: the reviewer rejects it, the applicant resubmits (two status changes). */
export async function rejectAndResubmit(s: TestServer, tokens: { reviewer: string; applicant: string }, order: OpenOrder): Promise<void> {
  const rejected = await must(s, tokens.reviewer, 'rejectInitialReview', { orderId: order.id, version: order.version, reason: '请补充材料' });
  const again = await must(s, tokens.applicant, 'submitOrder', { orderId: order.id, version: rejected.version });
  order.version = again.version;
}
