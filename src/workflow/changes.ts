import type { Prisma as P } from '../generated/prisma/client.js';
import type { Tx } from './engine.js';
import type { PersonData, SubjectData, WebsiteData } from './filing-data.js';

type ChangeOrder = P.OrderGetPayload<{ include: { subject: true; websites: { include: { website: { include: { domains: true } } } } } }>;

function personRow(p: PersonData) {
  return {
    name: p.name,
    certificateType: p.certificateType,
    certificateNumber: p.certificateNumber.toUpperCase(),
    validFrom: p.validFrom ? new Date(p.validFrom) : null,
    validTo: p.longTerm || !p.validTo ? null : new Date(p.validTo),
    longTerm: p.longTerm,
    mobile: p.mobile,
    phone2: p.phone2 ?? null,
    emergencyPhone: p.emergencyPhone ?? null,
    email: p.email.toLowerCase(),
    hkMacauIdentityNumber: p.hkMacauIdentityNumber ?? null,
  };
}

/**
 * Applies an approved 变更备案: the proposed subject information, and per website the proposed
 * information with its domains kept or deleted (a change filing never adds or edits a domain,
 * seed 002 §3). Numbers never change.
 */
export async function applyChanges(tx: Tx, order: ChangeOrder): Promise<void> {
  const subjectChanges = order.subjectChanges as unknown as SubjectData | null;
  if (subjectChanges) {
    const principal = await tx.person.create({ data: personRow(subjectChanges.principal) });
    await tx.subject.update({
      where: { id: order.subjectId },
      data: {
        name: subjectChanges.name,
        certificateAddress: subjectChanges.certificateAddress,
        communicationAddress: subjectChanges.communicationAddress,
        communicationAddressFinal: subjectChanges.communicationAddressFinal,
        investor: subjectChanges.investor ?? null,
        remark: subjectChanges.remark ?? null,
        city: subjectChanges.city,
        county: subjectChanges.county ?? null,
        principalId: principal.id,
      },
    });
  }
  for (const link of order.websites) {
    if (link.action !== 'CHANGE' || !link.changes) continue;
    const w = link.changes as unknown as WebsiteData;
    const principalId = w.principal ? (await tx.person.create({ data: personRow(w.principal) })).id : undefined;
    const removed = link.website.domains.filter((d) => !w.domains.includes(d.name)).map((d) => d.name);
    await tx.domain.deleteMany({ where: { websiteId: link.websiteId, name: { in: removed } } });
    await tx.registryFiling.deleteMany({ where: { domain: { in: removed } } });
    await tx.registryFiling.updateMany({ where: { websiteIcpNumber: link.website.icpNumber ?? '' }, data: { websiteName: w.name } });
    await tx.website.update({
      where: { id: link.websiteId },
      data: {
        name: w.name,
        homepageUrls: w.homepageUrls,
        contentCategory: w.contentCategory,
        languages: w.languages,
        remark: w.remark ?? null,
        serverLocation: w.serverLocation ?? null,
        ipAddresses: w.ipAddresses,
        ...(principalId ? { principalId } : {}),
      },
    });
  }
}
