import { createHmac } from 'node:crypto';
import type { Prisma } from '../db/index.js';
import type { SmsGateway, SmsMessage } from '../ports.js';
import type { Logger } from '../server/index.js';
import { maskPhone } from '../validation/index.js';

export interface HttpSmsOptions {
  /** Where the provider's relay listens (SMS_GATEWAY_URL). */
  url: string;
  /** Shared secret for the HMAC signature (SMS_GATEWAY_SECRET). */
  secret: string;
  /** Attempts before a message is given up (status FAILED). */
  maxAttempts?: number;
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number;
  /** First retry delay in milliseconds, doubled per attempt up to ten minutes (default 5 s). */
  retryBaseMs?: number;
  logger?: Pick<Logger, 'info' | 'warn'>;
}

/** Signature of one request: HMAC-SHA256 over `<timestamp>.<body>`, hex. */
export function signSmsRequest(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * The real SMS gateway adapter: every message is first written to an outbox table (`SmsDelivery`),
 * then POSTed as JSON to a relay the provider runs (which forwards it to Aliyun, Tencent Cloud, …)
 * with headers `x-icp-timestamp` and `x-icp-signature: sha256=<HMAC>`. A 2xx answer marks it SENT
 * (with the relay's `messageId` if it gives one); anything else schedules a retry with backoff,
 * and `flush()` (run by the timers) retries what is due. The text, which may hold a code, is
 * cleared once the message is sent or given up.
 */
export class HttpSmsGateway implements SmsGateway {
  private readonly maxAttempts: number;
  private readonly timeoutMs: number;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly prisma: Prisma,
    private readonly options: HttpSmsOptions,
  ) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async send(message: SmsMessage) {
    const row = await this.prisma.smsDelivery.create({
      data: { to: message.to, template: message.template, text: message.text, params: message.params },
    });
    await this.deliver(row.id);
    return { messageId: row.id };
  }

  /** Retries every message that is due. */
  flush(): Promise<void> {
    this.flushing ??= (async () => {
      try {
        const due = await this.prisma.smsDelivery.findMany({
          where: { status: 'PENDING', nextAttemptAt: { lte: new Date() } },
          orderBy: { nextAttemptAt: 'asc' },
          take: 50,
          select: { id: true },
        });
        for (const { id } of due) await this.deliver(id);
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  private async deliver(id: string): Promise<void> {
    // Claim the attempt: of two instances flushing at once, one sends.
    const now = new Date();
    const claimed = await this.prisma.smsDelivery.updateMany({
      where: { id, status: 'PENDING', nextAttemptAt: { lte: now } },
      data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + this.timeoutMs * 2) },
    });
    if (claimed.count !== 1) return;
    const row = await this.prisma.smsDelivery.findUniqueOrThrow({ where: { id } });
    const body = JSON.stringify({ id: row.id, to: row.to, template: row.template, params: row.params, text: row.text });
    const timestamp = String(Math.floor(now.getTime() / 1000));
    let error: string | null = null;
    let providerMessageId: string | null = null;
    try {
      const res = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-icp-timestamp': timestamp,
          'x-icp-signature': `sha256=${signSmsRequest(this.options.secret, timestamp, body)}`,
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.text();
      if (!res.ok) error = `HTTP ${res.status}: ${text.slice(0, 200)}`;
      else {
        try {
          const parsed = JSON.parse(text) as { messageId?: unknown };
          if (typeof parsed.messageId === 'string') providerMessageId = parsed.messageId.slice(0, 200);
        } catch {
          // a 2xx without JSON is still a delivery
        }
      }
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    if (!error) {
      await this.prisma.smsDelivery.update({ where: { id }, data: { status: 'SENT', sentAt: new Date(), providerMessageId, lastError: null, text: null } });
      this.options.logger?.info({ sms: { id, to: maskPhone(row.to), template: row.template } }, 'SMS handed to the gateway');
      return;
    }
    const gaveUp = row.attempts >= this.maxAttempts;
    const backoff = Math.min((this.options.retryBaseMs ?? 5_000) * 2 ** (row.attempts - 1), 600_000);
    await this.prisma.smsDelivery.update({
      where: { id },
      data: gaveUp
        ? { status: 'FAILED', lastError: error, text: null }
        : { lastError: error, nextAttemptAt: new Date(Date.now() + backoff) },
    });
    this.options.logger?.warn({ sms: { id, to: maskPhone(row.to), attempts: row.attempts, gaveUp }, error }, 'SMS delivery failed');
  }

  async close() {
    await this.flushing;
  }
}
