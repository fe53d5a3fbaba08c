import { createHash, randomBytes } from 'node:crypto';
import type { Prisma } from '../db/index.js';
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

/** Resolves a bearer token to its viewer, or null when unknown, expired, revoked or the account is disabled. */
export async function resolveSession(prisma: Prisma, token: string | null | undefined, now: Date): Promise<Viewer | null> {
  if (!token) return null;
  const session = await prisma.session.findUnique({
    where: { tokenHash: sha256(token) },
    include: { account: { select: { role: true, disabledAt: true } } },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || session.account.disabledAt) return null;
  return { accountId: session.accountId, role: session.account.role, sessionId: session.id };
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
