import { Background } from './background.js';
import type { EventBus, SessionEndedMessage } from './pubsub.js';

/** Of the given session ids, those still valid now. */
export type LiveSessions = (ids: string[]) => Promise<Set<string>>;

type End = () => void;

/**
 * Ends live streams whose session ended: a sign-out, a password change, an account disabled (on any
 * instance: the notice goes over the bus) or the session's expiry. Everything held open on behalf of
 * a session (a subscription, an SSE stream, a graphql-ws socket) registers an `end` callback here.
 *
 * Notices only wake the watch: it then asks the database which of its sessions are still valid, so a
 * lost or forged notice cannot end a valid session or keep an ended one. A check every
 * `intervalMs` catches expiry and notices lost while Redis was down. Before a stream delivers an
 * event it asks `alive` (one query per session per notice, shared by that session's streams), so an
 * event committed after a revocation never reaches the revoked session, notice or no notice.
 */
export class SessionWatch {
  private readonly bySession = new Map<string, Set<End>>();
  private readonly background = new Background();
  private checking: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly bus: EventBus,
    private readonly live: LiveSessions,
  ) {}

  start(intervalMs: number): void {
    const checkIfTracking = () => {
      if (this.bySession.size) void this.check();
    };
    this.background.onChannel(this.bus.pubsub.subscribe('sessionEnded'), checkIfTracking);
    this.background.every(intervalMs, checkIfTracking);
  }

  /** Registers `end` to run once when `sessionId` ends; the returned function unregisters it. */
  track(sessionId: string, end: End): () => void {
    let ends = this.bySession.get(sessionId);
    if (!ends) this.bySession.set(sessionId, (ends = new Set()));
    ends.add(end);
    return () => {
      const set = this.bySession.get(sessionId);
      set?.delete(end);
      if (set?.size === 0) this.bySession.delete(sessionId);
    };
  }

  /** Whether one session is still valid (asked before a stream delivers an event). */
  async alive(sessionId: string): Promise<boolean> {
    const ok = (await this.live([sessionId])).has(sessionId);
    if (!ok) this.endSession(sessionId);
    return ok;
  }

  /**
   * Tells every instance that sessions of `accountId` ended (after the change committed), and
   * checks this instance's sessions at once.
   */
  async announce(message: SessionEndedMessage): Promise<void> {
    this.bus.pubsub.publish('sessionEnded', message);
    await this.check();
  }

  /** Asks the database which tracked sessions are still valid and ends the others; runs folded. */
  check(): Promise<void> {
    if (this.checking) {
      this.again = true;
      return this.checking;
    }
    // Cleared in a `.finally` callback, which always runs after this assignment: a pass with nothing
    // to check finishes synchronously, and clearing inside it would come before the assignment and
    // leave a settled promise here, so that no check would ever run again.
    const running: Promise<void> = this.checkPasses().finally(() => {
      if (this.checking === running) this.checking = null;
    });
    this.checking = running;
    return running;
  }

  private async checkPasses(): Promise<void> {
    try {
      do {
        this.again = false;
        const ids = [...this.bySession.keys()];
        if (!ids.length) break;
        const live = await this.live(ids);
        for (const id of ids) if (!live.has(id)) this.endSession(id);
      } while (this.again && !this.background.isStopped);
    } catch {
      // Database unreachable: the next check tries again; streams check before each event anyway.
    }
  }


  private endSession(sessionId: string): void {
    const ends = this.bySession.get(sessionId);
    if (!ends) return;
    this.bySession.delete(sessionId);
    for (const end of ends) end();
  }

  /** Sessions with something open on this instance. */
  get size(): number {
    return this.bySession.size;
  }

  stop(): Promise<void> {
    return this.background.stop(() => this.checking);
  }
}
