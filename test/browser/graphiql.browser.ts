import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { startTestServer, type TestServer } from '../support/harness.js';
import { launchOffline, offlinePage } from './browser.js';

let s: TestServer;
let browser: Browser;

beforeAll(async () => {
  s = await startTestServer();
  browser = await launchOffline();
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('GraphiQL with the network cut off', () => {
  it('renders from the server’s own assets and runs a query', async () => {
    const { page, refused, consoleErrors } = await offlinePage(browser);
    await page.goto(`${s.url}/graphql`, { waitUntil: 'load' });
    await page.waitForSelector('.graphiql-container', { timeout: 120_000 });
    // The editors are Monaco (workers from /graphiql-assets/) and the schema came by introspection.
    await page.waitForSelector('.graphiql-query-editor .monaco-editor', { timeout: 120_000 });
    await page.waitForFunction(() => document.querySelector('.graphiql-execute-button') !== null, { timeout: 120_000 });
    await page.click('.graphiql-execute-button');
    await page.screenshot({ path: 'test/browser/screenshots/graphiql.png' });
    await page.waitForFunction(() => (document.querySelector('.graphiql-response')?.textContent ?? '').includes('abbreviation'), { timeout: 120_000 });
    await page.screenshot({ path: 'test/browser/screenshots/graphiql.png' });
    expect(refused).toEqual([]);
    expect(consoleErrors.filter((e) => /Failed to load|ERR_/.test(e))).toEqual([]);
  });
});
