import { builder } from '../builder.js';
import type { Prisma as P } from '../generated/prisma/client.js';
import { AccountType } from './accounts.js';
import { canSee } from './visibility.js';

export const AuditEntryType = builder.prismaObject('AuditEntry', {
  description:
    'One entry of the audit trail: a reviewer’s read of personal data or of a material, a staff or account change, a hosting change, a use of an integration token.',
  fields: (t) => ({
    sequence: t.string({ description: 'Increasing entry number.', resolve: (e) => e.id.toString() }),
    action: t.exposeString('action', {
      description:
        'What happened: `PERSONAL_DATA_VIEWED`, `MATERIAL_VIEWED`, `ACCOUNT_DISABLED`, `ACCOUNT_ENABLED`, `INSTANCE_REGISTERED`, `INSTANCE_UPDATED`, `INSTANCE_RETIRED`, `INTEGRATION_TOKEN_CREATED`, `INTEGRATION_TOKEN_REVOKED`.',
    }),
    actor: t.relation('actor', { type: AccountType, nullable: true, description: 'The account that acted; null when an integration token did.' }),
    integrationTokenId: t.exposeString('integrationTokenId', { nullable: true, description: 'The integration token that acted, if any.' }),
    targetType: t.exposeString('targetType', { description: 'Kind of thing acted on, e.g. `Person`, `Material`, `ServerInstance`.' }),
    targetId: t.exposeString('targetId', { description: 'Its id.' }),
    field: t.exposeString('field', { nullable: true, description: 'Which field or material kind was read, if any.' }),
    orderId: t.exposeString('orderId', { nullable: true, description: 'The order it is about, if any.' }),
    detail: t.expose('detail', { type: 'JSON', nullable: true, description: 'Further facts (no personal data).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When.' }),
  }),
});

const AuditFilter = builder.inputType('AuditFilter', {
  description: 'Narrows the audit trail; all given conditions must hold.',
  fields: (t) => ({
    action: t.stringList({ required: false, description: 'Only these actions.' }),
    actorId: t.globalID({ required: false, for: AccountType, description: 'Only entries of this account.' }),
    integrationTokenId: t.string({ required: false, description: 'Only entries of this integration token.' }),
    targetType: t.string({ required: false, description: 'Only this kind of target.' }),
    targetId: t.string({ required: false, description: 'Only this target.' }),
    orderId: t.string({ required: false, description: 'Only entries about this order (its database id, as in `AuditEntry.orderId`).' }),
    from: t.field({ type: 'DateTime', required: false, description: 'At or after this time.' }),
    to: t.field({ type: 'DateTime', required: false, description: 'Before this time.' }),
  }),
});

builder.queryField('auditTrail', (t) =>
  t.prismaConnection({
    type: 'AuditEntry',
    cursor: 'id',
    authScopes: { admin: true },
    maxSize: 100,
    defaultSize: 50,
    description: 'Admins: the audit trail, newest first, filtered.',
    args: { filter: t.arg({ type: AuditFilter, required: false, description: 'Which entries.' }) },
    resolve: (query, _r, { filter: f }, ctx) => {
      const where: P.AuditEntryWhereInput = {
        ...(f?.action?.length ? { action: { in: f.action } } : {}),
        ...(f?.actorId ? { actorId: f.actorId.id } : {}),
        ...(f?.integrationTokenId ? { integrationTokenId: f.integrationTokenId } : {}),
        ...(f?.targetType ? { targetType: f.targetType } : {}),
        ...(f?.targetId ? { targetId: f.targetId } : {}),
        ...(f?.orderId ? { orderId: f.orderId } : {}),
        ...(f?.from || f?.to ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
      };
      return ctx.db.prisma.auditEntry.findMany({ ...query, where, orderBy: { id: 'desc' } });
    },
  }),
);

builder.prismaObjectField('Order', 'auditTrail', (t) =>
  t.prismaConnection({
    type: 'AuditEntry',
    cursor: 'id',
    authScopes: { reviewer: true },
    maxSize: 100,
    defaultSize: 50,
    description: 'Reviewers: the audit-trail entries about this order (who viewed its materials and personal data), oldest first.',
    resolve: (query, order, _a, ctx) => ctx.db.prisma.auditEntry.findMany({ ...query, where: { orderId: order.id }, orderBy: { id: 'asc' } }),
  }),
);

builder.prismaObjectField('Material', 'url', (t) =>
  t.string({
    nullable: true,
    select: { order: { select: { ownerId: true } } },
    description:
      'A short-lived signed link (path on this server, MATERIAL_URL_TTL_SECONDS) that serves the file with its content type to the order’s owner or a reviewer. A reviewer’s view is audited when the link is opened.',
    resolve: (m, _a, ctx) => (ctx.viewer && canSee(ctx, m.order.ownerId) ? ctx.materialLinks.sign(m.id, ctx.viewer.accountId, ctx.clock.now()) : null),
  }),
);
