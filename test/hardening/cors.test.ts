/**
 * Cross-origin access (CORS): by default production answers no browser origin, development lets any
 * origin call without credentials, and `CORS_ORIGINS` allows exactly the listed origins (with credentials).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

async function preflight(origin: string) {
  const res = await fetch(`${s!.url}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
  });
  return { allowOrigin: res.headers.get('access-control-allow-origin'), credentials: res.headers.get('access-control-allow-credentials') };
}

async function simple(origin: string) {
  const res = await fetch(`${s!.url}/graphql`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  return { allowOrigin: res.headers.get('access-control-allow-origin'), credentials: res.headers.get('access-control-allow-credentials') };
}

describe('CORS', () => {
  it('production without CORS_ORIGINS: no origin is allowed, nothing credentialed', async () => {
    s = await startTestServer({ env: { NODE_ENV: 'production', PASSWORD_HASH_COST: '15' } });
    for (const answer of [await preflight('https://evil.example'), await simple('https://evil.example')]) {
      expect(answer.allowOrigin).toBeNull();
      expect(answer.credentials).toBeNull();
    }
  });

  it('CORS_ORIGINS: the listed origins only, with credentials', async () => {
    s = await startTestServer({ env: { CORS_ORIGINS: 'https://console.example.cn, https://filing.example.cn' } });
    expect(await preflight('https://console.example.cn')).toEqual({ allowOrigin: 'https://console.example.cn', credentials: 'true' });
    expect(await simple('https://filing.example.cn')).toEqual({ allowOrigin: 'https://filing.example.cn', credentials: 'true' });
    for (const answer of [await preflight('https://evil.example'), await simple('https://evil.example')]) {
      expect(answer.allowOrigin).not.toBe('https://evil.example');
      expect(answer.credentials).toBeNull();
    }
  });

  it('development default: any origin, never with credentials', async () => {
    s = await startTestServer();
    const answer = await preflight('https://evil.example');
    expect(answer.credentials).toBeNull();
    expect(['*', 'https://evil.example']).toContain(answer.allowOrigin);
  });

  it('refuses a CORS_ORIGINS entry that is not an origin', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'console.example.cn' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://console.example.cn/app' })).toThrow(/CORS_ORIGINS/);
  });
});
