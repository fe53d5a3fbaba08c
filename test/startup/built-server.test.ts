/**
 * What `npm start` runs: the server bundled by scripts/build.mjs (dist/server/main.js), started as its
 * own process on a new embedded database. The bundle must carry everything found on disk in
 * development — every province module in particular — and answer over HTTP.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { launch, type ServerProcess } from '../support/processes.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the built server', () => {
  it('starts on a new embedded database and serves all 31 province modules', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'icp-build-')));
    dirs.push(out);
    const built = spawnSync(process.execPath, ['scripts/build.mjs', '--no-template'], { cwd: ROOT, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    server = await launch('built', path.join(ROOT, 'dist/server/main.js'), {
      PGLITE_DIR: path.join(out, 'pglite'),
      LOG_LEVEL: 'warn',
    }, undefined, 300_000);
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ provinces { code } }' }),
    });
    const body = (await response.json()) as { data?: { provinces: { code: string }[] }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.provinces).toHaveLength(31);
    expect(body.data?.provinces.map((p) => p.code)).toContain('hainan');
  }, 600_000);
});
