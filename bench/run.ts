/**
 * `npm run bench`: every benchmark in one run, side by side (BENCHMARKS.md explains each row).
 * Needs this machine's PostgreSQL and Redis (BENCH_DATABASE_URL, default
 * postgresql://postgres@127.0.0.1:5432/postgres; REDIS_URL, default redis://127.0.0.1:6379). All
 * traffic stays on 127.0.0.0/8; every load is bounded in time.
 *
 * The HTTP cases run interleaved: every server is up at once, and each round runs every case in
 * turn (the order rotates each round), so load from elsewhere on the machine falls on all cases
 * alike. Each ratio is taken within a round and reported as the median with the rounds' spread.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/index.js';
import { QUEUE_SIZE, seedBenchData, type BenchData } from './data.js';
import { runFanout, type FanoutResult } from './fanout.js';
import { checkOnce, closedLoop, fixedRate, type HttpCase, type Latency } from './http.js';
import type { ProvinceBenchResult } from './provinces.js';
import { startApi, startPeer, type ServerProcess } from './servers.js';
import { ORDER_DETAIL, REVIEW_QUEUE } from '../test/support/operations.js';
import { freePort } from '../test/support/processes.js';
import { scratchPostgres } from '../test/support/postgres.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const RATE = Number(process.env.BENCH_RATE ?? 10);
const RATE_SECONDS = 5;
const STARTS = 3;
const NAME_ROUNDS = 5;
/**
 * `BENCH_ONLY=names,fanout npm run bench` runs only those parts: `http` (the interleaved HTTP cases),
 * `statements`, `start`, `names`, `fanout`. Unset: all of them.
 */
const SECTIONS = ['http', 'statements', 'start', 'names', 'fanout'] as const;
type Section = (typeof SECTIONS)[number];
const only = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
for (const s of only) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`BENCH_ONLY: unknown part ${s} (${SECTIONS.join(', ')})`);
const want = (s: Section) => only.length === 0 || only.includes(s);
const SUBSCRIBERS = 1_000;
const FANOUT_EVENTS = 100;
/** Events delivered before measuring: the first few after the subscribers connect run colder code (see BENCHMARKS.md). */
const FANOUT_WARMUP = 5;

const pgBase = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROOT = path.resolve(import.meta.dirname, '..');

/** The same page for PostGraphile: it sorts only by indexed columns, and order numbers follow submission. */
const PEER_QUEUE = /* GraphQL */ `
  query ($first: Int!) {
    allOrders(first: $first, orderBy: [NUMBER_ASC], condition: { status: PENDING_INITIAL_REVIEW }) {
      totalCount
      nodes {
        id number status filingType provinceCode submittedAt
        subjectBySubjectId { name nature provinceCode }
        orderWebsitesByOrderId { nodes { action websiteByWebsiteId { name domainsByWebsiteId { nodes { name } } } } }
        orderEventsByOrderId(first: 1, orderBy: [ROW_ID_DESC]) { nodes { rowId type toStatus createdAt detail } }
      }
    }
  }
`;

/** The same detail for PostGraphile (test/support/operations.ts ORDER_DETAIL, field for field). */
const PEER_DETAIL = /* GraphQL */ `
  query ($id: String!) {
    orderByRowId(rowId: $id) {
      number status version filingType provinceCode lastReason reviewComments
      subjectBySubjectId { name nature certificateType personByPrincipalId { name mobile } }
      orderWebsitesByOrderId { nodes { action websiteByWebsiteId { name homepageUrls contentCategory domainsByWebsiteId { nodes { name } } personByPrincipalId { name } } } }
      materialsByOrderId { nodes { kind fileName size authenticity } }
      smsVerificationsByOrderId { nodes { mobile roles verifiedAt } }
      orderEventsByOrderId(first: 50, orderBy: [ROW_ID_ASC]) { nodes { rowId type fromStatus toStatus reason createdAt } }
    }
  }
`;

const NAME_CHECK = /* GraphQL */ `
  query {
    checkWebsiteName(province: "zhejiang", nature: INDIVIDUAL, name: "王小明的股票心得", subjectName: "王小明") { rule }
  }
`;

const fullQueue = (nodes: unknown[] | undefined) => nodes?.length === QUEUE_SIZE;

function queueCase(name: string, url: string, data: BenchData): HttpCase {
  return { name, url, query: REVIEW_QUEUE, variables: { first: QUEUE_SIZE }, token: data.reviewerToken, check: (d) => fullQueue(d.orders.edges) };
}
function detailCase(name: string, url: string, data: BenchData): HttpCase {
  return {
    name,
    url,
    query: ORDER_DETAIL,
    variables: { id: data.detailOrderId },
    token: data.applicantToken,
    check: (d) => d.node?.materials.length === 2 && d.node.websites.length === 2,
  };
}

/** The newest event sequence in the benchmark database. */
async function logHead(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const head = (await c.query<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM "OrderEvent"')).rows[0]!.id;
  await c.end();
  return head;
}

const loadavg = () => os.loadavg().map((l) => l.toFixed(2)).join(', ');

async function machine(): Promise<string[]> {
  const c = new pg.Client({ connectionString: pgBase });
  await c.connect();
  const pgVersion = (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
  await c.end();
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  const redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? '?';
  redis.disconnect();
  return [
    `CPU: ${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}, memory ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`,
    `Node ${process.version}, PostgreSQL ${pgVersion}, Redis ${redisVersion}; load generator and servers on this one machine over 127.0.0.1`,
  ];
}

/**
 * Builds the server (what `npm start` runs) and the in-process benchmarks (bench/build.mjs), and
 * installs the peer's package on first use.
 */
function prepare(log: (m: string) => void): void {
  log('building dist/server (npm run build) and dist/bench');
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
  const bench = spawnSync(process.execPath, ['bench/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (bench.status !== 0) throw new Error('building dist/bench failed');
  if (want('http') && !existsSync(path.join(ROOT, 'bench/peer/node_modules/postgraphile'))) {
    log('installing the peer (bench/peer: npm ci)');
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: path.join(ROOT, 'bench/peer'), stdio: 'inherit' });
    if (r.status !== 0) throw new Error('installing bench/peer failed');
  }
}

/** Statements per request, session included, counted in process on the benchmark's PostgreSQL data. */
async function statementCounts(url: string, data: BenchData): Promise<{ list: number; detail: number }> {
  const db = await openDatabase({ kind: 'postgres', url });
  const app = await buildApp({ config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', NODE_ENV: 'production' }), db, timers: false });
  const count = async (query: string, variables: Record<string, unknown>, token: string) => {
    db.recorder.enabled = true;
    db.recorder.take();
    const res = await app.yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`statement count: ${JSON.stringify(body.errors)}`);
    const n = db.recorder.take().length;
    db.recorder.enabled = false;
    return n;
  };
  try {
    return {
      list: await count(REVIEW_QUEUE, { first: QUEUE_SIZE }, data.reviewerToken),
      detail: await count(ORDER_DETAIL, { id: data.detailOrderId }, data.applicantToken),
    };
  } finally {
    await app.stop();
    await db.close();
  }
}

/**
 * Website-name checks in a process of their own, on the built code (dist/bench/provinces.js): the
 * bench process itself is busy with clients and its heap with their garbage, and runs tsx's output.
 */
function nameChecks(): ProvinceBenchResult[] {
  const r = spawnSync(process.execPath, ['dist/bench/provinces.js', '--json', '--rounds', String(NAME_ROUNDS), '--seconds', '1'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error('dist/bench/provinces.js failed');
  return JSON.parse(r.stdout) as ProvinceBenchResult[];
}

/** `npm start` on a new embedded database (as after `npm install` on a fresh clone) until /health answers 200. */
async function startupMs(): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-start-'));
  const port = await freePort();
  const started = performance.now();
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...env } = process.env;
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    stdio: 'ignore',
    env: { ...env, PGLITE_DIR: path.join(dir, 'pglite'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - started;
      if (child.exitCode !== null) throw new Error('npm start exited before /health answered');
      if (performance.now() - started > 120_000) throw new Error('npm start: no /health within 120 s');
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    // npm has gone; wait for the server in its group to close the database before removing it.
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(-child.pid!, 0);
        await new Promise((r) => setTimeout(r, 100));
      } catch {
        break;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const spread = (xs: number[], digits: number) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

interface Goal {
  what: string;
  goal: string;
  measured: string;
  holds: boolean;
}

async function main(): Promise<void> {
  const started = Date.now();
  const log = (m: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${m}`);
  const loadAtStart = loadavg();
  const header = await machine();
  prepare(log);
  const servers: ServerProcess[] = [];
  const pgliteDir = mkdtempSync(path.join(os.tmpdir(), 'icp-bench-'));
  const database = await scratchPostgres(pgBase, 'icp_bench');
  const goals: Goal[] = [];
  const out: string[] = [];
  let loadAfterHttp = '';
  try {
    let pgData = undefined as unknown as BenchData;
    if (want('statements') || want('http') || want('fanout')) {
      log('seeding PostgreSQL');
      const pgDb = await openDatabase({ kind: 'postgres', url: database.url });
      pgData = await seedBenchData(pgDb.prisma, 2 * (FANOUT_WARMUP + FANOUT_EVENTS));
      await pgDb.close();
    }

    if (want('statements')) {
      log('SQL statements per request');
      const statements = await statementCounts(database.url, pgData);
      goals.push({ what: 'SQL statements per request, session included: list / detail', goal: '≤ 2 / ≤ 2', measured: `${statements.list} / ${statements.detail}`, holds: statements.list <= 2 && statements.detail <= 2 });
    }

    if (want('http')) {
      log('seeding PGlite');
      const lite = await openDatabase({ kind: 'pglite', dir: pgliteDir });
      const liteData = await seedBenchData(lite.prisma, 0);
      await lite.close();
      log('starting this API on PGlite and on PostgreSQL, and PostGraphile');
      const [apiLite, apiPg, peer] = await Promise.all([
        startApi('api-pglite', { PGLITE_DIR: pgliteDir }),
        startApi('api-pg', { DATABASE_URL: database.url }),
        startPeer(database.url),
      ]);
      servers.push(apiLite, apiPg, peer);
      const cases = {
        baseline: { name: 'baseline `{ __typename }`, PostgreSQL', url: apiPg.url, query: '{ __typename }', check: (d: any) => d.__typename === 'Query' },
        detailPg: detailCase('order detail (applicant), PostgreSQL', apiPg.url, pgData),
        listPg: queueCase('order list, 50 orders (reviewer), PostgreSQL', apiPg.url, pgData),
        peerDetail: { name: 'peer: PostGraphile v5, same order detail', url: peer.url, query: PEER_DETAIL, variables: { id: pgData.detailOrderRowId }, check: (d: any) => d.orderByRowId?.materialsByOrderId.nodes.length === 2 },
        peerList: { name: 'peer: PostGraphile v5, same order list', url: peer.url, query: PEER_QUEUE, variables: { first: QUEUE_SIZE }, check: (d: any) => fullQueue(d.allOrders.nodes) },
        detailLite: detailCase('order detail (applicant), PGlite', apiLite.url, liteData),
        listLite: queueCase('order list, 50 orders (reviewer), PGlite', apiLite.url, liteData),
        nameCheck: { name: 'website-name check over HTTP (`checkWebsiteName`)', url: apiPg.url, query: NAME_CHECK, check: (d: any) => d.checkWebsiteName.length > 0 },
      } satisfies Record<string, HttpCase>;
      type Key = keyof typeof cases;
      const keys = Object.keys(cases) as Key[];
      for (const k of keys) {
        await checkOnce(cases[k]);
        await closedLoop(cases[k], 1, 8); // warm-up: JIT, caches, pools
      }
      const rps = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<Key, number[]>;
      const failures = Object.fromEntries(keys.map((k) => [k, 0])) as Record<Key, number>;
      for (let round = 0; round < ROUNDS; round++) {
        const order = keys.map((_, i) => keys[(i + round) % keys.length]!);
        for (const k of order) {
          const r = await closedLoop(cases[k], ROUND_SECONDS);
          rps[k].push(r.rps);
          failures[k] += r.failures;
        }
        log(`round ${round + 1}/${ROUNDS}: ${keys.map((k) => `${k} ${Math.round(rps[k][round]!)}`).join(', ')} (load ${loadavg()})`);
      }
      const latency = {} as Record<Key, Latency>;
      for (const k of keys) latency[k] = await fixedRate(cases[k], RATE, RATE_SECONDS);
      loadAfterHttp = loadavg();
      await Promise.all([apiLite.stop(), apiPg.stop(), peer.stop()]);

      // Ratios within each round.
      const perRound = (a: Key, b: Key) => rps[a].map((x, i) => x / rps[b][i]!);
      const ratio = (what: string, a: Key, b: Key, goal: number): Goal => {
        const r = perRound(a, b);
        return { what, goal: `≥ ${goal}`, measured: `${median(r).toFixed(2)} (rounds ${spread(r, 2)})`, holds: median(r) >= goal };
      };
      goals.unshift(
        ratio('order list ÷ PostGraphile, same page (PostgreSQL)', 'listPg', 'peerList', 1.2),
        ratio('order detail ÷ PostGraphile, same detail (PostgreSQL)', 'detailPg', 'peerDetail', 1.2),
        ratio('order detail ÷ this server’s `{ __typename }`', 'detailPg', 'baseline', 0.25),
      );
      goals.push(ratio('order list on PGlite ÷ on PostgreSQL', 'listLite', 'listPg', 0.5));
      const baseline = median(rps.baseline);
      out.push(
        '### HTTP',
        '',
        `| case | req/s, median of ${ROUNDS} rounds | rounds' spread | × baseline | p50 ms at ${RATE} req/s | p99 ms | failures |`,
        '|---|---:|---:|---:|---:|---:|---:|',
        ...keys.map((k) => {
          const l = latency[k];
          return `| ${cases[k].name} | ${Math.round(median(rps[k]))} | ${spread(rps[k], 0)} | ${(median(rps[k]) / baseline).toFixed(3)} | ${l.p50} | ${l.p99} | ${failures[k] + l.failures} |`;
        }),
        '',
        `Over HTTP the website-name check serves ${Math.round(median(rps.nameCheck))} req/s.`,
        '',
      );
    }

    if (want('start')) {
      log(`start-up: npm start on a new embedded database, ${STARTS} times`);
      const starts: number[] = [];
      for (let i = 0; i < STARTS; i++) starts.push(await startupMs());
      goals.push({ what: '`npm start` on a new embedded database to `/health` 200', goal: '≤ 3 s', measured: `${(median(starts) / 1000).toFixed(2)} s (${spread(starts.map((s) => s / 1000), 2)} s)`, holds: median(starts) <= 3000 });
      out.push('### Start-up', '', `\`npm start\` to \`/health\` 200 on a new embedded database: ${starts.map((s) => `${Math.round(s)} ms`).join(', ')}.`, '');
    }

    if (want('names')) {
      log(`website-name checks: ${NAME_ROUNDS} rounds of 1 s in their own process (dist/bench/provinces.js)`);
      const names = nameChecks();
      const wall = names.map((r) => r.namesPerSecond);
      const cpu = names.map((r) => r.namesPerCpuSecond);
      goals.push({
        what: 'website-name checks per second, in process, realistic mix',
        goal: '≥ 200k',
        measured: `${Math.round(median(wall) / 1000)}k/s wall (rounds ${spread(wall.map((w) => w / 1000), 0)}k); ${Math.round(median(cpu) / 1000)}k per CPU-second (${spread(cpu.map((c) => c / 1000), 0)}k)`,
        holds: median(wall) >= 200_000,
      });
      out.push(
        '### Website-name checks (province rules, in process)',
        '',
        `${NAME_ROUNDS} rounds of 1 s, built code in a process of its own: ${wall.map((w) => w.toLocaleString('en')).join(', ')} names/s; ` +
          `per CPU-second of that process ${cpu.map((c) => c.toLocaleString('en')).join(', ')} ` +
          `(${names[0]!.mixSize} distinct inputs, ${Math.round(names[0]!.invalidShare * 100)}% with violations; cold first pass ${names[0]!.coldMs} ms).`,
        '',
      );
    }

    if (want('fanout')) {
      log(`fan-out: ${SUBSCRIBERS} subscribers on one instance`);
      const fanout: FanoutResult[] = [];
      const spare = pgData.spareOrderIds;
      const single = await startApi('fan-1', { DATABASE_URL: database.url });
      servers.push(single);
      fanout.push(await runFanout({ instances: [single], subscribers: SUBSCRIBERS, reviewerToken: pgData.reviewerToken, after: await logHead(database.url), warmup: FANOUT_WARMUP, orderIds: spare.slice(0, FANOUT_WARMUP + FANOUT_EVENTS) }));
      await single.stop();

      log(`fan-out: ${SUBSCRIBERS} subscribers over two instances via Redis`);
      const pair = await Promise.all(['fan-a', 'fan-b'].map((n) => startApi(n, { DATABASE_URL: database.url, REDIS_URL: redisUrl })));
      servers.push(...pair);
      fanout.push(await runFanout({ instances: pair, subscribers: SUBSCRIBERS, reviewerToken: pgData.reviewerToken, after: await logHead(database.url), warmup: FANOUT_WARMUP, orderIds: spare.slice(FANOUT_WARMUP + FANOUT_EVENTS, 2 * (FANOUT_WARMUP + FANOUT_EVENTS)) }));
      await Promise.all(pair.map((s) => s.stop()));
      goals.push(
        { what: 'fan-out to 1,000 subscribers, p99 response → last delivery, 1 instance', goal: '≤ 100 ms', measured: `${fanout[0]!.lastP99} ms`, holds: fanout[0]!.lastP99 <= 100 },
        { what: 'fan-out to 1,000 subscribers, p99, 2 instances via Redis', goal: '≤ 150 ms', measured: `${fanout[1]!.lastP99} ms`, holds: fanout[1]!.lastP99 <= 150 },
      );
      out.push(
        '### Subscription fan-out (PostgreSQL)',
        '',
        '| subscribers | instances | events | response → last delivery p50 ms | p99 ms | mutation p50 ms | server CPU ms per event | clients’ CPU ms per event | RSS idle MiB | RSS peak MiB |',
        '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
        ...fanout.map(
          (r) =>
            `| ${r.subscribers} | ${r.instances}${r.instances > 1 ? ' (Redis)' : ''} | ${r.events} | ${r.lastP50} | ${r.lastP99} | ${r.mutationP50} | ${r.serverCpuMsPerEvent} | ${r.clientCpuMsPerEvent} | ${r.rssIdle.join(' + ')} | ${r.rssPeak.join(' + ')} |`,
        ),
        '',
        `Each run first delivers ${FANOUT_WARMUP} warm-up events to every subscriber, not counted above; their response → last delivery, in order: ${fanout
          .map((r) => `${r.instances} instance${r.instances > 1 ? 's' : ''} ${r.warmupLast.join(', ')} ms`)
          .join('; ')}.`,
        '',
      );
    }

    console.log(
      [
        '## Results',
        '',
        ...header.map((l) => `- ${l}`),
        `- Load average (1, 5, 15 min) at the start: ${loadAtStart}${loadAfterHttp ? `; after the HTTP rounds: ${loadAfterHttp}` : ''}; at the end: ${loadavg()}`,
        `- \`${only.length ? `BENCH_ONLY=${only.join(',')} ` : ''}npm run bench\`: ${want('http') ? `${ROUNDS} interleaved rounds of ${ROUND_SECONDS} s per case (16 connections, closed loop), then ${RATE_SECONDS} s per case at ${RATE} req/s; ` : ''}total ${Math.round((Date.now() - started) / 1000)} s`,
        '',
        '### Goals',
        '',
        '| what | goal | measured (median of rounds, spread) | holds |',
        '|---|---|---|---|',
        ...goals.map((g) => `| ${g.what} | ${g.goal} | ${g.measured} | ${g.holds ? 'yes' : '**no**'} |`),
        '',
        ...out,
      ].join('\n'),
    );
  } finally {
    await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
    await database.drop().catch(() => undefined);
    rmSync(pgliteDir, { recursive: true, force: true });
  }
}

await main();
