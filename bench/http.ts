/** HTTP load with autocannon: the most a server answers (closed loop) and its latency at a fixed rate. */
import autocannon from 'autocannon';

export interface HttpCase {
  name: string;
  url: string;
  query: string;
  variables?: Record<string, unknown>;
  token?: string;
  /** Checks one answer before the load starts, so a broken case cannot post good numbers. */
  check: (data: any) => boolean;
}

export interface HttpResult {
  name: string;
  /** Requests per second with 16 connections sending back to back. */
  maxRps: number;
  /** The fixed rate offered, and what was served at it. */
  rate: number;
  servedRps: number;
  p50: number;
  p99: number;
  /** Non-2xx answers, socket errors and time-outs, both runs together. */
  failures: number;
}

export interface LoadPlan {
  maxSeconds: number;
  rate: number;
  rateSeconds: number;
}

function request(c: HttpCase) {
  return {
    url: `${c.url}/graphql`,
    method: 'POST' as const,
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(c.token ? { authorization: `Bearer ${c.token}` } : {}),
    },
    body: JSON.stringify({ query: c.query, variables: c.variables ?? {} }),
  };
}

async function once(c: HttpCase): Promise<void> {
  const r = request(c);
  const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body });
  const json = (await res.json()) as { data?: unknown; errors?: unknown[] };
  if (!res.ok || json.errors?.length || !c.check(json.data)) {
    throw new Error(`${c.name}: unexpected answer ${res.status} ${JSON.stringify(json).slice(0, 500)}`);
  }
}

const run = (opts: autocannon.Options) => autocannon({ ...opts, timeout: 10 });
const failures = (r: autocannon.Result) => r.non2xx + r.errors + r.timeouts;

export async function measureHttp(c: HttpCase, plan: LoadPlan): Promise<HttpResult> {
  await once(c);
  const base = request(c);
  await run({ ...base, connections: 8, duration: 1 }); // warm-up: JIT, caches, pool
  const max = await run({ ...base, connections: 16, duration: plan.maxSeconds });
  const fixed = await run({ ...base, connections: 32, duration: plan.rateSeconds, overallRate: plan.rate });
  return {
    name: c.name,
    maxRps: Math.round(max.requests.average),
    rate: plan.rate,
    servedRps: Math.round(fixed.requests.average),
    p50: fixed.latency.p50,
    p99: fixed.latency.p99,
    failures: failures(max) + failures(fixed),
  };
}
