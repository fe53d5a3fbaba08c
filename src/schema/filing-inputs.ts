import { builder } from '../builder.js';
import type { PersonData, PreApprovalData, SubjectData, WebsiteData } from '../workflow/filing-data.js';
import {
  CertificateTypeEnum,
  PreApprovalKindEnum,
  ProductVerificationEnum,
  ServiceKindEnum,
  SubjectNatureEnum,
} from './enums.js';

export const PersonInput = builder.inputRef<PersonData>('PersonInput').implement({
  description: '负责人 details. Phone 1 (`mobile`) receives SMS codes.',
  fields: (t) => ({
    name: t.string(),
    certificateType: t.field({ type: CertificateTypeEnum }),
    certificateNumber: t.string(),
    validFrom: t.field({ type: 'Date', required: false }),
    validTo: t.field({ type: 'Date', required: false, description: 'Leave empty with `longTerm: true` (长期).' }),
    longTerm: t.boolean({ defaultValue: false }),
    mobile: t.string({ description: 'Phone 1: an 11-digit mainland mobile number.' }),
    phone2: t.string({ required: false, description: 'Units only.' }),
    emergencyPhone: t.string({ required: false }),
    email: t.string(),
    hkMacauIdentityNumber: t.string({
      required: false,
      description: 'HK/Macau identity number on the back of a travel permit, e.g. `A123456(7)` (浙江 SMS rule).',
    }),
  }),
});

export const SubjectInput = builder.inputRef<SubjectData>('SubjectInput').implement({
  description: '主体信息.',
  fields: (t) => ({
    provinceCode: t.string({ description: 'Province module code, e.g. `hubei` (see `provinces`).' }),
    city: t.string(),
    county: t.string({ required: false }),
    nature: t.field({ type: SubjectNatureEnum }),
    certificateType: t.field({ type: CertificateTypeEnum }),
    certificateNumber: t.string(),
    name: t.string({ description: '主办单位或主办人名称, exactly as on the certificate.' }),
    certificateAddress: t.string({ description: '证件住所' }),
    communicationAddress: t.string({ description: '通讯地址, to the house number.' }),
    communicationAddressFinal: t.boolean({
      defaultValue: false,
      description: 'Set when the address has no finer detail (此地址已是最详细地址).',
    }),
    investor: t.string({ required: false, description: '投资人或主管单位' }),
    remark: t.string({ required: false }),
    principal: t.field({ type: PersonInput }),
  }),
});

export const PreApprovalInput = builder.inputRef<PreApprovalData>('PreApprovalInput').implement({
  fields: (t) => ({
    kind: t.field({ type: PreApprovalKindEnum }),
    documentNumber: t.string(),
    issuer: t.string({ required: false }),
  }),
});

export const WebsiteInput = builder.inputRef<WebsiteData>('WebsiteInput').implement({
  description: '网站信息.',
  fields: (t) => ({
    kind: t.field({ type: ServiceKindEnum, required: false, defaultValue: 'WEBSITE' }),
    name: t.string(),
    domains: t.stringList({ description: 'Registrable domains (主域名), e.g. `example.cn`.' }),
    homepageUrls: t.stringList(),
    contentCategory: t.string({ description: 'Content category code, e.g. `PERSONAL_BLOG`, `ENTERPRISE_PORTAL`.' }),
    serviceType: t.string({ required: false }),
    languages: t.stringList({ description: 'Language codes, e.g. `zh-Hans`.' }),
    remark: t.string({ required: false, description: '备注: for individuals, what the site is about.' }),
    principal: t.field({
      type: PersonInput,
      required: false,
      description: 'The website principal; leave empty to use the subject principal (required for individuals).',
    }),
    serverLocation: t.string({ required: false }),
    ipAddresses: t.stringList({ defaultValue: [] }),
    productVerification: t.field({ type: ProductVerificationEnum }),
    serverInstanceId: t.string({ required: false }),
    serviceCode: t.string({ required: false }),
    preApprovals: t.field({ type: [PreApprovalInput], defaultValue: [] }),
  }),
});
