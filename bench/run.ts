/**
 * `npm run bench`: every benchmark in one run, side by side (BENCHMARKS.md explains each row).
 * Needs this machine's PostgreSQL and Redis (BENCH_DATABASE_URL, default
 * postgresql://postgres@127.0.0.1:5432/postgres; REDIS_URL, default redis://127.0.0.1:6379). All
 * traffic stays on 127.0.0.0/8; every load is bounded in time. Takes about four minutes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { openDatabase } from '../src/db/index.js';
import { QUEUE_SIZE, seedBenchData, type BenchData } from './data.js';
import { runFanout, type FanoutResult } from './fanout.js';
import { measureHttp, type HttpCase, type HttpResult, type LoadPlan } from './http.js';
import { runProvinceBench } from './provinces.js';
import { startApi, startPeer, type ServerProcess } from './servers.js';
import { ORDER_DETAIL, REVIEW_QUEUE } from '../test/support/operations.js';
import { scratchPostgres } from '../test/support/postgres.js';

const PLAN: LoadPlan = { maxSeconds: 5, rate: Number(process.env.BENCH_RATE ?? 10), rateSeconds: 10 };
const SUBSCRIBERS = 1_000;
const FANOUT_EVENTS = 30;

const pgBase = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

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
    `Load average when the run started (other work on the machine skews every figure): ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`,
  ];
}

function httpTable(rows: HttpResult[], baseline: HttpResult, peer: HttpResult | undefined, ours: HttpResult | undefined): string[] {
  const lines = [
    `| case | max req/s (closed loop, 16 conn.) | × baseline | served at ${PLAN.rate} req/s | p50 ms | p99 ms | failures |`,
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const ratio = (r.maxRps / baseline.maxRps).toFixed(3);
    lines.push(`| ${r.name} | ${r.maxRps} | ${ratio} | ${r.servedRps} | ${r.p50} | ${r.p99} | ${r.failures} |`);
  }
  if (peer && ours) {
    lines.push(
      '',
      `Order list on PostgreSQL, this API ÷ PostGraphile: max throughput ${(ours.maxRps / peer.maxRps).toFixed(2)}×, ` +
        `p50 ${(ours.p50 / peer.p50).toFixed(2)}×, p99 ${(ours.p99 / peer.p99).toFixed(2)}× (latency: lower is better).`,
    );
  }
  return lines;
}

function fanoutTable(rows: FanoutResult[]): string[] {
  const lines = [
    '| subscribers | instances | events | response → last delivery p50 ms | p99 ms | mutation p50 ms | RSS idle MiB | RSS peak MiB |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.subscribers} | ${r.instances}${r.instances > 1 ? ' (Redis)' : ''} | ${r.events} | ${r.lastP50} | ${r.lastP99} | ${r.mutationP50} | ${r.rssIdle.join(' + ')} | ${r.rssPeak.join(' + ')} |`,
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const started = Date.now();
  const log = (m: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${m}`);
  const measure = async (c: HttpCase): Promise<HttpResult> => {
    const r = await measureHttp(c, PLAN);
    log(`  ${r.name}: ${r.maxRps} req/s max; at ${PLAN.rate} req/s p50 ${r.p50} ms, p99 ${r.p99} ms; ${r.failures} failures`);
    return r;
  };
  const header = await machine();
  const servers: ServerProcess[] = [];
  const pgliteDir = mkdtempSync(path.join(os.tmpdir(), 'icp-bench-'));
  const database = await scratchPostgres(pgBase, 'icp_bench');
  try {
    log('seeding PGlite and PostgreSQL');
    const lite = await openDatabase({ kind: 'pglite', dir: pgliteDir });
    const liteData = await seedBenchData(lite.prisma, 0);
    await lite.close();
    const pgDb = await openDatabase({ kind: 'postgres', url: database.url });
    const pgData = await seedBenchData(pgDb.prisma, 2 * (FANOUT_EVENTS + 1));
    await pgDb.close();

    log('HTTP: this API on PGlite');
    const apiLite = await startApi('api-pglite', { PGLITE_DIR: pgliteDir });
    servers.push(apiLite);
    const http: HttpResult[] = [];
    http.push(await measure({ name: 'baseline `{ __typename }`', url: apiLite.url, query: '{ __typename }', check: (d) => d.__typename === 'Query' }));
    http.push(await measure(detailCase('order detail (applicant), PGlite', apiLite.url, liteData)));
    http.push(await measure(queueCase('order list, 50 orders (reviewer), PGlite', apiLite.url, liteData)));
    await apiLite.stop();

    log('HTTP: this API and PostGraphile on PostgreSQL');
    const apiPg = await startApi('api-pg', { DATABASE_URL: database.url });
    servers.push(apiPg);
    http.push(await measure(detailCase('order detail (applicant), PostgreSQL', apiPg.url, pgData)));
    const ours = await measure(queueCase('order list, 50 orders (reviewer), PostgreSQL', apiPg.url, pgData));
    http.push(ours);
    http.push(await measure({ name: 'website-name check over HTTP (`checkWebsiteName`)', url: apiPg.url, query: NAME_CHECK, check: (d) => d.checkWebsiteName.length > 0 }));
    await apiPg.stop();
    const peerServer = await startPeer(database.url);
    servers.push(peerServer);
    const peer = await measure(
      { name: 'peer: PostGraphile v5, same order list, PostgreSQL', url: peerServer.url, query: PEER_QUEUE, variables: { first: QUEUE_SIZE }, check: (d) => fullQueue(d.allOrders.nodes) },
    );
    http.push(peer);
    await peerServer.stop();

    log('website-name checks in process');
    const names = await runProvinceBench({ seconds: 3 });

    log(`fan-out: ${SUBSCRIBERS} subscribers on one instance`);
    const fanout: FanoutResult[] = [];
    const spare = pgData.spareOrderIds;
    const single = await startApi('fan-1', { DATABASE_URL: database.url });
    servers.push(single);
    fanout.push(await runFanout({ instances: [single], subscribers: SUBSCRIBERS, reviewerToken: pgData.reviewerToken, after: await logHead(database.url), orderIds: spare.slice(0, FANOUT_EVENTS + 1) }));
    await single.stop();

    log(`fan-out: ${SUBSCRIBERS} subscribers over two instances via Redis`);
    const pair = await Promise.all(['fan-a', 'fan-b'].map((n) => startApi(n, { DATABASE_URL: database.url, REDIS_URL: redisUrl })));
    servers.push(...pair);
    fanout.push(await runFanout({ instances: pair, subscribers: SUBSCRIBERS, reviewerToken: pgData.reviewerToken, after: await logHead(database.url), orderIds: spare.slice(FANOUT_EVENTS + 1) }));
    await Promise.all(pair.map((s) => s.stop()));

    const baseline = http[0]!;
    console.log(
      [
        '## Results',
        '',
        ...header.map((l) => `- ${l}`),
        `- \`npm run bench\` (fixed rate ${PLAN.rate} req/s for ${PLAN.rateSeconds} s after ${PLAN.maxSeconds} s closed loop; total ${Math.round((Date.now() - started) / 1000)} s)`,
        '',
        '### HTTP',
        '',
        ...httpTable(http, baseline, peer, ours),
        '',
        '### Website-name checks (province rules, in process)',
        '',
        `${names.namesPerSecond.toLocaleString('en')} names/s, ${names.namesPerCpuSecond.toLocaleString('en')} per CPU-second (${names.mixSize} distinct inputs, ${Math.round(names.invalidShare * 100)}% with violations; cold first pass ${names.coldMs} ms). ` +
          `Over HTTP the same check serves ${http.find((r) => r.name.startsWith('website-name'))!.maxRps} req/s.`,
        '',
        '### Subscription fan-out (PostgreSQL)',
        '',
        ...fanoutTable(fanout),
      ].join('\n'),
    );
  } finally {
    await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
    await database.drop().catch(() => undefined);
    rmSync(pgliteDir, { recursive: true, force: true });
  }
}

await main();
