/**
 * A real headless Chromium (Debian's `chromium` package, or CHROMIUM_PATH) driven over the DevTools
 * protocol with puppeteer-core, on a network cut off from everything but this machine: every request
 * to a non-loopback address fails (request interception) and the browser's proxy for the rest of the
 * world is a closed port. Requests that were refused are recorded so a test can show none was needed.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('No Chromium found: `apt-get install -y chromium` (or set CHROMIUM_PATH)');
  return found;
}

export async function launchOffline(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Anything not on loopback (which Chromium never proxies) goes to a proxy that does not exist: no internet.
      '--proxy-server=http://127.0.0.1:9',
    ],
  });
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A page whose requests to anything but loopback (and data:/blob: URLs) are failed and recorded. */
export async function offlinePage(browser: Browser): Promise<{ page: Page; refused: string[]; consoleErrors: string[] }> {
  const page = await browser.newPage();
  const refused: string[] = [];
  const consoleErrors: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOOPBACK.has(url.hostname)) {
      void request.continue();
    } else {
      refused.push(request.url());
      void request.abort('internetdisconnected');
    }
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return { page, refused, consoleErrors };
}
