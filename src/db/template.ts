/**
 * The embedded database's template: a PGlite data folder with every migration applied, made once at
 * install time (`npm run build`, run by `npm install`). A new `PGLITE_DIR` starts as a copy of it,
 * which opens in a fraction of the time that creating a cluster and applying the migrations takes.
 * A template made for other migrations than the checked-out ones is ignored (the manifest names
 * them), and migrations added since it was made are applied on open as usual.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

const isNew = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;
/** A copy is made beside its folder and renamed into place: a copy cut short never looks like a database. */
const partial = (dir: string) => `${path.resolve(dir)}.copying-${process.pid}`;

/** Copies started by {@link startTemplateCopy}, by folder. */
const copies = new Map<string, Promise<boolean>>();

/** Copies the template into `dir` when `dir` is new or empty and the template fits the migrations. */
export function seedFromTemplate(dir: string, template = TEMPLATE_DIR): boolean {
  if (!isNew(dir)) return false;
  if (templateMigrations(template) === null) return false;
  const tmp = partial(dir);
  mkdirSync(path.dirname(tmp), { recursive: true });
  rmSync(tmp, { recursive: true, force: true });
  cpSync(template, tmp, { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return true;
}

/**
 * Starts copying the template into `dir` in the background (same conditions as {@link seedFromTemplate}),
 * so that `npm start` copies while it loads its modules; {@link templateCopy} waits for it.
 */
export function startTemplateCopy(dir: string, template = TEMPLATE_DIR): Promise<boolean> {
  const key = path.resolve(dir);
  let copy = copies.get(key);
  if (!copy) {
    copy = (async () => {
      if (!isNew(dir) || templateMigrations(template) === null) return false;
      const tmp = partial(dir);
      mkdirSync(path.dirname(tmp), { recursive: true });
      await rm(tmp, { recursive: true, force: true });
      await copyTree(template, tmp);
      await rm(dir, { recursive: true, force: true });
      await rename(tmp, dir);
      return true;
    })();
    copies.set(key, copy);
  }
  return copy;
}

/**
 * Copies a folder tree, four files at a time (libuv's thread pool): ≈ 3× faster than `fs.promises.cp`
 * (which copies one file after another) on the template's 1,100 files.
 */
async function copyTree(from: string, to: string, width = 4): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const relative = (e: (typeof entries)[number]) => path.relative(from, path.join(e.parentPath, e.name));
  await mkdir(to, { recursive: true });
  const dirs = entries.filter((e) => e.isDirectory()).map(relative);
  dirs.sort((a, b) => a.length - b.length);
  for (const d of dirs) await mkdir(path.join(to, d), { recursive: true });
  const files = entries.filter((e) => e.isFile()).map(relative);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      await copyFile(path.join(from, file), path.join(to, file));
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}

/** The background copy into `dir`, if one was started (a failed one is left to `seedFromTemplate`). */
export async function templateCopy(dir: string): Promise<void> {
  await copies.get(path.resolve(dir))?.catch(() => false);
}

/** Makes the template afresh: a new cluster, every migration, closed cleanly. */
export async function makeTemplate(template = TEMPLATE_DIR): Promise<void> {
  rmSync(template, { recursive: true, force: true });
  rmSync(manifestFile(template), { force: true });
  mkdirSync(template, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
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
