import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/index.js';
import { applyMigrations, readMigrations } from '../src/db/migrate.js';
import { openTestPglite } from './support/harness.js';

describe('migrations', () => {
  // A subprocess that starts Prisma's WebAssembly engine: on a busy 2-core machine it has taken over
  // 40 s, so it runs asynchronously (the worker stays responsive) and gets a wide bound.
  it('cover every change to prisma/schema.prisma', { timeout: 600_000 }, async () => {
    // Exits non-zero (and fails this test) when the schema changed without a migration.
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/new-migration.ts', '--check'], { encoding: 'utf8' });
    expect(stdout).toContain('Migrations cover prisma/schema.prisma');
  });

  // The diff replays the migration folders themselves (no copy of the data model that an edit could
  // slip into): a schema with a column no migration adds is refused, with the SQL that is missing.
  it('refuse a schema change that no migration covers', { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icp-schema-'));
    try {
      const schema = readFileSync('prisma/schema.prisma', 'utf8');
      const edited = schema.replace(/^model Account \{\n/m, (m) => `${m}  nickname String?\n`);
      expect(edited).not.toBe(schema);
      writeFileSync(path.join(dir, 'schema.prisma'), edited);
      const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/new-migration.ts', '--check', `--schema=${path.join(dir, 'schema.prisma')}`], { encoding: 'utf8' });
      const failure = await run.then(() => null, (e: { code: number; stderr: string }) => e);
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toMatch(/ALTER TABLE "Account" ADD COLUMN\s+"nickname" TEXT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('apply once to an empty database and are recorded the way Prisma records them', async () => {
    const db = await openDatabase({ kind: 'pglite', dir: 'memory://' });
    try {
      const rows = await db.sql.query('SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name');
      expect(rows.map((r) => r.migration_name)).toEqual(readMigrations().map((m) => m.name));
      expect(rows.map((r) => r.checksum)).toEqual(readMigrations().map((m) => m.checksum));
      // A second start applies nothing.
      expect(await applyMigrations(db.sql)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('refuse a migration that was edited after it was applied', async () => {
    const db = await openTestPglite();
    try {
      const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
      await expect(applyMigrations(db.sql, edited)).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await db.close();
    }
  });
});
