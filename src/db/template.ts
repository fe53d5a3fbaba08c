/**
 * The embedded database's template: a PGlite data folder with every migration applied, made once at
 * install time (`npm run build`, run by `npm install`). A new `PGLITE_DIR` starts as a copy of it,
 * which opens in a fraction of the time that creating a cluster and applying the migrations takes.
 * A template made for other migrations than the checked-out ones is ignored (the manifest names
 * them), and migrations added since it was made are applied on open as usual.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { applyMigrations, readMigrations, type SqlRunner } from './migrate.js';

export const TEMPLATE_DIR = fileURLToPath(new URL('../../node_modules/.cache/icp-filing/pglite-template', import.meta.url));
const manifestFile = (dir: string) => `${dir}.json`;

interface Manifest {
  migrations: { name: string; checksum: string }[];
}

/** The migrations the template has: all, some (a prefix of today's), or none that fit (null). */
function templateMigrations(template: string): number | null {
  if (!existsSync(template) || !existsSync(manifestFile(template))) return null;
  try {
    const made = (JSON.parse(readFileSync(manifestFile(template), 'utf8')) as Manifest).migrations;
    const now = readMigrations();
    if (made.length > now.length || made.some((m, i) => m.name !== now[i]!.name || m.checksum !== now[i]!.checksum)) return null;
    return made.length;
  } catch {
    return null;
  }
}

/** Whether the template has exactly the checked-out migrations. */
export function templateIsCurrent(template = TEMPLATE_DIR): boolean {
  return templateMigrations(template) === readMigrations().length;
}

/** Copies the template into `dir` when `dir` is new or empty and the template fits the migrations. */
export function seedFromTemplate(dir: string, template = TEMPLATE_DIR): boolean {
  if (existsSync(dir) && readdirSync(dir).length > 0) return false;
  if (templateMigrations(template) === null) return false;
  mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  cpSync(template, dir, { recursive: true });
  return true;
}

/** Makes the template afresh: a new cluster, every migration, closed cleanly. */
export async function makeTemplate(template = TEMPLATE_DIR): Promise<void> {
  rmSync(template, { recursive: true, force: true });
  rmSync(manifestFile(template), { force: true });
  mkdirSync(template, { recursive: true });
  const pglite = await PGlite.create(template);
  const sql: SqlRunner = {
    exec: async (text) => {
      await pglite.exec(text);
    },
    query: async (text, params) => (await pglite.query<Record<string, unknown>>(text, params as unknown[])).rows,
    withLock: async (_key, fn) => fn(),
    tryLock: async (_key, fn) => fn(),
  };
  await applyMigrations(sql);
  await pglite.exec('CHECKPOINT');
  await pglite.close();
  const manifest: Manifest = { migrations: readMigrations().map(({ name, checksum }) => ({ name, checksum })) };
  writeFileSync(manifestFile(template), JSON.stringify(manifest, null, 2));
}
