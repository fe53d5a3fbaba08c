import { execFile } from 'node:child_process';
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
