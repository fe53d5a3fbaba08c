/**
 * What a subscription holds on the server: one hub listener while it is open, none once the client
 * unsubscribes, even when no event ever came (the stream must not wait for one to notice).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewer } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 240_000; // a safety net for a busy machine, not a timed check
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('subscription resources', () => {
  it('releases the hub listener as soon as the client unsubscribes', async () => {
    const token = await reviewer(s);
    const client = s.ws(token);
    const hub = s.app.services.hub;
    const before = hub.size;
    const stops = Array.from({ length: 20 }, () =>
      client.subscribe({ query: 'subscription { orderEvents { sequence } }' }, { next: () => {}, error: () => {}, complete: () => {} }),
    );
    await until(() => hub.size === before + 20);
    for (const stop of stops) stop();
    await until(() => hub.size === before);
    expect(hub.size).toBe(before);
  });
});
