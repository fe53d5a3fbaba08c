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
