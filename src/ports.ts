/**
 * The ports: every system outside this back end that the workflow talks to, declared in one place.
 * Each has an embedded or development implementation so the product runs alone, and a real adapter
 * shape for production:
 * - SMS gateway (短信网关): src/sms/ (development outbox, HTTP relay adapter)
 * - national registry (MIIT 备案系统): src/workflow/registry.ts (embedded, a database table)
 * - authenticity check (真实性核验): src/workflow/materials.ts (development checker)
 * - material storage: src/materials/storage.ts (database, directory on disk)
 * - hosting resources (产品验证): src/hosting/resources.ts (the provider's instances, in the database)
 *
 * This module imports nothing from the workflow or the request context, so neither depends on the
 * other through it.
 */
import type { Tx } from './db/index.js';
import type { AuthenticityResult, BillingMode, CertificateType, MaterialKind, ServiceKind, SubjectNature } from './generated/prisma/enums.js';

export type { Tx } from './db/index.js';

// ───────────── SMS gateway ─────────────

/** One text message to send. */
export interface SmsMessage {
  to: string;
  /** Template id the gateway's provider knows, e.g. `ICP_VERIFICATION_CODE` (src/sms/templates.ts). */
  template: string;
  params: Record<string, string>;
  text: string;
}

/** The port to an SMS provider (短信网关). */
export interface SmsGateway {
  send(message: SmsMessage): Promise<{ messageId: string }>;
  /** Retries what could not be delivered yet (gateways with an outbox); called by the timers. */
  flush?(): Promise<void>;
  close?(): Promise<void>;
}

// ───────────── National registry ─────────────

/** The subject of a national filing, as every record of the registry names it. */
export interface RegistrySubject {
  subjectName: string;
  nature: SubjectNature;
  certificateType: CertificateType;
  certificateNumber: string;
  provinceCode: string;
  subjectIcpNumber: string;
}

/** A filing as the national registry (MIIT's 备案系统) knows it. */
export interface RegistryRecord extends RegistrySubject {
  domain: string;
  websiteName: string;
  websiteIcpNumber: string;
  /** 接入商 hosting the website; null when this platform hosts it. */
  provider: string | null;
}

/** An APP, mini-program or quick-app filing as the national registry knows it. */
export interface RegistryAppRecord extends RegistrySubject {
  kind: Exclude<ServiceKind, 'WEBSITE'>;
  name: string;
  /** e.g. 鄂ICP备2026000001号-2A. */
  icpNumber: string;
  /** 接入商 of the APP's back end; null when this platform hosts it. */
  provider: string | null;
}

/**
 * The port to the national registry. The embedded implementation keeps it in the database: filings
 * approved here are written to it, and filings made through other providers can be loaded into it,
 * so type detection and access filings work without reaching MIIT.
 */
export interface NationalRegistry {
  findByDomain(domain: string): Promise<RegistryRecord | null>;
  findBySubject(certificateType: CertificateType, certificateNumber: string): Promise<RegistryRecord[]>;
  /** Records an approved filing (inside the approving transaction). */
  record(tx: Tx, filing: RegistryRecord): Promise<void>;
  /** The subject's APP, mini-program and quick-app filings, oldest first. */
  findAppsBySubject(certificateType: CertificateType, certificateNumber: string): Promise<RegistryAppRecord[]>;
  /** Records an approved APP filing (inside the approving transaction). */
  recordApp(tx: Tx, filing: RegistryAppRecord): Promise<void>;
}

// ───────────── Authenticity check ─────────────

/**
 * The port to the authenticity check (真实性核验: certificate recognition and face verification) that
 * a provider runs through a third party.
 */
export interface AuthenticityChecker {
  check(input: { kind: MaterialKind; content: Uint8Array; sha256: string }): Promise<{ result: AuthenticityResult; detail?: string }>;
}

// ───────────── Material storage ─────────────

/** Where an uploaded material's bytes live. */
export interface StoredFile {
  /** `database` or `disk`. */
  storage: string;
  /** Key in that storage; null when the bytes are in the material row itself. */
  storageKey: string | null;
  /** Bytes to keep in the material row (database storage), else null. */
  content: Uint8Array<ArrayBuffer> | null;
}

/** The port to material storage: the database (default) or a directory on disk (MATERIAL_STORAGE). */
export interface MaterialStorage {
  readonly kind: string;
  /** Stores the bytes (content-addressed by their SHA-256) and says how to find them again. */
  put(bytes: Uint8Array<ArrayBuffer>, sha256: string): Promise<StoredFile>;
  /** Reads a material's bytes back. */
  get(material: { storage: string; storageKey: string | null; content: Uint8Array | null }): Promise<Uint8Array | null>;
}

// ───────────── Hosting resources ─────────────

/** One of the provider's hosting resources as product verification (产品验证) sees it. */
export interface HostedInstance {
  /** Database id. */
  id: string;
  /** Provider-side instance id, e.g. `i-bp1abc…`. */
  instanceId: string;
  ownerId: string;
  kind: string;
  region: string;
  mainland: boolean;
  billing: BillingMode;
  prepaidMonths: number | null;
  expiresAt: Date | null;
  retiredAt: Date | null;
  maxServiceCodes: number;
}

/** A 备案服务号 and the instance it was issued for. */
export interface IssuedServiceCode {
  id: string;
  code: string;
  websiteId: string | null;
  releasedAt: Date | null;
  instance: HostedInstance;
}

/**
 * The port to the provider's hosting resources (its instances and the 备案服务号 they issue). The
 * embedded implementation keeps them in the database, filled by admins, bulk imports and the
 * provider's billing system through an integration token.
 */
export interface HostingResources {
  instance(instanceId: string): Promise<HostedInstance | null>;
  serviceCode(code: string): Promise<IssuedServiceCode | null>;
  /** Slots of an instance taken by live codes and by websites verified with the instance itself, not counting `except`. */
  slotsUsed(instance: HostedInstance, exceptWebsiteIds: string[], tx?: Tx): Promise<number>;
  /**
   * What a filing's product verification needs, in a fixed number of reads however many websites it
   * has: the named instances with their used slots (websites in `exceptWebsiteIds` not counted) and
   * the named 备案服务号. Unknown ids and codes are left out.
   */
  lookup(args: { instanceIds: string[]; serviceCodes: string[]; exceptWebsiteIds: string[] }): Promise<{
    instances: (HostedInstance & { slotsUsed: number })[];
    serviceCodes: IssuedServiceCode[];
  }>;
  /** A website's filing was approved: its code is bound to it for good. */
  bind(tx: Tx, websiteId: string, at: Date): Promise<void>;
  /** The websites were cancelled or their access cancelled: their codes free their slots. */
  release(tx: Tx, websiteIds: string[], at: Date): Promise<void>;
}
