/**
 * The embedded database's template (src/db/template.ts): a new PGLITE_DIR starts as a copy of a
 * migrated template, opens with nothing left to apply and takes writes; a template made for other
 * migrations is ignored, and a folder that already holds data is never overwritten.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/index.js';
import { applyMigrations, readMigrations } from '../../src/db/migrate.js';
import { makeTemplate, seedFromTemplate, templateIsCurrent } from '../../src/db/template.js';

let root: string;
let template: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'icp-template-'));
  template = path.join(root, 'template');
  await makeTemplate(template);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the PGlite template', () => {
  it('has every migration, and a new folder made from it opens with none left to apply', async () => {
    expect(templateIsCurrent(template)).toBe(true);
    const dir = path.join(root, 'fresh', 'pglite');
    expect(seedFromTemplate(dir, template)).toBe(true);
    const db = await openDatabase({ kind: 'pglite', dir });
    try {
      expect(await applyMigrations(db.sql)).toEqual([]);
      const names = (await db.sql.query('SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name')).map((r) => r.migration_name);
      expect(names).toEqual(readMigrations().map((m) => m.name));
      await db.prisma.account.create({ data: { email: 'a@example.cn', displayName: 'A', passwordHash: 'x' } });
      expect(await db.prisma.account.count()).toBe(1);
    } finally {
      await db.close();
    }
    // A folder with data is left alone.
    expect(seedFromTemplate(dir, template)).toBe(false);
  });

  it('is ignored when its migrations differ from the checked-out ones', () => {
    const manifest = `${template}.json`;
    const original = readFileSync(manifest, 'utf8');
    try {
      const changed = JSON.parse(original) as { migrations: { name: string; checksum: string }[] };
      changed.migrations[0]!.checksum = '0'.repeat(64);
      writeFileSync(manifest, JSON.stringify(changed));
      expect(templateIsCurrent(template)).toBe(false);
      expect(seedFromTemplate(path.join(root, 'other'), template)).toBe(false);
    } finally {
      writeFileSync(manifest, original);
    }
  });
});
