/**
 * CPU per request of the order list and the order detail, in process (`yoga.fetch`, PostgreSQL), for
 * A/B comparisons on a loaded machine: each variant runs in a process of its own, alternated round by
 * round, so load from elsewhere falls on both alike.
 *
 *   npx tsx bench/ab-cpu.ts                       # one variant, the code as it is
 *   AB_VARIANTS='[{"name":"semi32","execArgv":["--max-semi-space-size=32"]},{"name":"plain"}]' npx tsx bench/ab-cpu.ts
 *
 * A variant has a name and optionally `execArgv` (Node flags) and `env`. `AB_CASES=list` (or `detail`)
 * measures one case only, e.g. under `--cpu-prof`.
 */
import { spawnSync } from 'node:child_process';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/index.js';
import { ORDER_DETAIL, REVIEW_QUEUE } from '../test/support/operations.js';
import { scratchPostgres } from '../test/support/postgres.js';
import { QUEUE_SIZE, seedBenchData, type BenchData } from './data.js';

interface Variant {
  name: string;
  execArgv?: string[];
  env?: Record<string, string>;
}

const REQUESTS = Number(process.env.AB_REQUESTS ?? 200);
const ROUNDS = Number(process.env.AB_ROUNDS ?? 4);
const CONCURRENCY = 8;

async function child(): Promise<void> {
  const url = process.env.AB_DATABASE_URL!;
  const data = JSON.parse(process.env.AB_DATA!) as BenchData;
  const db = await openDatabase({ kind: 'postgres', url });
  const app = await buildApp({ config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', NODE_ENV: 'production', RATE_LIMIT_STORE: 'off' }), db, timers: false });
  const one = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await app.yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  const batch = async (n: number, run: () => Promise<void>) => {
    let left = n;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (left-- > 0) await run();
      }),
    );
  };
  const measure = async (run: () => Promise<void>) => {
    await batch(40, run);
    const cpu = process.cpuUsage();
    const t = performance.now();
    await batch(REQUESTS, run);
    const used = process.cpuUsage(cpu);
    return { cpuMs: (used.user + used.system) / 1000 / REQUESTS, wallMs: (performance.now() - t) / REQUESTS };
  };
  const cases = (process.env.AB_CASES ?? 'list,detail').split(',');
  const skipped = { cpuMs: null, wallMs: null };
  const list = cases.includes('list') ? await measure(() => one(REVIEW_QUEUE, { first: QUEUE_SIZE }, data.reviewerToken)) : skipped;
  const detail = cases.includes('detail') ? await measure(() => one(ORDER_DETAIL, { id: data.detailOrderId }, data.applicantToken)) : skipped;
  await app.stop();
  await db.close();
  process.stdout.write(JSON.stringify({ list, detail }));
}

const ms = (x: number | null) => (x === null ? '–' : x.toFixed(2));

async function parent(): Promise<void> {
  const variants = JSON.parse(process.env.AB_VARIANTS ?? '[{"name":"as is"}]') as Variant[];
  const base = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const scratch = await scratchPostgres(base, 'icp_ab');
  try {
    const db = await openDatabase({ kind: 'postgres', url: scratch.url });
    const data = await seedBenchData(db.prisma, 0);
    await db.close();
    const results: Record<string, { list: (number | null)[]; detail: (number | null)[] }> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const order = variants.map((_, i) => variants[(i + round) % variants.length]!);
      for (const v of order) {
        const r = spawnSync(process.execPath, [...(v.execArgv ?? []), '--import', 'tsx', import.meta.filename], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          env: { ...process.env, NODE_ENV: 'production', ...v.env, AB_CHILD: '1', AB_DATABASE_URL: scratch.url, AB_DATA: JSON.stringify(data) },
        });
        if (r.status !== 0) throw new Error(`variant ${v.name} failed`);
        const out = JSON.parse(r.stdout) as { list: { cpuMs: number | null }; detail: { cpuMs: number | null } };
        const slot = (results[v.name] ??= { list: [], detail: [] });
        slot.list.push(out.list.cpuMs);
        slot.detail.push(out.detail.cpuMs);
        console.log(`round ${round + 1} ${v.name}: list ${ms(out.list.cpuMs)} ms CPU/req, detail ${ms(out.detail.cpuMs)} ms CPU/req`);
      }
    }
    const fmt = (xs: (number | null)[]) => xs.map(ms).join(', ');
    for (const [name, r] of Object.entries(results)) console.log(`${name}: list [${fmt(r.list)}], detail [${fmt(r.detail)}]`);
  } finally {
    await scratch.drop();
  }
}

await (process.env.AB_CHILD ? child() : parent());
