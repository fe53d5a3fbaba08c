/**
 * Loads the facts a filing's rules need (`FilingFacts`, judged by src/workflow/decide/filing.ts) in a
 * fixed number of reads, run side by side, however many websites, domains and people the filing has.
 */
import type { Context } from '../context.js';
import { IN_FLIGHT } from './transitions.js';
import { filingPeople, storedPhone, type FilingFacts, type ValidateFilingArgs } from './decide/filing.js';
import { parseDomain } from '../validation/index.js';

export async function loadFilingFacts(ctx: Pick<Context, 'db' | 'clock' | 'config' | 'hosting' | 'viewer'>, a: ValidateFilingArgs): Promise<FilingFacts> {
  const prisma = ctx.db.prisma;
  const viewerId = ctx.viewer?.accountId ?? null;
  const mine = new Set(a.previousDomains ?? []);
  const entered = [...new Set(a.websites.flatMap((w) => w.domains.map((d) => parseDomain(d).domain).filter((d): d is string => !!d && !mine.has(d))))];
  const people = filingPeople(a);
  const emails = people.map((x) => x.p.email.trim().toLowerCase());
  const phones = people.map((x) => x.p.emergencyPhone?.trim()).filter((x): x is string => !!x).map(storedPhone);
  const instanceIds = [...new Set(a.websites.filter((w) => w.productVerification !== 'SERVICE_CODE' && w.serverInstanceId).map((w) => w.serverInstanceId!.trim()))];
  const codes = [...new Set(a.websites.filter((w) => w.productVerification === 'SERVICE_CODE' && w.serviceCode).map((w) => w.serviceCode!.trim()))];
  const submitting = a.stage === 'submit' && a.orderId;
  const [filedWebsites, taken, contactClashes, hosting, materials, accessInFlight] = await Promise.all([
    a.subjectId ? prisma.website.count({ where: { subjectId: a.subjectId, status: 'FILED' } }) : 0,
    entered.length ? prisma.domain.findMany({ where: { name: { in: entered } }, select: { name: true } }) : [],
    // People of other subjects that are alive (a subject, or a website not cancelled).
    prisma.person.findMany({
      where: {
        OR: [{ email: { in: emails } }, { emergencyPhone: { in: phones } }],
        AND: [
          ...(a.subjectId ? [{ subjects: { none: { id: a.subjectId } } }, { websites: { none: { subjectId: a.subjectId } } }] : []),
          { OR: [{ subjects: { some: {} } }, { websites: { some: { status: { not: 'CANCELLED' } } } }] },
        ],
      },
      select: { email: true, emergencyPhone: true },
    }),
    ctx.hosting.lookup({ instanceIds, serviceCodes: codes, exceptWebsiteIds: a.heldWebsiteIds ?? [] }),
    submitting ? prisma.material.findMany({ where: { orderId: a.orderId }, select: { kind: true, authenticity: true, documentCode: true } }) : [],
    submitting && a.filingType === 'ACCESS' && viewerId
      ? prisma.order.count({ where: { ownerId: viewerId, filingType: 'ACCESS', status: { in: [...IN_FLIGHT] }, id: { not: a.orderId } } })
      : 0,
  ]);
  return {
    now: ctx.clock.now(),
    viewerId,
    hosting: ctx.config.hosting,
    maxAccessApplicationsInFlight: ctx.config.providerPolicies.maxAccessApplicationsInFlight,
    filedWebsites,
    takenDomains: taken.map((t) => t.name),
    contactClashes,
    instances: new Map(hosting.instances.map((i) => [i.instanceId, i])),
    serviceCodes: new Map(hosting.serviceCodes.map((c) => [c.code, c])),
    submission: submitting
      ? {
          documentCodes: materials.flatMap((m) => (m.documentCode ? [m.documentCode] : [])),
          materials: materials.map((m) => ({ kind: m.kind, authenticity: m.authenticity })),
          accessApplicationsInFlight: accessInFlight,
        }
      : undefined,
  };
}
