import { appItemReplace } from './app-store.js';
import type { Prisma as P } from '../generated/prisma/client.js';
import { personRow, spendServiceCode, subjectRow, websiteRow } from './drafts.js';
import type { Tx } from './engine.js';
import { subjectProposal, websiteProposal } from './change-filing.js';

type ChangeOrder = P.OrderGetPayload<{ include: { subject: true; websites: { include: { website: { include: { domains: true } } } } } }>;

/**
 * Applies an approved 变更备案: the proposed subject information (its certificate, nature and province
 * never change), and per website the proposed information with its domains kept or deleted (a change
 * filing never adds or edits a domain, seed 002 §3); deleted domains leave the national registry and
 * are free to be filed again. ICP numbers never change.
 */
export async function applyChanges(tx: Tx, order: ChangeOrder): Promise<void> {
  const subject = order.subject;
  const proposed = subjectProposal(order);
  if (proposed) {
    // Updated in place: websites whose principal is the subject principal share this record.
    await tx.person.update({ where: { id: subject.principalId }, data: personRow(proposed.principal) });
    const row = subjectRow(proposed);
    await tx.subject.update({
      where: { id: subject.id },
      data: {
        name: row.name,
        city: row.city,
        county: row.county,
        certificateAddress: row.certificateAddress,
        communicationAddress: row.communicationAddress,
        communicationAddressFinal: row.communicationAddressFinal,
        investor: row.investor,
        remark: row.remark,
      },
    });
    if (subject.icpNumber) {
      await tx.registryFiling.updateMany({ where: { subjectIcpNumber: subject.icpNumber }, data: { subjectName: row.name } });
      await tx.registryApp.updateMany({ where: { subjectIcpNumber: subject.icpNumber }, data: { subjectName: row.name } });
    }
  }
  for (const link of order.websites) {
    const w = link.action === 'CHANGE' ? websiteProposal(link) : null;
    if (!w) continue;
    const principalId = w.principal ? (await tx.person.create({ data: personRow(w.principal) })).id : subject.principalId;
    // Domains were normalised when the change was proposed.
    const removed = link.website.domains.filter((d) => !w.domains.includes(d.name)).map((d) => d.name);
    await tx.domain.deleteMany({ where: { websiteId: link.websiteId, name: { in: removed } } });
    await tx.registryFiling.deleteMany({ where: { domain: { in: removed } } });
    await tx.preApproval.deleteMany({ where: { websiteId: link.websiteId } });
    const row = await websiteRow(tx, w);
    await tx.website.update({
      where: { id: link.websiteId },
      data: {
        ...row,
        principalId,
        preApprovals: { create: w.preApprovals.map((p) => ({ kind: p.kind, documentNumber: p.documentNumber, issuer: p.issuer ?? null })) },
        ...appItemReplace(w),
      },
    });
    await spendServiceCode(tx, w, link.websiteId);
    if (link.website.icpNumber) {
      await tx.registryFiling.updateMany({ where: { websiteIcpNumber: link.website.icpNumber }, data: { websiteName: row.name } });
      await tx.registryApp.updateMany({ where: { icpNumber: link.website.icpNumber }, data: { name: row.name } });
    }
  }
}
