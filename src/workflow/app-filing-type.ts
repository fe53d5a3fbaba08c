import type { Context } from '../context.js';
import { appFilingTypeKey, decideAppFilingType, type AppFilingTypeInput } from './decide/app-filing-type.js';
import type { FilingTypeVerdict } from './decide/filing-type.js';
import { IN_PROGRESS } from './transitions.js';

/** 验证备案类型 for an APP: the subject's facts, its national filings, and its item of that kind and name (four parallel reads). */
export async function detectAppFilingType(ctx: Pick<Context, 'db' | 'registry' | 'viewer'>, input: AppFilingTypeInput): Promise<FilingTypeVerdict> {
  const { key, refusal } = appFilingTypeKey(input);
  if (!key) return refusal!;
  const prisma = ctx.db.prisma;
  const [subject, subjectFilings, subjectAppFilings, existing] = await Promise.all([
    prisma.subject.findUnique({
      where: { certificateType_certificateNumber: { certificateType: key.certificateType, certificateNumber: key.certificateNumber } },
      select: { id: true, ownerId: true, status: true, provinceCode: true, orders: { where: { status: { in: [...IN_PROGRESS] } }, select: { id: true }, take: 1 } },
    }),
    ctx.registry.findBySubject(key.certificateType, key.certificateNumber),
    ctx.registry.findAppsBySubject(key.certificateType, key.certificateNumber),
    prisma.website.findFirst({
      where: {
        subject: { certificateType: key.certificateType, certificateNumber: key.certificateNumber },
        kind: input.serviceKind,
        name: input.appName.trim(),
        status: { in: ['FILED', 'DRAFT'] },
      },
      orderBy: { status: 'desc' },
      select: { status: true, orders: { where: { order: { status: { in: [...IN_PROGRESS] } } }, select: { orderId: true }, take: 1 } },
    }),
  ]);
  return decideAppFilingType(
    input,
    key,
    {
      viewerId: ctx.viewer?.accountId ?? null,
      subject: subject ? { id: subject.id, ownerId: subject.ownerId, status: subject.status, provinceCode: subject.provinceCode, inProgress: subject.orders.length > 0 } : null,
      subjectFilings,
      subjectAppFilings,
    },
    { existing: existing ? { status: existing.status, inProgress: existing.orders.length > 0 } : null },
  );
}
