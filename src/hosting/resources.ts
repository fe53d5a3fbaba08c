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

  async lookup(args: { instanceIds: string[]; serviceCodes: string[]; exceptWebsiteIds: string[] }) {
    const except = args.exceptWebsiteIds;
    const [instances, codes] = await Promise.all([
      args.instanceIds.length ? this.prisma.serverInstance.findMany({ where: { instanceId: { in: args.instanceIds } } }) : [],
      args.serviceCodes.length ? this.prisma.serviceCode.findMany({ where: { code: { in: args.serviceCodes } }, include: { serverInstance: true } }) : [],
    ]);
    const ids = instances.map((i) => i.id);
    const [codeSlots, websiteSlots] = ids.length
      ? await Promise.all([
          this.prisma.serviceCode.groupBy({
            by: ['serverInstanceId'],
            where: { serverInstanceId: { in: ids }, releasedAt: null, OR: [{ websiteId: null }, { websiteId: { notIn: except } }] },
            _count: { _all: true },
          }),
          this.prisma.website.groupBy({
            by: ['serverInstanceId'],
            where: { serverInstanceId: { in: ids }, productVerification: 'SERVER_INSTANCE', status: { in: [...LIVE_WEBSITES] }, id: { notIn: except } },
            _count: { _all: true },
          }),
        ])
      : [[], []];
    const used = (id: string) =>
      (codeSlots.find((r) => r.serverInstanceId === id)?._count._all ?? 0) + (websiteSlots.find((r) => r.serverInstanceId === id)?._count._all ?? 0);
    return {
      instances: instances.map((i) => ({ ...i, slotsUsed: used(i.id) })),
      serviceCodes: codes.map((row) => ({ id: row.id, code: row.code, websiteId: row.websiteId, releasedAt: row.releasedAt, instance: row.serverInstance })),
    };
  }

  async bind(tx: Tx, websiteId: string, at: Date) {
    await tx.serviceCode.updateMany({ where: { websiteId, releasedAt: null, boundAt: null }, data: { boundAt: at } });
  }

  async release(tx: Tx, websiteIds: string[], at: Date) {
    if (!websiteIds.length) return;
    await tx.serviceCode.updateMany({ where: { websiteId: { in: websiteIds }, releasedAt: null }, data: { releasedAt: at } });
  }
}
