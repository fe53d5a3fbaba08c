import type { SmsGateway, SmsMessage } from '../ports.js';
import type { Logger } from '../server/index.js';
import { maskPhone } from '../validation/index.js';

/** One message as the development outbox keeps it. */
export interface OutboxEntry extends SmsMessage {
  messageId: string;
  at: Date;
}

/**
 * The development gateway: keeps every message in an outbox (newest last) instead of sending it,
 * and logs it with the number masked; outside production the log line carries the code too, so a
 * developer can read it from the console. The outbox is readable through the development-only
 * `developmentSmsOutbox` query (absent from the production schema). It lives in this process: with
 * several instances each has its own.
 */
export class OutboxSmsGateway implements SmsGateway {
  readonly outbox: OutboxEntry[] = [];
  /** Keeps the newest messages only, so a long-running development server does not grow without end. */
  private readonly limit = 1_000;

  constructor(
    private readonly logger?: Pick<Logger, 'info'>,
    private readonly production = false,
  ) {}

  async send(message: SmsMessage) {
    const messageId = `dev-${Date.now().toString(36)}-${this.outbox.length + 1}`;
    this.outbox.push({ ...message, messageId, at: new Date() });
    if (this.outbox.length > this.limit) this.outbox.splice(0, this.outbox.length - this.limit);
    this.logger?.info(
      {
        sms: { messageId, to: maskPhone(message.to), template: message.template, ...(this.production ? {} : { code: message.params.code }) },
      },
      'SMS kept in the development outbox (not sent)',
    );
    return { messageId };
  }

  /** Messages to one number (or all), newest first. */
  list(mobile?: string | null, limit = 20): OutboxEntry[] {
    const out: OutboxEntry[] = [];
    for (let i = this.outbox.length - 1; i >= 0 && out.length < limit; i--) {
      const m = this.outbox[i]!;
      if (!mobile || m.to === mobile) out.push(m);
    }
    return out;
  }

  /** The latest code sent to a number, as the applicant would read it off their phone. */
  lastCodeFor(mobile: string): string | undefined {
    return this.list(mobile).find((m) => m.params.code)?.params.code;
  }
}
