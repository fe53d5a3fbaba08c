/**
 * The hardening suites' server: the shared test server (test/support/harness.ts) with its log on, so
 * a test can read what an operator would see.
 */
import { startTestServer, type TestServer, type TestServerOptions } from '../../support/harness.js';

export type HardenedServer = TestServer;

export function startServer(options: TestServerOptions = {}): Promise<HardenedServer> {
  return startTestServer({ ...options, env: { LOG_LEVEL: 'info', ...options.env } });
}
