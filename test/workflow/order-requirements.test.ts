/**
 * `Order.requirements`: what the national and province rules ask of an order besides its data, read
 * from the order as it stands (its subject's nature, its websites' service types, the documents
 * uploaded), including what to do after approval. Driven over HTTP as the applicant's console asks.
 */
import type { GraphQLEnumType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNationalDefaults, listProvinces } from '../../provinces/index.js';
import { schema } from '../../src/schema/index.js';
import { kindValue } from '../../src/schema/labels.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { companySubject, individualSubject, jpeg, server, signUp, upload, website } from '../support/fixtures.js';
import { startFiling } from '../support/workflow.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-08-03T02:00:00Z' });
});
afterAll(async () => {
  await s?.close();
});

const REQUIREMENTS = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) { ... on Order { requirements { id module kind status message messageEn source value } } }
  }
`;

interface Req {
  id: string;
  module: string;
  kind: string;
  status: string;
  message: string;
  source: string;
  value: string | null;
}

async function requirements(token: string, orderId: string): Promise<Req[] | null> {
  const data = await s.ok(REQUIREMENTS, { id: orderId }, token);
  return data.node?.requirements ?? null;
}

const PROVINCE_REQUIREMENTS = /* GraphQL */ `
  query ($province: String!, $filingType: FilingType!, $nature: SubjectNature!, $serviceTypes: [String!]) {
    provinceRequirements(province: $province, filingType: $filingType, nature: $nature, serviceTypes: $serviceTypes) { id }
  }
`;

describe('Order.requirements', () => {
  it('a 江苏 individual website: the footer with its ICP number and 版权所有, and 公安联网备案, as steps after approval', async () => {
    const applicant = await signUp(s, '王芳');
    const instance = await server(s, applicant.accountId);
    const draft = await startFiling(s, applicant.token, {
      subject: individualSubject({ provinceCode: 'jiangsu', provinceName: '江苏省', city: '南京市', region: '320102', person: { name: '王芳' } }),
      websites: [website({ name: '王芳的个人博客', domain: 'wangfang-blog.cn', serverInstanceId: instance, remark: '分享摄影作品与拍摄心得' })],
    });
    expect(draft).toMatchObject({ __typename: 'Order', status: 'DRAFT' });

    const reqs = (await requirements(applicant.token, draft.id))!;
    const after = reqs.filter((r) => r.kind === 'AFTER_APPROVAL').map((r) => r.id);
    expect(after).toEqual(expect.arrayContaining(['national/icp-number-footer', 'national/public-security-filing', 'jiangsu/copyright-footer']));
    const copyright = reqs.find((r) => r.id === 'jiangsu/copyright-footer')!;
    expect(copyright).toMatchObject({ module: 'jiangsu', status: 'OBLIGATION', message: '网站底部须添加版权所有' });
    expect(copyright.source).toMatch(/seed:001/);
    // A non-commercial website needs no ICP licence.
    expect(reqs.map((r) => r.id)).not.toContain('national/commercial-icp-licence');

    // The same list the province query gives for this filing, nature and service type.
    const province = await s.ok(PROVINCE_REQUIREMENTS, { province: 'jiangsu', filingType: 'FIRST', nature: 'INDIVIDUAL', serviceTypes: ['NON_COMMERCIAL'] }, applicant.token);
    // The province query for this filing, nature and service type gives the same rules, and those the
    // order's data already meets besides (the access method it declares).
    const general = province.provinceRequirements.map((r: { id: string }) => r.id);
    expect(general).toEqual(expect.arrayContaining(reqs.map((r) => r.id)));
    expect(general.filter((id: string) => !reqs.some((r) => r.id === id))).toEqual(['national/access-method']);
  });

  it('a commercial website adds the 经营性ICP许可证; an uploaded document leaves the list', async () => {
    const applicant = await signUp(s, '李娜');
    const instance = await server(s, applicant.accountId);
    const draft = await startFiling(s, applicant.token, {
      subject: companySubject({ provinceCode: 'guangdong', provinceName: '广东省', city: '广州市', region: '440106', name: '广州恒远信息技术有限公司' }),
      websites: [{ ...website({ name: '恒远商城', domain: 'hengyuan-shop.cn', serverInstanceId: instance, remark: '销售办公用品' }), contentCategory: 'ENTERPRISE_PORTAL', serviceType: 'COMMERCIAL' }],
    });
    expect(draft).toMatchObject({ __typename: 'Order', status: 'DRAFT' });

    const before = (await requirements(applicant.token, draft.id))!;
    expect(before.find((r) => r.id === 'national/commercial-icp-licence')).toMatchObject({ status: 'OBLIGATION', module: 'national' });
    // 广东 asks for a signed commitment letter (seed 000); once uploaded it is met and leaves the list.
    const letter = before.find((r) => r.kind === 'DOCUMENT' && r.value === 'GUANGDONG_COMMITMENT_LETTER');
    expect(letter).toBeDefined();
    const uploaded = await upload(s, applicant.token, { orderId: draft.id, kind: 'COMMITMENT_LETTER', documentCode: 'GUANGDONG_COMMITMENT_LETTER' }, { name: 'letter.jpg', bytes: jpeg() });
    expect(uploaded.__typename).toBe('Material');
    const after = (await requirements(applicant.token, draft.id))!;
    expect(after.find((r) => r.value === 'GUANGDONG_COMMITMENT_LETTER')).toBeUndefined();
    expect(after.length).toBe(before.length - 1);
  });

  it('is the owner’s and the staff’s only', async () => {
    const owner = await signUp(s, '许晴');
    const instance = await server(s, owner.accountId);
    const draft = await startFiling(s, owner.token, {
      subject: individualSubject({ provinceCode: 'anhui', provinceName: '安徽省', city: '合肥市', region: '340104', person: { name: '许晴' } }),
      websites: [website({ name: '许晴的园艺日记', domain: 'xuqing-garden.cn', serverInstanceId: instance, remark: '分享家庭园艺经验' })],
    });
    expect((await requirements(owner.token, draft.id))!.length).toBeGreaterThan(0);
    const stranger = await signUp(s, '旁人');
    expect(await requirements(stranger.token, draft.id)).toBeNull();
  });
});

describe('requirement kinds', () => {
  it('every kind a national or province rule uses has a RequirementKind value', () => {
    const kinds = new Set([...getNationalDefaults().requirements, ...listProvinces().flatMap((p) => p.requirements)].map((r) => r.kind));
    expect(kinds.size).toBeGreaterThan(5);
    const values = new Set((schema.getType('RequirementKind') as GraphQLEnumType).getValues().map((v) => v.name));
    for (const kind of kinds) expect(values, kind).toContain(kindValue(kind));
  });
});
