/**
 * The SMS gateways behind the port: the development outbox (what it logs, in development and in
 * production) and the HTTP relay adapter (signed JSON, retries from its outbox table, delivery status),
 * against a real HTTP server standing in for the provider's relay and a real database.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/index.js';
import { HttpSmsGateway, signSmsRequest } from '../../src/sms/http.js';
import { OutboxSmsGateway } from '../../src/sms/outbox.js';
import { renderSms, SMS_TEMPLATES } from '../../src/sms/templates.js';
import { freshDatabase } from '../support/harness.js';

const message = () => renderSms('13812345678', 'ICP_VERIFICATION_CODE', { code: '482913', order: 'ICP-20260302-0001', hours: '24' });

describe('Chinese templates per message type', () => {
  it('fills every placeholder and refuses a missing one', () => {
    expect(message().text).toBe('【ICP备案】您的备案订单 ICP-20260302-0001 短信核验码为 482913，24 小时内有效。请勿告知他人。');
    for (const template of Object.keys(SMS_TEMPLATES)) expect(SMS_TEMPLATES[template as keyof typeof SMS_TEMPLATES]).toMatch(/^【ICP备案】/);
    expect(() => renderSms('13812345678', 'ICP_FILING_APPROVED', { order: 'x' })).toThrow(/icpNumber/);
  });
});

describe('development outbox', () => {
  const capture = () => {
    const lines: { obj: any; msg: string }[] = [];
    return { lines, logger: { info: (obj: unknown, msg: string) => lines.push({ obj, msg }) } as any };
  };

  it('logs each message with the number masked and, outside production, the code', async () => {
    const { lines, logger } = capture();
    const gateway = new OutboxSmsGateway(logger, false);
    await gateway.send(message());
    expect(lines[0]!.obj.sms).toMatchObject({ to: '138****5678', template: 'ICP_VERIFICATION_CODE', code: '482913' });
    expect(JSON.stringify(lines)).not.toContain('13812345678');
    expect(gateway.list('13812345678')[0]!.params.code).toBe('482913');
  });

  it('in production logs neither the number nor the code', async () => {
    const { lines, logger } = capture();
    await new OutboxSmsGateway(logger, true).send(message());
    expect(lines[0]!.obj.sms).toEqual({ messageId: expect.any(String), to: '138****5678', template: 'ICP_VERIFICATION_CODE' });
    expect(JSON.stringify(lines)).not.toContain('482913');
  });
});

describe('HTTP relay adapter', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let relay: Server;
  let url: string;
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  /** What the relay answers next (status codes, in order; then 200). */
  const answers: number[] = [];
  const SECRET = 'relay-secret-0123456789';

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    relay = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        const status = answers.shift() ?? 200;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(status === 200 ? JSON.stringify({ messageId: `relay-${received.length}` }) : '{"error":"busy"}');
      });
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/sms`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => relay?.close(() => r()));
    await drop?.();
  });

  it('posts signed JSON, retries from the outbox after a failure, and records the delivery', async () => {
    const gateway = new HttpSmsGateway(db.prisma, { url, secret: SECRET, retryBaseMs: 0 });
    answers.push(503);
    const { messageId } = await gateway.send(message());
    let row = await db.prisma.smsDelivery.findUniqueOrThrow({ where: { id: messageId } });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, lastError: expect.stringMatching(/HTTP 503/) });

    await gateway.flush();
    row = await db.prisma.smsDelivery.findUniqueOrThrow({ where: { id: messageId } });
    expect(row).toMatchObject({ status: 'SENT', attempts: 2, providerMessageId: 'relay-2', text: null, lastError: null });

    const last = received.at(-1)!;
    const sent = JSON.parse(last.body);
    expect(sent).toMatchObject({ id: messageId, to: '13812345678', template: 'ICP_VERIFICATION_CODE', params: { code: '482913' } });
    expect(sent.text).toContain('482913');
    const timestamp = String(last.headers['x-icp-timestamp']);
    expect(last.headers['x-icp-signature']).toBe(`sha256=${signSmsRequest(SECRET, timestamp, last.body)}`);
    expect(last.headers['x-icp-signature']).not.toBe(`sha256=${signSmsRequest('another-secret-0000', timestamp, last.body)}`);
  });

  it('gives up after the configured attempts and keeps no text', async () => {
    const gateway = new HttpSmsGateway(db.prisma, { url, secret: SECRET, retryBaseMs: 0, maxAttempts: 2 });
    answers.push(500, 500);
    const { messageId } = await gateway.send(message());
    await gateway.flush();
    const row = await db.prisma.smsDelivery.findUniqueOrThrow({ where: { id: messageId } });
    expect(row).toMatchObject({ status: 'FAILED', attempts: 2, text: null });
    await gateway.flush();
    expect((await db.prisma.smsDelivery.findUniqueOrThrow({ where: { id: messageId } })).attempts).toBe(2);
  });
});
