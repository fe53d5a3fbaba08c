import { createHash, randomBytes } from 'node:crypto';
import type { Database, Prisma } from '../db/index.js';
import type { Role } from '../generated/prisma/client.js';

export interface Viewer {
  accountId: string;
  role: Role;
  sessionId: string;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new bearer token (shown once) and the session row that stores only its hash. */
export function newSession(ttlHours: number, now: Date) {
  const token = randomBytes(32).toString('base64url');
  return { token, data: { tokenHash: sha256(token), expiresAt: new Date(now.getTime() + ttlHours * 3_600_000) } };
}

/** Opens a session and returns its bearer token. */
export async function createSession(prisma: Prisma, accountId: string, ttlHours: number, now: Date) {
  const { token, data } = newSession(ttlHours, now);
  const session = await prisma.session.create({ data: { accountId, ...data } });
  return { token, session };
}

const SESSION_SQL = `SELECT s."id", s."accountId", a."role"::text AS "role",
       (s."revokedAt" IS NOT NULL OR a."disabledAt" IS NOT NULL OR s."expiresAt" <= $2::timestamp(3)) AS "ended"
FROM "Session" s JOIN "Account" a ON a."id" = s."accountId"
WHERE s."tokenHash" = $1`;

/**
 * Resolves a bearer token to its viewer, or null when unknown, expired, revoked or the account is
 * disabled. Every signed-in request starts here: one statement for the session and its account,
 * prepared once per connection, straight on the driver.
 */
export async function resolveSession(db: Pick<Database, 'sql' | 'recorder'>, token: string | null | undefined, now: Date): Promise<Viewer | null> {
  if (!token) return null;
  const started = performance.now();
  const [session] = (await db.sql.query(SESSION_SQL, [sha256(token), now.toISOString()], 'session_viewer')) as {
    id: string;
    accountId: string;
    role: Role;
    ended: boolean;
  }[];
  db.recorder.record({ sql: SESSION_SQL, durationMs: performance.now() - started });
  if (!session || session.ended) return null;
  return { accountId: session.accountId, role: session.role, sessionId: session.id };
}

export async function revokeSession(prisma: Prisma, sessionId: string, now: Date): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** Reads `Authorization: Bearer <token>` (HTTP) or `authorization` / `token` (graphql-ws connection params). */
export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m?.[1] ?? null;
}

/** Of the given session ids, those still valid at `now` (not revoked, not expired, account enabled). */
export async function liveSessionIds(prisma: Prisma, ids: string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  // Expiry is compared here, like resolveSession does: the clock is the app's, not the database's.
  const rows = await prisma.$queryRaw<{ id: string; expiresAt: Date }[]>`
    SELECT s."id", s."expiresAt" FROM "Session" s JOIN "Account" a ON a."id" = s."accountId"
    WHERE s."id" = ANY(${ids}::text[]) AND s."revokedAt" IS NULL AND a."disabledAt" IS NULL`;
  return new Set(rows.filter((r) => r.expiresAt > now).map((r) => r.id));
}
