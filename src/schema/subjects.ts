import { getProvince } from '../../provinces/index.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import type { Prisma as P } from '../generated/prisma/client.js';
import { maskCertificateNumber } from '../validation/index.js';
import { CertificateTypeEnum, SubjectNatureEnum, SubjectStatusEnum } from './enums.js';
import { disclose, PersonType } from './people.js';
import { ProvinceType } from './provinces.js';
import { ownedBy, canSee } from './visibility.js';

export const SubjectType = builder.prismaNode('Subject', {
  id: { field: 'id' },
  description: '主体 / 主办单位: the person or organisation that files websites.',
  authScopes: (s, ctx) => canSee(ctx, s.ownerId),
  fields: (t) => ({
    status: t.expose('status', { type: SubjectStatusEnum }),
    provinceCode: t.exposeString('provinceCode', { description: 'Province module code (pinyin).' }),
    province: t.field({ type: ProvinceType, description: 'The province module whose rules apply.', resolve: (s) => getProvince(s.provinceCode)! }),
    city: t.exposeString('city'),
    county: t.exposeString('county', { nullable: true }),
    nature: t.expose('nature', { type: SubjectNatureEnum }),
    certificateType: t.expose('certificateType', { type: CertificateTypeEnum }),
    certificateNumber: t.string({
      description: 'Masked certificate number; see `certificateNumberFull`.',
      resolve: (s) => (s.nature === 'INDIVIDUAL' ? maskCertificateNumber(s.certificateNumber) : s.certificateNumber),
    }),
    certificateNumberFull: t.string({
      nullable: true,
      description: 'The full number, for the owner and reviewers (a reviewer read is audited).',
      resolve: (s, _a, ctx) => disclose(ctx, s.ownerId, 'Subject', s.id, 'certificateNumber', s.certificateNumber),
    }),
    name: t.exposeString('name'),
    certificateAddress: t.exposeString('certificateAddress'),
    communicationAddress: t.exposeString('communicationAddress'),
    communicationAddressFinal: t.exposeBoolean('communicationAddressFinal', {
      description: '此地址已是最详细地址',
    }),
    investor: t.exposeString('investor', { nullable: true, description: '投资人或主管单位' }),
    remark: t.exposeString('remark', { nullable: true }),
    principal: t.relation('principal', { type: PersonType }),
    icpNumber: t.exposeString('icpNumber', { nullable: true }),
    filedAt: t.expose('filedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    websites: t.relatedConnection('websites', { cursor: 'id', query: { orderBy: { createdAt: 'asc' } } }),
    orders: t.relatedConnection('orders', { cursor: 'id', query: { orderBy: { createdAt: 'desc' } } }),
  }),
});

const SubjectFilter = builder.inputType('SubjectFilter', {
  fields: (t) => ({
    provinceCode: t.string({ required: false }),
    nature: t.field({ type: SubjectNatureEnum, required: false }),
    status: t.field({ type: SubjectStatusEnum, required: false }),
    nameContains: t.string({ required: false }),
  }),
});

function subjectWhere(ctx: Context, filter: typeof SubjectFilter.$inferInput | null | undefined): P.SubjectWhereInput {
  return {
    ...ownedBy(ctx),
    ...(filter?.provinceCode ? { provinceCode: filter.provinceCode } : {}),
    ...(filter?.nature ? { nature: filter.nature } : {}),
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.nameContains ? { name: { contains: filter.nameContains } } : {}),
  };
}

builder.queryFields((t) => ({
  subjects: t.prismaConnection({
    type: 'Subject',
    cursor: 'id',
    authScopes: { signedIn: true },
    maxSize: 100,
    defaultSize: 20,
    totalCount: (_root, { filter }, ctx) => ctx.db.prisma.subject.count({ where: subjectWhere(ctx, filter) }),
    description: "Applicants see their own subjects; reviewers see everyone's.",
    args: { filter: t.arg({ type: SubjectFilter, required: false }) },
    resolve: (query, _root, { filter }, ctx) =>
      ctx.db.prisma.subject.findMany({ ...query, where: subjectWhere(ctx, filter), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
}));
