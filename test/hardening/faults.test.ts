/**
 * Faults under load: the database connection lost and restored, Redis down and back. The server
 * keeps answering (typed errors while the database is away; everything while Redis is), no request
 * is half-applied, nothing committed is lost, and subscriptions deliver every event once, in order.
 *
 * The database fault is real on PostgreSQL (TEST_DATABASE_URL): a TCP proxy drops every connection
 * and refuses new ones. On the embedded PGlite there is no connection to lose, so every database call
 * fails at the Prisma boundary instead, as it would with the driver's connection gone.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { upsertStaffAccount } from '../../src/auth/staff.js';
import { openDatabase, type Database, type Prisma } from '../../src/db/index.js';
import { server, signIn, signUp } from '../support/fixtures.js';
import { openTestPglite } from '../support/harness.js';
import { scratchPostgres } from '../support/postgres.js';
import { expectConsistent, load, until } from './support/load.js';
import { FaultProxy } from './support/proxy.js';
import { testRedis } from './support/redis.js';
import { startServer } from './support/server.js';

const survived: string[] = [];
afterAll(() => {
  console.log(`faults survived: ${survived.length} (${survived.join('; ')})`);
});

interface FaultyDatabase {
  db: Database;
  kind: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/** A database whose connection a test can take away and give back. */
async function faultyDatabase(): Promise<FaultyDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const scratch = await scratchPostgres(base, 'icp_fault');
    const target = new URL(scratch.url);
    const proxy = new FaultProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    const db = await openDatabase({ kind: 'postgres', url: proxy.url(target.toString()) });
    return {
      db,
      kind: 'PostgreSQL behind a TCP proxy',
      cut: () => proxy.cut(),
      restore: () => proxy.restore(),
      async close() {
        await db.close();
        await proxy.stop();
        await scratch.drop();
      },
    };
  }
  const db = await openTestPglite();
  let down = false;
  const lost = () => Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
  const prisma = db.prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        if (down) throw lost();
        return query(args);
      },
    },
  }) as unknown as Prisma;
  const guard =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    async (...a: A) => {
      if (down) throw lost();
      return fn(...a);
    };
  const sql = { ...db.sql, exec: guard(db.sql.exec), query: guard(db.sql.query), tryLock: guard(db.sql.tryLock) };
  return {
    db: { ...db, prisma, sql },
    kind: 'PGlite with every database call failing',
    cut: () => {
      down = true;
    },
    restore: () => {
      down = false;
    },
    close: () => db.close(),
  };
}

describe('database connection lost and restored', () => {
  it('answers with typed errors while the database is away, recovers by itself, and half-applies nothing', async () => {
    const f = await faultyDatabase();
    // Production: what the client sees during the outage is exactly what it would see in service.
    const s = await startServer({ db: f.db, env: { NODE_ENV: 'production' } });
    try {
      const applicant = await signUp(s);
      const instance = await server(s, applicant.accountId, { slots: 1000 });
      const ready = async () => (await fetch(`${s.url}/ready`)).status;
      const work = load(s, applicant, instance, 4);
      await until(async () => work.attempts.filter((a) => a.submitted).length >= 3, 'orders submitted before the fault');

      f.cut();
      await until(async () => (await ready()) === 503, 'readiness reports the outage');
      const during = await s.post({ query: '{ viewer { id } }' }, { authorization: `Bearer ${applicant.token}` });
      expect(during.status).toBeLessThan(600);
      expect(JSON.stringify(during.body)).not.toMatch(/ECONNRESET|stack|prisma/i);
      expect((await fetch(`${s.url}/health`)).status).toBe(200);
      const failedBefore = work.attempts.reduce((n, a) => n + a.failures, 0);
      await until(async () => work.attempts.reduce((n, a) => n + a.failures, 0) > failedBefore + 3, 'requests refused during the outage');

      f.restore();
      await until(async () => (await ready()) === 200, 'readiness after the outage');
      const submittedAt = work.attempts.filter((a) => a.submitted).length;
      await until(async () => work.attempts.filter((a) => a.submitted).length >= submittedAt + 3, 'orders submitted after the fault');
      await work.stop();

      expect(work.unexpected).toEqual([]);
      const orders = await expectConsistent(s.db.prisma, work.attempts);
      expect(orders).toBeGreaterThan(5);
      survived.push(`database lost and restored (${f.kind}): ${work.attempts.length} filings attempted, ${orders} orders whole`);
    } finally {
      await s.close();
      await f.close();
    }
  }, 600_000);
});

describe('Redis down', () => {
  it('keeps serving queries and mutations; subscriptions deliver every event once, in order, during and after', async () => {
    const redis = await testRedis();
    const target = new URL(redis.url);
    const proxy = new FaultProxy(target.hostname, Number(target.port || 6379));
    await proxy.start();
    // An hour of its own within 2030 (windows are per hour), so runs against a long-lived Redis never share counters.
    const start = new Date(Date.UTC(2030, 0, 1) + Math.floor(Math.random() * 8_000) * 3_600_000).toISOString();
    const s = await startServer({ env: { REDIS_URL: proxy.url(redis.url), RATE_LIMIT_STORE: 'redis' }, start });
    try {
      await upsertStaffAccount(s.db.prisma, { email: 'redis-fault@example.cn', password: 'reviewer-password-1', displayName: '审核员', role: 'REVIEWER' }, s.app.services.config.passwordHashCost);
      const staff = await signIn(s, 'redis-fault@example.cn', 'reviewer-password-1');
      const applicant = await signUp(s);
      const instance = await server(s, applicant.accountId, { slots: 100 });
      const seen: string[][] = [[], []];
      const watch = (i: number) =>
        s.ws(staff).subscribe({ query: 'subscription { orderEvents { sequence } }' }, { next: (r: any) => seen[i]!.push(r.data.orderEvents.sequence), error: () => undefined, complete: () => undefined });
      watch(0);
      const work = load(s, applicant, instance, 2);
      await until(async () => seen[0]!.length >= 2, 'events before the outage');

      proxy.cut();
      watch(1); // a subscription opened while Redis is down
      const before = work.attempts.filter((a) => a.submitted).length;
      await until(async () => work.attempts.filter((a) => a.submitted).length >= before + 3, 'mutations during the outage');
      expect(await s.ok('{ provinces { code } }')).toBeDefined();
      await signIn(s, 'redis-fault@example.cn', 'reviewer-password-1');

      proxy.restore();
      const after = work.attempts.filter((a) => a.submitted).length;
      await until(async () => work.attempts.filter((a) => a.submitted).length >= after + 3, 'mutations after the outage');
      await work.stop();

      expect(work.unexpected).toEqual([]);
      await expectConsistent(s.db.prisma, work.attempts);
      const log = (await s.db.prisma.orderEvent.findMany({ where: { type: 'STATUS_CHANGED' }, orderBy: { id: 'asc' }, select: { id: true } })).map((e) => e.id.toString());
      await until(async () => seen[0]!.length >= log.length, 'every event delivered');
      expect(seen[0]).toEqual(log);
      await until(async () => seen[1]!.length > 0, 'events for the late subscriber');
      const fromSecond = log.slice(log.indexOf(seen[1]![0]!));
      await until(async () => seen[1]!.length >= fromSecond.length, 'every event delivered to the late subscriber');
      expect(seen[1]).toEqual(fromSecond);
      expect(s.logText()).toContain('Redis unreachable');
      expect(s.logText()).toContain('rate-limit store unreachable');
      survived.push(`Redis down and back (${redis.real ? 'Redis' : 'in-process Redis'} behind a TCP proxy): ${log.length} events delivered once, in order`);
    } finally {
      await s.close();
      await proxy.stop();
      await redis.stop();
    }
  });
});
