/**
 * Relay `node` / `nodes`: an id that is well formed but names nothing, or names something the viewer
 * may not see, answers null (the NotFound convention: unknown and not-yours look the same), and one
 * such id does not spoil the other answers of `nodes`.
 */
import { randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/harness.js';
import { individualSubject, server, signUp, website } from './support/fixtures.js';
import { startFiling } from './support/workflow.js';

let s: TestServer;
let alice: { token: string; accountId: string };
let bob: { token: string; accountId: string };
let aliceOrder: { id: string; subject: { id: string } };
let bobOrder: { id: string; subject: { id: string } };

async function draft(who: { token: string; accountId: string }, domain: string) {
  const instance = await server(s, who.accountId);
  const subject = individualSubject({ provinceCode: 'shanghai', provinceName: '上海市', city: '上海市', region: '310104', person: { name: '林平' } });
  return startFiling(s, who.token, { subject, websites: [website({ name: '林平的编程笔记', domain, serverInstanceId: instance, remark: '编程学习笔记' })] });
}

beforeAll(async () => {
  s = await startTestServer();
  alice = await signUp(s, '爱丽丝');
  bob = await signUp(s, '鲍勃');
  aliceOrder = await draft(alice, 'relay-alice.cn');
  bobOrder = await draft(bob, 'relay-bob.cn');
});
afterAll(async () => {
  await s?.close();
});

const NODE = `query ($id: ID!) { node(id: $id) { id ... on Order { number } } }`;
const NODES = `query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Order { number } ... on Subject { name } } }`;

describe('Relay node and nodes', () => {
  it('node: an unknown well-formed id is null, without an error', async () => {
    for (const type of ['Order', 'Subject', 'Website', 'Account', 'NoSuchType']) {
      const r = await s.gql(NODE, { id: encodeGlobalID(type, randomUUID()) }, alice.token);
      expect(r.errors, type).toBeUndefined();
      expect(r.data?.node, type).toBeNull();
    }
  });

  it('node: your own order and subject are yours (the order through its read model)', async () => {
    const order = await s.ok(NODE, { id: aliceOrder.id }, alice.token);
    expect(order.node).toEqual({ id: aliceOrder.id, number: expect.any(String) });
    const subject = await s.ok(NODE, { id: aliceOrder.subject.id }, alice.token);
    expect(subject.node).toEqual({ id: aliceOrder.subject.id });
  });

  it("node: someone else's order or subject is null, like an unknown one", async () => {
    for (const id of [bobOrder.id, bobOrder.subject.id]) {
      const r = await s.gql(NODE, { id }, alice.token);
      expect(r.errors).toBeUndefined();
      expect(r.data?.node).toBeNull();
    }
  });

  it('nodes: each id answers for itself', async () => {
    const ids = [aliceOrder.id, encodeGlobalID('Order', randomUUID()), bobOrder.id, aliceOrder.subject.id, encodeGlobalID('Subject', randomUUID())];
    const r = await s.gql(NODES, { ids }, alice.token);
    expect(r.errors).toBeUndefined();
    expect(r.data?.nodes).toEqual([{ id: aliceOrder.id, number: expect.any(String) }, null, null, { id: aliceOrder.subject.id, name: '林平' }, null]);
  });
});
