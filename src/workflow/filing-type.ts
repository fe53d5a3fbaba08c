import type { Context } from '../context.js';
import { decideFilingType, filingTypeKey, type FilingTypeFacts, type FilingTypeInput, type FilingTypeKey, type FilingTypeVerdict } from './decide/filing-type.js';
import { IN_PROGRESS } from './transitions.js';

export type { FilingTypeInput, FilingTypeVerdict } from './decide/filing-type.js';

/** Loads what `decideFilingType` needs, in one round of four parallel reads. */
export async function loadFilingTypeFacts(ctx: Pick<Context, 'db' | 'registry' | 'viewer'>, key: FilingTypeKey): Promise<FilingTypeFacts> {
  const prisma = ctx.db.prisma;
  const [localDomain, subject, filedDomain, subjectFilings] = await Promise.all([
    prisma.domain.findUnique({
      where: { name: key.domain },
      select: {
        website: {
          select: {
            status: true,
            subject: { select: { certificateType: true, certificateNumber: true } },
            orders: { where: { order: { status: { in: [...IN_PROGRESS] } } }, select: { orderId: true }, take: 1 },
          },
        },
      },
    }),
    prisma.subject.findUnique({
      where: { certificateType_certificateNumber: { certificateType: key.certificateType, certificateNumber: key.certificateNumber } },
      select: { id: true, ownerId: true, status: true, provinceCode: true, orders: { where: { status: { in: [...IN_PROGRESS] } }, select: { id: true }, take: 1 } },
    }),
    ctx.registry.findByDomain(key.domain),
    ctx.registry.findBySubject(key.certificateType, key.certificateNumber),
  ]);
  return {
    viewerId: ctx.viewer?.accountId ?? null,
    localDomain: localDomain
      ? { websiteStatus: localDomain.website.status, subject: localDomain.website.subject, inProgress: localDomain.website.orders.length > 0 }
      : null,
    subject: subject ? { id: subject.id, ownerId: subject.ownerId, status: subject.status, provinceCode: subject.provinceCode, inProgress: subject.orders.length > 0 } : null,
    filedDomain,
    subjectFilings,
  };
}

/** 验证备案类型: syntax, then the facts, then the pure decision (src/workflow/decide/filing-type.ts). */
export async function detectFilingType(ctx: Pick<Context, 'db' | 'registry' | 'viewer'>, input: FilingTypeInput): Promise<FilingTypeVerdict> {
  const { key, refusal } = filingTypeKey(input);
  if (!key) return refusal!;
  return decideFilingType(input, key, await loadFilingTypeFacts(ctx, key));
}
