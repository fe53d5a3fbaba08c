/**
 * The benchmark's data set, written straight into the database before a server starts: a reviewer, a
 * company applicant, 50 submitted orders for the review queue (each with its own subject, two websites
 * of two domains and a short history), one order with materials for the detail view, and spare
 * submitted orders that the fan-out benchmark rejects one by one.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createSession } from '../src/auth/sessions.js';
import type { Prisma } from '../src/db/index.js';

export interface BenchData {
  reviewerToken: string;
  applicantToken: string;
  /** Global id of the applicant's order shown in the detail benchmark. */
  detailOrderId: string;
  /** The same order's row id, for the peer. */
  detailOrderRowId: string;
  /** Global ids of submitted orders (version 0) kept for the fan-out mutations. */
  spareOrderIds: string[];
}

export const QUEUE_SIZE = 50;

export async function seedBenchData(prisma: Prisma, spare: number): Promise<BenchData> {
  // Sessions are opened directly below, so nobody signs in with a password.
  const account = (email: string, displayName: string, role: 'REVIEWER' | 'APPLICANT') =>
    prisma.account.create({ data: { email, displayName, role, passwordHash: 'unusable' } });
  const reviewer = await account('bench-reviewer@example.cn', '审核员', 'REVIEWER');
  const applicant = await account('bench-applicant@example.cn', '恒达科技', 'APPLICANT');
  const now = new Date();
  const ids: string[] = [];
  for (let i = 0; i < QUEUE_SIZE + spare; i++) ids.push(await addOrder(prisma, applicant.id, reviewer.id, i));
  const detail = ids[0]!;
  await prisma.material.createMany({
    data: (['SUBJECT_CERTIFICATE', 'PRINCIPAL_PHOTO'] as const).map((kind) => ({
      orderId: detail,
      kind,
      fileName: `${kind.toLowerCase()}.jpg`,
      mimeType: 'image/jpeg',
      size: 4,
      sha256: '0'.repeat(64),
      content: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
      authenticity: 'PASSED' as const,
    })),
  });
  return {
    reviewerToken: (await createSession(prisma, reviewer.id, 24, now)).token,
    applicantToken: (await createSession(prisma, applicant.id, 24, now)).token,
    detailOrderId: encodeGlobalID('Order', detail),
    detailOrderRowId: detail,
    spareOrderIds: ids.slice(QUEUE_SIZE).map((id) => encodeGlobalID('Order', id)),
  };
}

async function addOrder(prisma: Prisma, ownerId: string, reviewerId: string, i: number): Promise<string> {
  const person = await prisma.person.create({
    data: { name: `负责人${i}`, certificateType: 'RESIDENT_ID', certificateNumber: `BENCH${i}`, mobile: '13800000000', email: `p${i}@example.cn` },
  });
  const subject = await prisma.subject.create({
    data: {
      ownerId, provinceCode: 'henan', city: '郑州市', nature: 'ENTERPRISE', certificateType: 'BUSINESS_LICENSE',
      certificateNumber: `BENCH-N${i}`, name: `测试科技有限公司${i}`, certificateAddress: '郑州市花园路1号',
      communicationAddress: '郑州市花园路1号12层', principalId: person.id,
    },
  });
  const sites = await Promise.all(
    [0, 1].map((j) =>
      prisma.website.create({
        data: {
          subjectId: subject.id, ownerId, name: `测试网站${i}-${j}`, contentCategory: 'ENTERPRISE_PORTAL', languages: ['zh-Hans'],
          homepageUrls: [`https://www.bench${i}-${j}.cn`], principalId: person.id,
          domains: { create: [{ name: `bench${i}-${j}.cn` }, { name: `bench${i}-${j}.com.cn`, position: 1 }] },
        },
      }),
    ),
  );
  // The review queue shows the oldest submissions first: the first 50 orders fill it.
  const submittedAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000);
  const order = await prisma.order.create({
    data: {
      number: `BENCH-${String(i).padStart(4, '0')}`, ownerId, subjectId: subject.id, provinceCode: 'henan', filingType: 'FIRST',
      status: 'PENDING_INITIAL_REVIEW', submittedAt, firstSubmittedAt: submittedAt,
      expiresAt: new Date(Date.now() + 40 * 86_400_000),
      websites: { create: sites.map((w, position) => ({ websiteId: w.id, action: 'ADD' as const, position })) },
      events: {
        create: [
          { type: 'CREATED', actorRole: 'APPLICANT', actorId: ownerId },
          { type: 'UPDATED', actorRole: 'APPLICANT', actorId: ownerId, detail: { fields: ['websites'] } },
          { type: 'COMMENTED', actorRole: 'REVIEWER', actorId: reviewerId, reason: '请补充网站负责人信息' },
          { type: 'STATUS_CHANGED', actorRole: 'APPLICANT', actorId: ownerId, fromStatus: 'DRAFT', toStatus: 'PENDING_INITIAL_REVIEW' },
        ],
      },
    },
  });
  // Everything is already "published": the relay has nothing to catch up on when the server starts.
  await prisma.orderEvent.updateMany({ where: { orderId: order.id }, data: { publishedAt: new Date() } });
  return order.id;
}
