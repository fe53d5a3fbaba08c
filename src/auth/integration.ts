import { createHash, randomBytes } from 'node:crypto';
import type { IntegrationCaller } from '../context.js';
import type { Prisma } from '../db/index.js';

/** Integration tokens start with this, so they are never mistaken for session tokens. */
export const INTEGRATION_TOKEN_PREFIX = 'icpi_';

/** What an integration token may do. */
export const INTEGRATION_SCOPES = {
  /** Register, update and retire hosting instances (the provider's billing system). */
  'instances:write': 'Push hosting instances (register, update, retire).',
} as const;

export type IntegrationScope = keyof typeof INTEGRATION_SCOPES;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a token; the plain token is returned once and only its hash is stored. */
export async function createIntegrationToken(prisma: Prisma, args: { name: string; scopes: IntegrationScope[]; createdById: string }) {
  const token = `${INTEGRATION_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = await prisma.integrationToken.create({
    data: { name: args.name, scopes: [...new Set(args.scopes)], createdById: args.createdById, tokenHash: digest(token) },
  });
  return { token, row };
}

/** The integration a bearer token belongs to, if it is a live integration token. */
export async function resolveIntegration(prisma: Prisma, token: string | null, now: Date): Promise<IntegrationCaller | null> {
  if (!token?.startsWith(INTEGRATION_TOKEN_PREFIX)) return null;
  const row = await prisma.integrationToken.findUnique({ where: { tokenHash: digest(token) } });
  if (!row || row.revokedAt) return null;
  await prisma.integrationToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return { id: row.id, name: row.name, scopes: row.scopes };
}
