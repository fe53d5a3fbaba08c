/**
 * Loads the {@link AppFacts} the APP rules need, in two queries: the subject's other APP names, and
 * who holds the registrable domains the APPs' back ends use (this platform's websites and the
 * national registry).
 */
import type { PrismaClient } from '../generated/prisma/client.js';
import type { CertificateType } from '../generated/prisma/enums.js';
import { normaliseCertificateNumber, parseAppDomain } from '../validation/index.js';
import { appNameKey, registrableOf, type AppFacts } from './app-rules.js';
import { isAppItem, type WebsiteData } from './filing-data.js';
import { IN_PROGRESS } from './transitions.js';

export interface AppFactsQuery {
  subjectId: string | null;
  certificateType: CertificateType;
  certificateNumber: string;
  /** The order being edited or filed: its own items do not count as taken. */
  orderId?: string | null;
  /** Items the order holds already (a change filing's APP keeps its own name). */
  ownItemIds?: readonly string[];
  items: readonly WebsiteData[];
  /** Submission: load which of the order's items have their icon. */
  submitting?: boolean;
}

export async function loadAppFacts(prisma: PrismaClient, q: AppFactsQuery): Promise<AppFacts> {
  const apps = q.items.filter(isAppItem);
  if (apps.length === 0) return { appNamesTakenInSubject: new Set(), domainsOfOtherSubjects: new Set() };
  const domains = [
    ...new Set(
      apps.flatMap((a) => (a.appDomains ?? []).map((d) => parseAppDomain(d, 'domain').hostname).filter((h): h is string => !!h).map(registrableOf)),
    ),
  ];
  const certificateNumber = normaliseCertificateNumber(q.certificateType, q.certificateNumber);
  const [taken, local, registry, icons, elsewhere] = await Promise.all([
    q.subjectId
      ? prisma.website.findMany({
          where: {
            subjectId: q.subjectId,
            kind: { not: 'WEBSITE' },
            id: { notIn: [...(q.ownItemIds ?? [])] },
            OR: [
              { status: 'FILED' },
              { status: 'DRAFT', orders: { some: { order: { status: { in: [...IN_PROGRESS] }, ...(q.orderId ? { id: { not: q.orderId } } : {}) } } } },
            ],
          },
          select: { kind: true, name: true },
        })
      : Promise.resolve([]),
    domains.length
      ? prisma.domain.findMany({ where: { name: { in: domains } }, select: { name: true, website: { select: { subject: { select: { certificateType: true, certificateNumber: true } } } } } })
      : Promise.resolve([]),
    domains.length
      ? prisma.registryFiling.findMany({ where: { domain: { in: domains } }, select: { domain: true, certificateType: true, certificateNumber: true } })
      : Promise.resolve([]),
    q.submitting && q.orderId
      ? prisma.material.findMany({ where: { orderId: q.orderId, kind: 'APP_ICON', websiteId: { not: null } }, select: { websiteId: true } })
      : Promise.resolve([]),
    // The subject's APPs filed through other providers (the national registry): their names are taken too.
    prisma.registryApp.findMany({ where: { certificateType: q.certificateType, certificateNumber, provider: { not: null } }, select: { kind: true, name: true } }),
  ]);
  const other = (c: { certificateType: string; certificateNumber: string }) =>
    c.certificateType !== q.certificateType || normaliseCertificateNumber(q.certificateType, c.certificateNumber) !== certificateNumber;
  return {
    appNamesTakenInSubject: new Set([...taken, ...elsewhere].map((w) => appNameKey(w.kind, w.name))),
    domainsOfOtherSubjects: new Set([
      ...local.filter((d) => other(d.website.subject)).map((d) => d.name),
      ...registry.filter(other).map((r) => r.domain),
    ]),
    itemsWithIcon: new Set(icons.map((m) => m.websiteId!)),
  };
}
