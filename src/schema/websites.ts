import { builder } from '../builder.js';
import type { Context } from '../context.js';
import type { Prisma as P } from '../generated/prisma/client.js';
import { PreApprovalKindEnum, ProductVerificationEnum, ServiceKindEnum, WebsiteStatusEnum } from './enums.js';
import { PersonType } from './people.js';
import { canSee, ownedBy } from './visibility.js';

export const DomainType = builder.prismaObject('Domain', {
  description: 'A registrable domain (主域名) of a website.',
  fields: (t) => ({
    name: t.exposeString('name'),
  }),
});

export const PreApprovalType = builder.prismaObject('PreApproval', {
  description: '前置审批: an industry approval the website holds.',
  fields: (t) => ({
    kind: t.expose('kind', { type: PreApprovalKindEnum }),
    documentNumber: t.exposeString('documentNumber'),
    issuer: t.exposeString('issuer', { nullable: true }),
  }),
});

export const WebsiteType = builder.prismaNode('Website', {
  id: { field: 'id' },
  description: '网站 (or another internet information service: app, mini-program, quick app).',
  authScopes: (w, ctx) => canSee(ctx, w.ownerId),
  fields: (t) => ({
    status: t.expose('status', { type: WebsiteStatusEnum }),
    kind: t.expose('kind', { type: ServiceKindEnum }),
    name: t.exposeString('name'),
    domains: t.relation('domains', { type: DomainType, query: { orderBy: { position: 'asc' } } }),
    homepageUrls: t.exposeStringList('homepageUrls'),
    contentCategory: t.exposeString('contentCategory'),
    serviceType: t.exposeString('serviceType'),
    languages: t.exposeStringList('languages'),
    remark: t.exposeString('remark', { nullable: true }),
    principal: t.relation('principal', { type: PersonType }),
    accessMethod: t.exposeString('accessMethod', { nullable: true, description: '接入方式' }),
    serverLocation: t.exposeString('serverLocation', { nullable: true }),
    ipAddresses: t.exposeStringList('ipAddresses'),
    productVerification: t.expose('productVerification', { type: ProductVerificationEnum, nullable: true }),
    preApprovals: t.relation('preApprovals', { type: PreApprovalType }),
    icpNumber: t.exposeString('icpNumber', { nullable: true }),
    subject: t.relation('subject'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const WebsiteFilter = builder.inputType('WebsiteFilter', {
  fields: (t) => ({
    status: t.field({ type: WebsiteStatusEnum, required: false }),
    domain: t.string({ required: false, description: 'Exact registrable domain.' }),
    nameContains: t.string({ required: false }),
  }),
});

function websiteWhere(ctx: Context, filter: typeof WebsiteFilter.$inferInput | null | undefined): P.WebsiteWhereInput {
  return {
    ...ownedBy(ctx),
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.domain ? { domains: { some: { name: filter.domain.toLowerCase() } } } : {}),
    ...(filter?.nameContains ? { name: { contains: filter.nameContains } } : {}),
  };
}

builder.queryFields((t) => ({
  websites: t.prismaConnection({
    type: 'Website',
    cursor: 'id',
    authScopes: { signedIn: true },
    maxSize: 100,
    defaultSize: 20,
    totalCount: (_root, { filter }, ctx) => ctx.db.prisma.website.count({ where: websiteWhere(ctx, filter) }),
    args: { filter: t.arg({ type: WebsiteFilter, required: false }) },
    resolve: (query, _root, { filter }, ctx) =>
      ctx.db.prisma.website.findMany({ ...query, where: websiteWhere(ctx, filter), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
}));
