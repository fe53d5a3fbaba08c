import { builder } from '../builder.js';
import type { Violation } from '../domain/violation.js';
import { actorOf } from '../workflow/engine.js';
import { ownOrder, startFiling, updateFiling } from '../workflow/drafts.js';
import { detectFilingType, type FilingTypeVerdict } from '../workflow/filing-type.js';
import {
  approveInitialReview,
  markMaterialsReceived,
  recordMiitApproval,
  recordMiitRejection,
  rejectInitialReview,
  requestChanges,
  submissionViolations,
  submitOrder,
  submitToMiit,
  withdrawOrder,
} from '../workflow/lifecycle.js';
import { uploadMaterial } from '../workflow/materials.js';
import { resendSmsCode, verifySmsCode } from '../workflow/sms.js';
import { validateFiling } from '../workflow/validate.js';
import { AppKindEnum, CertificateTypeEnum, FilingTypeEnum, FilingVariantEnum, MaterialKindEnum, SubjectNatureEnum } from './enums.js';
import { COMMON_ERRORS, NotFound, ViolationType } from './errors.js';
import { SubjectInput, WebsiteInput } from './filing-inputs.js';
import { MaterialType, OrderType } from './orders.js';
import { WebsiteType } from './websites.js';
import { AppInput, AppType, MiniProgramType, QuickAppType } from './apps.js';
import { isAppItem, withApps } from '../workflow/filing-data.js';
import type { ServiceKind } from '../generated/prisma/enums.js';
import { filingTypeLabel } from './labels.js';

const FilingTypeCheckInput = builder.inputType('FilingTypeCheckInput', {
  description: '验证备案类型: region, nature, certificate and one domain.',
  fields: (t) => ({
    provinceCode: t.string({ description: 'Province module code, e.g. `hubei`.' }),
    nature: t.field({ type: SubjectNatureEnum, description: '主办单位性质.' }),
    certificateType: t.field({ type: CertificateTypeEnum, description: '证件类型.' }),
    certificateNumber: t.string({ description: 'Certificate number.' }),
    domain: t.string({ required: false, description: 'One domain to file, e.g. `example.cn`; leave out to check an APP by `appName`.' }),
    appName: t.string({ required: false, description: 'APP名称 to file (no `domain`): 首次备案 when subject and name are new, 新增 when the subject is filed, refused when the subject has that APP already.' }),
    serviceKind: t.field({ type: AppKindEnum, required: false, description: 'With `appName`: what the name is of (APP when left out).' }),
  }),
});

/** A verdict with the kind of item that was checked (a domain: a website; `appName`: its kind). */
type CheckedVerdict = FilingTypeVerdict & { checkedKind: ServiceKind };

const FilingTypeResult = builder.objectRef<CheckedVerdict>('FilingTypeResult').implement({
  description: 'The filing type the data calls for, or the reasons it cannot be filed (violations).',
  fields: (t) => ({
    filingType: t.field({ type: FilingTypeEnum, nullable: true, description: 'The filing type; null when it cannot be filed now.', resolve: (v) => v.filingType }),
    variant: t.field({ type: FilingVariantEnum, nullable: true, description: 'Flavour of 新增网站 / 接入备案.', resolve: (v) => v.variant }),
    filingTypeLabel: t.string({
      nullable: true,
      description: 'The Chinese label of `filingType` for what was checked, e.g. 首次备案, 新增网站, 新增APP, 新增小程序; null with `filingType`.',
      resolve: (v) => (v.filingType ? filingTypeLabel(v.filingType, [{ action: 'ADD', kind: v.checkedKind }]) : null),
    }),
    domain: t.exposeString('domain', { nullable: true, description: 'The normalised registrable domain.' }),
    violations: t.field({ type: [ViolationType], description: 'Why it cannot be filed now; empty when it can.', resolve: (v) => v.violations }),
  }),
});

const FilingInput = builder.inputType('FilingInput', {
  description: 'Subject and website information of a new-website filing (首次备案, 新增网站, 接入备案).',
  fields: (t) => ({
    subject: t.field({ type: SubjectInput, description: '主体信息.' }),
    websites: t.field({ type: [WebsiteInput], description: 'Websites (the province limits how many).' }),
    apps: t.field({ type: [AppInput], defaultValue: [], description: 'APPs, mini-programs and quick apps (APP备案), filed in the same order; the province limits how many items an order holds.' }),
  }),
});

const FieldCommentInput = builder.inputType('FieldCommentInput', {
  description: 'A reviewer comment on one field (待完善资料).',
  fields: (t) => ({
    field: t.string({ description: 'Field path, e.g. `websites[0].name`.' }),
    comment: t.string({ description: 'What to change.' }),
  }),
});


builder.queryFields((t) => ({
  verifyFilingType: t.field({
    type: FilingTypeResult,
    authScopes: { signedIn: true },
    description: '验证备案类型: which filing type applies, or why the domain/subject cannot be filed now.',
    args: { input: t.arg({ type: FilingTypeCheckInput, description: 'Region, nature, certificate and one domain.' }) },
    resolve: async (_root, { input }, ctx): Promise<CheckedVerdict> => ({
      ...(await detectFilingType(ctx, input)),
      checkedKind: !input.domain && input.appName != null ? (input.serviceKind ?? 'APP') : 'WEBSITE',
    }),
  }),
  validateFiling: t.field({
    type: [ViolationType],
    authScopes: { signedIn: true },
    description: 'Every problem with filing data, before saving it (for the wizard, as the user types).',
    args: { input: t.arg({ type: FilingInput, description: 'The subject and website information.' }) },
    resolve: async (_root, { input }, ctx) => {
      const items = withApps(input).websites;
      const firstApp = input.websites.length ? undefined : items.find(isAppItem);
      const verdict = await detectFilingType(ctx, { ...input.subject, domain: input.websites[0]?.domains[0] ?? (firstApp ? null : ''), appName: firstApp?.name ?? null, serviceKind: firstApp?.kind ?? null });
      if (!verdict.filingType) return verdict.violations;
      return validateFiling(ctx, {
        filingType: verdict.filingType,
        variant: verdict.variant,
        subject: input.subject,
        websites: items,
        subjectId: verdict.subjectId,
        registryRecord: verdict.registryRecord,
      });
    },
  }),
  validateOrder: t.field({
    type: [ViolationType],
    authScopes: { signedIn: true },
    description: "Every problem with a saved order, as its submission would see it (the owner's orders only).",
    args: { orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }) },
    resolve: async (_root, { orderId }, ctx): Promise<Violation[]> => {
      const order = await ownOrder(ctx, orderId.id).catch(() => {
        throw new NotFound('Order');
      });
      return submissionViolations(ctx, order);
    },
  }),
}));

builder.mutationFields((t) => ({
  startFiling: t.field({
    type: OrderType,
    authScopes: { applicant: true },
    errors: { types: COMMON_ERRORS },
    description: 'Detects the filing type, validates the data and saves a draft order (填写中).',
    args: { input: t.arg({ type: FilingInput, description: 'The subject and website information.' }) },
    resolve: (_root, { input }, ctx) => startFiling(ctx, withApps(input)),
  }),
  updateFiling: t.field({
    type: OrderType,
    authScopes: { applicant: true },
    errors: { types: COMMON_ERRORS },
    description: 'Replaces the information of a draft or returned order.',
    args: { orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }), version: t.arg.int({ description: 'The `version` you loaded; a stale one is refused.' }), input: t.arg({ type: FilingInput, description: 'The new subject and website information (replaces the old).' }) },
    resolve: (_root, args, ctx) => updateFiling(ctx, args.orderId.id, args.version, withApps(args.input)),
  }),
  submitOrder: t.field({
    type: OrderType,
    authScopes: { applicant: true },
    errors: { types: COMMON_ERRORS },
    description: 'Validates and submits the order to initial review (提交初审).',
    args: { orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }), version: t.arg.int({ description: 'The `version` you loaded; a stale one is refused.' }) },
    resolve: (_root, args, ctx) => submitOrder(ctx, args.orderId.id, args.version),
  }),
  withdrawOrder: t.field({
    type: OrderType,
    authScopes: { applicant: true },
    errors: { types: COMMON_ERRORS },
    description: '撤销: withdraws the order before the 管局 stage.',
    args: { orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }), version: t.arg.int({ description: 'The `version` you loaded; a stale one is refused.' }), reason: t.arg.string({ required: false, description: 'Why, for the history.' }) },
    resolve: (_root, args, ctx) => withdrawOrder(ctx, args.orderId.id, args.version, args.reason ?? null),
  }),
  uploadMaterial: t.field({
    type: MaterialType,
    authScopes: { applicant: true },
    errors: { types: COMMON_ERRORS },
    description: 'Uploads one document image (jpg, ≤ 5 MB) with the GraphQL multipart request; it is checked for authenticity.',
    args: {
      orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }),
      kind: t.arg({ type: MaterialKindEnum, description: 'What the document is.' }),
      websiteId: t.arg.globalID({
        for: [WebsiteType, AppType, MiniProgramType, QuickAppType],
        required: false,
        description: 'The website or APP it belongs to, for their documents (an `APP_ICON` needs its APP).',
      }),
      documentCode: t.arg.string({ required: false, description: 'The province document this file is, e.g. `GUANGDONG_COMMITMENT_LETTER`.' }),
      file: t.arg({ type: 'File', description: 'The image, as a multipart file part.' }),
    },
    resolve: async (_root, args, ctx) => {
      const material = await uploadMaterial(ctx, {
        orderId: args.orderId.id,
        kind: args.kind,
        websiteId: args.websiteId?.id ?? null,
        documentCode: args.documentCode,
        file: args.file,
      });
      return { ...material, order: { ownerId: ctx.viewer!.accountId } };
    },
  }),
  verifySmsCode: t.field({
    type: OrderType,
    authScopes: { applicant: true },
    errors: { types: COMMON_ERRORS },
    description: '短信核验: the code sent to `mobile`, with the last characters of that person’s certificate number.',
    args: {
      orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }),
      mobile: t.arg.string({ description: 'The full mobile number the code went to.' }),
      code: t.arg.string({ description: 'The 6-digit code.' }),
      certificateSuffix: t.arg.string({ description: 'Usually the last 6 characters of the certificate number.' }),
    },
    resolve: async (_root, args, ctx) => {
      await verifySmsCode(ctx, { orderId: args.orderId.id, mobile: args.mobile, code: args.code, certificateSuffix: args.certificateSuffix, actor: actorOf(ctx) });
      return ctx.db.prisma.order.findUniqueOrThrow({ where: { id: args.orderId.id } });
    },
  }),
  resendSmsCode: t.field({
    type: OrderType,
    authScopes: { applicant: true },
    errors: { types: COMMON_ERRORS },
    description: 'Sends the SMS code again (after the resend interval, at most the allowed number of times).',
    args: { orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }), mobile: t.arg.string({ description: 'The full mobile number.' }) },
    resolve: async (_root, args, ctx) => {
      await resendSmsCode(ctx, { orderId: args.orderId.id, mobile: args.mobile, actor: actorOf(ctx) });
      return ctx.db.prisma.order.findUniqueOrThrow({ where: { id: args.orderId.id } });
    },
  }),
  approveInitialReview: t.field({
    type: OrderType,
    authScopes: { reviewer: true },
    errors: { types: COMMON_ERRORS },
    description: '初审通过. With `requireMailedMaterials` the order waits for mailed documents first.',
    args: { orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }), version: t.arg.int({ description: 'The `version` you loaded; a stale one is refused.' }), requireMailedMaterials: t.arg.boolean({ defaultValue: false, description: 'Wait for mailed documents (邮寄资料) before going on.' }) },
    resolve: (_root, args, ctx) => approveInitialReview(ctx, args.orderId.id, args.version, args.requireMailedMaterials ?? false),
  }),
  rejectInitialReview: t.field({
    type: OrderType,
    authScopes: { reviewer: true },
    errors: { types: COMMON_ERRORS },
    description: '初审驳回 (reason required).',
    args: { orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }), version: t.arg.int({ description: 'The `version` you loaded; a stale one is refused.' }), reason: t.arg.string({ description: 'Why, shown to the applicant (required).' }) },
    resolve: (_root, args, ctx) => rejectInitialReview(ctx, args.orderId.id, args.version, args.reason),
  }),
  requestChanges: t.field({
    type: OrderType,
    authScopes: { reviewer: true },
    errors: { types: COMMON_ERRORS },
    description: '待完善资料: return the order with per-field comments.',
    args: { orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }), version: t.arg.int({ description: 'The `version` you loaded; a stale one is refused.' }), reason: t.arg.string({ description: 'Why, shown to the applicant (required).' }), comments: t.arg({ type: [FieldCommentInput], description: 'What to change, per field.' }) },
    resolve: (_root, args, ctx) => requestChanges(ctx, args.orderId.id, args.version, args.reason, args.comments),
  }),
  markMaterialsReceived: t.field({
    type: OrderType,
    authScopes: { reviewer: true },
    errors: { types: COMMON_ERRORS },
    description: '资料已收到: the mailed documents arrived; the order goes on to SMS verification or the 管局.',
    args: { orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }), version: t.arg.int({ description: 'The `version` you loaded; a stale one is refused.' }) },
    resolve: (_root, args, ctx) => markMaterialsReceived(ctx, args.orderId.id, args.version),
  }),
  submitToMiit: t.field({
    type: OrderType,
    authScopes: { reviewer: true },
    errors: { types: COMMON_ERRORS },
    description: '提交管局.',
    args: { orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }), version: t.arg.int({ description: 'The `version` you loaded; a stale one is refused.' }) },
    resolve: (_root, args, ctx) => submitToMiit(ctx, args.orderId.id, args.version),
  }),
  recordMiitApproval: t.field({
    type: OrderType,
    authScopes: { reviewer: true },
    errors: { types: COMMON_ERRORS },
    description: '备案成功: assigns ICP numbers.',
    args: { orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }), version: t.arg.int({ description: 'The `version` you loaded; a stale one is refused.' }) },
    resolve: (_root, args, ctx) => recordMiitApproval(ctx, args.orderId.id, args.version),
  }),
  recordMiitRejection: t.field({
    type: OrderType,
    authScopes: { reviewer: true },
    errors: { types: COMMON_ERRORS },
    description: '管局驳回 (reason required).',
    args: { orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }), version: t.arg.int({ description: 'The `version` you loaded; a stale one is refused.' }), reason: t.arg.string({ description: 'Why, shown to the applicant (required).' }) },
    resolve: (_root, args, ctx) => recordMiitRejection(ctx, args.orderId.id, args.version, args.reason),
  }),
}));
