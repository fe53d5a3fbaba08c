/** HTTP load with autocannon: closed-loop throughput (interleaved in rounds by bench/run.ts) and latency at a fixed rate. */
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

export interface Latency {
  rate: number;
  servedRps: number;
  p50: number;
  p99: number;
  failures: number;
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

/** One request; throws unless the answer has no errors and passes the case's check. */
export async function checkOnce(c: HttpCase): Promise<void> {
  const r = request(c);
  const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body });
  const json = (await res.json()) as { data?: unknown; errors?: unknown[] };
  if (!res.ok || json.errors?.length || !c.check(json.data)) {
    throw new Error(`${c.name}: unexpected answer ${res.status} ${JSON.stringify(json).slice(0, 500)}`);
  }
}

const run = (opts: autocannon.Options) => autocannon({ ...opts, timeout: 10 });
const failures = (r: autocannon.Result) => r.non2xx + r.errors + r.timeouts;

/** Requests per second with `connections` sending back to back for `seconds`; failures count against it. */
export async function closedLoop(c: HttpCase, seconds: number, connections = 16): Promise<{ rps: number; failures: number }> {
  const r = await run({ ...request(c), connections, duration: seconds });
  return { rps: r.requests.average, failures: failures(r) };
}

/** Latency from each request's send at a fixed offered rate. */
export async function fixedRate(c: HttpCase, rate: number, seconds: number): Promise<Latency> {
  const r = await run({ ...request(c), connections: 32, duration: seconds, overallRate: rate });
  return { rate, servedRps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, failures: failures(r) };
}
