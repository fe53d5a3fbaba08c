/**
 * Timers across instances: with two instances sweeping every 200 ms, each due order expires once and
 * each lapsed SMS verification returns its order once (an advisory lock lets one instance sweep at a
 * time; every change is also a compare-and-set on the order's version).
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/index.js';
import { SWEEP_LOCK } from '../../src/workflow/sweeper.js';
import { reviewer, signUp } from '../support/fixtures.js';
import { must } from '../support/workflow.js';
import { clusterDatabase, clusterEnv, eventually, remote, startInstance, submittedOrders, type Instance } from './cluster.js';

let db: Database;
let drop: () => Promise<void>;
let databaseUrl: string;
const instances: Instance[] = [];

beforeAll(async () => {
  const database = await clusterDatabase();
  db = database.db;
  drop = database.drop;
  databaseUrl = database.url;
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: clusterEnv().redisUrl, SWEEP_INTERVAL_MS: '200' };
  instances.push(...(await Promise.all([startInstance('a', env), startInstance('b', env)])));
});

afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  await drop?.();
});

describe('timers on two instances', () => {
  it('expire each due order and return each lapsed SMS verification exactly once', async () => {
    const [a, b] = instances.map((i) => remote(i, db)) as [ReturnType<typeof remote>, ReturnType<typeof remote>];
    const applicant = await signUp(a);
    const staff = await reviewer(b);
    const orders = await submittedOrders(a, applicant, 6);
    const ids = orders.map((o) => decodeGlobalID(o.id).id);
    const [expiring, sms] = [ids.slice(0, 3), ids.slice(3)];
    for (const o of orders.slice(3)) await must(b, staff, 'approveInitialReview', { orderId: o.id, version: o.version });

    const past = new Date(Date.now() - 60_000);
    await db.prisma.order.updateMany({ where: { id: { in: expiring } }, data: { expiresAt: past } });
    await db.prisma.order.updateMany({ where: { id: { in: sms } }, data: { smsDeadline: past } });

    const statuses = async () => db.prisma.order.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
    await eventually('every due order to be handled', async () =>
      (await statuses()).every((o) => o.status === (expiring.includes(o.id) ? 'EXPIRED' : 'NEEDS_CHANGES')),
    );
    // Both instances keep sweeping; give them a few more rounds to do anything twice.
    await new Promise((r) => setTimeout(r, 1_500));

    const changes = await db.prisma.orderEvent.findMany({
      where: { orderId: { in: ids }, type: 'STATUS_CHANGED', actorRole: 'SYSTEM' },
      select: { orderId: true, toStatus: true },
    });
    for (const id of expiring) expect(changes.filter((c) => c.orderId === id).map((c) => c.toStatus)).toEqual(['EXPIRED']);
    for (const id of sms) expect(changes.filter((c) => c.orderId === id).map((c) => c.toStatus)).toEqual(['NEEDS_CHANGES']);
  });

  it('lets one process at a time hold the sweep lock', async () => {
    // The instances sweep every 200 ms under this lock: stop them, so only this test's two connections contend.
    await Promise.all(instances.map((i) => i.stop()));
    const other = await openDatabase({ kind: 'postgres', url: databaseUrl });
    try {
      let release = () => {};
      let acquired = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      const holding = new Promise<void>((resolve) => (acquired = resolve));
      const first = db.sql.tryLock(SWEEP_LOCK, () => {
        acquired();
        return held.then(() => 'first');
      });
      await holding; // the first connection holds the lock now
      expect(await other.sql.tryLock(SWEEP_LOCK, async () => 'second')).toBeNull();
      release();
      expect(await first).toBe('first');
      expect(await other.sql.tryLock(SWEEP_LOCK, async () => 'second')).toBe('second');
    } finally {
      await other.close();
    }
  });
});
