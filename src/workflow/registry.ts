import type { Prisma } from '../db/index.js';
import type { CertificateType } from '../generated/prisma/enums.js';
import type { NationalRegistry, RegistryAppRecord, RegistryRecord, Tx } from '../ports.js';

export type { NationalRegistry, RegistryAppRecord, RegistryRecord } from '../ports.js';

/** The embedded national registry: a table of filings approved here and filings loaded from elsewhere. */
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

  async findAppsBySubject(certificateType: CertificateType, certificateNumber: string): Promise<RegistryAppRecord[]> {
    const rows = await this.prisma.registryApp.findMany({ where: { certificateType, certificateNumber }, orderBy: { createdAt: 'asc' } });
    return rows.map(({ id: _id, createdAt: _at, ...r }) => ({ ...r, kind: r.kind as RegistryAppRecord['kind'] }));
  }

  async recordApp(tx: Tx, filing: RegistryAppRecord) {
    await tx.registryApp.upsert({ where: { icpNumber: filing.icpNumber }, create: filing, update: filing });
  }
}
