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
 * When none is found the contract suite fails with the list of places searched (the quotes cannot be
 * checked, and a check that silently passes would prove nothing); set `ICP_SEEDS_DIR` to the folder.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SeedLibrary {
  /** The folder, or `undefined` when not found. */
  dir: string | undefined;
  /** The folders looked at, for the failure message. */
  searched: string[];
  /** The text of a seed file, `undefined` when the file does not exist. */
  read(file: string): string | undefined;
}

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
  const cache = new Map<string, string | undefined>();
  return {
    dir,
    searched,
    read(file) {
      if (!dir || file.includes('/') || file.includes('\\')) return undefined;
      if (!cache.has(file)) {
        const path = join(dir, file);
        cache.set(file, existsSync(path) ? readFileSync(path, 'utf8') : undefined);
      }
      return cache.get(file);
    },
  };
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
