import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../src/seed/demo.js';
import { startTestServer, type TestServer } from './support/harness.js';

let s: TestServer;
beforeAll(async () => {
  // No background timers: every recorded statement belongs to the request under test.
  s = await startTestServer({ timers: false });
});
afterAll(async () => {
  await s?.close();
});

const SIGN_IN = /* GraphQL */ `
  mutation ($email: String!, $password: String!) {
    signIn(email: $email, password: $password) { ... on SessionPayload { token } }
  }
`;

describe('nested reads', () => {
  const NESTED = /* GraphQL */ `
    {
      subjects(first: 50) {
        edges { node {
          name
          principal { name mobile }
          websites(first: 20) { edges { node { name domains { name } } } }
          orders(first: 20) { edges { node { number status websites { action website { name } } } } }
        } }
      }
    }
  `;

  it('resolves subject → websites → orders in a fixed number of SQL round trips, whatever the row count', async () => {
    await seedDemo(s.db.prisma);
    const reviewer = (await s.ok(SIGN_IN, { email: DEMO_ACCOUNTS.reviewer, password: DEMO_PASSWORD })).signIn.token;

    const count = async () => {
      s.db.recorder.enabled = true;
      s.db.recorder.take();
      const data = await s.ok(NESTED, {}, reviewer);
      const queries = s.db.recorder.take();
      if (process.env.SHOW_SQL) console.log(queries.map((q) => q.sql.slice(0, 160)).join("\n"));
      s.db.recorder.enabled = false;
      return { subjects: data.subjects.edges.length, queries: queries.length };
    };

    const small = await count();
    expect(small.subjects).toBe(2);

    // Ten more subjects, each with two websites and an order.
    const owner = await s.db.prisma.account.findFirstOrThrow({ where: { email: DEMO_ACCOUNTS.company } });
    for (let i = 0; i < 10; i++) {
      const person = await s.db.prisma.person.create({
        data: { name: `负责人${i}`, certificateType: 'RESIDENT_ID', certificateNumber: `X${i}`, mobile: '13800000000', email: `p${i}@example.cn` },
      });
      const subject = await s.db.prisma.subject.create({
        data: {
          ownerId: owner.id, provinceCode: 'henan', city: '郑州市', nature: 'ENTERPRISE', certificateType: 'BUSINESS_LICENSE',
          certificateNumber: `N${i}`, name: `测试公司${i}`, certificateAddress: '地址1号', communicationAddress: '地址1号', principalId: person.id,
        },
      });
      const sites = await Promise.all(
        [0, 1].map((j) =>
          s.db.prisma.website.create({
            data: {
              subjectId: subject.id, ownerId: owner.id, name: `测试网站${i}${j}`, contentCategory: 'ENTERPRISE_PORTAL', languages: ['zh-Hans'],
              principalId: person.id, domains: { create: [{ name: `t${i}-${j}.cn` }] },
            },
          }),
        ),
      );
      await s.db.prisma.order.create({
        data: {
          number: `T-${i}`, ownerId: owner.id, subjectId: subject.id, provinceCode: 'henan', filingType: 'FIRST',
          websites: { create: sites.map((w) => ({ websiteId: w.id, action: 'ADD' as const })) },
        },
      });
    }

    const large = await count();
    expect(large.subjects).toBe(12);
    expect(large.queries).toBe(small.queries);
    // Sign-in check (2) + subjects, principals, websites, domains, orders, order websites, websites (7).
    expect(large.queries).toBeLessThanOrEqual(9);
  });
});
