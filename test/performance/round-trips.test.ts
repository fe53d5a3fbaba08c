/**
 * SQL round trips per operation do not grow with the data. Each pinned operation is run on a small
 * data set and again on a much larger one; the statements Prisma sends are counted both times.
 * (No timing here: `npm run bench` measures speed.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../../src/seed/demo.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { ORDER_DETAIL, REVIEW_QUEUE } from '../support/operations.js';
import { companySubject, person, server, signUp, website } from '../support/fixtures.js';

let s: TestServer;
let reviewer: string;
let applicant: string;
let applicantOrderId: string;

beforeAll(async () => {
  // No background timers: every recorded statement belongs to the request under test.
  s = await startTestServer({ timers: false });
  await seedDemo(s.db.prisma);
  reviewer = await signIn(DEMO_ACCOUNTS.reviewer);
  applicant = await signIn(DEMO_ACCOUNTS.company);
  const mine = await s.ok(`{ orders(first: 1) { edges { node { id } } } }`, {}, applicant);
  applicantOrderId = mine.orders.edges[0].node.id;
});
afterAll(async () => {
  await s?.close();
});

async function signIn(email: string): Promise<string> {
  const data = await s.ok(
    `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { ... on SessionPayload { token } } }`,
    { email, password: DEMO_PASSWORD },
  );
  return data.signIn.token;
}

/** Runs one operation and returns its data and the SQL statements it caused. */
async function recorded(query: string, variables: Record<string, unknown>, token?: string) {
  s.db.recorder.enabled = true;
  s.db.recorder.take();
  try {
    const data = await s.ok(query, variables, token);
    const statements = s.db.recorder.take().map((q) => q.sql);
    if (process.env.SHOW_SQL) console.log(statements.map((q) => q.slice(0, process.env.SHOW_SQL === "full" ? 3000 : 200)).join('\n'));
    return { data, statements };
  } finally {
    s.db.recorder.enabled = false;
  }
}

/** Adds `count` submitted orders of the demo company, each with its own subject, two websites and two events. */
async function addOrders(count: number, from: number): Promise<void> {
  const owner = await s.db.prisma.account.findFirstOrThrow({ where: { email: DEMO_ACCOUNTS.company } });
  for (let i = from; i < from + count; i++) {
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
            principalId: person.id, domains: { create: [{ name: `t${i}-${j}.cn` }, { name: `t${i}-${j}.com.cn`, position: 1 }] },
          },
        }),
      ),
    );
    const submittedAt = new Date(Date.UTC(2026, 1, 1, 0, i));
    await s.db.prisma.order.create({
      data: {
        number: `T-${i}`, ownerId: owner.id, subjectId: subject.id, provinceCode: 'henan', filingType: 'FIRST',
        status: 'PENDING_INITIAL_REVIEW', submittedAt, firstSubmittedAt: submittedAt,
        websites: { create: sites.map((w, position) => ({ websiteId: w.id, action: 'ADD' as const, position })) },
        events: {
          create: [
            { type: 'CREATED', actorRole: 'APPLICANT', actorId: owner.id },
            { type: 'STATUS_CHANGED', actorRole: 'APPLICANT', actorId: owner.id, fromStatus: 'DRAFT', toStatus: 'PENDING_INITIAL_REVIEW' },
          ],
        },
      },
    });
  }
}

const PROVINCES = /* GraphQL */ `
  { provinces { code name shortName abbreviation rules { id section title } } }
`;

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

describe('SQL round trips per operation', () => {
  it('subject → websites → orders: a fixed number of statements, whatever the row count', async () => {
    const small = await recorded(NESTED, {}, reviewer);
    expect(small.data.subjects.edges).toHaveLength(2); // the demo data set
    await addOrders(10, 1000);
    const large = await recorded(NESTED, {}, reviewer);
    expect(large.data.subjects.edges).toHaveLength(12);
    const added = large.data.subjects.edges.map((e: any) => e.node).filter((n: any) => n.name.startsWith('测试公司'));
    expect(added).toHaveLength(10);
    expect(added.every((n: any) => n.websites.edges.length === 2 && n.orders.edges.length === 1)).toBe(true);
    expect(large.statements.length).toBe(small.statements.length);
    // Session with its account (1), subjects, principals, websites, domains, orders, order websites, websites.
    expect(large.statements.length).toBe(PINNED.nested);
  });

  it('the reviewer’s order list: 50 orders with subject, websites and latest event, in a fixed number of statements', async () => {
    await addOrders(5, 0);
    const small = await recorded(REVIEW_QUEUE, { first: 50 }, reviewer);
    expect(small.data.orders.edges.length).toBeGreaterThanOrEqual(5);
    await addOrders(50, 100);
    const large = await recorded(REVIEW_QUEUE, { first: 50 }, reviewer);
    const nodes = large.data.orders.edges.map((e: { node: any }) => e.node);
    expect(nodes).toHaveLength(50);
    expect(nodes.every((n: any) => n.websites.length > 0 && n.latestEvent !== null)).toBe(true);
    expect(nodes.find((n: any) => n.number === 'T-0').latestEvent).toMatchObject({ type: 'STATUS_CHANGED', toStatus: 'PENDING_INITIAL_REVIEW' });
    expect(large.statements.length).toBe(small.statements.length);
    // Session with its account (1), and the list's read model (1): the page with subjects, websites,
    // domains, latest events and the total in one statement.
    expect(large.statements.length).toBe(PINNED.reviewQueue);
  });

  it('reads latestEvent’s time in UTC whatever the process time zone, the same as the history', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const both = await s.ok(
        `query ($id: ID!) { node(id: $id) { ... on Order { latestEvent { sequence createdAt } history(last: 1) { edges { node { sequence createdAt } } } } } }`,
        { id: applicantOrderId },
        applicant,
      );
      expect(both.node.latestEvent).toEqual(both.node.history.edges[0].node);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('the applicant’s order detail', async () => {
    const small = await recorded(ORDER_DETAIL, { id: applicantOrderId }, applicant);
    expect(small.data.node.number).toBeTruthy();
    await addOrders(20, 200);
    const large = await recorded(ORDER_DETAIL, { id: applicantOrderId }, applicant);
    expect(large.statements.length).toBe(small.statements.length);
    // Session with its account (1), and the order's read model (1): subject, principal, websites,
    // domains, website principals, materials, SMS and history in one statement.
    expect(large.statements.length).toBe(PINNED.orderDetail);
  });

  it('validateFiling loads the facts of its rules in a fixed number of statements, however many websites and people', async () => {
    const me = await signUp(s, '计数');
    const subject = companySubject({ provinceCode: 'henan', provinceName: '河南省', city: '郑州市', region: '410100', name: '郑州计数科技有限公司' });
    const sites = async (n: number) =>
      Promise.all(
        Array.from({ length: n }, async (_, i) =>
          website({ name: `计数站点${'一二三四'[i]}`, domain: `count-${n}-${i}.cn`, serverInstanceId: await server(s, me.accountId), principal: person() }),
        ),
      );
    const VALIDATE = `query ($input: FilingInput!) { validateFiling(input: $input) { rule field } }`;
    const one = await recorded(VALIDATE, { input: { subject, websites: await sites(1) } }, me.token);
    const four = await recorded(VALIDATE, { input: { subject, websites: await sites(4) } }, me.token);
    expect(one.data.validateFiling).toEqual([]);
    expect(four.data.validateFiling).toEqual([]);
    // Session, filing type (domain, subject, the registry's two reads) and the facts (domains, people,
    // instances and their two slot counts): the same for one website as for four.
    expect(four.statements.length).toBe(one.statements.length);
  });

  it('the province list: no SQL beyond the session, rules computed once', async () => {
    const first = await recorded(PROVINCES, {}, applicant);
    expect(first.data.provinces).toHaveLength(31);
    const again = await recorded(PROVINCES, {}, applicant);
    expect(again.statements.length).toBe(first.statements.length);
    // The session only: province data never touch the database.
    expect(again.statements.length).toBe(PINNED.provinces);
  });
});

/** The pinned counts; a change here is a deliberate, reviewed act. */
const PINNED = { nested: 8, reviewQueue: 2, orderDetail: 2, provinces: 1 };
