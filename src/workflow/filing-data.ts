import type { Prisma as P } from '../generated/prisma/client.js';
import { normaliseCertificateNumber, normaliseMobile } from '../validation/index.js';
import type {
  CertificateType,
  PreApprovalKind,
  ProductVerification,
  ServiceKind,
  SubjectNature,
} from '../generated/prisma/enums.js';
import type { AppPlatformData, AppSdkData } from '../validation/app.js';

export type { AppPlatformData, AppSdkData };

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
  /** APPs, mini-programs and quick apps (`kind` not WEBSITE): 平台信息, one entry per platform. */
  platforms?: AppPlatformData[] | null;
  /** APPs: SDK services used. */
  sdks?: AppSdkData[] | null;
  /** APPs: domains the back end uses (second- to fourth-level); websites use `domains`. */
  appDomains?: string[] | null;
}

/** APP信息 as entered (an APP, a mini-program or a quick app); stored and validated as an item of kind `kind`. */
export interface AppData {
  kind: Exclude<ServiceKind, 'WEBSITE'>;
  name: string;
  /** 首页地址, optional. */
  homepageUrl?: string | null;
  contentCategory: string;
  languages: string[];
  remark?: string | null;
  principal?: PersonData | null;
  platforms: AppPlatformData[];
  sdks: AppSdkData[];
  domains: string[];
  ipAddresses: string[];
  productVerification: ProductVerification;
  serverInstanceId?: string | null;
  serviceCode?: string | null;
  preApprovals: PreApprovalData[];
}

/** An APP as an internet-information item of an order (the shape websites have). */
export function appItem(app: AppData): WebsiteData {
  return {
    kind: app.kind,
    name: app.name,
    domains: [],
    homepageUrls: app.homepageUrl?.trim() ? [app.homepageUrl.trim()] : [],
    contentCategory: app.contentCategory,
    serviceType: 'NON_COMMERCIAL',
    languages: app.languages,
    remark: app.remark,
    principal: app.principal,
    ipAddresses: app.ipAddresses,
    productVerification: app.productVerification,
    serverInstanceId: app.serverInstanceId,
    serviceCode: app.serviceCode,
    preApprovals: app.preApprovals,
    platforms: app.platforms,
    sdks: app.sdks,
    appDomains: app.domains,
  };
}

/** Whether an item is an APP, a mini-program or a quick app rather than a website. */
export function isAppItem(item: Pick<WebsiteData, 'kind'>): boolean {
  return (item.kind ?? 'WEBSITE') !== 'WEBSITE';
}

/** The input path of each item: websites are entered as `websites[i]`, the others as `apps[j]`, in that order. */
export function itemFields(items: readonly Pick<WebsiteData, 'kind'>[]): string[] {
  let websites = 0;
  let apps = 0;
  return items.map((item) => (isAppItem(item) ? `apps[${apps++}]` : `websites[${websites++}]`));
}

/** The websites of an order's input followed by its APPs, as one list of items. */
export function withApps<T extends { websites: WebsiteData[]; apps?: AppData[] | null }>(input: T): Omit<T, 'apps'> & { websites: WebsiteData[] } {
  const { apps, ...rest } = input;
  return { ...rest, websites: [...input.websites, ...(apps ?? []).map(appItem)] };
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

/** What `appItemData` needs of a stored item. */
export const STORED_APP = {
  appPlatforms: { orderBy: { position: 'asc' } },
  appSdks: { orderBy: { position: 'asc' } },
  appDomains: { orderBy: { position: 'asc' } },
} as const satisfies P.WebsiteInclude;

/** A stored item's APP information in the shape it was entered in. */
export function appItemData(w: P.WebsiteGetPayload<{ include: typeof STORED_APP }>): { platforms: WebsiteData['platforms']; sdks: WebsiteData['sdks']; appDomains: string[] | null } {
  if (w.kind === 'WEBSITE') return { platforms: null, sdks: null, appDomains: null };
  return {
    platforms: w.appPlatforms.map((p) => ({ kind: p.kind, packageName: p.packageName, appId: p.appId, publicKey: p.publicKey, md5Signature: p.md5Signature })),
    sdks: w.appSdks.map((s) => ({ provider: s.provider, type: s.type })),
    appDomains: w.appDomains.map((d) => d.name),
  };
}

/** What `toWebsiteData` needs of a stored website. */
export const STORED_WEBSITE = {
  principal: true,
  domains: { orderBy: { position: 'asc' } },
  preApprovals: true,
  serverInstance: true,
  serviceCodes: { orderBy: { usedAt: 'desc' } },
  ...STORED_APP,
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
    ...appItemData(w),
  };
}

