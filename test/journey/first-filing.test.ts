/**
 * The whole filing path as a new user walks it (README "Your first filing"), using only the public
 * API over HTTP and graphql-ws and the documented development facilities: the demo data set
 * (SEED_DEMO, for the first admin and reviewer) and the development SMS outbox query. Nothing here
 * reads or writes the database or reaches into the server process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, take, type TestServer } from '../support/harness.js';
import { individualSubject, jpeg, signUp, upload, website } from '../support/fixtures.js';
import { must, startFiling, VERIFY_TYPE } from '../support/workflow.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-03-02T02:00:00Z', env: { SEED_DEMO: 'true' } });
});
afterAll(async () => {
  await s?.close();
});

const SIGN_IN = /* GraphQL */ `
  mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { __typename ... on SessionPayload { token } } }
`;

async function signInAs(email: string) {
  const data = await s.ok(SIGN_IN, { email, password: 'demo-password-1' });
  return data.signIn.token as string;
}

const STATUS_FEED = /* GraphQL */ `
  subscription ($orderId: ID!) { orderStatusChanged(orderId: $orderId, after: "0") { sequence fromStatus toStatus } }
`;

/** A PNG signature: not a JPEG, whatever the file is called. */
function png(size = 4096): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  return bytes;
}

describe('your first filing, through the public API only', () => {
  it('register → instance → service code → file → review with materials → SMS → 管局 → ICP numbers → audit trail', async () => {
    const admin = await signInAs('admin@demo.icp.test');
    const staff = await signInAs('reviewer@demo.icp.test');

    // 1. A new applicant registers.
    const applicant = await signUp(s, '王小明');

    // 2. The provider's billing system pushes the server the applicant bought, with a token an admin made for it.
    const created = await s.ok(
      `mutation ($name: String!) { createIntegrationToken(name: $name, scopes: [INSTANCES_WRITE]) {
         __typename ... on IntegrationTokenPayload { token integrationToken { id name scopes } } } }`,
      { name: 'billing' },
      admin,
    );
    const billing = created.createIntegrationToken;
    expect(billing.integrationToken).toMatchObject({ name: 'billing', scopes: ['instances:write'] });
    const PUSH = `mutation ($instances: [ServerInstanceInput!]!) { importServerInstances(instances: $instances) {
      __typename ... on InstanceImportResult { created updated rejected { row instanceId violations { field rule } } } } }`;
    const instance = {
      instanceId: 'i-wuhan-wxm-0001',
      ownerEmail: applicant.email,
      kind: 'ECS',
      region: 'cn-wuhan',
      billing: 'PREPAID',
      ipAddresses: ['203.0.113.10'],
      purchasedAt: '2026-02-20T00:00:00Z',
      expiresAt: '2027-02-20T00:00:00Z',
    };
    const pushed = await s.ok(PUSH, { instances: [instance, { ...instance, instanceId: 'i-bad-0001', kind: 'MAINFRAME', ipAddresses: ['300.1.1.1'] }] }, billing.token);
    expect(pushed.importServerInstances.created).toBe(1);
    expect(pushed.importServerInstances.rejected).toHaveLength(1);
    expect(pushed.importServerInstances.rejected[0].violations.map((v: any) => v.rule).sort()).toEqual(['national/instance-ip', 'national/instance-kind']);
    // A token's scope is narrow: it cannot read accounts or orders.
    const nosy = await s.gql(`{ orders(first: 1) { totalCount } }`, {}, billing.token);
    expect(nosy.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // 3. The applicant sees the server and requests a 备案服务号 for it.
    const mine = await s.ok(`{ serverInstances(first: 10) { edges { node { instanceId region mainland billing serviceCodeQuota slotsUsed } } } }`, {}, applicant.token);
    expect(mine.serverInstances.edges.map((e: any) => e.node)).toEqual([
      { instanceId: 'i-wuhan-wxm-0001', region: 'cn-wuhan', mainland: true, billing: 'PREPAID', serviceCodeQuota: 5, slotsUsed: 0 },
    ]);
    const requested = await s.ok(
      `mutation ($id: String!) { requestServiceCode(instanceId: $id) { __typename ... on ServiceCode { code status } ... on Error { message } } }`,
      { id: 'i-wuhan-wxm-0001' },
      applicant.token,
    );
    expect(requested.requestServiceCode).toMatchObject({ __typename: 'ServiceCode', status: 'AVAILABLE' });
    const serviceCode = requested.requestServiceCode.code as string;

    // 4. Which filing type applies (验证备案类型).
    const subject = individualSubject({ provinceCode: 'hubei', provinceName: '湖北省', city: '武汉市', region: '420106', person: { name: '王小明' } });
    const verdict = await s.ok(
      VERIFY_TYPE,
      { input: { provinceCode: 'hubei', nature: 'INDIVIDUAL', certificateType: 'RESIDENT_ID', certificateNumber: subject.certificateNumber, domain: 'wangxm-notes.cn' } },
      applicant.token,
    );
    expect(verdict.verifyFilingType).toMatchObject({ filingType: 'FIRST', violations: [] });

    // 5. The filing, verified with the service code.
    const site = { ...website({ name: '王小明的学习笔记', domain: 'wangxm-notes.cn', serverInstanceId: '' }), productVerification: 'SERVICE_CODE', serverInstanceId: null, serviceCode };
    const draft = await startFiling(s, applicant.token, { subject, websites: [site] });
    expect(draft).toMatchObject({ __typename: 'Order', status: 'DRAFT', filingType: 'FIRST' });
    const feed = take(s.ws(applicant.token), STATUS_FEED, { orderId: draft.id }, 4);

    // 6. Uploads: content decides, not the name: a PNG called .jpg is refused.
    const disguised = await upload(s, applicant.token, { orderId: draft.id, kind: 'CERTIFICATE_FRONT' }, { name: 'id.jpg', bytes: png(), type: 'image/jpeg' });
    expect(disguised.__typename).toBe('ValidationError');
    expect(disguised.violations.map((v: any) => v.rule)).toContain('national/material-jpg');
    const files = { CERTIFICATE_FRONT: jpeg(5000), PRINCIPAL_PHOTO: jpeg(6000) };
    for (const [kind, bytes] of Object.entries(files)) {
      const m = await upload(s, applicant.token, { orderId: draft.id, kind }, { name: `${kind.toLowerCase()}.jpg`, bytes });
      expect(m).toMatchObject({ __typename: 'Material', kind, authenticity: 'PASSED' });
    }

    // 7. Submit for initial review.
    const submitted = await must(s, applicant.token, 'submitOrder', { orderId: draft.id, version: draft.version });
    expect(submitted.status).toBe('PENDING_INITIAL_REVIEW');

    // 8. The reviewer opens each material through its signed link.
    const MATERIALS = `query ($id: ID!) { node(id: $id) { ... on Order { materials { id kind mimeType size url } } } }`;
    const listed = (await s.ok(MATERIALS, { id: draft.id }, staff)).node.materials as { id: string; kind: keyof typeof files; mimeType: string; size: number; url: string }[];
    expect(listed.map((m) => m.kind).sort()).toEqual(['CERTIFICATE_FRONT', 'PRINCIPAL_PHOTO']);
    for (const m of listed) {
      const res = await fetch(`${s.url}${m.url}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(files[m.kind]);
    }
    // A link is bound to its material and its signature: a changed one is refused.
    const forged = listed[0]!.url.replace(/sig=[0-9a-f]{4}/, 'sig=0000');
    expect((await fetch(`${s.url}${forged}`)).status).toBe(403);

    // 9. Initial review approved: 湖北 requires SMS verification.
    const approved = await must(s, staff, 'approveInitialReview', { orderId: draft.id, version: submitted.version });
    expect(approved.status).toBe('PENDING_SMS_VERIFICATION');

    // 10. The code, read from the development outbox (as off the applicant's phone), and verified.
    const outbox = await s.ok(
      `query ($mobile: String) { developmentSmsOutbox(mobile: $mobile) { to template text code orderNumber } }`,
      { mobile: subject.principal.mobile },
      applicant.token,
    );
    const sms = outbox.developmentSmsOutbox[0];
    expect(sms).toMatchObject({ to: subject.principal.mobile, template: 'ICP_VERIFICATION_CODE', orderNumber: draft.number });
    expect(sms.text).toContain(sms.code);
    expect(sms.text).toMatch(/短信核验码/);
    const verified = await must(s, applicant.token, 'verifySmsCode', {
      orderId: draft.id,
      mobile: subject.principal.mobile,
      code: sms.code,
      certificateSuffix: subject.certificateNumber.slice(-6),
    });
    expect(verified.status).toBe('PENDING_MIIT_REVIEW');

    // 11. Submitted to the 管局, which approves: ICP numbers. The demo set holds 鄂ICP备2026000001号, so this is the next.
    const atMiit = await must(s, staff, 'submitToMiit', { orderId: draft.id, version: verified.version });
    const filed = await must(s, staff, 'recordMiitApproval', { orderId: draft.id, version: atMiit.version });
    expect(filed.status).toBe('APPROVED');
    expect(filed.subject.icpNumber).toBe('鄂ICP备2026000002号');
    expect(filed.websites[0].website.icpNumber).toBe('鄂ICP备2026000002号-1');

    // The applicant is told by SMS, in Chinese, with the number.
    const notice = (await s.ok(`query ($mobile: String) { developmentSmsOutbox(mobile: $mobile, last: 1) { template text } }`, { mobile: subject.principal.mobile }, applicant.token))
      .developmentSmsOutbox[0];
    expect(notice).toEqual({
      template: 'ICP_FILING_APPROVED',
      text: `【ICP备案】您的备案订单 ${draft.number} 已通过管局审核，备案号：鄂ICP备2026000002号。请在网站底部展示备案号并链接至工信部网站。`,
    });

    // The applicant saw every status change live.
    const events = (await feed.done).map((r) => r.data!.orderStatusChanged);
    expect(events.map((e: any) => e.toStatus)).toEqual(['PENDING_INITIAL_REVIEW', 'PENDING_SMS_VERIFICATION', 'PENDING_MIIT_REVIEW', 'APPROVED']);

    // The service code is now bound to the website.
    const codes = await s.ok(`{ serverInstances(first: 1) { edges { node { slotsUsed serviceCodes { code status website { icpNumber } } } } } }`, {}, applicant.token);
    expect(codes.serverInstances.edges[0].node).toEqual({
      slotsUsed: 1,
      serviceCodes: [{ code: serviceCode, status: 'BOUND', website: { icpNumber: '鄂ICP备2026000002号-1' } }],
    });

    // 12. An admin reads the audit trail: the reviewer's views of each material, the billing system's push, the token.
    const trail = await s.ok(
      `query ($filter: AuditFilter) { auditTrail(first: 20, filter: $filter) { edges { node { action targetType field orderId integrationTokenId actor { email } } } } }`,
      {},
      admin,
    );
    const entries = trail.auditTrail.edges.map((e: any) => e.node);
    const views = entries.filter((e: any) => e.action === 'MATERIAL_VIEWED');
    expect(views.map((v: any) => v.field).sort()).toEqual(['CERTIFICATE_FRONT', 'PRINCIPAL_PHOTO']);
    expect(views.every((v: any) => v.actor.email === 'reviewer@demo.icp.test')).toBe(true);
    expect(entries.find((e: any) => e.action === 'INSTANCE_REGISTERED')).toMatchObject({ actor: null, integrationTokenId: billing.integrationToken.id });
    expect(entries.some((e: any) => e.action === 'INTEGRATION_TOKEN_CREATED')).toBe(true);
    // Filters and pagination.
    const page = await s.ok(
      `query ($filter: AuditFilter) { auditTrail(first: 1, filter: $filter) { edges { cursor } pageInfo { hasNextPage endCursor } } }`,
      { filter: { action: ['MATERIAL_VIEWED'] } },
      admin,
    );
    expect(page.auditTrail.pageInfo.hasNextPage).toBe(true);
    const next = await s.ok(
      `query ($filter: AuditFilter, $after: String) { auditTrail(first: 5, after: $after, filter: $filter) { edges { node { action } } pageInfo { hasNextPage } } }`,
      { filter: { action: ['MATERIAL_VIEWED'] }, after: page.auditTrail.pageInfo.endCursor },
      admin,
    );
    expect(next.auditTrail.edges.map((e: any) => e.node.action)).toEqual(['MATERIAL_VIEWED']);
    expect(next.auditTrail.pageInfo.hasNextPage).toBe(false);

    // The reviewer sees the order's own entries, and its history records the views.
    const ORDER_AUDIT = `query ($id: ID!) { node(id: $id) { ... on Order { auditTrail(first: 10) { edges { node { action field } } } history(first: 50) { edges { node { type } } } } } }`;
    const orderAudit = (await s.ok(ORDER_AUDIT, { id: draft.id }, staff)).node;
    expect(orderAudit.auditTrail.edges).toHaveLength(2);
    expect(orderAudit.history.edges.filter((e: any) => e.node.type === 'PERSONAL_DATA_VIEWED')).toHaveLength(2);
    // Applicants see neither the trail nor another order's materials.
    const refused = await s.gql(`{ auditTrail(first: 1) { edges { node { action } } } }`, {}, applicant.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // 13. The token is revoked: the billing system is refused from then on.
    await s.ok(`mutation ($id: ID!) { revokeIntegrationToken(id: $id) { __typename ... on IntegrationToken { revokedAt } } }`, { id: billing.integrationToken.id }, admin);
    const late = await s.gql(PUSH, { instances: [{ ...instance, instanceId: 'i-wuhan-wxm-0002' }] }, billing.token);
    expect(late.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // About forty requests end to end: room for a busy machine.
  }, 600_000);
});
