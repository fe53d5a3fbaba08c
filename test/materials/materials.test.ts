/**
 * Uploaded materials: kept on disk (MATERIAL_STORAGE=disk) or in the database, with a size limit,
 * served through short-lived signed links to the owner and reviewers only, and never lost when an
 * order is withdrawn and filed again.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/harness.js';
import { individualSubject, jpeg, signUp, upload, website } from '../support/fixtures.js';
import { must, startFiling } from '../support/workflow.js';

const dir = mkdtempSync(path.join(tmpdir(), 'icp-materials-'));
let s: TestServer;
let admin: string;
beforeAll(async () => {
  s = await startTestServer({
    start: '2026-03-02T02:00:00Z',
    env: { SEED_DEMO: 'true', MATERIAL_STORAGE: 'disk', MATERIAL_DIR: dir, MATERIAL_MAX_BYTES: '65536', MATERIAL_URL_TTL_SECONDS: '60' },
  });
  admin = (await s.ok(`mutation { signIn(email: "admin@demo.icp.test", password: "demo-password-1") { ... on SessionPayload { token } } }`)).signIn.token;
});
afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

const MATERIALS = `query ($id: ID!) { node(id: $id) { ... on Order { status materials { id kind sha256 url } } } }`;

async function applicantWithDraft(name: string, domain: string) {
  const a = await signUp(s, name);
  const instanceId = `i-mat-${domain.split('.')[0]}`;
  await s.ok(
    `mutation ($input: ServerInstanceInput!) { registerServerInstance(input: $input) { __typename } }`,
    { input: { instanceId, ownerEmail: a.email, region: 'cn-wuhan', billing: 'PREPAID', expiresAt: '2027-06-01T00:00:00Z' } },
    admin,
  );
  const subject = individualSubject({ provinceCode: 'hubei', provinceName: '湖北省', city: '武汉市', region: '420106', person: { name } });
  const input = { subject, websites: [website({ name: `${name}的读书笔记`, domain, serverInstanceId: instanceId })] };
  const order = await startFiling(s, a.token, input);
  expect(order.__typename, JSON.stringify(order)).toBe('Order');
  return { a, order, input };
}

describe('materials', () => {
  it('stores files on disk by their hash, refuses oversized ones, and serves them to the owner through signed links', async () => {
    const { a, order } = await applicantWithDraft('周明', 'zhouming-reads.cn');
    const big = await upload(s, a.token, { orderId: order.id, kind: 'CERTIFICATE_FRONT' }, { name: 'big.jpg', bytes: jpeg(70_000) });
    expect(big.violations.map((v: any) => v.rule)).toEqual(['national/material-size']);

    const bytes = jpeg(8000);
    const m = await upload(s, a.token, { orderId: order.id, kind: 'CERTIFICATE_FRONT' }, { name: 'id.jpg', bytes, type: 'application/octet-stream' });
    expect(m.__typename).toBe('Material');
    const [listed] = (await s.ok(MATERIALS, { id: order.id }, a.token)).node.materials;
    const onDisk = path.join(dir, listed.sha256.slice(0, 2), listed.sha256);
    expect(existsSync(onDisk)).toBe(true);
    expect(new Uint8Array(readFileSync(onDisk))).toEqual(bytes);

    const res = await fetch(`${s.url}${listed.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);

    // Another applicant neither sees the material nor can use the owner's link under their own name.
    const other = await signUp(s);
    const theirView = await s.gql(MATERIALS, { id: order.id }, other.token);
    expect(theirView.data?.node ?? null).toBeNull();
    const me = (await s.ok(`{ viewer { id } }`, {}, other.token)).viewer.id;
    expect((await fetch(`${s.url}${listed.url.replace(/by=[^&]+/, `by=${encodeURIComponent(me)}`)}`)).status).toBe(403);

    // Links are short-lived.
    s.clock.advance(61_000);
    expect((await fetch(`${s.url}${listed.url}`)).status).toBe(403);
    // Owner views are not audited; nothing was written for them.
    const trail = await s.ok(`{ auditTrail(first: 50, filter: { action: ["MATERIAL_VIEWED"] }) { edges { node { targetId } } } }`, {}, admin);
    expect(trail.auditTrail.edges.filter((e: any) => e.node.targetId === listed.id)).toEqual([]);
  });

  it('keeps every material when an order is withdrawn and the subject files again', async () => {
    const { a, order, input } = await applicantWithDraft('吴芳', 'wufang-reads.cn');
    const bytes = jpeg(9000);
    await upload(s, a.token, { orderId: order.id, kind: 'CERTIFICATE_FRONT' }, { name: 'id.jpg', bytes });
    await upload(s, a.token, { orderId: order.id, kind: 'PRINCIPAL_PHOTO' }, { name: 'face.jpg', bytes: jpeg(9100) });
    const submitted = await must(s, a.token, 'submitOrder', { orderId: order.id, version: order.version });
    await must(s, a.token, 'withdrawOrder', { orderId: order.id, version: submitted.version, reason: '重新填写' });

    const again = await startFiling(s, a.token, input);
    expect(again.__typename, JSON.stringify(again)).toBe('Order');
    await upload(s, a.token, { orderId: again.id, kind: 'CERTIFICATE_FRONT' }, { name: 'id.jpg', bytes });

    const old = (await s.ok(MATERIALS, { id: order.id }, a.token)).node;
    expect(old.status).toBe('WITHDRAWN');
    expect(old.materials).toHaveLength(2);
    const current = (await s.ok(MATERIALS, { id: again.id }, a.token)).node.materials;
    expect(current[0].sha256).toBe(old.materials.find((m: any) => m.kind === 'CERTIFICATE_FRONT').sha256);
    for (const m of [...old.materials, ...current]) {
      const res = await fetch(`${s.url}${m.url}`);
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });
});
