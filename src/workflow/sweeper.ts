import type { Context, Services } from '../context.js';
import { expireOrder, returnForSmsTimeout } from './lifecycle.js';
import { IN_PROGRESS } from './transitions.js';

/** Advisory-lock key of the sweeper: one instance sweeps at a time. */
export const SWEEP_LOCK = 724_100_002;

/**
 * The timers: orders past their 45-day validity expire, SMS verifications past 24 h return the order.
 * Runs on an interval in every instance; a database lock lets one sweep at a time, and each change
 * is a compare-and-set transition, so an order is never expired twice.
 */
export class Sweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SweepResult> | null = null;

  constructor(private readonly services: Services) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass; concurrent calls share it. */
  sweep(): Promise<SweepResult> {
    this.running ??= this.services.db.sql
      .tryLock(SWEEP_LOCK, () => this.pass())
      .then((r) => r ?? { expired: 0, smsReturned: 0 })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async pass(): Promise<SweepResult> {
    const ctx: Context = { ...this.services, viewer: null, integration: null };
    const now = this.services.clock.now();
    const prisma = this.services.db.prisma;
    const [dueSms, dueOrders] = await Promise.all([
      prisma.order.findMany({ where: { status: 'PENDING_SMS_VERIFICATION', smsDeadline: { lte: now } }, select: { id: true }, take: 500 }),
      prisma.order.findMany({
        where: { status: { in: IN_PROGRESS.filter((s) => s !== 'PENDING_MIIT_REVIEW') }, expiresAt: { lte: now } },
        select: { id: true },
        take: 500,
      }),
    ]);
    let smsReturned = 0;
    let expired = 0;
    for (const o of dueOrders) if (await expireOrder(ctx, o.id)) expired++;
    for (const o of dueSms) if (await returnForSmsTimeout(ctx, o.id)) smsReturned++;
    return { expired, smsReturned };
  }
}

export interface SweepResult {
  expired: number;
  smsReturned: number;
}
