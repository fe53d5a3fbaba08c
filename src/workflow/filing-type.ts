import type { Context } from '../context.js';
import { decideFilingType, filingTypeKey, type FilingTypeFacts, type FilingTypeInput, type FilingTypeKey, type FilingTypeVerdict } from './decide/filing-type.js';
import { IN_PROGRESS } from './transitions.js';
import { detectAppFilingType } from './app-filing-type.js';
import type { ServiceKind } from '../generated/prisma/enums.js';

export type { FilingTypeInput, FilingTypeVerdict } from './decide/filing-type.js';

/** Loads what `decideFilingType` needs, in one round of four parallel reads. */
export async function loadFilingTypeFacts(ctx: Pick<Context, 'db' | 'registry' | 'viewer'>, key: FilingTypeKey): Promise<FilingTypeFacts> {
  const prisma = ctx.db.prisma;
  const [localDomain, subject, filedDomain, subjectFilings, subjectAppFilings] = await Promise.all([
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
    ctx.registry.findAppsBySubject(key.certificateType, key.certificateNumber),
  ]);
  return {
    viewerId: ctx.viewer?.accountId ?? null,
    localDomain: localDomain
      ? { websiteStatus: localDomain.website.status, subject: localDomain.website.subject, inProgress: localDomain.website.orders.length > 0 }
      : null,
    subject: subject ? { id: subject.id, ownerId: subject.ownerId, status: subject.status, provinceCode: subject.provinceCode, inProgress: subject.orders.length > 0 } : null,
    filedDomain,
    subjectFilings,
    subjectAppFilings,
  };
}

/**
 * 验证备案类型: syntax, then the facts, then the pure decision (src/workflow/decide/filing-type.ts). An
 * entry naming an APP (`appName`) and no domain is judged by its name (decide/app-filing-type.ts).
 */
export async function detectFilingType(
  ctx: Pick<Context, 'db' | 'registry' | 'viewer'>,
  input: FilingTypeInput | (Omit<FilingTypeInput, 'domain'> & { domain?: string | null; appName?: string | null; serviceKind?: ServiceKind | null }),
): Promise<FilingTypeVerdict> {
  if (!input.domain && 'appName' in input && input.appName != null) {
    return detectAppFilingType(ctx, { ...input, appName: input.appName, serviceKind: input.serviceKind && input.serviceKind !== 'WEBSITE' ? input.serviceKind : 'APP' });
  }
  return detectWebsiteFilingType(ctx, { ...input, domain: input.domain ?? '' });
}

async function detectWebsiteFilingType(ctx: Pick<Context, 'db' | 'registry' | 'viewer'>, input: FilingTypeInput): Promise<FilingTypeVerdict> {
  const { key, refusal } = filingTypeKey(input);
  if (!key) return refusal!;
  return decideFilingType(input, key, await loadFilingTypeFacts(ctx, key));
}
