/**
 * The reviewers' board at /console in headless Chromium with the network cut off: a reviewer signs
 * in, sees the queue with counts per status, watches a status change arrive over graphql-ws, opens
 * an order with its history and materials, and claims it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { upsertStaffAccount } from '../../src/auth/staff.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { individualSubject, server, signIn, signUp, website } from '../support/fixtures.js';
import { startAndSubmit } from '../support/workflow.js';
import { launchOffline, offlinePage } from './browser.js';

let s: TestServer;
let browser: Browser;
const REVIEWER = { email: 'board-reviewer@example.cn', password: 'reviewer-password-1' };

beforeAll(async () => {
  s = await startTestServer({ start: '2026-06-01T02:00:00Z' });
  await upsertStaffAccount(s.db.prisma, { ...REVIEWER, displayName: '王审核', role: 'REVIEWER' }, 10);
  browser = await launchOffline();
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

let n = 0;
async function submittedOrder(name: string) {
  n++;
  const applicant = await signUp(s, name);
  const instance = await server(s, applicant.accountId);
  const subject = individualSubject({ provinceCode: 'sichuan', provinceName: '四川省', city: '成都市', region: '510104', person: { name } });
  const sites = [website({ name: `${name}的读书笔记`, domain: `board-blog-${n}.cn`, serverInstanceId: instance, remark: '分享读书心得' })];
  return { applicant, order: await startAndSubmit(s, applicant.token, { subject, websites: sites }) };
}

describe('the reviewers’ board, offline', () => {
  it('signs in, shows the queue and counts, receives a status change live, opens and claims an order', async () => {
    const first = await submittedOrder('刘洋');
    const { page, refused, consoleErrors } = await offlinePage(browser);
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${s.url}/console`, { waitUntil: 'load' });

    await page.type('#sign-in input[name=email]', REVIEWER.email);
    await page.type('#sign-in input[name=password]', REVIEWER.password);
    await page.click('#sign-in button[type=submit]');

    // The queue with the submitted order, the counts per status, and the live feed connected.
    await page.waitForFunction((num) => document.querySelector('#queue tbody')?.textContent?.includes(num), {}, first.order.number);
    await page.waitForSelector('body[data-live="on"]');
    const pending = await page.$eval('#counts [data-status="PENDING_INITIAL_REVIEW"]', (e) => e.textContent);
    expect(pending).toBe('1待初审');

    // Another applicant submits: the change arrives over graphql-ws and the counts follow.
    const second = await submittedOrder('陈晨');
    await page.waitForFunction(
      (num) => [...document.querySelectorAll('#feed li')].some((li) => li.textContent!.includes(num) && li.textContent!.includes('待初审')),
      {},
      second.order.number,
    );
    await page.waitForFunction(() => document.querySelector('#counts [data-status="PENDING_INITIAL_REVIEW"]')?.textContent === '2待初审');

    // Open the first order: its history and materials, then claim it.
    await page.click(`#queue tbody tr[data-id="${first.order.id}"]`);
    await page.waitForFunction((num) => document.querySelector('#detail-number')?.textContent === num, {}, first.order.number);
    const history = await page.$eval('#detail-history', (e) => e.textContent);
    expect(history).toContain('填写中 → 待初审');
    const materials = await page.$$eval('#detail-materials li', (items) => items.map((i) => i.textContent));
    expect(materials.some((m) => m!.includes('CERTIFICATE_FRONT'))).toBe(true);

    await page.click('#claim');
    await page.waitForFunction(() => document.querySelector('#claim-result')?.textContent === '已认领');
    await page.waitForFunction(() => document.querySelector('#detail-history')?.textContent?.includes('认领/分派：王审核'));
    await page.screenshot({ path: 'test/browser/screenshots/console.png', fullPage: true });

    // The claim is on the server, with its history entry.
    const check = await s.ok(
      `query ($id: ID!) { node(id: $id) { ... on Order { assignee { displayName } history(first: 20) { nodes { type detail { action } } } } } }`,
      { id: first.order.id },
      await signIn(s, REVIEWER.email, REVIEWER.password),
    );
    expect(check.node.assignee.displayName).toBe('王审核');
    expect(check.node.history.nodes.at(-1)).toEqual({ type: 'ASSIGNED', detail: { action: 'claim' } });

    // Nothing the page needed lay outside this machine.
    expect(refused).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
