import type { EventBus, OrderEventMessage } from './pubsub.js';

type Listener = (m: OrderEventMessage) => void;

/**
 * This instance's fan-out point: one subscription to the bus, many local listeners. Registering a
 * listener is synchronous, so a subscriber can start listening before it reads its backlog and
 * miss nothing in between.
 */
export class EventHub {
  private readonly listeners = new Set<Listener>();
  private stopped = false;
  private loop: Promise<void> | null = null;
  private iterator: AsyncIterator<OrderEventMessage> | null = null;

  constructor(private readonly bus: EventBus) {}

  start(): void {
    const iterable = this.bus.pubsub.subscribe('orderEvent');
    this.iterator = iterable[Symbol.asyncIterator]();
    this.loop = (async () => {
      while (!this.stopped) {
        const r = await this.iterator!.next();
        if (r.done) break;
        for (const l of this.listeners) l(r.value);
      }
    })();
  }

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.iterator?.return?.();
    await this.loop?.catch(() => undefined);
  }
}

/**
 * A subscriber's stream: backlog from the log (events after `after`), then live events, each once
 * and in sequence order. Live notices only wake the stream; the rows always come from the log, so a
 * notice that was lost, duplicated or reordered changes nothing.
 */
export async function* orderEventStream<T extends { id: bigint }>(opts: {
  hub: EventHub;
  match: (m: OrderEventMessage) => boolean;
  after: bigint | null;
  /** Matching events with a sequence number above `after`, oldest first. */
  load: (after: bigint) => Promise<T[]>;
  /** The newest sequence number in the log, where a stream without a cursor starts. */
  latest: () => Promise<bigint>;
  signal?: AbortSignal;
}): AsyncGenerator<T> {
  let wake: (() => void) | null = null;
  let pending = false;
  const stop = opts.hub.listen((m) => {
    if (!opts.match(m)) return;
    pending = true;
    wake?.();
  });
  const aborted = new Promise<void>((resolve) => opts.signal?.addEventListener('abort', () => resolve(), { once: true }));
  let cursor = opts.after;
  try {
    // With a cursor, replay what was missed; without one, start from now.
    // (An event that arrives while the newest number is read just causes one more, harmless, load.)
    if (cursor === null) cursor = await opts.latest();
    else pending = true;
    for (;;) {
      if (pending) {
        pending = false;
        for (const row of await opts.load(cursor)) {
          if (row.id <= cursor) continue;
          cursor = row.id;
          yield row;
        }
        continue;
      }
      await Promise.race([new Promise<void>((resolve) => (wake = resolve)), aborted]);
      wake = null;
      if (opts.signal?.aborted) return;
    }
  } finally {
    stop();
  }
}
