/**
 * The real server process (`src/main.ts`, embedded PGlite in a folder) is sent SIGTERM while
 * applicants are filing: it finishes what is in flight and exits 0. Started again on the same
 * folder, it has every committed change, no request half-applied, and carries on serving.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/passwords.js';
import { openDatabase } from '../../src/db/index.js';
import { graphqlClient } from '../support/harness.js';
import { expectConsistent, load, until } from './support/load.js';

const dir = mkdtempSync(path.join(tmpdir(), 'icp-sigterm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  url: string;
  lines: Record<string, any>[];
  exited: Promise<number | null>;
}

/** Starts `src/main.ts` on the folder and waits for its "ready" log line. */
async function startProcess(): Promise<Running> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PGLITE_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SWEEP_INTERVAL_MS: '200' };
  for (const k of ['DATABASE_URL', 'REDIS_URL', 'RATE_LIMIT_STORE', 'SEED_DEMO']) delete env[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: path.resolve(import.meta.dirname, '../..'), env, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: Record<string, any>[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as Record<string, any>;
        lines.push(entry);
        if (typeof entry.url === 'string') resolve(entry.url.replace(/\/graphql$/, ''));
      } catch {
        // not a log line
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code} before it was ready`)));
  });
  return { child, url, lines, exited };
}

/** The frontend's client against a server process. */
const client = (url: string) => ({ url, ...graphqlClient(url) });

const SIGN_IN = `mutation { signIn(email: "sigterm@example.cn", password: "sigterm-password-1") { __typename ... on SessionPayload { token } } }`;

describe('SIGTERM during load, then restart on the same PGlite folder', () => {
  it('finishes in-flight requests, exits 0, and comes back with every committed change and nothing half-applied', async () => {
    // An applicant with a prepaid server, put straight into the folder (the server is not running yet).
    const seed = await openDatabase({ kind: 'pglite', dir });
    const account = await seed.prisma.account.create({
      data: { email: 'sigterm@example.cn', passwordHash: await hashPassword('sigterm-password-1'), displayName: '申请人', role: 'APPLICANT' },
    });
    await seed.prisma.serverInstance.create({
      data: { ownerId: account.id, instanceId: 'i-sigterm', region: 'cn-wuhan', billing: 'PREPAID', prepaidMonths: 12, ipAddresses: ['203.0.113.10'], maxServiceCodes: 1000 },
    });
    await seed.close();

    const first = await startProcess();
    const api = client(first.url);
    const token = (await api.gql(SIGN_IN)).data.signIn.token as string;
    const work = load(api, { token }, 'i-sigterm', 6);
    await until(async () => work.attempts.filter((a) => a.submitted).length >= 5, 'orders submitted before SIGTERM');
    const inFlight = work.attempts.filter((a) => !a.submitted && a.failures === 0).length;
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    await work.stop();
    expect(first.lines.some((l) => l.msg === 'Stopped')).toBe(true);
    expect(work.unexpected).toEqual([]);

    // Started again on the same folder: the session, the orders and their history are all there.
    const second = await startProcess();
    const again = client(second.url);
    const viewer = await again.gql('{ orders(first: 100) { totalCount } }', {}, token);
    const submittedBefore = work.attempts.filter((a) => a.submitted).length;
    expect(viewer.data.orders.totalCount).toBeGreaterThanOrEqual(submittedBefore);
    const more = load(again, { token }, 'i-sigterm', 2);
    await until(async () => more.attempts.filter((a) => a.submitted).length >= 2, 'orders submitted after the restart');
    await more.stop();
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const db = await openDatabase({ kind: 'pglite', dir });
    try {
      const orders = await expectConsistent(db.prisma, [...work.attempts, ...more.attempts]);
      console.log(`SIGTERM with ${inFlight} filings in flight; ${orders} orders whole after two restarts`);
    } finally {
      await db.close();
    }
  }, 600_000);
});
