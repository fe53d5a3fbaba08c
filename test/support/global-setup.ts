/**
 * Vitest global setup: one migrated PGlite data directory, made once per run, that every test file's
 * in-memory database starts from (test/support/harness.ts). Creating and migrating a PGlite database
 * takes about three seconds; loading the snapshot well under one. Skipped when the suite runs on
 * PostgreSQL. test/migrations.test.ts still migrates an empty database from scratch.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the migrated PGlite snapshot, or '' when the suite runs on PostgreSQL. */
    pgliteSnapshot: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL) {
    project.provide('pgliteSnapshot', '');
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'icp-pglite-'));
  const file = path.join(dir, 'migrated.tar');
  const db = await openDatabase({ kind: 'pglite', dir: 'memory://' });
  try {
    writeFileSync(file, Buffer.from(await (await db.snapshot!()).arrayBuffer()));
  } finally {
    await db.close();
  }
  project.provide('pgliteSnapshot', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
