import { builder } from '../builder.js';
import type { Context } from '../context.js';
import type { Prisma as P } from '../generated/prisma/client.js';
import { ContentCategoryEnum, PreApprovalKindEnum, ProductVerificationEnum, ServiceKindEnum, ServiceTypeEnum, WebsiteStatusEnum } from './enums.js';
import { contentCategoryOf, serviceTypeOf } from './proposals.js';
import { PersonType } from './people.js';
import { canSee, ownedBy } from './visibility.js';

export const DomainType = builder.prismaObject('Domain', {
  description: 'A registrable domain (主域名) of a website.',
  extensions: { reads: [] },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Normalised registrable domain, e.g. `example.cn` (Unicode IDNs kept in punycode).' }),
  }),
});

export const PreApprovalType = builder.prismaObject('PreApproval', {
  description: '前置审批: an industry approval the website holds.',
  fields: (t) => ({
    kind: t.expose('kind', { type: PreApprovalKindEnum, description: 'The industry.' }),
    documentNumber: t.exposeString('documentNumber', { description: 'Number of the approval document.' }),
    issuer: t.exposeString('issuer', { nullable: true, description: 'Who issued it.' }),
  }),
});

/** The GraphQL type of each kind of internet-information item. */
export const SERVICE_TYPENAME = { WEBSITE: 'Website', APP: 'App', MINI_PROGRAM: 'MiniProgram', QUICK_APP: 'QuickApp' } as const;

export const InternetServiceType = builder.prismaInterface('Website', {
  variant: 'InternetService',
  description:
    '互联网信息服务: one internet-information item of a subject — a `Website`, an `App`, a `MiniProgram` or a `QuickApp` (seed 003 互联网信息). The fields every kind has; ask `... on App { platforms { kind packageName md5Signature } }` for the rest.',
  // What resolveType reads of the row, for the read models (src/read-models/projection.ts).
  extensions: { reads: ['kind'] },
  resolveType: (w) => SERVICE_TYPENAME[w.kind],
  interfaces: [builder.nodeInterfaceRef()],
  fields: (t) => ({
    status: t.expose('status', { type: WebsiteStatusEnum, description: 'Where the item stands.' }),
    kind: t.expose('kind', { type: ServiceKindEnum, description: 'Kind of service.' }),
    name: t.exposeString('name', { description: '网站名称 / APP名称 (for an APP: the name shown under its icon).' }),
    contentCategory: t.field({ type: ContentCategoryEnum, description: '网站内容 / APP服务内容.', extensions: { reads: ['contentCategory'] }, resolve: (w) => contentCategoryOf(w.contentCategory) }),
    languages: t.exposeStringList('languages', { description: 'Language codes (see `vocabularies.languages`).' }),
    remark: t.exposeString('remark', { nullable: true, description: '备注.' }),
    principal: t.relation('principal', { type: PersonType, description: 'The internet-information service principal (互联网信息服务负责人).' }),
    ipAddresses: t.exposeStringList('ipAddresses', { description: 'Server IP addresses (an APP: those its back-end domains resolve to).' }),
    productVerification: t.expose('productVerification', { type: ProductVerificationEnum, nullable: true, description: '产品验证 method.' }),
    preApprovals: t.relation('preApprovals', { type: PreApprovalType, description: '前置审批 held.' }),
    icpNumber: t.exposeString('icpNumber', { nullable: true, description: 'e.g. 京ICP备12345678号-1 (an APP: -2A, a mini-program -3X, a quick app -4K), once approved; never reused.' }),
    subject: t.relation('subject', { description: 'The subject that filed it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was first entered.' }),
  }),
});

export const WebsiteType = builder.prismaNode('Website', {
  id: { field: 'id' },
  description: '网站 (older orders and lists may also show an APP here with its common fields; `InternetService` tells the kinds apart).',
  interfaces: [InternetServiceType],
  extensions: { reads: ['ownerId'] },
  authScopes: (w, ctx) => canSee(ctx, w.ownerId),
  fields: (t) => ({
    domains: t.relation('domains', { type: DomainType, description: 'Its registrable domains, in the order entered.', query: { orderBy: { position: 'asc' } } }),
    homepageUrls: t.exposeStringList('homepageUrls', { description: 'Homepage URLs.' }),
    serviceType: t.field({ type: ServiceTypeEnum, description: '服务类型.', extensions: { reads: ['serviceType'] }, resolve: (w) => serviceTypeOf(w.serviceType) }),
    accessMethod: t.exposeString('accessMethod', { nullable: true, description: '接入方式' }),
    serverLocation: t.exposeString('serverLocation', { nullable: true, description: 'Where the server stands.' }),
  }),
});

const WebsiteFilter = builder.inputType('WebsiteFilter', {
  description: 'Narrows the website list; all conditions must hold.',
  fields: (t) => ({
    status: t.field({ type: WebsiteStatusEnum, required: false, description: 'Only this status.' }),
    domain: t.string({ required: false, description: 'Exact registrable domain.' }),
    nameContains: t.string({ required: false, description: 'Part of the name.' }),
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
    description: "Applicants see their own websites; reviewers see everyone's.",
    args: { filter: t.arg({ type: WebsiteFilter, required: false, description: 'Which websites.' }) },
    resolve: (query, _root, { filter }, ctx) =>
      ctx.db.prisma.website.findMany({ ...query, where: websiteWhere(ctx, filter), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
}));
