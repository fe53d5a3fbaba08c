import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';

/** A limit: at most `max` hits per `windowMs` (a sliding window, estimated from two fixed ones). */
export interface Limit {
  name: string;
  max: number;
  windowMs: number;
}

/** Counts hits per key and window. */
export interface CounterStore {
  /** Adds `cost` hits to the current window of `key`; returns that window's and the previous window's counts. */
  hit(key: string, cost: number, windowMs: number, now: number): Promise<{ current: number; previous: number }>;
  close(): Promise<void>;
}

const MAX_MEMORY_KEYS = 100_000;

/** Counters in this process. Old windows are dropped as new ones come; the map never grows past a bound. */
export class MemoryCounterStore implements CounterStore {
  private readonly counts = new Map<string, { count: number; expiresAt: number }>();
  private hits = 0;

  async hit(key: string, cost: number, windowMs: number, now: number) {
    const window = Math.floor(now / windowMs);
    const currentKey = `${key}:${window}`;
    const entry = this.counts.get(currentKey);
    const count = (entry?.count ?? 0) + cost;
    this.counts.set(currentKey, { count, expiresAt: (window + 2) * windowMs });
    const previous = this.counts.get(`${key}:${window - 1}`)?.count ?? 0;
    if (++this.hits % 1024 === 0 || this.counts.size > MAX_MEMORY_KEYS) this.prune(now);
    return { current: count, previous };
  }

  private prune(now: number): void {
    for (const [k, v] of this.counts) if (v.expiresAt <= now) this.counts.delete(k);
    // Still too many live keys (someone is spraying new ones): forget the oldest.
    for (const k of this.counts.keys()) {
      if (this.counts.size <= MAX_MEMORY_KEYS) break;
      this.counts.delete(k);
    }
  }

  async close(): Promise<void> {
    this.counts.clear();
  }
}

/**
 * Counters in Redis, shared by every instance. When Redis cannot answer, the hit is counted in this
 * process instead (limits keep working per instance) and `onDegraded` is told once per outage.
 */
export class RedisCounterStore implements CounterStore {
  /** ioredis is loaded only when this store is used (≈ 0.1–0.2 s of start-up otherwise). */
  private readonly redis: Promise<Redis>;
  private readonly fallback = new MemoryCounterStore();
  private degraded = false;

  constructor(
    url: string,
    private readonly onDegraded: (err: Error) => void = () => undefined,
    private readonly prefix = 'icp:rl:',
  ) {
    this.redis = import('ioredis').then(({ Redis }) => {
      const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1_000 });
      redis.on('error', () => undefined);
      return redis;
    });
  }

  async hit(key: string, cost: number, windowMs: number, now: number) {
    const window = Math.floor(now / windowMs);
    const current = `${this.prefix}${key}:${window}`;
    try {
      const replies = await (await this.redis)
        .multi()
        .incrby(current, cost)
        .pexpire(current, 2 * windowMs)
        .get(`${this.prefix}${key}:${window - 1}`)
        .exec();
      if (!replies || replies.some(([err]) => err)) throw replies?.find(([err]) => err)?.[0] ?? new Error('Redis transaction aborted');
      this.degraded = false;
      return { current: Number(replies[0]![1]), previous: Number(replies[2]![1] ?? 0) };
    } catch (err) {
      if (!this.degraded) this.onDegraded(err as Error);
      this.degraded = true;
      return this.fallback.hit(key, cost, windowMs, now);
    }
  }

  async close(): Promise<void> {
    (await this.redis).disconnect();
    await this.fallback.close();
  }
}

/** One charge against a limit: `cost` hits for the identity `key` (an email, a mobile, an address…). */
export interface Charge {
  limit: Limit;
  key: string;
  cost: number;
}

export interface Refusal {
  limit: Limit;
  retryAfterSeconds: number;
}

/**
 * Applies charges. Every charge is counted, even when another one trips, so a refused attempt still
 * uses up budget. Keys are hashed: emails and phone numbers never sit in a store in clear.
 */
export class RateLimiter {
  constructor(
    private readonly store: CounterStore,
    private readonly clock: Clock,
  ) {}

  async charge(charges: readonly Charge[]): Promise<Refusal | null> {
    const now = this.clock.now().getTime();
    let refusal: Refusal | null = null;
    for (const c of charges) {
      const { current, previous } = await this.store.hit(`${c.limit.name}:${digest(c.key)}`, c.cost, c.limit.windowMs, now);
      const elapsed = (now % c.limit.windowMs) / c.limit.windowMs;
      const estimate = current + previous * (1 - elapsed);
      if (estimate > c.limit.max && !refusal) {
        refusal = { limit: c.limit, retryAfterSeconds: Math.max(1, Math.ceil((c.limit.windowMs - (now % c.limit.windowMs)) / 1000)) };
      }
    }
    return refusal;
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

function digest(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 22);
}
