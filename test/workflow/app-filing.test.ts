/**
 * APP备案 over the API (HTTP only): APPs, mini-programs and quick apps filed alone or beside websites,
 * numbered `-NA` / `-NX` / `-NK` from the subject's never-reused sequence; 湖北 and 湖南 taking one item
 * per order (seed 003 注); APP names unique within a subject; syntax problems listed together; and an
 * APP's change and cancellation (注销APP).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/harness.js';
import { companySubject, individualSubject, reviewer, server, signUp, upload, uploadRequiredMaterials, website } from '../support/fixtures.js';
import { approveAll, must, ruleIds, startCancellation, startChangeFiling, startFiling, VERIFY_TYPE } from '../support/workflow.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-03-02T02:00:00Z' });
});
afterAll(async () => {
  await s?.close();
});

const MD5 = '3A:5F:0B:1C:2D:3E:4F:50:61:72:83:94:A5:B6:C7:D8';
const KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0';

function app(p: { name: string; serverInstanceId: string; domains?: string[]; contentCategory?: string; platforms?: unknown[]; kind?: string }) {
  return {
    kind: p.kind ?? 'APP',
    name: p.name,
    contentCategory: p.contentCategory ?? 'OTHER',
    languages: ['zh-Hans'],
    remark: '记录每日学习计划的工具',
    platforms: p.platforms ?? [
      { kind: 'ANDROID', packageName: 'com.example.notes', publicKey: KEY, md5Signature: MD5 },
      { kind: 'IOS', packageName: 'com.example.notes', publicKey: KEY, md5Signature: MD5.replace(/:/g, '').toLowerCase() },
    ],
    sdks: [{ provider: '华为', type: '推送' }],
    domains: p.domains ?? [],
    ipAddresses: ['203.0.113.10'],
    productVerification: 'SERVER_INSTANCE',
    serverInstanceId: p.serverInstanceId,
  };
}

/** The filing type of an order and the labels a frontend shows for it. */
async function labels(token: string, id: string) {
  const data = await s.ok(`query ($id: ID!) { node(id: $id) { ... on Order { filingType filingTypeLabel variantLabel } } }`, { id }, token);
  return data.node;
}

/** A PNG by its signature and header chunk, as content sniffing sees it. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...new Array(200).fill(7)]);

const ITEMS = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) {
      ... on Order {
        status
        websites {
          service {
            __typename id kind name icpNumber status
            ... on App { homepageUrl platforms { kind packageName md5Signature } sdks { provider type } domains { name } }
            ... on Website { domains { name } }
          }
        }
      }
    }
  }
`;

async function items(token: string, orderId: string) {
  return (await s.ok(ITEMS, { id: orderId }, token)).node;
}

async function fileAndApprove(applicant: { token: string }, staff: string, input: { subject: any; websites?: unknown[]; apps?: unknown[] }) {
  const order = await startFiling(s, applicant.token, { websites: [], apps: [], ...input });
  expect(order.__typename, JSON.stringify(order)).toBe('Order');
  await uploadRequiredMaterials(s, applicant.token, order.id, input.subject.nature === 'INDIVIDUAL' ? 'INDIVIDUAL' : 'UNIT');
  // Each APP needs its icon before the order can be submitted (seed 003).
  const apps = (await items(applicant.token, order.id)).websites.map((l: any) => l.service).filter((x: any) => x.__typename !== 'Website');
  if (apps.length) {
    const missing = await s.ok(`query ($id: ID!) { validateOrder(orderId: $id) { field rule } }`, { id: order.id }, applicant.token);
    expect(missing.validateOrder.map((v: { rule: string }) => v.rule)).toContain('national/app-icon-required');
  }
  for (const a of apps) {
    const icon = await upload(s, applicant.token, { orderId: order.id, kind: 'APP_ICON', websiteId: a.id }, { name: 'icon.png', bytes: PNG, type: 'image/png' });
    expect(icon.__typename).toBe('Material');
  }
  const submitted = await must(s, applicant.token, 'submitOrder', { orderId: order.id, version: order.version });
  const people = [input.subject.principal];
  const { order: approved } = await approveAll(s, staff, applicant.token, submitted, people);
  return approved;
}

describe('APP filing (APP备案)', () => {
  it('files an individual’s APP in 湖北 end to end, refusing a second item in the order', async () => {
    const applicant = await signUp(s, '周小舟');
    const staff = await reviewer(s);
    const instance = await server(s, applicant.accountId);
    const subject = individualSubject({ provinceCode: 'hubei', provinceName: '湖北省', city: '武汉市', region: '420106', person: { name: '周小舟' } });

    const verdict = await s.ok(
      VERIFY_TYPE,
      { input: { provinceCode: 'hubei', nature: 'INDIVIDUAL', certificateType: 'RESIDENT_ID', certificateNumber: subject.certificateNumber, appName: '小舟学习计划' } },
      applicant.token,
    );
    expect(verdict.verifyFilingType).toMatchObject({ filingType: 'FIRST', domain: null, violations: [] });

    // 湖北: one APP or one domain per order (seed 003 注).
    const two = await startFiling(s, applicant.token, {
      subject,
      websites: [website({ name: '周小舟的学习笔记', domain: 'zhouxz-notes.cn', serverInstanceId: instance })],
      apps: [app({ name: '小舟学习计划', serverInstanceId: instance, domains: ['api.zhouxz-notes.cn'] })],
    });
    expect(two.__typename).toBe('ValidationError');
    const limit = two.violations.find((v: { rule: string }) => v.rule === 'hubei/items-per-order');
    expect(limit).toMatchObject({ module: 'hubei', field: 'items', matched: '2' });
    expect(limit.source).toMatch(/seed:003/);

    const order = await startFiling(s, applicant.token, {
      subject,
      websites: [],
      apps: [app({ name: '小舟学习计划', serverInstanceId: instance, domains: ['zhouxz-app.cn', 'api.zhouxz-app.cn'] })],
    });
    expect(order).toMatchObject({ __typename: 'Order', filingType: 'FIRST', status: 'DRAFT' });
    const draft = await items(applicant.token, order.id);
    const item = draft.websites[0].service;
    expect(item).toMatchObject({
      __typename: 'App',
      kind: 'APP',
      name: '小舟学习计划',
      homepageUrl: null,
      platforms: [
        { kind: 'ANDROID', packageName: 'com.example.notes', md5Signature: '3A5F0B1C2D3E4F5061728394A5B6C7D8' },
        { kind: 'IOS', packageName: 'com.example.notes', md5Signature: '3A5F0B1C2D3E4F5061728394A5B6C7D8' },
      ],
      sdks: [{ provider: '华为', type: '推送' }],
      domains: [{ name: 'zhouxz-app.cn' }, { name: 'api.zhouxz-app.cn' }],
    });

    // The icon: png by its content, attached to the APP; a GIF is refused.
    const icon = await upload(s, applicant.token, { orderId: order.id, kind: 'APP_ICON', websiteId: item.id }, { name: 'icon.png', bytes: PNG, type: 'image/png' });
    expect(icon).toMatchObject({ __typename: 'Material', kind: 'APP_ICON' });
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, ...new Array(200).fill(1)]);
    const refused = await upload(s, applicant.token, { orderId: order.id, kind: 'APP_ICON', websiteId: item.id }, { name: 'icon.gif', bytes: gif, type: 'image/gif' });
    expect(ruleIds(refused)).toEqual(['national/app-icon-extension', 'national/app-icon-type']);

    await uploadRequiredMaterials(s, applicant.token, order.id, 'INDIVIDUAL');
    const submitted = await must(s, applicant.token, 'submitOrder', { orderId: order.id, version: order.version });
    const { order: approved, smsTo } = await approveAll(s, staff, applicant.token, submitted, [subject.principal]);
    expect(smsTo).toEqual([subject.principal.mobile]);
    expect(approved.subject.icpNumber).toBe('鄂ICP备2026000001号');
    const filed = await items(applicant.token, order.id);
    expect(filed.websites[0].service).toMatchObject({ __typename: 'App', icpNumber: '鄂ICP备2026000001号-1A', status: 'FILED' });

    // The same name again in this subject is refused; as a new name it is 新增.
    const again = await s.ok(
      VERIFY_TYPE,
      { input: { provinceCode: 'hubei', nature: 'INDIVIDUAL', certificateType: 'RESIDENT_ID', certificateNumber: subject.certificateNumber, appName: '小舟学习计划' } },
      applicant.token,
    );
    expect(again.verifyFilingType.filingType).toBeNull();
    expect(ruleIds(again.verifyFilingType)).toEqual(['national/app-already-filed']);
    const added = await s.ok(
      `query ($input: FilingTypeCheckInput!) { verifyFilingType(input: $input) { filingType filingTypeLabel variant violations { rule } } }`,
      { input: { provinceCode: 'hubei', nature: 'INDIVIDUAL', certificateType: 'RESIDENT_ID', certificateNumber: subject.certificateNumber, appName: '小舟错题本' } },
      applicant.token,
    );
    expect(added.verifyFilingType).toMatchObject({ filingType: 'ADD_WEBSITE', filingTypeLabel: '新增APP', variant: 'ADD_WEBSITE_HERE', violations: [] });
  });

  it('files an enterprise’s website and APP in one 河南 order (-1 and -2A), and its mini-program next (-3X)', async () => {
    const applicant = await signUp(s, '恒达科技');
    const staff = await reviewer(s);
    const instance = await server(s, applicant.accountId);
    const subject = companySubject({ provinceCode: 'henan', provinceName: '河南省', city: '郑州市', region: '410100', name: '郑州恒达软件科技有限公司' });
    const approved = await fileAndApprove(applicant, staff, {
      subject,
      websites: [{ ...website({ name: '恒达软件官网', domain: 'hengda-soft.cn', serverInstanceId: instance }), contentCategory: 'ENTERPRISE_PORTAL' }],
      apps: [app({ name: '恒达办公', serverInstanceId: instance, domains: ['api.hengda-soft.cn'], contentCategory: 'ENTERPRISE_PORTAL' })],
    });
    const filed = await items(applicant.token, approved.id);
    const numbers = filed.websites.map((l: any) => [l.service.__typename, l.service.icpNumber]);
    const subjectNumber = approved.subject.icpNumber;
    expect(subjectNumber).toMatch(/^豫ICP备2026\d{6}号$/);
    expect(numbers).toEqual([
      ['Website', `${subjectNumber}-1`],
      ['App', `${subjectNumber}-2A`],
    ]);

    // The subject lists its items, each as its own type.
    const listed = await s.ok(
      `query ($id: ID!) { node(id: $id) { ... on Subject { services(first: 10) { totalCount edges { node { __typename name icpNumber ... on App { platforms { kind } } } } } } } }`,
      { id: approved.subject.id },
      applicant.token,
    );
    expect(listed.node.services.edges.map((e: any) => [e.node.__typename, e.node.icpNumber])).toEqual(numbers);
    expect(listed.node.services.edges[1].node.platforms).toEqual([{ kind: 'ANDROID' }, { kind: 'IOS' }]);

    // The same APP name under this subject: refused; another subject may use it.
    const dup = await startFiling(s, applicant.token, {
      subject,
      websites: [],
      apps: [app({ name: '恒达办公', serverInstanceId: instance, domains: ['api.hengda-soft.cn'], contentCategory: 'ENTERPRISE_PORTAL' })],
    });
    expect(dup.__typename).toBe('ValidationError');
    expect(ruleIds(dup)).toContain('national/app-already-filed');

    const other = await signUp(s, '另一家公司');
    const otherInstance = await server(s, other.accountId);
    const otherSubject = companySubject({ provinceCode: 'henan', provinceName: '河南省', city: '郑州市', region: '410100', name: '郑州远航网络有限公司' });
    const otherOrder = await startFiling(s, other.token, {
      subject: otherSubject,
      websites: [],
      apps: [app({ name: '恒达办公', serverInstanceId: otherInstance, domains: ['yuanhang-net.cn'], contentCategory: 'ENTERPRISE_PORTAL' })],
    });
    expect(otherOrder).toMatchObject({ __typename: 'Order', filingType: 'FIRST' });
    // A back-end domain of another subject is refused.
    const third = await signUp(s, '第三家公司');
    const thirdSubject = companySubject({ provinceCode: 'henan', provinceName: '河南省', city: '郑州市', region: '410100', name: '郑州远航科技有限公司' });
    const foreign = await startFiling(s, third.token, {
      subject: thirdSubject,
      websites: [],
      apps: [app({ name: '远航助手', serverInstanceId: await server(s, third.accountId), domains: ['api.hengda-soft.cn'], contentCategory: 'ENTERPRISE_PORTAL' })],
    });
    expect(foreign.__typename).toBe('ValidationError');
    expect(foreign.violations.find((v: { rule: string }) => v.rule === 'national/app-domain-other-subject')).toMatchObject({ field: 'apps[0].domains[0]', matched: 'hengda-soft.cn' });

    // 新增: a mini-program of the filed subject continues the sequence.
    const mini = await fileAndApprove(applicant, staff, {
      subject,
      apps: [
        {
          ...app({ name: '恒达办公小程序', serverInstanceId: instance, contentCategory: 'ENTERPRISE_PORTAL', platforms: [{ kind: 'WECHAT', appId: 'wx0123456789abcdef' }] }),
          kind: 'MINI_PROGRAM',
          sdks: [],
        },
      ],
    });
    expect(mini.filingType).toBe('ADD_WEBSITE');
    const miniItems = await items(applicant.token, mini.id);
    expect(miniItems.websites[0].service).toMatchObject({ __typename: 'MiniProgram', icpNumber: `${subjectNumber}-3X` });
    // The labels a frontend shows name what the order adds.
    expect(await labels(applicant.token, mini.id)).toEqual({ filingType: 'ADD_WEBSITE', filingTypeLabel: '新增小程序', variantLabel: '新增小程序（原备案在本平台）' });
  });

  it('lists every problem of a bad APP at once: package name, MD5, too many domains', async () => {
    const applicant = await signUp(s, '错误示例');
    const instance = await server(s, applicant.accountId);
    const subject = companySubject({ provinceCode: 'henan', provinceName: '河南省', city: '郑州市', region: '410100', name: '郑州示例网络有限公司' });
    const badApps = [
      app({
        name: '示例助手',
        serverInstanceId: instance,
        contentCategory: 'PERSONAL_BLOG',
        domains: Array.from({ length: 21 }, (_, i) => `s${i}.shili-net.cn`),
        platforms: [
          { kind: 'ANDROID', packageName: 'shili', publicKey: KEY, md5Signature: '12345' },
          { kind: 'WECHAT', appId: 'wx1' },
        ],
      }),
    ];
    const bad = await startFiling(s, applicant.token, { subject, websites: [], apps: badApps });
    expect(bad.__typename).toBe('ValidationError');
    const found = bad.violations.map((v: { field: string; rule: string }) => `${v.field} ${v.rule}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'apps[0].platforms[0].packageName national/app-package-name',
        'apps[0].platforms[0].md5Signature national/app-md5-signature',
        'apps[0].platforms[1].kind national/app-platform-kind',
        'apps[0].domains national/app-domains-max',
        'apps[0].contentCategory national/app-content-nature',
      ]),
    );
    // validateFiling (as the user types) answers the same, without writing anything.
    const asTyped = await s.ok(`query ($input: FilingInput!) { validateFiling(input: $input) { field rule } }`, { input: { subject, websites: [], apps: badApps } }, applicant.token);
    expect(asTyped.validateFiling.map((v: { field: string; rule: string }) => `${v.field} ${v.rule}`).sort()).toEqual([...found].sort());
    const md5 = bad.violations.find((v: { rule: string }) => v.rule === 'national/app-md5-signature');
    expect(md5.message).toContain('32位十六进制');
    expect(await s.db.prisma.order.count({ where: { owner: { email: applicant.email } } })).toBe(0);
  });

  it('changes an APP and cancels it (注销APP)', async () => {
    const applicant = await signUp(s, '变更示例');
    const staff = await reviewer(s);
    const instance = await server(s, applicant.accountId);
    const subject = companySubject({ provinceCode: 'henan', provinceName: '河南省', city: '郑州市', region: '410100', name: '郑州变更网络有限公司' });
    const approved = await fileAndApprove(applicant, staff, {
      subject,
      apps: [app({ name: '变更助手', serverInstanceId: instance, domains: ['biangeng-net.cn'], contentCategory: 'ENTERPRISE_PORTAL' })],
    });
    const filed = (await items(applicant.token, approved.id)).websites[0].service;
    const subjectId = approved.subject.id;

    const change = await startChangeFiling(s, applicant.token, {
      subjectId,
      apps: [
        {
          appId: filed.id,
          change: app({
            name: '变更助手',
            serverInstanceId: instance,
            domains: ['biangeng-net.cn', 'api.biangeng-net.cn'],
            contentCategory: 'ENTERPRISE_PORTAL',
            platforms: [{ kind: 'HARMONYOS', packageName: 'com.biangeng.helper', publicKey: KEY, md5Signature: MD5 }],
          }),
        },
      ],
    });
    expect(change, JSON.stringify(change)).toMatchObject({ __typename: 'Order', filingType: 'CHANGE' });
    expect(change.websites[0].action).toBe('CHANGE');
    await uploadRequiredMaterials(s, applicant.token, change.id, 'UNIT');
    const submitted = await must(s, applicant.token, 'submitOrder', { orderId: change.id, version: change.version });
    await approveAll(s, staff, applicant.token, submitted, [subject.principal]);
    const changed = (await items(applicant.token, change.id)).websites[0].service;
    expect(changed).toMatchObject({
      icpNumber: filed.icpNumber,
      platforms: [{ kind: 'HARMONYOS', packageName: 'com.biangeng.helper' }],
      domains: [{ name: 'biangeng-net.cn' }, { name: 'api.biangeng-net.cn' }],
    });

    const cancel = await startCancellation(s, applicant.token, { type: 'CANCEL_WEBSITE', subjectId, websiteIds: [filed.id], reason: 'APP停止运营' });
    expect(cancel, JSON.stringify(cancel)).toMatchObject({ __typename: 'Order', filingType: 'CANCEL_WEBSITE' });
    expect(await labels(applicant.token, cancel.id)).toEqual({ filingType: 'CANCEL_WEBSITE', filingTypeLabel: '注销APP', variantLabel: null });
    const cancelSubmitted = await must(s, applicant.token, 'submitOrder', { orderId: cancel.id, version: cancel.version });
    await approveAll(s, staff, applicant.token, cancelSubmitted, [subject.principal]);
    const cancelled = (await items(applicant.token, cancel.id)).websites[0].service;
    expect(cancelled).toMatchObject({ __typename: 'App', status: 'CANCELLED' });
  });
});

describe('APPs in the national registry', () => {
  it('a subject filed elsewhere with only an APP: its APP name is taken, new items add to its filing, and numbers continue after its -NA', async () => {
    const applicant = await signUp(s, '孙悦');
    const staff = await reviewer(s);
    const instance = await server(s, applicant.accountId);
    const subject = individualSubject({ provinceCode: 'shandong', provinceName: '山东省', city: '青岛市', region: '370202', person: { name: '孙悦' } });
    // The registry is external (MIIT's): its port is the fake, loaded as another provider's approval would be.
    await s.db.prisma.$transaction((tx) =>
      s.app.services.registry.recordApp(tx, {
        subjectName: subject.name, nature: 'INDIVIDUAL', certificateType: 'RESIDENT_ID', certificateNumber: subject.certificateNumber,
        provinceCode: 'shandong', subjectIcpNumber: '鲁ICP备2020007777号', kind: 'APP', name: '孙悦记账', icpNumber: '鲁ICP备2020007777号-4A', provider: '其他接入商',
      }),
    );
    const check = (input: Record<string, unknown>) =>
      s.ok(VERIFY_TYPE, { input: { provinceCode: 'shandong', nature: 'INDIVIDUAL', certificateType: 'RESIDENT_ID', certificateNumber: subject.certificateNumber, ...input } }, applicant.token);
    const same = await check({ appName: '孙悦记账' });
    expect(same.verifyFilingType.filingType).toBeNull();
    expect(ruleIds(same.verifyFilingType)).toEqual(['national/app-filed-elsewhere']);
    expect(same.verifyFilingType.violations[0].message).toContain('鲁ICP备2020007777号-4A');
    expect((await check({ appName: '孙悦日程' })).verifyFilingType).toMatchObject({ filingType: 'ADD_WEBSITE', variant: 'ADD_WEBSITE_ELSEWHERE' });
    expect((await check({ domain: 'sunyue-blog.cn' })).verifyFilingType).toMatchObject({ filingType: 'ADD_WEBSITE', variant: 'ADD_WEBSITE_ELSEWHERE' });

    // Filing the taken name is refused as the type check refuses it; a new website continues the number.
    const taken = await startFiling(s, applicant.token, { subject, websites: [], apps: [app({ name: '孙悦记账', serverInstanceId: instance })] });
    expect(taken.__typename).toBe('ValidationError');
    expect(ruleIds(taken)).toContain('national/app-filed-elsewhere');
    // Beside a website (the domain decides the type), the APP's name is still judged against the registry.
    const mixed = await startFiling(s, applicant.token, {
      subject,
      websites: [website({ name: '孙悦的读书笔记', domain: 'sunyue-blog.cn', serverInstanceId: instance, remark: '读书笔记' })],
      apps: [app({ name: '孙悦记账', serverInstanceId: instance })],
    });
    expect(ruleIds(mixed)).toContain('national/app-name-taken');
    const approved = await fileAndApprove(applicant, staff, {
      subject,
      websites: [website({ name: '孙悦的读书笔记', domain: 'sunyue-blog.cn', serverInstanceId: instance, remark: '读书笔记' })],
    });
    const [item] = (await items(applicant.token, approved.id)).websites;
    expect(item.service.icpNumber).toBe('鲁ICP备2020007777号-5');

    // An APP approved here goes to the registry under its own number, beside the one filed elsewhere.
    const second = await fileAndApprove(applicant, staff, { subject, apps: [app({ name: '孙悦日程', serverInstanceId: instance, domains: ['api.sunyue-blog.cn'] })] });
    expect((await items(applicant.token, second.id)).websites[0].service.icpNumber).toBe('鲁ICP备2020007777号-6A');
    const national = await s.app.services.registry.findAppsBySubject('RESIDENT_ID', subject.certificateNumber);
    expect(national.map((a) => [a.name, a.icpNumber, a.provider])).toEqual([
      ['孙悦记账', '鲁ICP备2020007777号-4A', '其他接入商'],
      ['孙悦日程', '鲁ICP备2020007777号-6A', null],
    ]);
  });
});
