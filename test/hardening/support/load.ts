/** Load for fault tests: applicants filing and submitting orders, and the checks that nothing was half-applied or lost. */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Prisma } from '../../../src/db/index.js';
import { individualSubject, jpeg, upload, website } from '../../support/fixtures.js';
import type { TestServer } from '../../support/harness.js';

/** Polls until `probe` holds; the bound is only a safety net for a busy machine, not a timed check. */
export const until = async (probe: () => Promise<boolean>, what: string) => {
  const deadline = Date.now() + 240_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`not reached: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

export interface Attempt {
  domain: string;
  created?: string;
  submitted?: boolean;
  failures: number;
}

/** Applicants filing and submitting orders in a loop until told to stop; every answer is recorded. */
export function load(s: Pick<TestServer, 'url' | 'gql'>, applicant: { token: string }, instance: string, workers: number) {
  const attempts: Attempt[] = [];
  const unexpected: string[] = [];
  let running = true;
  let n = 0;
  const note = (body: any) => {
    for (const e of body?.errors ?? []) {
      if (e.extensions?.code !== 'INTERNAL_SERVER_ERROR' && e.extensions?.code !== 'UNAUTHENTICATED') unexpected.push(JSON.stringify(e));
      if (JSON.stringify(e).match(/stack|originalError|ECONNRESET|prisma/i)) unexpected.push(`leaked: ${JSON.stringify(e)}`);
    }
  };
  const worker = async () => {
    while (running) await iteration().catch(() => undefined);
  };
  const iteration = async () => {
    {
      const a: Attempt = { domain: `fault-${++n}-${randomUUID().slice(0, 6)}.cn`, failures: 0 };
      attempts.push(a);
      const subject = individualSubject({ provinceCode: 'hubei', provinceName: '湖北省', city: '武汉市', region: '420106', person: { name: '孙悟' } });
      const started = await s.gql(
        `mutation ($input: FilingInput!) { startFiling(input: $input) { __typename ... on Order { id } } }`,
        { input: { subject, websites: [website({ name: '孙悟的旅行记', domain: a.domain, serverInstanceId: instance })] } },
        applicant.token,
      );
      note(started);
      if (started.data?.startFiling?.__typename !== 'Order') {
        a.failures++;
        return;
      }
      a.created = started.data.startFiling.id;
      try {
        for (const kind of ['CERTIFICATE_FRONT', 'PRINCIPAL_PHOTO']) await upload(s as TestServer, applicant.token, { orderId: a.created!, kind }, { name: 'x.jpg', bytes: jpeg() });
        const submitted = await s.gql(`mutation ($o: ID!) { submitOrder(orderId: $o, version: 0) { __typename } }`, { o: a.created }, applicant.token);
        note(submitted);
        a.submitted = submitted.data?.submitOrder?.__typename === 'Order';
      } catch {
        a.failures++;
      }
    }
  };
  const done = Promise.all(Array.from({ length: workers }, worker));
  return {
    attempts,
    unexpected,
    async stop() {
      running = false;
      await done;
    },
  };
}

/** Nothing half-applied, nothing lost: every order is whole, and every answered success is in the database. */
export async function expectConsistent(prisma: Prisma, attempts: Attempt[]) {
  const orders = await prisma.order.findMany({
    include: { events: { orderBy: { id: 'asc' } }, websites: { include: { website: { include: { domains: true } } } } },
  });
  for (const o of orders) {
    expect(o.events[0]?.type, o.number).toBe('CREATED');
    expect(o.websites.length, o.number).toBeGreaterThan(0);
    for (const w of o.websites) expect(w.website.domains.length, o.number).toBeGreaterThan(0);
    const changes = o.events.filter((e) => e.type === 'STATUS_CHANGED');
    expect(changes.at(-1)?.toStatus ?? 'DRAFT', o.number).toBe(o.status);
    expect(o.version, o.number).toBe(changes.length);
    if (o.status === 'PENDING_INITIAL_REVIEW') expect(o.submittedAt, o.number).not.toBeNull();
  }
  const byDomain = new Map(orders.flatMap((o) => o.websites.flatMap((w) => w.website.domains.map((d) => [d.name, o] as const))));
  for (const a of attempts) {
    if (a.created) expect(byDomain.has(a.domain), a.domain).toBe(true);
    if (a.submitted) expect(byDomain.get(a.domain)?.status).toBe('PENDING_INITIAL_REVIEW');
  }
  return orders.length;
}
