import { builder } from '../builder.js';
import type { Prisma as P } from '../generated/prisma/client.js';
import { AccountType } from './accounts.js';
import { canSee } from './visibility.js';

/** What an audit entry's stored detail may hold (src/materials/route.ts, src/hosting/instances.ts, src/schema/hosting.ts). */
interface AuditDetail {
  name?: string;
  scopes?: string[];
  material?: string;
  kind?: string;
  instanceId?: string;
  source?: string;
}

const AuditDetailType = builder.objectRef<AuditDetail>('AuditDetail').implement({
  description: 'Further facts of an audit entry (no personal data); each field is set only by the actions it concerns.',
  fields: (t) => ({
    name: t.string({ nullable: true, description: 'INTEGRATION_TOKEN_CREATED: the token’s name.', resolve: (d) => d.name ?? null }),
    scopes: t.stringList({ nullable: true, description: 'INTEGRATION_TOKEN_CREATED: its scopes.', resolve: (d) => (Array.isArray(d.scopes) ? d.scopes : null) }),
    materialId: t.string({ nullable: true, description: 'MATERIAL_VIEWED: the material’s database id.', resolve: (d) => d.material ?? null }),
    materialKind: t.string({ nullable: true, description: 'MATERIAL_VIEWED: what the material is.', resolve: (d) => d.kind ?? null }),
    instanceId: t.string({ nullable: true, description: 'Hosting changes: the provider-side instance id.', resolve: (d) => d.instanceId ?? null }),
    source: t.string({ nullable: true, description: 'Hosting changes: who made it (an admin or an integration).', resolve: (d) => d.source ?? null }),
  }),
});

export const AuditEntryType = builder.prismaNode('AuditEntry', {
  id: { field: 'id' },
  findUnique: (id) => ({ id: BigInt(id) }),
  // Staff only: admins read the whole trail, reviewers an order's entries.
  authScopes: { reviewer: true },
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
    detail: t.field({
      type: AuditDetailType,
      description: 'Further facts (no personal data).',
      resolve: (e) => (e.detail && typeof e.detail === 'object' && !Array.isArray(e.detail) ? (e.detail as AuditDetail) : {}),
    }),
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

function auditWhere(f: typeof AuditFilter.$inferInput | null | undefined): P.AuditEntryWhereInput {
  return {
        ...(f?.action?.length ? { action: { in: f.action } } : {}),
        ...(f?.actorId ? { actorId: f.actorId.id } : {}),
        ...(f?.integrationTokenId ? { integrationTokenId: f.integrationTokenId } : {}),
        ...(f?.targetType ? { targetType: f.targetType } : {}),
        ...(f?.targetId ? { targetId: f.targetId } : {}),
        ...(f?.orderId ? { orderId: f.orderId } : {}),
        ...(f?.from || f?.to ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
      };
}

builder.queryField('auditTrail', (t) =>
  t.prismaConnection({
    type: 'AuditEntry',
    cursor: 'id',
    authScopes: { admin: true },
    maxSize: 100,
    defaultSize: 50,
    description: 'Admins: the audit trail, newest first, filtered.',
    args: { filter: t.arg({ type: AuditFilter, required: false, description: 'Which entries.' }) },
    totalCount: (_r, { filter }, ctx) => ctx.db.prisma.auditEntry.count({ where: auditWhere(filter) }),
    resolve: (query, _r, { filter }, ctx) => ctx.db.prisma.auditEntry.findMany({ ...query, where: auditWhere(filter), orderBy: { id: 'desc' } }),
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
    totalCount: (order, _a, ctx) => ctx.db.prisma.auditEntry.count({ where: { orderId: order.id } }),
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
