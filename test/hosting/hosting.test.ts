/**
 * 产品验证: hosting instances and 备案服务号 through the API — admins register and retire instances,
 * applicants request codes within the quota, the product-verification rules give typed violations,
 * and a code is bound on approval and released when the website's access is cancelled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/harness.js';
import { companySubject, individualSubject, person, residentId, signUp, website } from '../support/fixtures.js';
import { approveAll, must, startAndSubmit, startCancellation, startFiling } from '../support/workflow.js';

let s: TestServer;
let admin: string;
let staff: string;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-03-02T02:00:00Z', env: { SEED_DEMO: 'true' } });
  const signIn = async (email: string) =>
    (await s.ok(`mutation ($e: String!) { signIn(email: $e, password: "demo-password-1") { ... on SessionPayload { token } } }`, { e: email })).signIn.token as string;
  admin = await signIn('admin@demo.icp.test');
  staff = await signIn('reviewer@demo.icp.test');
});
afterAll(async () => {
  await s?.close();
});

const REGISTER = /* GraphQL */ `
  mutation ($input: ServerInstanceInput!) {
    registerServerInstance(input: $input) {
      __typename
      ... on ServerInstance { instanceId kind serviceCodeQuota source }
      ... on ValidationError { violations { field rule module } }
    }
  }
`;
const REQUEST = /* GraphQL */ `
  mutation ($id: String!) {
    requestServiceCode(instanceId: $id) { __typename ... on ServiceCode { code status } ... on ValidationError { violations { field rule } } ... on NotFoundError { what } }
  }
`;

let serial = 0;
async function register(ownerEmail: string, over: Record<string, unknown> = {}) {
  const input = { instanceId: `i-host-${++serial}`, ownerEmail, region: 'cn-wuhan', billing: 'PREPAID', ipAddresses: ['203.0.113.10'], expiresAt: '2027-03-01T00:00:00Z', ...over };
  const r = (await s.ok(REGISTER, { input }, admin)).registerServerInstance;
  expect(r.__typename, JSON.stringify(r)).toBe('ServerInstance');
  return input.instanceId as string;
}
const request = async (token: string, id: string) => (await s.ok(REQUEST, { id }, token)).requestServiceCode;
const rules = (r: { violations?: { rule: string }[] }) => r.violations?.map((v) => v.rule);

describe('hosting instances and service codes', () => {
  it('admins register instances with typed validation; applicants cannot', async () => {
    const a = await signUp(s);
    const bad = (await s.ok(REGISTER, { input: { instanceId: 'x', ownerEmail: 'nobody@example.cn', region: '', billing: 'PREPAID', ipAddresses: ['1.2.3'] } }, admin))
      .registerServerInstance;
    expect(bad.__typename).toBe('ValidationError');
    expect(bad.violations).toEqual(
      expect.arrayContaining([
        { field: 'input.instanceId', rule: 'national/instance-id', module: 'national' },
        { field: 'input.region', rule: 'national/instance-region', module: 'national' },
        { field: 'input.ipAddresses[0]', rule: 'national/instance-ip', module: 'national' },
        { field: 'input.expiresAt', rule: 'national/instance-prepaid-expiry', module: 'national' },
        { field: 'input.ownerEmail', rule: 'national/instance-owner', module: 'national' },
      ]),
    );
    const denied = await s.gql(REGISTER, { input: { instanceId: 'i-self', ownerEmail: a.email, region: 'cn-wuhan', billing: 'PREPAID', expiresAt: '2027-01-01T00:00:00Z' } }, a.token);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('gives typed product-verification violations: owner, expiry, remaining term, region, billing, retired, quota', async () => {
    const a = await signUp(s);
    const other = await signUp(s);
    const expired = await register(a.email, { expiresAt: '2026-02-01T00:00:00Z', purchasedAt: '2025-02-01T00:00:00Z' });
    const short = await register(a.email, { expiresAt: '2026-04-15T00:00:00Z' });
    const abroad = await register(a.email, { region: 'cn-hongkong', mainland: false });
    const payg = await register(a.email, { billing: 'PAY_AS_YOU_GO', expiresAt: null });
    const retired = await register(a.email);
    const small = await register(a.email, { serviceCodeQuota: 2, kind: 'LIGHTWEIGHT' });
    const theirs = await register(other.email);

    expect(rules(await request(a.token, expired))).toEqual(['national/server-expired']);
    expect(rules(await request(a.token, short))).toEqual(['national/server-remaining-term']);
    expect(rules(await request(a.token, abroad))).toEqual(['national/server-region']);
    expect(rules(await request(a.token, payg))).toEqual(['national/server-pay-as-you-go']);
    const retiring = await s.ok(`mutation ($id: String!) { retireServerInstance(instanceId: $id) { ... on ServerInstance { retiredAt } } }`, { id: retired }, admin);
    expect(retiring.retireServerInstance.retiredAt).toBeTruthy();
    expect(rules(await request(a.token, retired))).toEqual(['national/server-retired']);
    expect(await request(a.token, theirs)).toMatchObject({ __typename: 'NotFoundError' });

    // The quota is per instance.
    expect((await request(a.token, small)).__typename).toBe('ServiceCode');
    expect((await request(a.token, small)).__typename).toBe('ServiceCode');
    const third = await request(a.token, small);
    expect(third.violations).toEqual([{ field: 'instanceId', rule: 'national/service-code-quota' }]);

    // The same rules refuse a filing that names the instance, on the field that names it.
    const subject = individualSubject({ provinceCode: 'hubei', provinceName: '湖北省', city: '武汉市', region: '420106', person: { name: '赵磊' } });
    const refused = await startFiling(s, a.token, { subject, websites: [website({ name: '赵磊的读书笔记', domain: 'zhaolei-reads.cn', serverInstanceId: expired })] });
    expect(refused.violations).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'websites[0].serverInstanceId', rule: 'national/server-expired' })]));
    // Someone else's code is unknown to this applicant.
    const foreign = (await request(other.token, theirs)).code;
    const withForeign = await startFiling(s, a.token, {
      subject,
      websites: [{ ...website({ name: '赵磊的读书笔记', domain: 'zhaolei-reads.cn', serverInstanceId: '' }), serverInstanceId: null, productVerification: 'SERVICE_CODE', serviceCode: foreign }],
    });
    expect(withForeign.violations).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'websites[0].serviceCode', rule: 'national/service-code-unknown' })]));
  });

  it('binds a code when the filing is approved and releases it when the access is cancelled', async () => {
    const a = await signUp(s, '武汉云帆科技有限公司');
    const instance = await register(a.email, { serviceCodeQuota: 1 });
    const code = (await request(a.token, instance)).code as string;
    const subject = companySubject({ provinceCode: 'hubei', provinceName: '湖北省', city: '武汉市', region: '420106', name: '武汉云帆科技有限公司' });
    const webPrincipal = person({ name: '陈静', certificateNumber: residentId('420106') });
    const site = {
      ...website({ name: '云帆科技官网', domain: 'yunfan-tech.cn', serverInstanceId: '', principal: webPrincipal }),
      contentCategory: 'ENTERPRISE_PORTAL',
      remark: '公司产品与服务介绍',
      serverInstanceId: null,
      productVerification: 'SERVICE_CODE',
      serviceCode: code,
    };
    const submitted = await startAndSubmit(s, a.token, { subject, websites: [site] });
    const CODES = `query ($id: String) { serverInstances(first: 1, filter: { instanceId: $id }) { edges { node { slotsUsed serviceCodes { status } } } } }`;
    const codes = async () => (await s.ok(CODES, { id: instance }, a.token)).serverInstances.edges[0].node;
    expect(await codes()).toEqual({ slotsUsed: 1, serviceCodes: [{ status: 'RESERVED' }] });
    const { order } = await approveAll(s, staff, a.token, submitted, [subject.principal, webPrincipal]);
    expect(await codes()).toEqual({ slotsUsed: 1, serviceCodes: [{ status: 'BOUND' }] });
    expect(rules(await request(a.token, instance))).toEqual(['national/service-code-quota']);

    const cancel = await startCancellation(s, a.token, { type: 'CANCEL_ACCESS', subjectId: order.subject.id, websiteIds: [order.websites[0].website.id], reason: '迁出' });
    const sent = await must(s, a.token, 'submitOrder', { orderId: cancel.id, version: cancel.version });
    const passed = await must(s, staff, 'approveInitialReview', { orderId: cancel.id, version: sent.version });
    const atMiit = await must(s, staff, 'submitToMiit', { orderId: cancel.id, version: passed.version });
    await must(s, staff, 'recordMiitApproval', { orderId: cancel.id, version: atMiit.version });
    expect(await codes()).toEqual({ slotsUsed: 0, serviceCodes: [{ status: 'RELEASED' }] });
    // The freed slot can issue a new code.
    expect((await request(a.token, instance)).__typename).toBe('ServiceCode');
  });
});
