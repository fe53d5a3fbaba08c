/**
 * Several real server processes (`node --import tsx src/main.ts`) on one PostgreSQL database and one
 * Redis, the way they run in production behind a load balancer. Needs TEST_DATABASE_URL and REDIS_URL.
 */
import { randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { openDatabase, type Database } from '../../src/db/index.js';
import { logHead } from '../../src/events/relay.js';
import { individualSubject, server, uploadRequiredMaterials, website } from '../support/fixtures.js';
import { launch, type ServerProcess } from '../support/processes.js';
import { graphqlClient, TEST_ENV, type TestServer } from '../support/harness.js';
import { scratchPostgres } from '../support/postgres.js';
import { must, startFiling } from '../support/workflow.js';


export function clusterEnv(): { databaseUrl: string; redisUrl: string } {
  const databaseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!databaseUrl || !redisUrl) throw new Error('The cluster suite needs TEST_DATABASE_URL (PostgreSQL) and REDIS_URL');
  return { databaseUrl, redisUrl };
}

/** A new, migrated PostgreSQL database; `db` is the test's own connection for set-up and checks. */
export async function clusterDatabase(): Promise<{ url: string; db: Database; drop: () => Promise<void> }> {
  const scratch = await scratchPostgres(clusterEnv().databaseUrl, 'icp_cluster');
  const db = await openDatabase({ kind: 'postgres', url: scratch.url });
  return {
    url: scratch.url,
    db,
    drop: async () => {
      await db.close();
      await scratch.drop();
    },
  };
}

export type Instance = ServerProcess;

/** Starts one server process and waits until it answers /health. */
export function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  return launch(name, 'src/main.ts', { NODE_ENV: 'test', LOG_LEVEL: 'warn', ...TEST_ENV, ...env }, undefined, 300_000);
}

/**
 * A running instance seen through the test helpers' interface (HTTP, graphql-ws, and the test's own
 * database connection), so the workflow fixtures work against a separate process too.
 */
export function remote(instance: Instance, db: Database): TestServer {
  const client = graphqlClient(instance.url, instance.name);
  const server = {
    url: instance.url,
    db,
    gql: client.gql,
    ok: client.ok,
    post: client.post,
    ws: (token?: string) => client.ws(token, { lazy: false, onNonLazyError: () => undefined }),
    async close() {},
  };
  return server as unknown as TestServer;
}

/** Waits until `check` holds, polling; fails with `what` after `ms`. */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, ms = 240_000): Promise<void> {
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
