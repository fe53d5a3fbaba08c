/**
 * Subscription fan-out: N graphql-ws subscribers (one socket each, spread over the given instances
 * and over loopback addresses, at most 50 per address) follow the reviewers' feed; a reviewer
 * rejects orders one at a time, and for each we time the moment the mutation's response arrived to
 * the moment the last subscriber had the event.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { ServerProcess } from './servers.js';

export interface FanoutResult {
  subscribers: number;
  instances: number;
  events: number;
  /** The warm-up events' latencies (ms, same measure as below), in order: not in the percentiles. */
  warmupLast: number[];
  /** From the mutation's response to the last subscriber's delivery (ms). */
  lastP50: number;
  lastP99: number;
  /** Mutation round trip (ms), for reference. */
  mutationP50: number;
  /** Resident memory per instance (MiB): before the subscribers connect, and the highest seen during the run. */
  rssIdle: number[];
  rssPeak: number[];
  /**
   * CPU time per measured event (ms, user + system), from the mutation's start to the last delivery:
   * all server instances together, and this process (the 1,000 clients). Steadier than wall time on a
   * shared machine.
   */
  serverCpuMsPerEvent: number;
  clientCpuMsPerEvent: number;
}

const CLOCK_TICK_MS = 10; // USER_HZ = 100 on Linux

/** CPU time a process has used so far (ms), from /proc/<pid>/stat (utime + stime). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
}

const FEED = 'subscription ($after: String) { orderEvents(after: $after) { sequence toStatus order { id number } } }';
const REJECT = `mutation ($orderId: ID!) {
  rejectInitialReview(orderId: $orderId, version: 0, reason: "请补充网站负责人信息") { __typename }
}`;

/** A WebSocket whose client end is bound to one loopback address (127.0.0.0/8 is all local). */
function boundWebSocket(localAddress: string) {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { localAddress });
    }
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round = (n: number) => Math.round(n * 10) / 10;

async function until(what: string, check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`fan-out: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

export async function runFanout(opts: {
  instances: ServerProcess[];
  subscribers: number;
  reviewerToken: string;
  /** The log's newest sequence before the run: subscribers start there, however late they register. */
  after: string;
  /** Submitted orders (version 0); the first `warmup` warm up, each other one is one measured event. */
  orderIds: string[];
  warmup: number;
}): Promise<FanoutResult> {
  const { instances, subscribers } = opts;
  const rssIdle = instances.map((i) => i.rssMiB());
  const rssPeak = [...rssIdle];
  const sampler = setInterval(() => instances.forEach((s, k) => (rssPeak[k] = Math.max(rssPeak[k]!, s.rssMiB()))), 100);

  const arrivals = new Map<string, { count: number; last: number }>();
  const clients: Client[] = [];
  let connected = 0;
  let failed = '';
  for (let i = 0; i < subscribers; i++) {
    const server = instances[i % instances.length]!;
    const client = createClient({
      url: `${server.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: boundWebSocket(`127.0.0.${2 + Math.floor(i / 50)}`),
      connectionParams: { authorization: `Bearer ${opts.reviewerToken}` },
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: (e) => (failed ||= String(e)),
      on: { connected: () => connected++ },
    });
    client.subscribe<{ orderEvents: { order: { id: string } } }>(
      { query: FEED, variables: { after: opts.after } },
      {
        next: (r) => {
          const id = r.data?.orderEvents.order.id;
          if (!id) return void (failed ||= JSON.stringify(r.errors));
          const a = arrivals.get(id) ?? { count: 0, last: 0 };
          a.count++;
          a.last = performance.now();
          arrivals.set(id, a);
        },
        error: (e) => (failed ||= JSON.stringify(e)),
        complete: () => {},
      },
    );
    clients.push(client);
  }
  try {
    await until('all sockets to connect', () => connected === subscribers || failed !== '', 60_000);
    if (failed) throw new Error(`fan-out: ${failed}`);

    const mutate = async (orderId: string) => {
      const res = await fetch(`${instances[0]!.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.reviewerToken}` },
        body: JSON.stringify({ query: REJECT, variables: { orderId } }),
      });
      const json = (await res.json()) as { data?: { rejectInitialReview?: { __typename: string } } };
      if (json.data?.rejectInitialReview?.__typename !== 'Order') throw new Error(`fan-out mutation: ${JSON.stringify(json)}`);
    };
    // Warm-up: once every subscriber has the first event, every subscription is live; the next few
    // let V8 optimise the delivery path (the first measured event was the slowest in every run
    // before, 69–91 ms against a median near 30 ms). Their latencies are reported apart.
    const warmups = opts.orderIds.slice(0, opts.warmup);
    const measured = opts.orderIds.slice(opts.warmup);
    const warmupLast: number[] = [];
    for (const orderId of warmups) {
      await mutate(orderId);
      const answered = performance.now();
      await until('a warm-up event everywhere', () => (arrivals.get(orderId)?.count ?? 0) === subscribers || failed !== '', 60_000);
      if (failed) throw new Error(`fan-out: ${failed}`);
      warmupLast.push(round(Math.max(0, arrivals.get(orderId)!.last - answered)));
    }

    const last: number[] = [];
    const mutation: number[] = [];
    const serverCpu = () => instances.reduce((sum, i) => sum + cpuMs(i.pid), 0);
    const clientCpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    let serverUsed = 0;
    let clientUsed = 0;
    for (const orderId of measured) {
      const server0 = serverCpu();
      const client0 = clientCpu();
      const sent = performance.now();
      await mutate(orderId);
      const answered = performance.now();
      await until('an event everywhere', () => (arrivals.get(orderId)?.count ?? 0) === subscribers || failed !== '', 60_000);
      if (failed) throw new Error(`fan-out: ${failed}`);
      serverUsed += serverCpu() - server0;
      clientUsed += clientCpu() - client0;
      mutation.push(answered - sent);
      last.push(Math.max(0, arrivals.get(orderId)!.last - answered));
    }
    last.sort((x, y) => x - y);
    mutation.sort((x, y) => x - y);
    return {
      subscribers,
      instances: instances.length,
      events: measured.length,
      warmupLast,
      lastP50: round(percentile(last, 50)),
      lastP99: round(percentile(last, 99)),
      mutationP50: round(percentile(mutation, 50)),
      rssIdle,
      rssPeak,
      serverCpuMsPerEvent: round(serverUsed / measured.length),
      clientCpuMsPerEvent: round(clientUsed / measured.length),
    };
  } finally {
    clearInterval(sampler);
    await Promise.all(clients.map((c) => c.dispose()));
  }
}
