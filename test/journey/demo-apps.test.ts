/**
 * The demo data set shows APP备案 to someone opening GraphiQL or /console: the individual's filed APP
 * (`-2A` from the subject's sequence, with platforms, SDK and back-end domain) and a 新增APP order in
 * initial review, over HTTP only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/harness.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-03-02T02:00:00Z', env: { SEED_DEMO: 'true' } });
});
afterAll(async () => {
  await s?.close();
});

async function signInAs(email: string) {
  const data = await s.ok(`mutation ($e: String!) { signIn(email: $e, password: "demo-password-1") { ... on SessionPayload { token } } }`, { e: email });
  return data.signIn.token as string;
}

const SERVICES = /* GraphQL */ `
  {
    subjects(first: 10) {
      edges { node {
        name icpNumber
        services(first: 10) { edges { node {
          __typename kind name status icpNumber
          ... on Website { domains { name } }
          ... on App { platforms { kind packageName md5Signature } sdks { provider type } domains { name } }
        } } }
      } }
    }
  }
`;

const QUEUE = /* GraphQL */ `
  query {
    orders(first: 10, filter: { status: [PENDING_INITIAL_REVIEW] }) {
      edges { node {
        number filingType filingTypeLabel status
        websites { action service { __typename name ... on App { platforms { kind } } } }
        materials { kind }
      } }
    }
  }
`;

describe('demo data: APPs', () => {
  it('the individual sees the filed blog and the filed APP numbered from the same sequence', async () => {
    const token = await signInAs('zhang.wei@demo.icp.test');
    const data = await s.ok(SERVICES, {}, token);
    const [subject] = data.subjects.edges.map((e: any) => e.node);
    expect(subject.icpNumber).toBe('鄂ICP备2026000001号');
    const services = subject.services.edges.map((e: any) => e.node);
    const filed = services.filter((x: any) => x.status === 'FILED');
    expect(filed.map((x: any) => [x.__typename, x.icpNumber])).toEqual([
      ['Website', '鄂ICP备2026000001号-1'],
      ['App', '鄂ICP备2026000001号-2A'],
    ]);
    const app = filed[1];
    expect(app).toMatchObject({ kind: 'APP', name: '张伟笔记', sdks: [{ provider: '华为', type: '推送' }], domains: [{ name: 'api.zhangwei-notes.cn' }] });
    expect(app.platforms.map((p: any) => p.kind)).toEqual(['ANDROID', 'IOS']);
    expect(app.platforms.every((p: any) => /^[0-9A-F]{32}$/.test(p.md5Signature))).toBe(true);
    expect(services.filter((x: any) => x.status === 'DRAFT').map((x: any) => [x.__typename, x.name])).toEqual([['App', '代码片段本']]);
  });

  it('the reviewer’s queue holds a 新增APP order with the APP and its icon', async () => {
    const token = await signInAs('reviewer@demo.icp.test');
    const data = await s.ok(QUEUE, {}, token);
    const orders = data.orders.edges.map((e: any) => e.node);
    expect(orders.map((o: any) => o.number).sort()).toEqual(['ICP-DEMO-0001', 'ICP-DEMO-0002']);
    const addApp = orders.find((o: any) => o.number === 'ICP-DEMO-0002');
    expect(addApp).toMatchObject({ filingType: 'ADD_WEBSITE', filingTypeLabel: '新增APP', status: 'PENDING_INITIAL_REVIEW' });
    expect(addApp.websites).toEqual([{ action: 'ADD', service: { __typename: 'App', name: '代码片段本', platforms: [{ kind: 'ANDROID' }] } }]);
    expect(addApp.materials.map((m: any) => m.kind).sort()).toEqual(['APP_ICON', 'PRINCIPAL_PHOTO']);
    expect(orders.find((o: any) => o.number === 'ICP-DEMO-0001').filingTypeLabel).toBe('首次备案');
  });

  it('the individual’s subject counts three items: the blog, the filed APP and the APP in review', async () => {
    const token = await signInAs('zhang.wei@demo.icp.test');
    const data = await s.ok(`{ subjects(first: 1) { edges { node { services(first: 10) { totalCount } } } } }`, {}, token);
    expect(data.subjects.edges[0].node.services.totalCount).toBe(3);
  });
});
