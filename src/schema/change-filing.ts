import { builder } from '../builder.js';
import { appItem } from '../workflow/filing-data.js';
import { AppInput, AppType, MiniProgramType, QuickAppType } from './apps.js';
import { startCancellation, startChangeFiling, updateChangeFiling, type ChangeInput } from '../workflow/change-filing.js';
import { COMMON_ERRORS } from './errors.js';
import { CANCELLATION_TYPE, describedValues } from './labels.js';
import { SubjectInput, WebsiteInput } from './filing-inputs.js';
import { OrderType } from './orders.js';
import { SubjectType } from './subjects.js';
import { WebsiteType } from './websites.js';

const WebsiteChangeInput = builder.inputType('WebsiteChangeInput', {
  description: 'One filed website in a change filing (变更备案).',
  fields: (t) => ({
    websiteId: t.globalID({ for: WebsiteType, description: 'A filed website of the subject.' }),
    change: t.field({
      type: WebsiteInput,
      required: false,
      description:
        'The proposed website information; leave empty to keep the website as filed. Its domains may only keep or drop filed ones (seed 002 §3).',
    }),
  }),
});

const AppChangeInput = builder.inputType('AppChangeInput', {
  description: 'One filed APP, mini-program or quick app in a change filing (变更备案).',
  fields: (t) => ({
    appId: t.globalID({ for: [AppType, MiniProgramType, QuickAppType], description: 'A filed APP, mini-program or quick app of the subject.' }),
    change: t.field({ type: AppInput, required: false, description: 'The proposed APP information; leave empty to keep it as filed.' }),
  }),
});

const changeFields = {
  subject: {
    description: 'The proposed subject information; leave empty to keep it. Certificate, nature and province cannot change.',
  },
  websites: {
    description: 'Websites to change or keep; the subject’s other filed websites are kept and follow in the order’s website list.',
  },
};

const ChangeFilingInput = builder.inputType('ChangeFilingInput', {
  description: '变更备案 of a filed subject: the proposed information, applied only when the 管局 approves.',
  fields: (t) => ({
    subjectId: t.globalID({ for: SubjectType, description: 'The filed subject.' }),
    subject: t.field({ type: SubjectInput, required: false, ...changeFields.subject }),
    websites: t.field({ type: [WebsiteChangeInput], defaultValue: [], ...changeFields.websites }),
    apps: t.field({ type: [AppChangeInput], defaultValue: [], description: 'APPs, mini-programs and quick apps to change (listed after the websites in the order).' }),
  }),
});

const ChangeFilingUpdateInput = builder.inputType('ChangeFilingUpdateInput', {
  description: 'The new proposal of a change filing that is a draft or was returned (it replaces the old one).',
  fields: (t) => ({
    subject: t.field({ type: SubjectInput, required: false, ...changeFields.subject }),
    websites: t.field({ type: [WebsiteChangeInput], defaultValue: [], ...changeFields.websites }),
    apps: t.field({ type: [AppChangeInput], defaultValue: [], description: 'APPs, mini-programs and quick apps to change (listed after the websites in the order).' }),
  }),
});

const CancellationTypeEnum = builder.enumType('CancellationType', {
  description: 'Filings that end what is filed here.',
  values: describedValues(CANCELLATION_TYPE),
});

const CancellationInput = builder.inputType('CancellationInput', {
  description: 'What a cancellation filing ends, and why.',
  fields: (t) => ({
    type: t.field({ type: CancellationTypeEnum, description: 'Which kind of cancellation.' }),
    subjectId: t.globalID({ for: SubjectType, description: 'The filed subject.' }),
    websiteIds: t.globalIDList({
      for: [WebsiteType, AppType, MiniProgramType, QuickAppType],
      defaultValue: [],
      description: 'The websites, APPs, mini-programs or quick apps (注销APP is CANCEL_WEBSITE of an APP); leave empty for CANCEL_SUBJECT.',
    }),
    reason: t.string({ description: 'Why (办理原因), kept in the order history.' }),
  }),
});

function changeInput(input: typeof ChangeFilingUpdateInput.$inferInput): ChangeInput {
  return {
    subject: input.subject,
    websites: [
      ...input.websites.map((w) => ({ websiteId: w.websiteId.id, change: w.change })),
      ...(input.apps ?? []).map((a) => ({ websiteId: a.appId.id, change: a.change ? appItem(a.change) : null })),
    ],
  };
}

builder.mutationFields((t) => ({
  startChangeFiling: t.field({
    type: OrderType,
    authScopes: { applicant: true },
    errors: { types: COMMON_ERRORS },
    description: '变更备案: checks the proposed subject and website information of a filed subject and saves it as a draft order.',
    args: { input: t.arg({ type: ChangeFilingInput, description: 'The subject and the proposal.' }) },
    resolve: (_root, { input }, ctx) => startChangeFiling(ctx, { subjectId: input.subjectId.id, ...changeInput(input) }),
  }),
  updateChangeFiling: t.field({
    type: OrderType,
    authScopes: { applicant: true },
    errors: { types: COMMON_ERRORS },
    description: 'Replaces the proposal of a change filing that is a draft or was returned.',
    args: {
      orderId: t.arg.globalID({ for: OrderType, description: 'The order.' }),
      version: t.arg.int({ description: 'The `version` you loaded; a stale one is refused.' }),
      input: t.arg({ type: ChangeFilingUpdateInput, description: 'The new proposal.' }),
    },
    resolve: (_root, args, ctx) => updateChangeFiling(ctx, args.orderId.id, args.version, changeInput(args.input)),
  }),
  startCancellation: t.field({
    type: OrderType,
    authScopes: { applicant: true },
    errors: { types: COMMON_ERRORS },
    description: '注销主体, 注销网站 or 取消接入 of a filed subject, as a draft order to submit.',
    args: { input: t.arg({ type: CancellationInput, description: 'What to cancel, and why.' }) },
    resolve: (_root, { input }, ctx) =>
      startCancellation(ctx, { type: input.type, subjectId: input.subjectId.id, websiteIds: input.websiteIds.map((w) => w.id), reason: input.reason }),
  }),
}));
