import { Repeater } from 'graphql-yoga';
import { Background } from './background.js';
import type { EventBus, OrderEventMessage } from './pubsub.js';

type Listener = (m: OrderEventMessage) => void;

/** One entry of the log as the hub sees it: its bus message, and whether the relay sent it a while ago. */
export interface LogEntry {
  message: OrderEventMessage;
  settled: boolean;
}

/** Reads the log after an event id, oldest first; `settled` marks rows published longer ago than the grace time. */
export type LogTail = (after: bigint) => Promise<LogEntry[]>;

/**
 * This instance's fan-out point: one subscription to the bus, many local listeners. Registering a
 * listener is synchronous, so a subscriber can start listening before it reads its backlog and
 * miss nothing in between.
 *
 * Bus notices are at most once (Redis pub/sub drops messages while a connection is down, and a relay
 * that dies between claiming and publishing sends nothing). With `watchLog`, the hub also reads the
 * log itself and hands on, late, every settled event that no notice announced.
 */
export class EventHub {
  private readonly listeners = new Set<Listener>();
  private readonly background = new Background();
  private checking: Promise<void> | null = null;
  /** Where the log check has read up to; null without `watchLog`. */
  private logCursor: bigint | null = null;
  /** Ids announced by notices above `logCursor`, so the log check does not announce them twice. */
  private readonly noticed = new Set<string>();
  /** Counts notices handed out; reads are shared only within one generation (see `shared`). */
  private generation = 0;
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly bus: EventBus) {}

  start(): void {
    this.background.onChannel(this.bus.pubsub.subscribe('orderEvent'), (m) => {
      if (this.logCursor !== null && BigInt(m.id) > this.logCursor) this.noticed.add(m.id);
      this.dispatch(m);
    });
  }

  /**
   * Reads the log every `intervalMs` from the current head on (see the class comment). Resolves once
   * the head is known; call it before the server takes subscribers.
   */
  async watchLog(tail: LogTail, head: () => Promise<bigint>, intervalMs: number): Promise<void> {
    this.logCursor = await head();
    this.background.every(intervalMs, () => {
      this.checking ??= this.checkLog(tail)
        .catch(() => undefined)
        .finally(() => {
          this.checking = null;
        });
    });
  }

  private async checkLog(tail: LogTail): Promise<void> {
    let cursor = this.logCursor!;
    for (const { message, settled } of await tail(cursor)) {
      if (!settled) break;
      cursor = BigInt(message.id);
      if (!this.noticed.delete(message.id)) this.dispatch(message);
    }
    this.logCursor = cursor;
    for (const id of this.noticed) if (BigInt(id) <= cursor) this.noticed.delete(id);
    // Notices for ids this log never reaches (another deployment on the same Redis) must not pile up.
    if (this.noticed.size > 10_000) this.noticed.clear();
  }

  private dispatch(m: OrderEventMessage): void {
    this.generation++;
    for (const l of this.listeners) l(m);
  }

  /**
   * Runs `load` once for all callers that ask for the same `key` between two notices: a thousand
   * subscribers woken by one event then share one query. A read started after a notice sees that
   * notice's row, so only reads started since the latest notice are shared.
   */
  shared<T>(key: string, load: () => Promise<T>): Promise<T> {
    const k = `${this.generation}|${key}`;
    let p = this.inFlight.get(k) as Promise<T> | undefined;
    if (!p) {
      p = load().finally(() => this.inFlight.delete(k));
      this.inFlight.set(k, p);
    }
    return p;
  }

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }

  stop(): Promise<void> {
    return this.background.stop(() => this.checking);
  }
}

/**
 * A subscriber's stream: backlog from the log (events after `after`), then live events, each once
 * and in sequence order. Live notices only wake the stream; the rows always come from the log, so a
 * notice that was lost, duplicated or reordered changes nothing.
 */
export function orderEventStream<T extends { id: bigint }>(opts: {
  hub: EventHub;
  match: (m: OrderEventMessage) => boolean;
  after: bigint | null;
  /** Matching events with a sequence number above `after`, oldest first. */
  load: (after: bigint) => Promise<T[]>;
  /** The newest sequence number in the log, where a stream without a cursor starts. */
  latest: () => Promise<bigint>;
  /**
   * The session the stream runs for: `watch` registers a callback for when it ends (see
   * SessionWatch), `alive` is asked before events are delivered, and `final` is the last item
   * pushed when the session ended (the resolver turns it into a typed error), then the stream ends.
   */
  session?: { watch: (end: () => void) => () => void; alive: () => Promise<boolean>; final: T };
}): AsyncIterableIterator<T> {
  // A Repeater rather than a generator: a client that unsubscribes while the stream waits for the
  // next event is let go at once (a generator's return() would wait for that event).
  return new Repeater<T>(async (push, stop) => {
    let wake: (() => void) | null = null;
    let pending = false;
    const unlisten = opts.hub.listen((m) => {
      if (!opts.match(m)) return;
      pending = true;
      wake?.();
    });
    let stopped = false;
    void stop.then(() => {
      stopped = true;
      wake?.();
    });
    let ended = false;
    const unwatch =
      opts.session?.watch(() => {
        ended = true;
        wake?.();
      }) ?? (() => undefined);
    try {
      // With a cursor, replay what was missed; without one, start from now.
      // (An event that arrives while the newest number is read just causes one more, harmless, load.)
      let cursor: bigint;
      if (opts.after === null) cursor = await opts.latest();
      else {
        cursor = opts.after;
        pending = true;
      }
      while (!stopped && !ended) {
        if (pending) {
          pending = false;
          const from = cursor;
          const rows: T[] = (await opts.load(from)).filter((r) => r.id > from);
          // Asked after the rows were read: a revocation committed before them is seen here.
          if (rows.length && opts.session && !(await opts.session.alive())) ended = true;
          for (const row of rows) {
            if (stopped || ended) break;
            if (row.id <= cursor) continue;
            cursor = row.id;
            await push(row);
          }
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      if (ended && !stopped && opts.session) await push(opts.session.final);
    } catch (err) {
      stop(err);
    } finally {
      unwatch();
      unlisten();
      stop();
    }
  });
}
