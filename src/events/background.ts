/**
 * The background work of a bus consumer (the event hub, the session watch): loops over bus channels
 * and checks on a timer, all ended by one `stop()` that waits for what is still running.
 */
export class Background {
  private stopped = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly iterators: AsyncIterator<unknown>[] = [];
  private readonly loops: Promise<void>[] = [];

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Calls `onMessage` with each message of `channel` (a bus subscription) until stopped. */
  onChannel<T>(channel: AsyncIterable<T>, onMessage: (message: T) => void): void {
    const iterator = channel[Symbol.asyncIterator]();
    this.iterators.push(iterator);
    this.loops.push(
      (async () => {
        while (!this.stopped) {
          const r = await iterator.next();
          if (r.done) break;
          onMessage(r.value);
        }
      })(),
    );
  }

  /** Calls `tick` every `intervalMs` until stopped; the timer does not keep the process alive. */
  every(intervalMs: number, tick: () => void): void {
    const timer = setInterval(tick, intervalMs);
    timer.unref();
    this.timers.push(timer);
  }

  /** No more ticks or messages; waits for `pending` (work a tick or message started), then for the loops. */
  async stop(pending: () => Promise<unknown> | null): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    await pending();
    await Promise.all(this.iterators.map((i) => i.return?.()));
    await Promise.all(this.loops.map((l) => l.catch(() => undefined)));
  }
}
