/**
 * The reviewers' queue: claiming, releasing and assigning orders (认领 / 释放 / 分派), counts per
 * status and province in one field, and the wizard's vocabularies.
 */
import { builder } from '../builder.js';
import { ORDER_STATUSES, SUBJECT_NATURES, type OrderStatus } from '../domain/vocabulary.js';
import { allowedCertificateTypes, principalCertificateTypes } from '../validation/certificates.js';
import { WEBSITE_LANGUAGES } from '../validation/languages.js';
import { reassign } from '../workflow/assignment.js';
import { getProvince, type ProvinceModule } from '../../provinces/index.js';
import { AccountType } from './accounts.js';
import { OrderStatusEnum, SubjectNatureEnum } from './enums.js';
import { COMMON_ERRORS } from './errors.js';
import * as L from './labels.js';
import { OrderFilter, orderWhere, OrderType } from './orders.js';
import { ProvinceType } from './provinces.js';

const VERSION = 'The `version` you loaded; a stale one is refused.';

builder.mutationFields((t) => ({
  claimOrder: t.field({
    type: OrderType,
    authScopes: { reviewer: true },
    errors: { types: COMMON_ERRORS },
    description: '认领: the viewer takes an order from the queue. Of two reviewers claiming at once one wins; the other gets a ConflictError.',
    args: { orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }), version: t.arg.int({ description: VERSION }) },
    resolve: (_root, args, ctx) => reassign(ctx, args.orderId.id, args.version, 'claim', ctx.viewer!.accountId),
  }),
  releaseOrder: t.field({
    type: OrderType,
    authScopes: { reviewer: true },
    errors: { types: COMMON_ERRORS },
    description: '释放: gives a claimed order back to the queue (its assignee, or an admin).',
    args: { orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }), version: t.arg.int({ description: VERSION }) },
    resolve: (_root, args, ctx) => reassign(ctx, args.orderId.id, args.version, 'release', null),
  }),
  assignOrder: t.field({
    type: OrderType,
    authScopes: { reviewer: true },
    errors: { types: COMMON_ERRORS },
    description: '分派: gives an order to a reviewer or admin, whoever held it before.',
    args: {
      orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }),
      version: t.arg.int({ description: VERSION }),
      assigneeId: t.arg.globalID({ for: AccountType, description: 'The reviewer or admin to work on it.' }),
    },
    resolve: (_root, args, ctx) => reassign(ctx, args.orderId.id, args.version, 'assign', args.assigneeId.id),
  }),
}));

interface StatusCount {
  status: OrderStatus;
  count: number;
}
interface ProvinceCount {
  province: ProvinceModule;
  byStatus: StatusCount[];
}
interface Counts {
  byStatus: StatusCount[];
  byProvince: ProvinceCount[];
}

const StatusCountType = builder.objectRef<StatusCount>('OrderStatusCount').implement({
  description: 'How many orders are in one status.',
  fields: (t) => ({
    status: t.field({ type: OrderStatusEnum, description: 'The status.', resolve: (c) => c.status }),
    label: t.string({ description: 'Its Chinese label, e.g. 待初审.', resolve: (c) => L.labelOf(L.ORDER_STATUS, c.status) }),
    count: t.exposeInt('count', { description: 'Orders in it.' }),
  }),
});

const sum = (list: StatusCount[]) => list.reduce((n, c) => n + c.count, 0);

const ProvinceCountType = builder.objectRef<ProvinceCount>('ProvinceOrderCount').implement({
  description: 'Orders of one province, per status.',
  fields: (t) => ({
    province: t.field({ type: ProvinceType, description: 'The province module.', resolve: (c) => c.province }),
    total: t.int({ description: 'All its orders that match.', resolve: (c) => sum(c.byStatus) }),
    byStatus: t.field({ type: [StatusCountType], description: 'Per status, statuses without orders left out.', resolve: (c) => c.byStatus }),
  }),
});

const CountsType = builder.objectRef<Counts>('OrderCounts').implement({
  description: 'Order counts for a queue’s tabs: per status, and per province and status.',
  fields: (t) => ({
    total: t.int({ description: 'All orders that match.', resolve: (c) => sum(c.byStatus) }),
    byStatus: t.field({
      type: [StatusCountType],
      description: 'Every status in lifecycle order, with zero where there are none.',
      resolve: (c) => c.byStatus,
    }),
    byProvince: t.field({ type: [ProvinceCountType], description: 'Provinces that have matching orders, by code.', resolve: (c) => c.byProvince }),
  }),
});

builder.queryFields((t) => ({
  orderCounts: t.field({
    type: CountsType,
    authScopes: { signedIn: true },
    description: 'How many orders match, per status and per province, in one read (the same filter as `orders`).',
    args: { filter: t.arg({ type: OrderFilter, required: false, description: 'Which orders to count.' }) },
    resolve: async (_root, { filter }, ctx) => {
      const groups = await ctx.db.prisma.order.groupBy({ by: ['provinceCode', 'status'], where: orderWhere(ctx, filter), _count: { _all: true } });
      const byStatus = ORDER_STATUSES.map((status) => ({
        status,
        count: groups.filter((g) => g.status === status).reduce((n, g) => n + g._count._all, 0),
      }));
      const codes = [...new Set(groups.map((g) => g.provinceCode))].sort();
      const byProvince = codes.flatMap((code) => {
        const province = getProvince(code);
        if (!province) return [];
        const rows = ORDER_STATUSES.map((status) => ({
          status,
          count: groups.find((g) => g.provinceCode === code && g.status === status)?._count._all ?? 0,
        })).filter((c) => c.count > 0);
        return [{ province, byStatus: rows }];
      });
      return { byStatus, byProvince };
    },
  }),
}));

// ─────────────── Vocabularies for the filing wizard ───────────────

interface Entry {
  code: string;
  label: string;
  description: string;
}

const entries = <T extends string>(labels: L.Labels<T>): Entry[] =>
  Object.entries(labels).map(([code, v]) => ({ code, label: (v as readonly [string, string])[0], description: (v as readonly [string, string])[1] }));

const EntryType = builder.objectRef<Entry>('VocabularyEntry').implement({
  description: 'One choice of a drop-down: the code the API exchanges and its Chinese label.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The value to send (an enum value or a language code).' }),
    label: t.exposeString('label', { description: 'Chinese label to show, e.g. 博客/个人空间.' }),
    description: t.exposeString('description', { description: 'What it means, in English.' }),
  }),
});

const NatureType = builder.objectRef<(typeof SUBJECT_NATURES)[number]>('NatureVocabulary').implement({
  description: 'A subject nature and the certificate types a subject of that nature may file with.',
  fields: (t) => ({
    nature: t.field({ type: SubjectNatureEnum, description: 'The nature.', resolve: (n) => n }),
    label: t.string({ description: 'Its Chinese label, e.g. 企业.', resolve: (n) => L.labelOf(L.SUBJECT_NATURE, n) }),
    certificateTypes: t.field({
      type: [EntryType],
      description: 'Certificate types valid for this nature.',
      resolve: (n) => allowedCertificateTypes(n).map((c) => ({ code: c, label: L.CERTIFICATE_TYPE[c][0], description: L.CERTIFICATE_TYPE[c][1] })),
    }),
  }),
});

const VocabulariesType = builder.objectRef<object>('Vocabularies').implement({
  description: 'Every fixed list the filing wizard and the console show, with Chinese labels.',
  fields: (t) => ({
    contentCategories: t.field({ type: [EntryType], description: '网站内容 (`WebsiteInput.contentCategory`).', resolve: () => entries(L.CONTENT_CATEGORY) }),
    serviceTypes: t.field({ type: [EntryType], description: '服务类型 (`WebsiteInput.serviceType`).', resolve: () => entries(L.SERVICE_TYPE) }),
    languages: t.field({
      type: [EntryType],
      description: '网站语言 (`WebsiteInput.languages`).',
      resolve: () => WEBSITE_LANGUAGES.map((l) => ({ code: l.code, label: l.name, description: l.nameEn })),
    }),
    natures: t.field({ type: [NatureType], description: '主办单位性质, each with its certificate types.', resolve: () => [...SUBJECT_NATURES] }),
    principalCertificateTypes: t.field({
      type: [EntryType],
      description: 'Identity documents a 负责人 may hold (`PersonInput.certificateType`).',
      resolve: () => principalCertificateTypes().map((c) => ({ code: c, label: L.CERTIFICATE_TYPE[c][0], description: L.CERTIFICATE_TYPE[c][1] })),
    }),
    preApprovalKinds: t.field({ type: [EntryType], description: '前置审批 industries.', resolve: () => entries(L.PRE_APPROVAL_KIND) }),
    serviceKinds: t.field({ type: [EntryType], description: 'Kinds of service (website, app, …).', resolve: () => entries(L.SERVICE_KIND) }),
    materialKinds: t.field({ type: [EntryType], description: 'Kinds of uploaded documents.', resolve: () => entries(L.MATERIAL_KIND) }),
    filingTypes: t.field({ type: [EntryType], description: '备案类型.', resolve: () => entries(L.FILING_TYPE) }),
    orderStatuses: t.field({ type: [EntryType], description: 'Order statuses in lifecycle order.', resolve: () => entries(L.ORDER_STATUS) }),
  }),
});

builder.queryFields((t) => ({
  vocabularies: t.field({
    type: VocabulariesType,
    description: 'The wizard’s drop-downs: content categories, service types, languages, certificate types per nature, and more, with Chinese labels.',
    resolve: () => ({}),
  }),
}));
