import { builder } from '../builder.js';
import type { PersonData, PreApprovalData, SubjectData, WebsiteData } from '../workflow/filing-data.js';
import {
  CertificateTypeEnum,
  ContentCategoryEnum,
  PreApprovalKindEnum,
  ProductVerificationEnum,
  ServiceKindEnum,
  ServiceTypeEnum,
  SubjectNatureEnum,
} from './enums.js';

export const PersonInput = builder.inputRef<PersonData>('PersonInput').implement({
  description: '负责人 details. Phone 1 (`mobile`) receives SMS codes.',
  fields: (t) => ({
    name: t.string({ description: 'Name exactly as on the identity document.' }),
    certificateType: t.field({ type: CertificateTypeEnum, description: 'Identity document type (see `vocabularies.principalCertificateTypes`).' }),
    certificateNumber: t.string({ description: 'Identity document number.' }),
    validFrom: t.field({ type: 'Date', required: false, description: 'First day the document is valid.' }),
    validTo: t.field({ type: 'Date', required: false, description: 'Leave empty with `longTerm: true` (长期).' }),
    longTerm: t.boolean({ defaultValue: false, description: 'The document is valid without end (长期).' }),
    mobile: t.string({ description: 'Phone 1: an 11-digit mainland mobile number.' }),
    phone2: t.string({ required: false, description: 'Units only.' }),
    emergencyPhone: t.string({ required: false, description: 'Emergency phone; unique across subjects.' }),
    email: t.string({ description: 'Email; unique across subjects.' }),
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
    city: t.string({ description: 'City.' }),
    county: t.string({ required: false, description: 'County or district.' }),
    nature: t.field({ type: SubjectNatureEnum, description: '主办单位性质.' }),
    certificateType: t.field({ type: CertificateTypeEnum, description: '证件类型; valid ones per nature in `vocabularies.natures`.' }),
    certificateNumber: t.string({ description: 'Certificate number (resident ID, unified social credit code, …).' }),
    name: t.string({ description: '主办单位或主办人名称, exactly as on the certificate.' }),
    certificateAddress: t.string({ description: '证件住所' }),
    communicationAddress: t.string({ description: '通讯地址, to the house number.' }),
    communicationAddressFinal: t.boolean({
      defaultValue: false,
      description: 'Set when the address has no finer detail (此地址已是最详细地址).',
    }),
    investor: t.string({ required: false, description: '投资人或主管单位' }),
    remark: t.string({ required: false, description: '备注.' }),
    principal: t.field({ type: PersonInput, description: 'The subject principal.' }),
  }),
});

export const PreApprovalInput = builder.inputRef<PreApprovalData>('PreApprovalInput').implement({
  description: 'A 前置审批 the website holds.',
  fields: (t) => ({
    kind: t.field({ type: PreApprovalKindEnum, description: 'The industry.' }),
    documentNumber: t.string({ description: 'Number of the approval document.' }),
    issuer: t.string({ required: false, description: 'Who issued it.' }),
  }),
});

export const WebsiteInput = builder.inputRef<WebsiteData>('WebsiteInput').implement({
  description: '网站信息.',
  fields: (t) => ({
    kind: t.field({ type: ServiceKindEnum, required: false, defaultValue: 'WEBSITE', description: 'Kind of service.' }),
    name: t.string({ description: '网站名称 (see `checkWebsiteName`).' }),
    domains: t.stringList({ description: 'Registrable domains (主域名), e.g. `example.cn`.' }),
    homepageUrls: t.stringList({ description: 'Homepage URLs, e.g. `https://www.example.cn/`.' }),
    contentCategory: t.field({ type: ContentCategoryEnum, description: '网站内容 (see `vocabularies.contentCategories`).' }),
    serviceType: t.field({ type: ServiceTypeEnum, required: false, description: '服务类型; NON_COMMERCIAL when left out.' }),
    languages: t.stringList({ description: 'Language codes, e.g. `zh-Hans` (see `vocabularies.languages`).' }),
    remark: t.string({ required: false, description: '备注: for individuals, what the site is about.' }),
    principal: t.field({
      type: PersonInput,
      required: false,
      description: 'The website principal; leave empty to use the subject principal (required for individuals).',
    }),
    serverLocation: t.string({ required: false, description: 'Where the server stands.' }),
    ipAddresses: t.stringList({ defaultValue: [], description: 'Server IP addresses.' }),
    productVerification: t.field({ type: ProductVerificationEnum, description: '产品验证 method.' }),
    serverInstanceId: t.string({ required: false, description: 'SERVER_INSTANCE: the provider-side instance id.' }),
    serviceCode: t.string({ required: false, description: 'SERVICE_CODE: the 备案服务号.' }),
    preApprovals: t.field({ type: [PreApprovalInput], defaultValue: [], description: '前置审批 held.' }),
  }),
});
