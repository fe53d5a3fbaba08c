/**
 * Seed rules that must hold through the API, each test citing the seed line it enforces
 * (`shared/seeds/<file>` line numbers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/harness.js';
import { individualSubject, server, signUp, website } from '../support/fixtures.js';
import { startFiling } from '../support/workflow.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-05-11T02:00:00Z', env: { PROVIDER_MAX_ACCESS_APPLICATIONS_IN_FLIGHT: '2' } });
});
afterAll(async () => {
  await s?.close();
});

const CHECK = /* GraphQL */ `
  query ($province: String!, $nature: SubjectNature!, $name: String!, $subjectName: String!, $remark: String, $at: DateTime) {
    checkWebsiteName(province: $province, nature: $nature, name: $name, subjectName: $subjectName, remark: $remark, at: $at) {
      field rule module matched source severity context message
    }
  }
`;

type V = { field: string; rule: string; module: string; matched: string | null; source: string; severity: string; context: string | null };

async function check(province: string, name: string, subjectName = '王芳', extra: Record<string, unknown> = {}): Promise<V[]> {
  const data = await s.ok<{ checkWebsiteName: V[] }>(CHECK, { province, nature: 'INDIVIDUAL', name, subjectName, ...extra });
  return data.checkWebsiteName;
}

describe('seed 002 附录二 个人网站命名要求, through checkWebsiteName', () => {
  it('line 680 "不能涉及到行业、企业、产品等信息": company, trading and group names are refused for individuals', async () => {
    for (const [name, word] of [
      ['王芳的科技有限公司', '有限公司'],
      ['王芳贸易公司', '贸易'],
      ['王芳的集团', '集团'],
    ] as const) {
      const violations = await check('anhui', name);
      expect(violations, name).toContainEqual(
        expect.objectContaining({ rule: 'national/individual-enterprise-words', module: 'national', matched: word, severity: 'ERROR' }),
      );
      expect(violations.find((v) => v.rule === 'national/individual-enterprise-words')?.source).toMatch(/^seed:002_cda330130d5f816e\.txt §附录二/);
    }
  });

  it('line 681 "不能使用个人姓名、地名、成语": prefecture and county names (GB/T 2260) and idioms are refused', async () => {
    expect(await check('anhui', '王芳的杭州游记')).toContainEqual(
      expect.objectContaining({ rule: 'national/individual-place-names', matched: '杭州', severity: 'ERROR' }),
    );
    expect(await check('anhui', '王芳的婺源县摄影')).toContainEqual(expect.objectContaining({ rule: 'national/individual-place-names', matched: '婺源县' }));
    expect(await check('anhui', '王芳的画蛇添足')).toContainEqual(
      expect.objectContaining({ rule: 'national/individual-idioms', matched: '画蛇添足', severity: 'ERROR' }),
    );
    // The applicant's own name relates the site to the subject (seed 002 §3) and is never a place name: 王杭州.
    expect((await check('anhui', '王杭州的读书笔记', '王杭州')).map((v) => v.rule)).toEqual([]);
    // A name that is only the person's name stays refused (line 681, 个人姓名).
    expect((await check('anhui', '王芳的', '王芳')).map((v) => v.rule)).toContain('national/not-personal-name');
    // Organisations are not subject to the individual rules.
    const company = await s.ok<{ checkWebsiteName: V[] }>(CHECK, {
      province: 'anhui',
      nature: 'ENTERPRISE',
      name: '杭州星辰科技官网',
      subjectName: '杭州星辰科技有限公司',
    });
    expect(company.checkWebsiteName).toEqual([]);
  });

  it('line 689 江苏 "并在备注中说明网站开通后的主要内容": a missing remark is refused, on the remark field', async () => {
    const absent = await check('jiangsu', '王芳的个人博客');
    expect(absent).toContainEqual(expect.objectContaining({ rule: 'jiangsu/individual-name-pattern', field: 'remark', module: 'jiangsu' }));
    const given = await check('jiangsu', '王芳的个人博客', '王芳', { remark: '分享摄影作品与拍摄心得' });
    expect(given).toEqual([]);
  });

  it('line 690 table, 河南 and 辽宁 list 购 verbatim: 采购 gets a warning with its context (河南) or nothing (辽宁 allow-list)', async () => {
    const henan = await check('henan', '王小明的采购笔记', '王小明');
    expect(henan).toEqual([
      expect.objectContaining({ rule: 'henan/individual-banned-words', matched: '购', severity: 'WARNING', context: '…小明的采[购]笔记' }),
    ]);
    expect(await check('liaoning', '王小明的采购笔记', '王小明')).toEqual([]);
    // The shopping words themselves stay refusals.
    expect(await check('henan', '王小明的购物分享', '王小明')).toContainEqual(
      expect.objectContaining({ rule: 'henan/individual-banned-words', matched: '购物', severity: 'ERROR' }),
    );
  });

  it('checkWebsiteName(at:) takes the rules of the day asked for', async () => {
    const past = await check('henan', '王小明的购物分享', '王小明', { at: '2018-01-01T04:00:00Z' });
    expect(past.map((v) => v.rule)).toContain('henan/individual-banned-words');
  });
});

describe('filings through the API', () => {
  it('seed 002 line 689: a 江苏 individual filing with a null or absent remark is refused on websites[0].remark', async () => {
    const applicant = await signUp(s, '王芳');
    const instance = await server(s, applicant.accountId);
    const subject = individualSubject({ provinceCode: 'jiangsu', provinceName: '江苏省', city: '南京市', region: '320102', person: { name: '王芳' } });
    const base = website({ name: '王芳的个人博客', domain: 'wangfang-blog.cn', serverInstanceId: instance });
    const { remark: _omitted, ...withoutRemark } = base;
    for (const site of [{ ...base, remark: null }, withoutRemark]) {
      const result = await startFiling(s, applicant.token, { subject, websites: [site] });
      expect(result.__typename).toBe('ValidationError');
      expect(result.violations).toContainEqual(
        expect.objectContaining({ field: 'websites[0].remark', rule: 'jiangsu/individual-name-pattern', module: 'jiangsu' }),
      );
    }
  });

  it('seed 002 line 681: an individual filing named after a place is refused, naming the rule and field', async () => {
    const applicant = await signUp(s, '李娜');
    const instance = await server(s, applicant.accountId);
    const subject = individualSubject({ provinceCode: 'anhui', provinceName: '安徽省', city: '合肥市', region: '340102', person: { name: '李娜' } });
    const result = await startFiling(s, applicant.token, {
      subject,
      websites: [website({ name: '李娜的杭州游记', domain: 'lina-travel.cn', serverInstanceId: instance })],
    });
    expect(result.__typename).toBe('ValidationError');
    expect(result.violations).toContainEqual(
      expect.objectContaining({ field: 'websites[0].name', rule: 'national/individual-place-names', matched: '杭州', module: 'national' }),
    );
  });
});

describe('seed 001 line 94, seed 004 line 67: 经营性 services need an ICP licence after filing', () => {
  const REQUIREMENTS = /* GraphQL */ `
    query ($serviceTypes: [String!]) {
      provinceRequirements(province: "anhui", filingType: FIRST, nature: ENTERPRISE, serviceTypes: $serviceTypes) {
        id status value needs message source
      }
    }
  `;
  it('tells a commercial applicant to obtain 经营性ICP许可证, and asks for the service type when unknown', async () => {
    const commercial = await s.ok(REQUIREMENTS, { serviceTypes: ['COMMERCIAL'] });
    expect(commercial.provinceRequirements).toContainEqual(
      expect.objectContaining({ id: 'national/commercial-icp-licence', status: 'OBLIGATION', value: '经营性ICP许可证' }),
    );
    const unknown = await s.ok(REQUIREMENTS, {});
    expect(unknown.provinceRequirements).toContainEqual(
      expect.objectContaining({ id: 'national/commercial-icp-licence', status: 'UNDECIDED', needs: ['websites.serviceType'] }),
    );
    const nonCommercial = await s.ok(REQUIREMENTS, { serviceTypes: ['NON_COMMERCIAL'] });
    expect(nonCommercial.provinceRequirements.map((r: { id: string }) => r.id)).not.toContain('national/commercial-icp-licence');
  });
});

describe('seed 002 表3-1 (lines 658–663) over undated provider knowledge', () => {
  it('四川, 新疆, 山西, 海南 and 江西 limits are advisories: the seed limits decide', async () => {
    const data = await s.ok(/* GraphQL */ `
      {
        sichuan: siteLimits(province: "sichuan", filingType: FIRST, nature: ENTERPRISE) { maxWebsites maxDomainsPerWebsite advisories { id maxWebsites } }
        shanxi: siteLimits(province: "shanxi", filingType: FIRST, nature: ENTERPRISE) { maxNewDomains advisories { id maxNewDomains } }
        hainan: siteLimits(province: "hainan", filingType: FIRST, nature: INDIVIDUAL) { maxNewDomains advisories { id maxNewDomains } }
        jiangxi: siteLimits(province: "jiangxi", filingType: ADD_WEBSITE, nature: INDIVIDUAL, existingWebsites: 8) { maxNewDomains advisories { id } }
        xinjiang: siteLimits(province: "xinjiang", filingType: FIRST, nature: INDIVIDUAL) { maxWebsites advisories { id } }
      }
    `);
    expect(data.sichuan).toEqual({ maxWebsites: null, maxDomainsPerWebsite: 1, advisories: [{ id: 'sichuan/websites-per-order', maxWebsites: 1 }] });
    expect(data.shanxi).toEqual({ maxNewDomains: null, advisories: [{ id: 'shanxi/new-domains-per-order', maxNewDomains: 3 }] });
    expect(data.hainan).toEqual({ maxNewDomains: null, advisories: [{ id: 'hainan/individual-first-filing-domains', maxNewDomains: 1 }] });
    expect(data.jiangxi).toEqual({ maxNewDomains: null, advisories: [{ id: 'jiangxi/individual-existing-sites' }] });
    expect(data.xinjiang).toEqual({ maxWebsites: null, advisories: [{ id: 'xinjiang/websites-per-order' }] });
  });
});

describe('seed 000 line 93: access applications in flight are a provider policy', () => {
  it('is listed with its source and the deployment’s value', async () => {
    const data = await s.ok(`{ providerPolicies { id value defaultValue env source } }`);
    expect(data.providerPolicies).toEqual([
      {
        id: 'provider/access-applications-in-flight',
        value: 2,
        defaultValue: 3,
        env: 'PROVIDER_MAX_ACCESS_APPLICATIONS_IN_FLIGHT',
        source: 'seed:000_d2f846ec46511894.txt §3.4 提交备案信息注意事项',
      },
    ]);
  });
});
