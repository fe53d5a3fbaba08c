import type { Prisma } from '../db/index.js';
import type { CertificateType, SubjectNature } from '../generated/prisma/enums.js';
import type { Tx } from './engine.js';

/** A filing as the national registry (MIIT's 备案系统) knows it. */
export interface RegistryRecord {
  subjectName: string;
  nature: SubjectNature;
  certificateType: CertificateType;
  certificateNumber: string;
  provinceCode: string;
  subjectIcpNumber: string;
  domain: string;
  websiteName: string;
  websiteIcpNumber: string;
  /** 接入商 hosting the website; null when this platform hosts it. */
  provider: string | null;
}

/**
 * The port to the national registry. The embedded implementation keeps it in the database: filings
 * approved here are written to it, and filings made through other providers can be loaded into it
 * (`seedRegistry`), so type detection and access filings work without reaching MIIT.
 */
export interface NationalRegistry {
  findByDomain(domain: string): Promise<RegistryRecord | null>;
  findBySubject(certificateType: CertificateType, certificateNumber: string): Promise<RegistryRecord[]>;
  /** Records an approved filing (inside the approving transaction). */
  record(tx: Tx, filing: RegistryRecord): Promise<void>;
}

export class DatabaseRegistry implements NationalRegistry {
  constructor(private readonly prisma: Prisma) {}

  findByDomain(domain: string) {
    return this.prisma.registryFiling.findUnique({ where: { domain } });
  }

  findBySubject(certificateType: CertificateType, certificateNumber: string) {
    return this.prisma.registryFiling.findMany({ where: { certificateType, certificateNumber }, orderBy: { createdAt: 'asc' } });
  }

  async record(tx: Tx, filing: RegistryRecord) {
    await tx.registryFiling.upsert({ where: { domain: filing.domain }, create: filing, update: filing });
  }
}
