/**
 * The embedded database's template: a PGlite data folder with every migration applied, made once at
 * install time (`npm run build`, run by `npm install`). A new `PGLITE_DIR` starts as a copy of it,
 * which opens in a fraction of the time that creating a cluster and applying the migrations takes.
 * A template made for other migrations than the checked-out ones is ignored (the manifest names
 * them), and migrations added since it was made are applied on open as usual.
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  type Dirent,
} from 'node:fs';
import { copyFile, mkdir, open, readdir, rename, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { fileURLToPath } from 'node:url';
import { applyMigrations, readMigrations, type SqlRunner } from './migrate.js';

export const TEMPLATE_DIR = fileURLToPath(new URL('../../node_modules/.cache/icp-filing/pglite-template', import.meta.url));
const manifestFile = (dir: string) => `${dir}.json`;

/** Bumped when the template's making changes, so that `npm run build` makes it again. */
const FORMAT = 2;

interface Manifest {
  format?: number;
  migrations: { name: string; checksum: string }[];
  /**
   * Files (WAL segments, relative paths) that end in zeros: only the first `data` bytes are copied and
   * the copy is extended to `size` with zeros, which reads back the same.
   */
  zeroTails?: Record<string, { size: number; data: number }>;
}

function readManifest(template: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(manifestFile(template), 'utf8')) as Manifest;
  } catch {
    return null;
  }
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

/** Whether the template has exactly the checked-out migrations and was made the current way. */
export function templateIsCurrent(template = TEMPLATE_DIR): boolean {
  return templateMigrations(template) === readMigrations().length && readManifest(template)?.format === FORMAT;
}

/** The files of a tree, and its folders shortest first, as paths relative to it. */
function listTree(from: string, entries: Dirent[]): { dirs: string[]; files: string[] } {
  const relative = (e: Dirent) => path.relative(from, path.join(e.parentPath, e.name));
  const dirs = entries.filter((e) => e.isDirectory()).map(relative);
  dirs.sort((a, b) => a.length - b.length);
  return { dirs, files: entries.filter((e) => e.isFile()).map(relative) };
}

/** Copies a template folder (see {@link Manifest.zeroTails}), one file after another. */
function copyTreeSync(from: string, to: string): void {
  const tails = readManifest(from)?.zeroTails ?? {};
  const { dirs, files } = listTree(from, readdirSync(from, { recursive: true, withFileTypes: true }));
  mkdirSync(to, { recursive: true });
  for (const d of dirs) mkdirSync(path.join(to, d), { recursive: true });
  for (const file of files) {
    const tail = tails[file];
    if (!tail || statSync(path.join(from, file)).size !== tail.size) {
      copyFileSync(path.join(from, file), path.join(to, file));
      continue;
    }
    const buffer = Buffer.allocUnsafe(tail.data);
    const fd = openSync(path.join(from, file), 'r');
    try {
      readSync(fd, buffer, 0, tail.data, 0);
    } finally {
      closeSync(fd);
    }
    writeFileSync(path.join(to, file), buffer);
    truncateSync(path.join(to, file), tail.size);
  }
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
  copyTreeSync(template, tmp);
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
 * Copies a template folder (see {@link Manifest.zeroTails}), four files at a time (libuv's thread
 * pool): ≈ 3× faster than `fs.promises.cp`, which copies one file after another.
 */
async function copyTree(from: string, to: string, width = 4): Promise<void> {
  const tails = readManifest(from)?.zeroTails ?? {};
  const { dirs, files } = listTree(from, await readdir(from, { recursive: true, withFileTypes: true }));
  await mkdir(to, { recursive: true });
  for (const d of dirs) await mkdir(path.join(to, d), { recursive: true });
  const copyOne = async (file: string) => {
    const tail = tails[file];
    const source = await open(path.join(from, file), 'r');
    try {
      if (!tail || (await source.stat()).size !== tail.size) {
        await source.close();
        await copyFile(path.join(from, file), path.join(to, file));
        return;
      }
      const { buffer } = await source.read(Buffer.allocUnsafe(tail.data), 0, tail.data, 0);
      await writeFile(path.join(to, file), buffer);
      await truncate(path.join(to, file), tail.size);
    } finally {
      await source.close().catch(() => undefined);
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < files.length) await copyOne(files[next++]!);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

/** The background copy into `dir`, if one was started (a failed one is left to `seedFromTemplate`). */
export async function templateCopy(dir: string): Promise<void> {
  await copies.get(path.resolve(dir))?.catch(() => false);
}

/** Databases opened by {@link startEarlyOpen}, by folder, until {@link takeEarlyOpen} claims them. */
const early = new Map<string, Promise<PGlite>>();

/**
 * Opens the embedded database in `dir` (after the template's copy, if one was started) while the
 * application's modules load: PGlite compiles its WebAssembly and boots Postgres alongside, instead
 * of after. `openDatabase` takes it with {@link takeEarlyOpen}.
 */
export function startEarlyOpen(dir: string): void {
  const key = path.resolve(dir);
  if (early.has(key)) return;
  const opening = (async () => {
    await templateCopy(dir);
    seedFromTemplate(dir);
    mkdirSync(dir, { recursive: true });
    const { PGlite } = await import('@electric-sql/pglite');
    return PGlite.create(dir);
  })();
  opening.catch(() => undefined);
  early.set(key, opening);
}

/** The database {@link startEarlyOpen} opened (or is opening) in `dir`, once; undefined if none. */
export function takeEarlyOpen(dir: string): Promise<PGlite> | undefined {
  const key = path.resolve(dir);
  const opening = early.get(key);
  early.delete(key);
  return opening;
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
  // The application uses the `postgres` database only and never creates one: dropping the two
  // template databases takes 600 of the folder's 1,100 files (14 MB) out of every copy.
  await pglite.exec("UPDATE pg_database SET datistemplate = false, datallowconn = false WHERE datname IN ('template0', 'template1')");
  await pglite.exec('DROP DATABASE template0');
  await pglite.exec('DROP DATABASE template1');
  await pglite.exec('CHECKPOINT');
  await pglite.close();
  const manifest: Manifest = {
    format: FORMAT,
    migrations: readMigrations().map(({ name, checksum }) => ({ name, checksum })),
    zeroTails: zeroTails(template),
  };
  writeFileSync(manifestFile(template), JSON.stringify(manifest, null, 2));
}

/** The WAL segments (16 MB, written from the start) and how much of each is not trailing zeros, in 8 KB pages. */
function zeroTails(template: string): Record<string, { size: number; data: number }> {
  const tails: Record<string, { size: number; data: number }> = {};
  const wal = path.join(template, 'pg_wal');
  for (const name of readdirSync(wal)) {
    if (!/^[0-9A-F]{24}$/.test(name)) continue;
    const bytes = readFileSync(path.join(wal, name));
    let end = bytes.length;
    while (end > 0 && bytes[end - 1] === 0) end -= 1;
    const data = Math.min(bytes.length, Math.ceil(end / 8192) * 8192);
    if (data < bytes.length) tails[path.join('pg_wal', name)] = { size: bytes.length, data };
  }
  return tails;
}
