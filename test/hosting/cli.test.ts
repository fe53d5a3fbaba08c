/**
 * `npm run instances -- import <file>` as an operator runs it: a real process on the configured
 * database (a PGlite folder here), then the imported instances seen through the API.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/db/index.js';
import { startTestServer } from '../support/harness.js';
import { signUp } from '../support/fixtures.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'icp-instances-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The operator's environment: the PGlite folder, never a PostgreSQL URL the suite may have set. */
function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: path.join(dir, 'db'), NODE_ENV: 'development' };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  return env;
}

async function cli(args: string[]) {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'scripts/instances.ts', ...args], {
      cwd: ROOT,
      env: cliEnv(),
    });
    return { code: 0, out: r.stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe('npm run instances -- import', () => {
  it('imports CSV and JSON files row by row, reports refused rows, and the applicant sees the instances', async () => {
    // An applicant registers on a server using the same database folder.
    // Starting from the run's migrated snapshot, when there is one, saves migrating a new folder.
    const snapshot = inject('pgliteSnapshot');
    const db = await openDatabase({ kind: 'pglite', dir: path.join(dir, 'db') }, snapshot ? { from: new Blob([readFileSync(snapshot)]) } : {});
    const s = await startTestServer({ db });
    const applicant = await signUp(s);
    await s.close();
    await db.close();

    const csv = path.join(dir, 'instances.csv');
    writeFileSync(
      csv,
      [
        'instanceId,ownerEmail,kind,region,mainland,billing,ipAddresses,purchasedAt,expiresAt,serviceCodeQuota',
        `i-csv-0001,${applicant.email},ECS,cn-wuhan,true,PREPAID,203.0.113.10;203.0.113.11,2026-01-01,2030-01-01,3`,
        `i-csv-0002,${applicant.email},VIRTUAL_HOST,cn-shanghai,,prepaid,203.0.113.12,,2030-06-01,`,
        `i-csv-0003,nobody@example.cn,ECS,cn-wuhan,true,PREPAID,203.0.113.13,,2030-01-01,`,
      ].join('\n'),
    );
    const first = await cli(['import', csv]);
    expect(first.code).toBe(1);
    expect(first.out).toContain('3 rows, 2 registered, 0 updated, 1 refused');
    expect(first.out).toMatch(/row 3 \(i-csv-0003\): ownerEmail: .*\[national\/instance-owner\]/);

    const json = path.join(dir, 'instances.json');
    writeFileSync(json, JSON.stringify([{ instanceId: 'i-csv-0001', ownerEmail: applicant.email, region: 'cn-wuhan', billing: 'PREPAID', expiresAt: '2031-01-01', ipAddresses: ['203.0.113.10'] }]));
    const second = await cli(['import', json]);
    expect(second).toMatchObject({ code: 0 });
    expect(second.out).toContain('1 rows, 0 registered, 1 updated, 0 refused');

    const again = await openDatabase({ kind: 'pglite', dir: path.join(dir, 'db') });
    const s2 = await startTestServer({ db: again });
    try {
      const token = (await s2.ok(`mutation ($e: String!) { signIn(email: $e, password: "applicant-password-1") { ... on SessionPayload { token } } }`, { e: applicant.email })).signIn.token;
      const listed = await s2.ok(`{ serverInstances(first: 10) { edges { node { instanceId kind region ipAddresses expiresAt serviceCodeQuota source } } } }`, {}, token);
      const byId = Object.fromEntries(listed.serverInstances.edges.map((e: any) => [e.node.instanceId, e.node]));
      expect(byId['i-csv-0001']).toMatchObject({ kind: 'ECS', ipAddresses: ['203.0.113.10'], expiresAt: '2031-01-01T00:00:00.000Z', serviceCodeQuota: 5, source: 'cli' });
      expect(byId['i-csv-0002']).toMatchObject({ kind: 'VIRTUAL_HOST', region: 'cn-shanghai', serviceCodeQuota: 5 });
      expect(Object.keys(byId)).toHaveLength(2);
    } finally {
      await s2.close();
      await again.close();
    }
  }, 600_000);
});
