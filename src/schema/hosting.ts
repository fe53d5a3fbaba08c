import { builder } from '../builder.js';
import { createIntegrationToken, INTEGRATION_SCOPES, type IntegrationScope } from '../auth/integration.js';
import type { Context } from '../context.js';
import type { Prisma as P } from '../generated/prisma/client.js';
import { requestServiceCode, retireInstance, upsertInstances, type HostingActor, type ImportOutcome, type InstanceInput } from '../hosting/instances.js';
import { isUniqueViolation } from '../db/errors.js';
import { national } from '../workflow/violations.js';
import { AccountType } from './accounts.js';
import { BillingModeEnum } from './enums.js';
import { NotFound, ValidationFailed, ViolationType } from './errors.js';
import { canSee } from './visibility.js';

export const ServiceCodeStatusEnum = builder.enumType('ServiceCodeStatus', {
  description: 'Where a 备案服务号 is in its life.',
  values: {
    AVAILABLE: { description: 'Issued; no website uses it yet.' },
    RESERVED: { description: 'A website being filed uses it.' },
    BOUND: { description: 'The website’s filing was approved; the code is bound to it.' },
    RELEASED: { description: 'The website was cancelled or its access cancelled; the code frees its quota slot.' },
  } as const,
});

export const ServiceCodeType = builder.prismaObject('ServiceCode', {
  description: '备案服务号 / 授权码: issued for one hosting instance on the applicant’s request; proves a website is hosted here (产品验证).',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The code to enter as `serviceCode` with `productVerification: SERVICE_CODE`.' }),
    status: t.field({
      type: ServiceCodeStatusEnum,
      description: 'Available, reserved by a website being filed, bound after approval, or released.',
      resolve: (c) => (c.releasedAt ? 'RELEASED' : c.boundAt ? 'BOUND' : c.websiteId ? 'RESERVED' : 'AVAILABLE'),
    }),
    instance: t.relation('serverInstance', { description: 'The instance it was issued for.' }),
    website: t.relation('website', { nullable: true, description: 'The website that uses it, if any.' }),
    issuedAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was issued.' }),
    boundAt: t.expose('boundAt', { type: 'DateTime', nullable: true, description: 'When the website’s filing was approved.' }),
    releasedAt: t.expose('releasedAt', { type: 'DateTime', nullable: true, description: 'When it was released.' }),
  }),
});

export const ServerInstanceType = builder.prismaNode('ServerInstance', {
  id: { field: 'id' },
  description: 'A hosting resource the provider sold to an applicant (云服务器, 轻量应用服务器, 虚拟主机, …); a filing needs one (产品验证).',
  authScopes: (i, ctx) => canSee(ctx, i.ownerId) || !!ctx.integration?.scopes.includes('instances:write'),
  fields: (t) => ({
    instanceId: t.exposeString('instanceId', { description: 'The provider’s instance id; enter it as `serverInstanceId` in website information.' }),
    kind: t.exposeString('kind', { description: 'Instance kind as the provider configures it (HOSTING_INSTANCE_KINDS).' }),
    region: t.exposeString('region', { description: 'The provider’s region, e.g. `cn-wuhan`.' }),
    mainland: t.exposeBoolean('mainland', { description: 'In mainland China; only mainland instances can carry a filing.' }),
    billing: t.expose('billing', { type: BillingModeEnum, description: 'Prepaid (包年包月) or pay-as-you-go (按量付费, cannot carry a filing).' }),
    ipAddresses: t.exposeStringList('ipAddresses', { description: 'Public IP addresses.' }),
    purchasedAt: t.expose('purchasedAt', { type: 'DateTime', nullable: true, description: 'When it was bought.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'When the paid term ends.' }),
    retiredAt: t.expose('retiredAt', { type: 'DateTime', nullable: true, description: 'When it was retired; a retired instance carries no new filing.' }),
    serviceCodeQuota: t.exposeInt('maxServiceCodes', { description: 'How many 备案服务号 (and websites verified with the instance itself) it can carry.' }),
    slotsUsed: t.int({
      description: 'Slots taken by live service codes and by websites verified with the instance itself.',
      resolve: (i, _a, ctx) => ctx.hosting.slotsUsed(i, []),
    }),
    serviceCodes: t.relation('serviceCodes', {
      description: 'Codes issued for it, newest first (at most 100).',
      query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 100 },
    }),
    owner: t.relation('owner', { type: AccountType, description: 'The applicant account that bought it.' }),
    source: t.exposeString('source', { description: 'Who put it here: `admin`, `import`, `integration:<name>` or `cli`.' }),
  }),
});

const InstanceFilter = builder.inputType('ServerInstanceFilter', {
  description: 'Narrows the instance list.',
  fields: (t) => ({
    ownerId: t.globalID({ required: false, for: AccountType, description: 'Staff: instances of one account.' }),
    includeRetired: t.boolean({ required: false, defaultValue: false, description: 'Include retired instances.' }),
    instanceId: t.string({ required: false, description: 'One instance by its provider id.' }),
  }),
});

function instanceWhere(ctx: Context, filter: typeof InstanceFilter.$inferInput | null | undefined): P.ServerInstanceWhereInput {
  const v = ctx.viewer!;
  return {
    ...(v.role === 'APPLICANT' ? { ownerId: v.accountId } : filter?.ownerId ? { ownerId: filter.ownerId.id } : {}),
    ...(filter?.includeRetired ? {} : { retiredAt: null }),
    ...(filter?.instanceId ? { instanceId: filter.instanceId.trim() } : {}),
  };
}

builder.queryFields((t) => ({
  serverInstances: t.prismaConnection({
    type: 'ServerInstance',
    cursor: 'id',
    authScopes: { signedIn: true },
    maxSize: 100,
    defaultSize: 20,
    description: 'Applicants see their own hosting instances (to pick one for 产品验证 or request service codes); staff see all.',
    args: { filter: t.arg({ type: InstanceFilter, required: false, description: 'Which instances.' }) },
    totalCount: (_root, { filter }, ctx) => ctx.db.prisma.serverInstance.count({ where: instanceWhere(ctx, filter) }),
    resolve: (query, _root, { filter }, ctx) =>
      ctx.db.prisma.serverInstance.findMany({ ...query, where: instanceWhere(ctx, filter), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
}));

const InstanceInputType = builder.inputType('ServerInstanceInput', {
  description: 'A hosting instance as admins, bulk imports and the billing system describe it; matched by `instanceId` (registered or updated).',
  fields: (t) => ({
    instanceId: t.string({ description: 'The provider’s instance id, e.g. `i-bp1abc…` (3–64 letters, digits, `. _ : -`).' }),
    ownerEmail: t.string({ description: 'Email of the applicant account that bought it.' }),
    kind: t.string({ required: false, description: 'One of HOSTING_INSTANCE_KINDS (default its first, `ECS`).' }),
    region: t.string({ description: 'The provider’s region, e.g. `cn-wuhan`.' }),
    mainland: t.boolean({ required: false, description: 'In mainland China (default true).' }),
    billing: t.field({ type: BillingModeEnum, description: 'Prepaid or pay-as-you-go.' }),
    ipAddresses: t.stringList({ required: false, description: 'Public IP addresses.' }),
    purchasedAt: t.field({ type: 'DateTime', required: false, description: 'When it was bought.' }),
    expiresAt: t.field({ type: 'DateTime', required: false, description: 'When the paid term ends (required for prepaid instances without `prepaidMonths`).' }),
    prepaidMonths: t.int({ required: false, description: 'Prepaid term bought, in months (when no expiry date is known).' }),
    serviceCodeQuota: t.int({ required: false, description: 'Service codes (and instance-verified websites) it can carry, 1–1000 (default HOSTING_CODES_PER_INSTANCE).' }),
  }),
});

const RejectedRow = builder.objectRef<ImportOutcome['rejected'][number]>('InstanceImportRejection').implement({
  description: 'A row of a bulk import that was not written, with why.',
  fields: (t) => ({
    row: t.exposeInt('row', { description: 'Zero-based position in the input list.' }),
    instanceId: t.exposeString('instanceId', { description: 'The instance id as given.' }),
    violations: t.field({ type: [ViolationType], description: 'The rules it broke.', resolve: (r) => r.violations }),
  }),
});

const ImportResult = builder.objectRef<ImportOutcome>('InstanceImportResult').implement({
  description: 'What a bulk import did: rows are written one by one; invalid rows are listed and nothing of them is written.',
  fields: (t) => ({
    created: t.exposeInt('created', { description: 'Instances registered.' }),
    updated: t.exposeInt('updated', { description: 'Instances that existed and were updated.' }),
    rejected: t.field({ type: [RejectedRow], description: 'Rows refused, with their violations.', resolve: (r) => r.rejected }),
  }),
});

/** Who is changing instances, for the audit trail and the instance's `source`. */
function hostingActor(ctx: Context, source: string): HostingActor {
  if (ctx.integration) return { integrationTokenId: ctx.integration.id, source: `integration:${ctx.integration.name}` };
  return { actorId: ctx.viewer!.accountId, source };
}

const IntegrationScopeEnum = builder.enumType('IntegrationScope', {
  description: 'What an integration token may do.',
  values: Object.fromEntries(
    Object.entries(INTEGRATION_SCOPES).map(([scope, description]) => [scope.replace(':', '_').toUpperCase(), { value: scope, description }]),
  ) as Record<string, { value: IntegrationScope; description: string }>,
});

export const IntegrationTokenType = builder.prismaObject('IntegrationToken', {
  description: 'A machine credential for one of the provider’s systems (e.g. billing pushing instances). Its use is audited.',
  authScopes: { admin: true },
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Token record id (pass to `revokeIntegrationToken`).' }),
    name: t.exposeString('name', { description: 'What system uses it, e.g. `billing`.' }),
    scopes: t.exposeStringList('scopes', { description: 'What it may do, e.g. `instances:write`.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'When it was last presented.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When it was revoked; a revoked token is refused.' }),
  }),
});

const IntegrationTokenPayload = builder.objectRef<{ token: string; id: string }>('IntegrationTokenPayload').implement({
  description: 'A new integration token. The token is shown only here; send it as `Authorization: Bearer <token>`.',
  fields: (t) => ({
    token: t.exposeString('token', { description: 'The secret token (starts with `icpi_`); store it in the calling system.' }),
    integrationToken: t.prismaField({
      type: 'IntegrationToken',
      description: 'The stored record (without the secret).',
      resolve: (query, p, _a, ctx) => ctx.db.prisma.integrationToken.findUniqueOrThrow({ ...query, where: { id: p.id } }),
    }),
  }),
});

builder.queryField('integrationTokens', (t) =>
  t.prismaField({
    type: ['IntegrationToken'],
    authScopes: { admin: true },
    description: 'Admins: the integration tokens, newest first (at most 100).',
    resolve: (query, _r, _a, ctx) => ctx.db.prisma.integrationToken.findMany({ ...query, orderBy: { createdAt: 'desc' }, take: 100 }),
  }),
);

builder.mutationFields((t) => ({
  requestServiceCode: t.prismaField({
    type: 'ServiceCode',
    authScopes: { applicant: true },
    description: 'Applicants: issue a 备案服务号 for one of their instances, within its quota. The instance must be able to carry a filing now.',
    errors: { types: [ValidationFailed, NotFound] },
    args: { instanceId: t.arg.string({ description: 'The provider’s instance id (`ServerInstance.instanceId`).' }) },
    resolve: async (query, _r, args, ctx) => {
      const code = await requestServiceCode(
        { prisma: ctx.db.prisma, hosting: ctx.hosting, config: ctx.config, now: ctx.clock.now() },
        { instanceId: args.instanceId, accountId: ctx.viewer!.accountId },
      );
      return ctx.db.prisma.serviceCode.findUniqueOrThrow({ ...query, where: { id: code.id } });
    },
  }),
  registerServerInstance: t.prismaField({
    type: 'ServerInstance',
    authScopes: { admin: true, integration: 'instances:write' },
    description: 'Admins (or an integration token with `instances:write`): register or update one hosting instance. Audited.',
    errors: { types: [ValidationFailed] },
    args: { input: t.arg({ type: InstanceInputType, description: 'The instance.' }) },
    resolve: async (query, _r, { input }, ctx) => {
      const outcome = await upsertInstances({ prisma: ctx.db.prisma, config: ctx.config }, [input as InstanceInput], hostingActor(ctx, 'admin'), 'input');
      if (outcome.rejected.length) {
        throw new ValidationFailed(outcome.rejected[0]!.violations.map((v) => ({ ...v, field: v.field.replace(/^input\[0\]/, 'input') })));
      }
      return ctx.db.prisma.serverInstance.findUniqueOrThrow({ ...query, where: { instanceId: input.instanceId.trim() } });
    },
  }),
  importServerInstances: t.field({
    type: ImportResult,
    authScopes: { admin: true, integration: 'instances:write' },
    description: 'Admins (or an integration token with `instances:write`, e.g. the billing system): register or update many instances (at most 500). Each written row is audited.',
    errors: { types: [ValidationFailed] },
    args: { instances: t.arg({ type: [InstanceInputType], description: 'The instances, matched by `instanceId`.' }) },
    resolve: async (_r, { instances }, ctx) => {
      if (instances.length > 500) throw new ValidationFailed([national('instances', 'instance-batch-size', '每批最多 500 个实例', 'At most 500 instances per call')]);
      return upsertInstances({ prisma: ctx.db.prisma, config: ctx.config }, instances as InstanceInput[], hostingActor(ctx, 'import'));
    },
  }),
  retireServerInstance: t.prismaField({
    type: 'ServerInstance',
    authScopes: { admin: true, integration: 'instances:write' },
    description: 'Admins (or an integration token with `instances:write`): retire an instance. Its filings stay; it carries no new one. Audited.',
    errors: { types: [NotFound] },
    args: { instanceId: t.arg.string({ description: 'The provider’s instance id.' }) },
    resolve: async (query, _r, args, ctx) => {
      const saved = await retireInstance({ prisma: ctx.db.prisma, now: ctx.clock.now() }, args.instanceId.trim(), hostingActor(ctx, 'admin'));
      return ctx.db.prisma.serverInstance.findUniqueOrThrow({ ...query, where: { id: saved.id } });
    },
  }),
  createIntegrationToken: t.field({
    type: IntegrationTokenPayload,
    authScopes: { admin: true },
    description: 'Admins: create a machine credential with narrow scopes for one of the provider’s systems. The token is shown once. Audited.',
    errors: { types: [ValidationFailed] },
    args: {
      name: t.arg.string({ description: 'What system uses it, unique, e.g. `billing`.' }),
      scopes: t.arg({ type: [IntegrationScopeEnum], description: 'What it may do (at least one).' }),
    },
    resolve: async (_r, args, ctx) => {
      const name = args.name.trim();
      const violations = [];
      if (!/^[a-z0-9][a-z0-9_-]{1,39}$/.test(name)) {
        violations.push(national('name', 'integration-name', '名称须为 2–40 位小写字母、数字、_ 或 -', 'A name is 2–40 lowercase letters, digits, _ or -'));
      }
      if (!args.scopes.length) violations.push(national('scopes', 'integration-scopes', '请至少选择一个权限范围', 'Give the token at least one scope'));
      if (violations.length) throw new ValidationFailed(violations);
      try {
        const { token, row } = await createIntegrationToken(ctx.db.prisma, { name, scopes: args.scopes as IntegrationScope[], createdById: ctx.viewer!.accountId });
        await ctx.db.prisma.auditEntry.create({
          data: { actorId: ctx.viewer!.accountId, action: 'INTEGRATION_TOKEN_CREATED', targetType: 'IntegrationToken', targetId: row.id, detail: { name, scopes: row.scopes } },
        });
        return { token, id: row.id };
      } catch (e) {
        if (isUniqueViolation(e)) throw new ValidationFailed([national('name', 'integration-name-taken', '该名称已被使用', 'This name is taken')]);
        throw e;
      }
    },
  }),
  revokeIntegrationToken: t.prismaField({
    type: 'IntegrationToken',
    authScopes: { admin: true },
    description: 'Admins: revoke an integration token; it is refused from the next request on. Audited.',
    errors: { types: [NotFound] },
    args: { id: t.arg.id({ description: 'The token record id (`IntegrationToken.id`).' }) },
    resolve: async (query, _r, args, ctx) => {
      const id = String(args.id);
      const found = await ctx.db.prisma.integrationToken.findUnique({ where: { id } });
      if (!found) throw new NotFound('Integration token');
      await ctx.db.prisma.$transaction([
        ctx.db.prisma.integrationToken.update({ where: { id }, data: { revokedAt: found.revokedAt ?? ctx.clock.now() } }),
        ctx.db.prisma.auditEntry.create({ data: { actorId: ctx.viewer!.accountId, action: 'INTEGRATION_TOKEN_REVOKED', targetType: 'IntegrationToken', targetId: id } }),
      ]);
      return ctx.db.prisma.integrationToken.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
