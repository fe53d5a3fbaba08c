import type { Prisma as P } from './generated/prisma/client.js';
import type { Tx } from './db/index.js';

/** One audit-trail entry (personal-data reads, material views, staff and account changes, hosting changes, integration use). */
export interface AuditRecord {
  actorId?: string | null;
  integrationTokenId?: string | null;
  action: string;
  targetType: string;
  targetId: string;
  field?: string | null;
  orderId?: string | null;
  detail?: P.InputJsonValue;
}

/** Writes an audit entry, in the caller's transaction when it gives one. */
export async function audit(db: Pick<Tx, 'auditEntry'>, entry: AuditRecord): Promise<void> {
  await db.auditEntry.create({
    data: {
      actorId: entry.actorId ?? null,
      integrationTokenId: entry.integrationTokenId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      field: entry.field ?? null,
      orderId: entry.orderId ?? null,
      detail: entry.detail,
    },
  });
}
