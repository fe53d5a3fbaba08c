/**
 * Concurrent actions that cannot all win get typed answers, on PGlite and on PostgreSQL
 * (TEST_DATABASE_URL): every check-then-act decides from the row its write returned, or under a lock,
 * and unique violations become the violations a serial run would give.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/harness.js';
import { individualSubject, reviewer, server, signUp, website } from './support/fixtures.js';
import { act, must, startAndSubmit } from './support/workflow.js';

let s: TestServer;
let staff: string;
beforeAll(async () => {
  // Rate limits off: this file tests what the database decides, not the limiter.
  s = await startTestServer({ start: '2026-08-03T02:00:00Z', env: { RATE_LIMIT_STORE: 'off' } });
  staff = await reviewer(s);
});
afterAll(async () => {
  await s?.close();
});

const START = /* GraphQL */ `
  mutation ($input: FilingInput!) {
    startFiling(input: $input) { __typename ... on Order { id } ... on ValidationError { violations { rule } } ... on Error { message } }
  }
`;

/** Every answer's type (and rules), and the GraphQL errors (internal errors would show here). */
async function startMany(inputs: { token: string; input: unknown }[]) {
  const answers = await Promise.all(inputs.map(({ token, input }) => s.gql(START, { input }, token)));
  const errors = answers.flatMap((a) => a.errors ?? []);
  const results = answers.map((a) => a.data?.startFiling);
  return { errors, results };
}

describe('parallel filings', () => {
  it('20 filings for one domain from two accounts: one order, 19 typed violations', async () => {
    const alice = await signUp(s, '甲');
    const bob = await signUp(s, '乙');
    const [ia, ib] = [await server(s, alice.accountId, { slots: 30 }), await server(s, bob.accountId, { slots: 30 })];
    const subjectA = individualSubject({ provinceCode: 'anhui', provinceName: '安徽省', city: '合肥市', region: '340104', person: { name: '赵敏' } });
    const subjectB = individualSubject({ provinceCode: 'anhui', provinceName: '安徽省', city: '合肥市', region: '340104', person: { name: '周芷若' } });
    const domain = 'race-one-domain.cn';
    const inputs = Array.from({ length: 20 }, (_, i) =>
      i % 2
        ? { token: alice.token, input: { subject: subjectA, websites: [website({ name: '赵敏的读书笔记', domain, serverInstanceId: ia })] } }
        : { token: bob.token, input: { subject: subjectB, websites: [website({ name: '周芷若的读书笔记', domain, serverInstanceId: ib })] } },
    );
    const { errors, results } = await startMany(inputs);
    expect(errors).toEqual([]);
    expect(results.filter((r) => r.__typename === 'Order')).toHaveLength(1);
    const refused = results.filter((r) => r.__typename !== 'Order');
    expect(refused).toHaveLength(19);
    for (const r of refused) {
      expect(r.__typename).toBe('ValidationError');
      for (const v of r.violations) expect(['national/domain-order-in-progress', 'national/domain-used-by-other-subject', 'national/subject-order-in-progress']).toContain(v.rule);
    }
    expect(await s.db.prisma.domain.count({ where: { name: domain } })).toBe(1);
  });

  it('20 filings for one subject: one order, 19 typed violations', async () => {
    const carol = await signUp(s, '丙');
    const instance = await server(s, carol.accountId, { slots: 30 });
    const subject = individualSubject({ provinceCode: 'anhui', provinceName: '安徽省', city: '合肥市', region: '340104', person: { name: '殷离' } });
    const inputs = Array.from({ length: 20 }, (_, i) => ({
      token: carol.token,
      input: { subject, websites: [website({ name: '殷离的读书笔记', domain: `race-subject-${i}.cn`, serverInstanceId: instance })] },
    }));
    const { errors, results } = await startMany(inputs);
    expect(errors).toEqual([]);
    expect(results.filter((r) => r.__typename === 'Order')).toHaveLength(1);
    const refused = results.filter((r) => r.__typename !== 'Order');
    expect(refused).toHaveLength(19);
    for (const r of refused) {
      expect(r.__typename).toBe('ValidationError');
      expect(r.violations.map((v: { rule: string }) => v.rule)).toEqual(['national/subject-order-in-progress']);
    }
    const certificateNumber = subject.certificateNumber;
    expect(await s.db.prisma.order.count({ where: { subject: { certificateNumber } } })).toBe(1);
  });
});

describe('parallel SMS codes', () => {
  it('8 wrong codes at once: exactly 5 count, and the order goes back to the applicant', async () => {
    const applicant = await signUp(s, '丁');
    const instance = await server(s, applicant.accountId);
    const subject = individualSubject({ provinceCode: 'hubei', provinceName: '湖北省', city: '武汉市', region: '420106', person: { name: '王小明' } });
    const order = await startAndSubmit(s, applicant.token, {
      subject,
      websites: [website({ name: '王小明的学习笔记', domain: 'race-sms.cn', serverInstanceId: instance })],
    });
    const waiting = await must(s, staff, 'approveInitialReview', { orderId: order.id, version: order.version });
    expect(waiting.status).toBe('PENDING_SMS_VERIFICATION');
    const wrong = (i: number) =>
      act(s, applicant.token, 'verifySmsCode', {
        orderId: order.id,
        mobile: subject.principal.mobile,
        code: String(900000 + i),
        certificateSuffix: subject.certificateNumber.slice(-6),
      });
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => wrong(i)));
    // Typed answers only: wrong code, the order (returned by the fifth), or the order has moved on.
    for (const a of answers) expect(['ValidationError', 'Order', 'ConflictError', 'InvalidTransitionError']).toContain(a.__typename);
    const row = await s.db.prisma.smsVerification.findFirstOrThrow({ where: { orderId: decodeGlobalID(order.id).id } });
    expect(row.attemptCount).toBe(5);
    const after = await s.db.prisma.order.findUniqueOrThrow({ where: { id: decodeGlobalID(order.id).id } });
    expect(after.status).toBe('NEEDS_CHANGES');
    expect(answers.filter((a) => a.__typename === 'ValidationError')).toHaveLength(4);
    expect(answers.filter((a) => a.__typename === 'Order')).toHaveLength(1);
  });
});
