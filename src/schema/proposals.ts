import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import type { PersonData, PreApprovalData, SubjectData, WebsiteData } from '../workflow/filing-data.js';
import { maskCertificateNumber, maskEmail, maskPhone } from '../validation/index.js';
import {
  CertificateTypeEnum,
  ContentCategoryEnum,
  PreApprovalKindEnum,
  ProductVerificationEnum,
  ServiceKindEnum,
  ServiceTypeEnum,
  SubjectNatureEnum,
} from './enums.js';
import { CONTENT_CATEGORY, SERVICE_TYPE } from './labels.js';

const MASKS: Record<string, (v: string) => string> = {
  certificateNumber: maskCertificateNumber,
  hkMacauIdentityNumber: maskCertificateNumber,
  mobile: maskPhone,
  phone2: maskPhone,
  emergencyPhone: maskPhone,
  email: maskEmail,
};

function maskDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskDeep);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, typeof v === 'string' && MASKS[k] ? MASKS[k](v) : maskDeep(v)]),
  );
}

/**
 * A proposed change as stored (subject or website information, people included). Its owner reads
 * it as entered; anyone else (reviewers) reads personal fields masked, as in every other list.
 */
export function proposalFor<T>(ctx: Context, ownerId: string, value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (ctx.viewer?.accountId === ownerId ? value : maskDeep(value)) as T;
}

/** A stored content category or service type that is not (or no longer) in the list reads as OTHER / the default. */
export function contentCategoryOf(code: string): keyof typeof CONTENT_CATEGORY {
  return code in CONTENT_CATEGORY ? (code as keyof typeof CONTENT_CATEGORY) : 'OTHER';
}
export function serviceTypeOf(code: string | null | undefined): keyof typeof SERVICE_TYPE {
  return code && code in SERVICE_TYPE ? (code as keyof typeof SERVICE_TYPE) : 'NON_COMMERCIAL';
}

const date = (d: Date | string | null | undefined) => (d ? new Date(d) : null);

export const PersonProposalType = builder.objectRef<PersonData>('PersonProposal').implement({
  description: 'A 负责人 as proposed in a change filing; personal fields masked for anyone but the owner.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name as on the identity document.' }),
    certificateType: t.field({ type: CertificateTypeEnum, description: 'Identity document type.', resolve: (p) => p.certificateType }),
    certificateNumber: t.exposeString('certificateNumber', { description: 'Identity document number (masked for reviewers).' }),
    validFrom: t.field({ type: 'Date', nullable: true, description: 'First day the document is valid.', resolve: (p) => date(p.validFrom) }),
    validTo: t.field({ type: 'Date', nullable: true, description: 'Last day the document is valid; null when long-term.', resolve: (p) => date(p.validTo) }),
    longTerm: t.boolean({ description: 'The document is valid without end (长期).', resolve: (p) => p.longTerm ?? false }),
    mobile: t.exposeString('mobile', { description: 'Phone 1, which receives SMS codes (masked for reviewers).' }),
    phone2: t.exposeString('phone2', { nullable: true, description: 'Phone 2 (units only; masked for reviewers).' }),
    emergencyPhone: t.exposeString('emergencyPhone', { nullable: true, description: 'Emergency phone (masked for reviewers).' }),
    email: t.exposeString('email', { description: 'Email address (masked for reviewers).' }),
  }),
});

export const SubjectProposalType = builder.objectRef<SubjectData>('SubjectProposal').implement({
  description: 'Subject information proposed by a change filing (变更备案), applied when the 管局 approves.',
  fields: (t) => ({
    provinceCode: t.exposeString('provinceCode', { description: 'Province module code (cannot change).' }),
    city: t.exposeString('city', { description: 'City of the subject.' }),
    county: t.exposeString('county', { nullable: true, description: 'County or district.' }),
    nature: t.field({ type: SubjectNatureEnum, description: 'Nature of the subject (cannot change).', resolve: (s) => s.nature }),
    certificateType: t.field({ type: CertificateTypeEnum, description: 'Certificate type (cannot change).', resolve: (s) => s.certificateType }),
    certificateNumber: t.exposeString('certificateNumber', { description: 'Certificate number (masked for reviewers).' }),
    name: t.exposeString('name', { description: '主办单位或主办人名称.' }),
    certificateAddress: t.exposeString('certificateAddress', { description: '证件住所.' }),
    communicationAddress: t.exposeString('communicationAddress', { description: '通讯地址.' }),
    communicationAddressFinal: t.boolean({ description: '此地址已是最详细地址.', resolve: (s) => s.communicationAddressFinal ?? false }),
    investor: t.exposeString('investor', { nullable: true, description: '投资人或主管单位.' }),
    remark: t.exposeString('remark', { nullable: true, description: '备注.' }),
    principal: t.field({ type: PersonProposalType, description: 'The subject principal.', resolve: (s) => s.principal }),
  }),
});

const PreApprovalProposalType = builder.objectRef<PreApprovalData>('PreApprovalProposal').implement({
  description: 'A 前置审批 as proposed in a change filing.',
  fields: (t) => ({
    kind: t.field({ type: PreApprovalKindEnum, description: 'The industry.', resolve: (p) => p.kind }),
    documentNumber: t.exposeString('documentNumber', { description: 'Number of the approval document.' }),
    issuer: t.exposeString('issuer', { nullable: true, description: 'Who issued it.' }),
  }),
});

export const WebsiteProposalType = builder.objectRef<WebsiteData>('WebsiteProposal').implement({
  description: 'Website information proposed by a change filing (变更备案), applied when the 管局 approves.',
  fields: (t) => ({
    kind: t.field({ type: ServiceKindEnum, description: 'Kind of service.', resolve: (w) => w.kind ?? 'WEBSITE' }),
    name: t.exposeString('name', { description: '网站名称.' }),
    domains: t.exposeStringList('domains', { description: 'Registrable domains (only filed ones can be kept or dropped).' }),
    homepageUrls: t.exposeStringList('homepageUrls', { description: 'Homepage URLs.' }),
    contentCategory: t.field({ type: ContentCategoryEnum, description: '网站内容.', resolve: (w) => contentCategoryOf(w.contentCategory) }),
    serviceType: t.field({ type: ServiceTypeEnum, description: '服务类型.', resolve: (w) => serviceTypeOf(w.serviceType) }),
    languages: t.exposeStringList('languages', { description: 'Language codes (see `vocabularies.languages`).' }),
    remark: t.exposeString('remark', { nullable: true, description: '备注.' }),
    principal: t.field({
      type: PersonProposalType,
      nullable: true,
      description: 'The website principal; null means the subject principal.',
      resolve: (w) => w.principal ?? null,
    }),
    serverLocation: t.exposeString('serverLocation', { nullable: true, description: 'Where the server stands.' }),
    ipAddresses: t.exposeStringList('ipAddresses', { description: 'Server IP addresses.' }),
    productVerification: t.field({ type: ProductVerificationEnum, description: '产品验证 method.', resolve: (w) => w.productVerification }),
    preApprovals: t.field({ type: [PreApprovalProposalType], description: '前置审批 held.', resolve: (w) => w.preApprovals ?? [] }),
  }),
});

/** A reviewer's comment on one field, as stored with the order and in its history. */
export interface FieldComment {
  field: string;
  comment: string;
}

export const FieldCommentType = builder.objectRef<FieldComment>('FieldComment').implement({
  description: 'A reviewer comment on one field (待完善资料).',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'Field path, e.g. `websites[0].name`.' }),
    comment: t.exposeString('comment', { description: 'What to change.' }),
  }),
});

/** The comments of a stored JSON array, skipping anything that is not one. */
export function fieldComments(value: unknown): FieldComment[] {
  if (!Array.isArray(value)) return [];
  return value.filter((c): c is FieldComment => !!c && typeof c.field === 'string' && typeof c.comment === 'string');
}

export const globalId = (type: string, id: string) => encodeGlobalID(type, id);
