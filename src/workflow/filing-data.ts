import type { Prisma as P } from '../generated/prisma/client.js';
import { normaliseCertificateNumber, normaliseMobile } from '../validation/index.js';
import type {
  CertificateType,
  PreApprovalKind,
  ProductVerification,
  ServiceKind,
  SubjectNature,
} from '../generated/prisma/enums.js';

/** A 负责人 as entered. */
export interface PersonData {
  name: string;
  certificateType: CertificateType;
  certificateNumber: string;
  validFrom?: Date | null;
  validTo?: Date | null;
  longTerm: boolean;
  mobile: string;
  phone2?: string | null;
  emergencyPhone?: string | null;
  email: string;
  hkMacauIdentityNumber?: string | null;
}

/** 主体信息 as entered. */
export interface SubjectData {
  provinceCode: string;
  city: string;
  county?: string | null;
  nature: SubjectNature;
  certificateType: CertificateType;
  certificateNumber: string;
  name: string;
  certificateAddress: string;
  communicationAddress: string;
  communicationAddressFinal: boolean;
  investor?: string | null;
  remark?: string | null;
  principal: PersonData;
}

export interface PreApprovalData {
  kind: PreApprovalKind;
  documentNumber: string;
  issuer?: string | null;
}

/** 网站信息 as entered. */
export interface WebsiteData {
  kind?: ServiceKind | null;
  name: string;
  domains: string[];
  homepageUrls: string[];
  contentCategory: string;
  serviceType?: string | null;
  languages: string[];
  remark?: string | null;
  /** The website principal; absent means the subject principal (required for individuals). */
  principal?: PersonData | null;
  serverLocation?: string | null;
  ipAddresses: string[];
  productVerification: ProductVerification;
  /** SERVER_INSTANCE: the provider-side instance id. */
  serverInstanceId?: string | null;
  /** SERVICE_CODE: the 备案服务号. */
  serviceCode?: string | null;
  preApprovals: PreApprovalData[];
}

/** A 负责人 as stored: trimmed, certificate number and phones in their normalised forms. */
export function personRow(p: PersonData) {
  return {
    name: p.name.trim(),
    certificateType: p.certificateType,
    certificateNumber: normaliseCertificateNumber(p.certificateType, p.certificateNumber),
    validFrom: p.validFrom ?? null,
    validTo: p.longTerm ? null : (p.validTo ?? null),
    longTerm: p.longTerm,
    mobile: normaliseMobile(p.mobile) ?? p.mobile.trim(),
    phone2: p.phone2?.trim() || null,
    emergencyPhone: p.emergencyPhone?.trim() ? (normaliseMobile(p.emergencyPhone) ?? p.emergencyPhone.trim()) : null,
    email: p.email.trim().toLowerCase(),
    hkMacauIdentityNumber: p.hkMacauIdentityNumber?.trim() || null,
  };
}

/** 主体信息 as stored (without its principal). */
export function subjectRow(s: SubjectData) {
  return {
    provinceCode: s.provinceCode,
    city: s.city.trim(),
    county: s.county?.trim() || null,
    nature: s.nature,
    certificateType: s.certificateType,
    certificateNumber: normaliseCertificateNumber(s.certificateType, s.certificateNumber),
    name: s.name.trim(),
    certificateAddress: s.certificateAddress.trim(),
    communicationAddress: s.communicationAddress.trim(),
    communicationAddressFinal: s.communicationAddressFinal,
    investor: s.investor?.trim() || null,
    remark: s.remark?.trim() || null,
  };
}

/** What `toWebsiteData` needs of a stored website. */
export const STORED_WEBSITE = {
  principal: true,
  domains: { orderBy: { position: 'asc' } },
  preApprovals: true,
  serverInstance: true,
  serviceCodes: { orderBy: { usedAt: 'desc' } },
} as const satisfies P.WebsiteInclude;

/** A stored subject in the shape it was entered in. */
export function toSubjectData(subject: P.SubjectGetPayload<{ include: { principal: true } }>): SubjectData {
  return { ...subject, principal: { ...subject.principal } };
}

/** A stored website in the shape it was entered in; sharing the subject principal's record means "the subject principal". */
export function toWebsiteData(w: P.WebsiteGetPayload<{ include: typeof STORED_WEBSITE }>, subjectPrincipalId: string): WebsiteData {
  return {
    ...w,
    domains: w.domains.map((d) => d.name),
    principal: w.principalId === subjectPrincipalId ? null : { ...w.principal },
    productVerification: w.productVerification ?? 'SERVER_INSTANCE',
    serverInstanceId: w.serverInstance?.instanceId ?? null,
    serviceCode: w.serviceCodes[0]?.code ?? null,
    preApprovals: w.preApprovals,
  };
}

