import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/**
 * scrypt cost as log2(N). 15 (N = 32768, r = 8: 32 MiB per hash) is the OWASP minimum for interactive
 * sign-in and the default; `PASSWORD_HASH_COST` may raise it (up to 20) and, outside production, lower
 * it for test suites that register thousands of accounts (src/config.ts).
 */
export const DEFAULT_PASSWORD_COST = 15;
export const MIN_PRODUCTION_PASSWORD_COST = 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
/** scrypt needs 128 · N · r bytes of working memory; allow that plus a little. */
const maxmem = (n: number, r = R) => 128 * n * r + 1024 * 1024;

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64), so the cost can be raised later. */
export async function hashPassword(password: string, cost: number = DEFAULT_PASSWORD_COST): Promise<string> {
  const N = 2 ** cost;
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: maxmem(N) });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

interface StoredHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): StoredHash | null {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash || rest.length) return null;
  const parsed = { N: Number(n), r: Number(r), p: Number(p), salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
  if (![parsed.N, parsed.r, parsed.p].every(Number.isSafeInteger) || parsed.hash.length === 0) return null;
  // A hash this server could not have written (or one that would take a gigabyte to check) never matches.
  if (parsed.N < 2 || parsed.N > 2 ** 20 || parsed.r < 1 || parsed.r > 32 || parsed.p < 1 || parsed.p > 16) return null;
  return parsed;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parse(stored);
  if (!h) return false;
  const actual = await scrypt(password, h.salt, h.hash.length, { N: h.N, r: h.r, p: h.p, maxmem: maxmem(h.N, h.r) });
  return actual.length === h.hash.length && timingSafeEqual(actual, h.hash);
}

/** True when a stored hash was made with a lower cost than `cost` (it is rehashed at the next sign-in). */
export function needsRehash(stored: string, cost: number): boolean {
  const h = parse(stored);
  return !h || h.N < 2 ** cost || h.r !== R || h.p !== P;
}
