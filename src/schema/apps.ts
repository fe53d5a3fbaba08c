/**
 * APPs, mini-programs and quick apps (APP备案) in the API: their own types beside `Website`, all
 * implementing `InternetService`; their inputs; and `checkAppName`.
 */
import { checkAppName } from '../../provinces/index.js';
import { builder } from '../builder.js';
import type { AppData, AppPlatformData, AppSdkData } from '../workflow/filing-data.js';
import { AppKindEnum, AppPlatformKindEnum, ContentCategoryEnum, ProductVerificationEnum, SubjectNatureEnum } from './enums.js';
import { ViolationType } from './errors.js';
import { PersonInput, PreApprovalInput } from './filing-inputs.js';
import { InternetServiceType } from './websites.js';
import { province } from './provinces.js';
import { canSee } from './visibility.js';
import { APP_SOURCE } from '../validation/index.js';
import type { Violation } from '../domain/violation.js';

export const AppPlatformType = builder.prismaObject('AppPlatform', {
  description: '平台信息 of an APP (package name, public key, MD5 signature), a mini-program (app id) or a quick app (package name).',
  extensions: { reads: [] },
  fields: (t) => ({
    kind: t.expose('kind', { type: AppPlatformKindEnum, description: 'The platform.' }),
    packageName: t.exposeString('packageName', { nullable: true, description: 'APP: package name (Android), bundle id (iOS), bundle name (HarmonyOS); quick app: package name.' }),
    appId: t.exposeString('appId', { nullable: true, description: 'Mini-program: the host platform’s app id.' }),
    publicKey: t.exposeString('publicKey', { nullable: true, description: 'APP: public key of the signing certificate (white space and PEM armour removed).' }),
    md5Signature: t.exposeString('md5Signature', { nullable: true, description: 'APP: MD5 signature value, 32 upper-case hex digits.' }),
  }),
});

export const AppSdkType = builder.prismaObject('AppSdk', {
  description: 'An SDK service the APP uses.',
  extensions: { reads: [] },
  fields: (t) => ({
    provider: t.exposeString('provider', { description: 'SDK服务厂商.' }),
    type: t.exposeString('type', { description: 'SDK type, e.g. 推送, 统计, 支付.' }),
  }),
});

export const AppDomainType = builder.prismaObject('AppDomain', {
  description: 'A domain the APP’s back end uses (second- to fourth-level).',
  extensions: { reads: [] },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The host name, ASCII lower case, e.g. `api.example.com`.' }),
  }),
});


export const AppType = builder.prismaNode('Website', {
  variant: 'App',
  id: { field: 'id' },
  description: 'APP: a mobile application filed as an internet-information service (seed 003 APP信息); ICP number suffix `-NA`.',
  interfaces: [InternetServiceType],
  extensions: { reads: ['ownerId'] },
  authScopes: (w, ctx) => canSee(ctx, w.ownerId),
  fields: (t) => ({
    homepageUrl: t.string({ nullable: true, description: '首页地址 (optional).', extensions: { reads: ['homepageUrls'] }, resolve: (w) => w.homepageUrls[0] ?? null }),
    platforms: t.relation('appPlatforms', { type: AppPlatformType, description: '平台信息: one entry per platform.', query: { orderBy: { position: 'asc' } } }),
    sdks: t.relation('appSdks', { type: AppSdkType, description: 'SDK services used.', query: { orderBy: { position: 'asc' } } }),
    domains: t.relation('appDomains', { type: AppDomainType, description: 'Domains its back end uses.', query: { orderBy: { position: 'asc' } } }),
  }),
});

export const MiniProgramType = builder.prismaNode('Website', {
  variant: 'MiniProgram',
  id: { field: 'id' },
  description: '小程序: a mini-program filed as an internet-information service; ICP number suffix `-NX`.',
  interfaces: [InternetServiceType],
  extensions: { reads: ['ownerId'] },
  authScopes: (w, ctx) => canSee(ctx, w.ownerId),
  fields: (t) => ({
    homepageUrl: t.string({ nullable: true, description: '首页地址 (optional).', extensions: { reads: ['homepageUrls'] }, resolve: (w) => w.homepageUrls[0] ?? null }),
    platforms: t.relation('appPlatforms', { type: AppPlatformType, description: 'Host platforms with the app id on each.', query: { orderBy: { position: 'asc' } } }),
    domains: t.relation('appDomains', { type: AppDomainType, description: 'Domains its back end uses.', query: { orderBy: { position: 'asc' } } }),
  }),
});

export const QuickAppType = builder.prismaNode('Website', {
  variant: 'QuickApp',
  id: { field: 'id' },
  description: '快应用: a quick app filed as an internet-information service; ICP number suffix `-NK`.',
  interfaces: [InternetServiceType],
  extensions: { reads: ['ownerId'] },
  authScopes: (w, ctx) => canSee(ctx, w.ownerId),
  fields: (t) => ({
    homepageUrl: t.string({ nullable: true, description: '首页地址 (optional).', extensions: { reads: ['homepageUrls'] }, resolve: (w) => w.homepageUrls[0] ?? null }),
    packageName: t.string({
      nullable: true,
      description: 'The quick app’s package name.',
      select: { appPlatforms: { take: 1, orderBy: { position: 'asc' } } },
      extensions: { reads: [] },
      resolve: (w) => w.appPlatforms[0]?.packageName ?? null,
    }),
    platforms: t.relation('appPlatforms', { type: AppPlatformType, description: 'Platform entries (package name).', query: { orderBy: { position: 'asc' } } }),
    domains: t.relation('appDomains', { type: AppDomainType, description: 'Domains its back end uses.', query: { orderBy: { position: 'asc' } } }),
  }),
});

export const AppPlatformInput = builder.inputRef<AppPlatformData>('AppPlatformInput').implement({
  description: '平台信息 of one platform. APP: `packageName`, `publicKey`, `md5Signature`; mini-program: `appId`; quick app: `packageName`.',
  fields: (t) => ({
    kind: t.field({ type: AppPlatformKindEnum, description: 'The platform (APP: ANDROID, IOS, HARMONYOS, OTHER; mini-program: WECHAT, ALIPAY, …; quick app: QUICK_APP_ALLIANCE).' }),
    packageName: t.string({ required: false, description: 'APP: package name / bundle id, e.g. `com.example.notes`; quick app: package name.' }),
    appId: t.string({ required: false, description: 'Mini-program: the app id, e.g. `wx0123456789abcdef`.' }),
    publicKey: t.string({ required: false, description: 'APP: public key of the signing certificate (hex or Base64; PEM armour allowed).' }),
    md5Signature: t.string({ required: false, description: 'APP: MD5 signature value, 32 hex digits (colons allowed).' }),
  }),
});

export const AppSdkInput = builder.inputRef<AppSdkData>('AppSdkInput').implement({
  description: 'An SDK service the APP uses.',
  fields: (t) => ({
    provider: t.string({ description: 'SDK服务厂商.' }),
    type: t.string({ description: 'SDK type, e.g. 推送, 统计, 支付.' }),
  }),
});

export const AppInput = builder.inputRef<AppData>('AppInput').implement({
  description: 'APP信息 of an APP, a mini-program or a quick app (seed 003), filed beside or instead of websites.',
  fields: (t) => ({
    kind: t.field({ type: AppKindEnum, defaultValue: 'APP', description: 'What is filed: an APP, a mini-program or a quick app.' }),
    name: t.string({ description: 'APP名称: the name shown under the icon; unique within the subject (see `checkAppName`).' }),
    homepageUrl: t.string({ required: false, description: '首页地址 (optional).' }),
    contentCategory: t.field({ type: ContentCategoryEnum, description: 'APP服务内容; must fit the subject’s nature.' }),
    languages: t.stringList({ description: 'Language codes, e.g. `zh-Hans`.' }),
    remark: t.string({ required: false, description: '备注: what the APP will offer once filed.' }),
    principal: t.field({ type: PersonInput, required: false, description: 'The internet-information service principal; leave empty for the subject principal.' }),
    platforms: t.field({ type: [AppPlatformInput], description: '平台信息, one entry per platform.' }),
    sdks: t.field({ type: [AppSdkInput], defaultValue: [], description: 'SDK services used.' }),
    domains: t.stringList({ defaultValue: [], description: 'Domains the back end uses: second- to fourth-level, at most 20 (APP), the subject’s own.' }),
    ipAddresses: t.stringList({ defaultValue: [], description: 'IP addresses the domains resolve to on the provider’s servers.' }),
    productVerification: t.field({ type: ProductVerificationEnum, description: '产品验证 method.' }),
    serverInstanceId: t.string({ required: false, description: 'SERVER_INSTANCE: the provider-side instance id.' }),
    serviceCode: t.string({ required: false, description: 'SERVICE_CODE: the 备案服务号.' }),
    preApprovals: t.field({ type: [PreApprovalInput], defaultValue: [], description: '前置审批 held.' }),
  }),
});

builder.queryFields((t) => ({
  checkAppName: t.field({
    type: [ViolationType],
    description:
      'Every problem with an APP, mini-program or quick-app name under the national and the province’s rules for that kind (warnings included); the website-name rules do not apply unless a rule names the kind. Uniqueness within the subject is checked by `verifyFilingType` and `validateFiling`.',
    args: {
      province: t.arg.string({ description: 'Province code, name or abbreviation.' }),
      nature: t.arg({ type: SubjectNatureEnum, description: 'Nature of the subject.' }),
      kind: t.arg({ type: AppKindEnum, defaultValue: 'APP', description: 'What the name is of.' }),
      name: t.arg.string({ description: 'The name as typed.' }),
      subjectName: t.arg.string({ description: 'The subject’s name.' }),
      remark: t.arg.string({ required: false, description: '备注.' }),
      at: t.arg({ type: 'DateTime', required: false, description: 'Day the rules are taken from (default: today).' }),
    },
    resolve: (_root, args, ctx): Violation[] => {
      const out: Violation[] = [];
      if (!args.name.trim()) {
        out.push({ field: 'name', rule: 'national/app-name-required', module: 'national', source: APP_SOURCE.seed003, message: '请填写APP名称', messageEn: 'The APP name is required' });
      }
      const kind = args.kind;
      out.push(...checkAppName({ province: province(args.province).code, nature: args.nature, kind, name: args.name, subjectName: args.subjectName, remark: args.remark, at: args.at ?? ctx.clock.now() }));
      return out;
    },
  }),
}));

