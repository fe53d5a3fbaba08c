import type { Prisma } from '../db/index.js';
import type { LogEntry } from './hub.js';
import type { EventBus, OrderEventMessage } from './pubsub.js';

interface EventRow {
  id: bigint;
  orderId: string;
  type: string;
  toStatus: string | null;
  provinceCode: string;
  filingType: string;
  ownerId: string;
}

function toMessage(r: EventRow): OrderEventMessage {
  return {
    id: r.id.toString(),
    orderId: r.orderId,
    type: r.type,
    toStatus: r.toStatus,
    provinceCode: r.provinceCode,
    filingType: r.filingType,
    ownerId: r.ownerId,
  };
}

/**
 * The hub's view of the log (see `EventHub.watchLog`): events after an id, oldest first, each
 * settled once the relay published it more than `graceMs` ago, so that its notice had time to arrive.
 */
export function logTail(prisma: Prisma, graceMs: number) {
  return async (after: bigint): Promise<LogEntry[]> => {
    const rows = await prisma.$queryRaw<(EventRow & { settled: boolean })[]>`
      SELECT e.id, e."orderId", e.type::text AS type, e."toStatus"::text AS "toStatus", o."provinceCode",
             o."filingType"::text AS "filingType", o."ownerId",
             coalesce(e."publishedAt" < now() - make_interval(secs => ${graceMs / 1000}), false) AS settled
      FROM "OrderEvent" e JOIN "Order" o ON o.id = e."orderId"
      WHERE e.id > ${after}
      ORDER BY e.id
      LIMIT 500`;
    return rows.map((r) => ({ message: toMessage(r), settled: r.settled }));
  };
}

/** The newest event id in the log (0 when empty). */
export async function logHead(prisma: Prisma): Promise<bigint> {
  return (await prisma.orderEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
}

/**
 * The outbox relay: order events are written in the same transaction as the change they describe;
 * the relay claims unpublished rows (so a rolled-back change is never announced and a committed one
 * never missed) and publishes them on the bus. Several instances may run a relay: `SKIP LOCKED`
 * claims each row once. A crash between claim and publish loses only the live notice: every hub's
 * log check delivers it late, and a resuming subscriber catches up with its `after` cursor.
 */
export class OutboxRelay {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly prisma: Prisma,
    private readonly bus: EventBus,
  ) {}

  /** Publishes whatever is pending now; calls made while a drain runs are folded into one more pass. */
  notify(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while ((await this.drainBatch()) > 0);
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Also drains on an interval, for events committed by other instances' crashed relays. */
  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.notify().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async drainBatch(): Promise<number> {
    const rows = await this.prisma.$queryRaw<EventRow[]>`
      WITH claimed AS (
        UPDATE "OrderEvent" SET "publishedAt" = now()
        WHERE id IN (
          SELECT id FROM "OrderEvent" WHERE "publishedAt" IS NULL ORDER BY id LIMIT 200 FOR UPDATE SKIP LOCKED
        )
        RETURNING id, "orderId", type::text AS type, "toStatus"::text AS "toStatus"
      )
      SELECT c.id, c."orderId", c.type, c."toStatus", o."provinceCode", o."filingType"::text AS "filingType", o."ownerId"
      FROM claimed c JOIN "Order" o ON o.id = c."orderId"
      ORDER BY c.id`;
    for (const r of rows) this.bus.pubsub.publish('orderEvent', toMessage(r));
    return rows.length;
  }
}
