/**
 * Subscriptions across instances: a reviewer connected to one instance sees what happens through
 * another, in log order, and loses nothing when an instance is killed mid-stream.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/index.js';
import { reviewer, signUp } from '../support/fixtures.js';
import type { TestServer } from '../support/harness.js';
import { must } from '../support/workflow.js';
import {
  clusterDatabase,
  clusterEnv,
  eventually,
  feed,
  loggedChanges,
  logHeadOf,
  rejectAndResubmit,
  remote,
  startInstance,
  submittedOrders,
  type Instance,
  type OpenOrder,
} from './cluster.js';

let db: Database;
let drop: () => Promise<void>;
let env: Record<string, string>;
const instances: Instance[] = [];
let a: TestServer;
let b: TestServer;
let tokens: { reviewer: string; applicant: string };
let orders: OpenOrder[];

async function instance(name: string): Promise<TestServer> {
  const started = await startInstance(name, env);
  instances.push(started);
  return remote(started, db);
}
const processOf = (s: TestServer) => instances.find((i) => i.url === s.url)!;

beforeAll(async () => {
  const database = await clusterDatabase();
  db = database.db;
  drop = database.drop;
  env = { DATABASE_URL: database.url, REDIS_URL: clusterEnv().redisUrl, SWEEP_INTERVAL_MS: '300' };
  [a, b] = await Promise.all([instance('a'), instance('b')]);
  const applicant = await signUp(b);
  tokens = { reviewer: await reviewer(a), applicant: applicant.token };
  orders = await submittedOrders(b, applicant, 4);
});

afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  await drop?.();
});

/** Rounds of concurrent reject + resubmit on every order, through `s`; resolves with the failures. */
async function rounds(s: TestServer, count: number, options: { stopOnError?: boolean } = {}): Promise<unknown[]> {
  const failures: unknown[] = [];
  for (let r = 0; r < count; r++) {
    const results = await Promise.allSettled(orders.map((o) => rejectAndResubmit(s, tokens, o)));
    for (const x of results) if (x.status === 'rejected') failures.push(x.reason);
    if (failures.length && options.stopOnError) break;
  }
  return failures;
}

/** After a crash the test no longer knows every order's version, and a rejected order may await resubmission. */
async function resync(s: TestServer): Promise<void> {
  for (const o of orders) {
    const row = await db.prisma.order.findUniqueOrThrow({ where: { id: decodeGlobalID(o.id).id } });
    o.version = row.version;
    if (row.status === 'INITIAL_REJECTED') o.version = (await must(s, tokens.applicant, 'submitOrder', { orderId: o.id, version: o.version })).version;
  }
}

describe('two instances on PostgreSQL + Redis', () => {
  it('delivers changes made through one instance to subscribers on both, once each and in log order', async () => {
    const after = await logHeadOf(db);
    const onA = feed(a, tokens.reviewer, after);
    const onB = feed(b, tokens.reviewer, after);
    // Concurrent writers on B: four orders at a time, three rounds of two status changes each.
    expect(await rounds(b, 3)).toEqual([]);
    const logged = await loggedChanges(db, after);
    expect(logged).toHaveLength(orders.length * 3 * 2);
    await eventually('both feeds to catch up', () => onA.events.length >= logged.length && onB.events.length >= logged.length);
    expect(onA.events).toEqual(logged);
    expect(onB.events).toEqual(logged);
    await Promise.all([onA.close(), onB.close()]);
  });

  it('loses nothing when the instance taking the mutations is killed mid-burst', async () => {
    const after = await logHeadOf(db);
    const onA = feed(a, tokens.reviewer, after);
    const burst = rounds(b, 20, { stopOnError: true });
    await eventually('some events before the crash', () => onA.events.length >= 10);
    await processOf(b).kill();
    const failures = await burst;
    expect(failures.length).toBeGreaterThan(0); // requests in flight to B broke off
    // Whatever B committed (possibly without announcing it) reaches the subscriber on A.
    const logged = await loggedChanges(db, after);
    await eventually('the feed on A to catch up with the log', () => onA.events.length >= logged.length);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(onA.events).toEqual(logged);
    await onA.close();
    b = await instance('b2');
    await resync(b);
  });

  it('a client whose instance is killed resumes on another with its last sequence and misses nothing', async () => {
    const after = await logHeadOf(db);
    const first = feed(a, tokens.reviewer, after);
    const burst = rounds(b, 12);
    await eventually('some events before the crash', () => first.events.length >= 10);
    await processOf(a).kill();
    expect(await first.closed).toMatch(/error|complete/);
    // Reconnect elsewhere with the last sequence seen, as a client behind a load balancer would.
    const resumed = feed(b, tokens.reviewer, first.last());
    expect(await burst).toEqual([]);
    const logged = await loggedChanges(db, after);
    await eventually('the resumed feed to catch up', () => first.events.length + resumed.events.length >= logged.length);
    await new Promise((r) => setTimeout(r, 500));
    expect([...first.events, ...resumed.events]).toEqual(logged);
    await resumed.close();
    a = await instance('a2');
  });

  it('delivers an event whose notice never went out (its relay died after claiming it)', async () => {
    const after = await logHeadOf(db);
    const onA = feed(a, tokens.reviewer, after);
    await new Promise((r) => setTimeout(r, 500));
    const orderId = decodeGlobalID(orders[0]!.id).id;
    // Written and marked published, as by a relay that crashed before it reached Redis.
    await db.prisma.orderEvent.create({
      data: { orderId, type: 'STATUS_CHANGED', actorRole: 'SYSTEM', fromStatus: 'PENDING_INITIAL_REVIEW', toStatus: 'PENDING_INITIAL_REVIEW', publishedAt: new Date(Date.now() - 60_000) },
    });
    const logged = await loggedChanges(db, after);
    expect(logged).toHaveLength(1);
    await eventually('the log check to deliver it', () => onA.events.length >= 1);
    expect(onA.events).toEqual(logged);
    await onA.close();
  });
});
