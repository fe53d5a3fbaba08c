import { getProvince } from '../../provinces/index.js';
import type { ServiceKind } from '../generated/prisma/enums.js';
import type { Tx } from './engine.js';

/** Suffix letters per kind of service: website `-1`, app `-2A`, mini-program `-3X`, quick app `-4K`. */
const KIND_LETTER: Record<ServiceKind, string> = { WEBSITE: '', APP: 'A', MINI_PROGRAM: 'X', QUICK_APP: 'K' };

/**
 * Hands out the subject's ICP number once: `{abbr}ICP备{year}{6-digit sequence}号`, the sequence
 * counted per province and year in one atomic UPSERT, so two approvals at once never share a number.
 */
export async function assignSubjectNumber(tx: Tx, subjectId: string, provinceCode: string, at: Date): Promise<string> {
  const subject = await tx.subject.findUniqueOrThrow({
    where: { id: subjectId },
    select: { icpNumber: true, certificateType: true, certificateNumber: true },
  });
  if (subject.icpNumber) return subject.icpNumber;
  // A subject filed through another provider keeps its number; its `-N` sequence continues after theirs.
  // Its websites and its APPs (-2A, -3X, …) share one sequence.
  const where = { certificateType: subject.certificateType, certificateNumber: subject.certificateNumber };
  const [websites, apps] = await Promise.all([
    tx.registryFiling.findMany({ where, select: { subjectIcpNumber: true, websiteIcpNumber: true } }),
    tx.registryApp.findMany({ where, select: { subjectIcpNumber: true, icpNumber: true } }),
  ]);
  const elsewhere = [
    ...websites.map((f) => ({ subjectIcpNumber: f.subjectIcpNumber, icpNumber: f.websiteIcpNumber })),
    ...apps.map((a) => ({ subjectIcpNumber: a.subjectIcpNumber, icpNumber: a.icpNumber })),
  ];
  if (elsewhere.length > 0) {
    const number = elsewhere[0]!.subjectIcpNumber;
    const last = Math.max(0, ...elsewhere.map((f) => Number(/-(\d+)[A-Z]?$/.exec(f.icpNumber)?.[1] ?? 0)));
    await tx.subject.update({ where: { id: subjectId }, data: { icpNumber: number, lastWebsiteSuffix: last } });
    return number;
  }
  const province = getProvince(provinceCode);
  if (!province) throw new Error(`No province module ${provinceCode}`);
  const year = Number(at.toLocaleString('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }));
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "IcpCounter" ("provinceCode", "year", "last") VALUES (${provinceCode}, ${year}, 1)
    ON CONFLICT ("provinceCode", "year") DO UPDATE SET "last" = "IcpCounter"."last" + 1
    RETURNING "last"`;
  const number = `${province.abbreviation}ICP备${year}${String(row!.last).padStart(6, '0')}号`;
  const updated = await tx.subject.updateMany({ where: { id: subjectId, icpNumber: null }, data: { icpNumber: number } });
  if (updated.count !== 1) throw new Error('Subject number assigned concurrently');
  return number;
}

/** Hands out the next `-N` suffix of a subject (never reused, even after cancellation). */
export async function assignServiceNumber(tx: Tx, subjectNumber: string, subjectId: string, websiteId: string, kind: ServiceKind) {
  const { lastWebsiteSuffix } = await tx.subject.update({
    where: { id: subjectId },
    data: { lastWebsiteSuffix: { increment: 1 } },
    select: { lastWebsiteSuffix: true },
  });
  const suffix = `${lastWebsiteSuffix}${KIND_LETTER[kind]}`;
  const icpNumber = `${subjectNumber}-${suffix}`;
  await tx.website.update({ where: { id: websiteId }, data: { icpNumber, icpSuffix: suffix } });
  return icpNumber;
}

/** Records the number a website already holds nationally (an access filing moves it, it keeps its number). */
export async function keepServiceNumber(tx: Tx, websiteId: string, icpNumber: string) {
  const suffix = /-(\d+[A-Z]?)$/.exec(icpNumber)?.[1] ?? null;
  await tx.website.update({ where: { id: websiteId }, data: { icpNumber, icpSuffix: suffix } });
  return icpNumber;
}
