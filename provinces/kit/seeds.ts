/**
 * Where the seed documents (the provider filing guides rules cite as `seed:<file>`) are read from, for the
 * contract suite's checks that every cited seed file exists and that quoted text appears in it.
 *
 * The seeds live outside the repository, in `shared/seeds/` next to the project's domain notes. Looked
 * for, in order:
 * 1. `ICP_SEEDS_DIR`, when set (must be a folder);
 * 2. `shared/seeds` in the repository's parent folder and each folder above it — so a clone in
 *    `/work/main`, a worktree in `/work/wt/i14` and CI's clone with `shared/` beside it all find it.
 *
 * A clone without that folder (a contributor's or a user's fresh machine) checks against
 * `provinces/kit/seeds.manifest.json` instead: the SHA-256 of every seed file and of every quote found in
 * it, written by the contract suite whenever the seeds are at hand (`npx vitest run provinces/contract -u`)
 * and compared with them there, so a stale manifest fails where the seeds are and a citation of an unknown
 * file or an unverified quote fails everywhere.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SeedLibrary {
  /** Where the seeds were found: their folder, or the manifest file; `undefined` when neither was. */
  dir: string | undefined;
  /** Whether `dir` is the checked-in manifest rather than the documents themselves. */
  fromManifest: boolean;
  /** The folders looked at, for the failure message. */
  searched: string[];
  /** Whether the seed file exists. */
  has(file: string): boolean;
  /** Whether `text` appears in the seed file, white space ignored. */
  contains(file: string, text: string): boolean;
}

/** The checked-in record of the seeds: file hashes, and the hashes of the quotes verified in each file. */
export interface SeedManifest {
  files: Record<string, { sha256: string; quotes: string[] }>;
}

export const MANIFEST_PATH = resolve(dirname(fileURLToPath(import.meta.url)), 'seeds.manifest.json');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The hash under which a quote is recorded: of its text with the white space removed. */
export const quoteHash = (text: string) => sha256(squash(text));

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function findSeeds(env: NodeJS.ProcessEnv = process.env, from: string = repoRoot): SeedLibrary {
  const searched: string[] = [];
  let dir: string | undefined;
  if (env.ICP_SEEDS_DIR) {
    searched.push(resolve(env.ICP_SEEDS_DIR));
    if (isDir(resolve(env.ICP_SEEDS_DIR))) dir = resolve(env.ICP_SEEDS_DIR);
  } else {
    for (let at = dirname(from); ; at = dirname(at)) {
      const candidate = join(at, 'shared', 'seeds');
      searched.push(candidate);
      if (isDir(candidate)) {
        dir = candidate;
        break;
      }
      if (dirname(at) === at) break;
    }
  }
  if (!dir) return manifestLibrary(searched);
  const folder = dir;
  const cache = new Map<string, string | undefined>();
  const read = (file: string) => {
    if (file.includes('/') || file.includes('\\')) return undefined;
    if (!cache.has(file)) {
      const path = join(folder, file);
      cache.set(file, existsSync(path) ? readFileSync(path, 'utf8') : undefined);
    }
    return cache.get(file);
  };
  return {
    dir,
    fromManifest: false,
    searched,
    has: (file) => read(file) !== undefined,
    contains: (file, text) => squash(read(file) ?? '').includes(squash(text)),
  };
}

function manifestLibrary(searched: string[]): SeedLibrary {
  searched.push(MANIFEST_PATH);
  if (!existsSync(MANIFEST_PATH)) return { dir: undefined, fromManifest: true, searched, has: () => false, contains: () => false };
  const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as SeedManifest;
  return {
    dir: MANIFEST_PATH,
    fromManifest: true,
    searched,
    has: (file) => Object.hasOwn(manifest.files, file),
    contains: (file, text) => manifest.files[file]?.quotes.includes(quoteHash(text)) ?? false,
  };
}

/**
 * The manifest of a seeds folder: every file's hash, and for each file the hashes of the quoted texts
 * (`quotes`, by file) that appear in it. Quotes that do not appear are left out (the contract reports them).
 */
export function buildManifest(dir: string, quotes: Map<string, Set<string>>): SeedManifest {
  const files: SeedManifest['files'] = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.txt')).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    const found = [...(quotes.get(file) ?? [])].filter((quote) => squash(text).includes(squash(quote)));
    files[file] = { sha256: sha256(text), quotes: [...new Set(found.map(quoteHash))].sort() };
  }
  return { files };
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Text compared with every white-space character removed (the seeds wrap lines inside words). */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
