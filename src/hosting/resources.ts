import type { Prisma, Tx } from '../db/index.js';
import type { HostedInstance, HostingResources, IssuedServiceCode } from '../ports.js';

/** Websites that hold a slot of the instance they are verified with. */
const LIVE_WEBSITES = ['DRAFT', 'FILED'] as const;

/** The embedded hosting-resources port: the provider's instances and 备案服务号 in this database. */
export class DatabaseHosting implements HostingResources {
  constructor(private readonly prisma: Prisma) {}

  instance(instanceId: string): Promise<HostedInstance | null> {
    return this.prisma.serverInstance.findUnique({ where: { instanceId } });
  }

  async serviceCode(code: string): Promise<IssuedServiceCode | null> {
    const row = await this.prisma.serviceCode.findUnique({ where: { code }, include: { serverInstance: true } });
    return row ? { id: row.id, code: row.code, websiteId: row.websiteId, releasedAt: row.releasedAt, instance: row.serverInstance } : null;
  }

  async slotsUsed(instance: HostedInstance, except: string[], tx?: Tx): Promise<number> {
    const db = tx ?? this.prisma;
    const [codes, websites] = await Promise.all([
      db.serviceCode.count({
        where: { serverInstanceId: instance.id, releasedAt: null, OR: [{ websiteId: null }, { websiteId: { notIn: except } }] },
      }),
      db.website.count({
        where: { serverInstanceId: instance.id, productVerification: 'SERVER_INSTANCE', status: { in: [...LIVE_WEBSITES] }, id: { notIn: except } },
      }),
    ]);
    return codes + websites;
  }

  async bind(tx: Tx, websiteId: string, at: Date) {
    await tx.serviceCode.updateMany({ where: { websiteId, releasedAt: null, boundAt: null }, data: { boundAt: at } });
  }

  async release(tx: Tx, websiteIds: string[], at: Date) {
    if (!websiteIds.length) return;
    await tx.serviceCode.updateMany({ where: { websiteId: { in: websiteIds }, releasedAt: null }, data: { releasedAt: at } });
  }
}
