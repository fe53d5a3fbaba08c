import { getProvince } from '../../provinces/index.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import type { Prisma as P } from '../generated/prisma/client.js';
import { maskCertificateNumber } from '../validation/index.js';
import { CertificateTypeEnum, SubjectNatureEnum, SubjectStatusEnum } from './enums.js';
import { disclose, PersonType } from './people.js';
import { ProvinceType } from './provinces.js';
import { InternetServiceType } from './websites.js';
import { ownedBy, canSee } from './visibility.js';

export const SubjectType = builder.prismaNode('Subject', {
  id: { field: 'id' },
  description: '主体 / 主办单位: the person or organisation that files websites.',
  // What the functions below read of the row, for the read models (src/read-models/projection.ts).
  extensions: { reads: ['ownerId'] },
  authScopes: (s, ctx) => canSee(ctx, s.ownerId),
  fields: (t) => ({
    status: t.expose('status', { type: SubjectStatusEnum, description: 'Where the subject stands with MIIT.' }),
    provinceCode: t.exposeString('provinceCode', { description: 'Province module code (pinyin).' }),
    province: t.field({ type: ProvinceType, description: 'The province module whose rules apply.', extensions: { reads: ['provinceCode'] }, resolve: (s) => getProvince(s.provinceCode)! }),
    city: t.exposeString('city', { description: 'City.' }),
    county: t.exposeString('county', { nullable: true, description: 'County or district.' }),
    nature: t.expose('nature', { type: SubjectNatureEnum, description: '主办单位性质.' }),
    certificateType: t.expose('certificateType', { type: CertificateTypeEnum, description: '证件类型.' }),
    certificateNumber: t.string({
      description: 'Masked certificate number; see `certificateNumberFull`.',
      extensions: { reads: ['nature', 'certificateNumber'] },
      resolve: (s) => (s.nature === 'INDIVIDUAL' ? maskCertificateNumber(s.certificateNumber) : s.certificateNumber),
    }),
    certificateNumberFull: t.string({
      nullable: true,
      description: 'The full number, for the owner and reviewers (a reviewer read is audited).',
      extensions: { reads: ['id', 'ownerId', 'certificateNumber'] },
      resolve: (s, _a, ctx) => disclose(ctx, s.ownerId, 'Subject', s.id, 'certificateNumber', s.certificateNumber),
    }),
    name: t.exposeString('name', { description: '主办单位或主办人名称, as on the certificate.' }),
    certificateAddress: t.exposeString('certificateAddress', { description: '证件住所.' }),
    communicationAddress: t.exposeString('communicationAddress', { description: '通讯地址.' }),
    communicationAddressFinal: t.exposeBoolean('communicationAddressFinal', {
      description: '此地址已是最详细地址',
    }),
    investor: t.exposeString('investor', { nullable: true, description: '投资人或主管单位' }),
    remark: t.exposeString('remark', { nullable: true, description: '备注.' }),
    principal: t.relation('principal', { type: PersonType, description: 'The subject principal (负责人).' }),
    icpNumber: t.exposeString('icpNumber', { nullable: true, description: 'e.g. 鄂ICP备2026000001号, once approved; never reused.' }),
    filedAt: t.expose('filedAt', { type: 'DateTime', nullable: true, description: 'When the 管局 first approved it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was first entered.' }),
    websites: t.relatedConnection('websites', { cursor: 'id', totalCount: true, description: 'Its websites, oldest first.', query: { orderBy: { createdAt: 'asc' } } }),
    services: t.relatedConnection('websites', {
      type: InternetServiceType,
      cursor: 'id',
      totalCount: true,
      description: 'Its internet-information items (websites, APPs, mini-programs, quick apps), each as its own type, oldest first.',
      query: { orderBy: { createdAt: 'asc' } },
    }),
    orders: t.relatedConnection('orders', { cursor: 'id', totalCount: true, description: 'Its orders, newest first.', query: { orderBy: { createdAt: 'desc' } } }),
  }),
});

const SubjectFilter = builder.inputType('SubjectFilter', {
  description: 'Narrows the subject list; all conditions must hold.',
  fields: (t) => ({
    provinceCode: t.string({ required: false, description: 'Province module code.' }),
    nature: t.field({ type: SubjectNatureEnum, required: false, description: 'Only this nature.' }),
    status: t.field({ type: SubjectStatusEnum, required: false, description: 'Only this status.' }),
    nameContains: t.string({ required: false, description: 'Part of the name.' }),
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
    args: { filter: t.arg({ type: SubjectFilter, required: false, description: 'Which subjects.' }) },
    resolve: (query, _root, { filter }, ctx) =>
      ctx.db.prisma.subject.findMany({ ...query, where: subjectWhere(ctx, filter), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
}));
