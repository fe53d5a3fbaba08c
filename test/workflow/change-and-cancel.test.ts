import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxSmsGateway } from '../../src/workflow/sms.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { companySubject, individualSubject, mobile, person, residentId, reviewer, server, signUp, uploadRequiredMaterials, website } from '../support/fixtures.js';
import {
  act,
  approveAll,
  must,
  ruleIds,
  startAndSubmit,
  startCancellation,
  startChangeFiling,
  startFiling,
  updateChangeFiling,
  updateFiling,
  VERIFY_TYPE,
} from '../support/workflow.js';

let s: TestServer;
let staff: string;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-05-11T02:00:00Z' });
  staff = await reviewer(s);
});
afterAll(async () => {
  await s?.close();
});

const FILED = /* GraphQL */ `
  query ($subject: ID!, $website: ID!) {
    subject: node(id: $subject) { ... on Subject { name status icpNumber communicationAddress } }
    website: node(id: $website) { ... on Website { name status icpNumber remark domains { name } } }
  }
`;

const SMS_OF = /* GraphQL */ `
  query ($id: ID!) { node(id: $id) { ... on Order { subjectChanges { communicationAddress name principal { name mobile } } smsVerifications { roles verified } websites { action changes { name domains } } } } }
`;

const CREATED_EVENT = /* GraphQL */ `
  query ($id: ID!) { node(id: $id) { ... on Order { history(first: 1) { edges { node { type reason } } } } } }
`;

/** A 湖北 company (subject principal 李娜, website principal 陈静) with one website filed here. */
async function filedCompany(name: string, siteName: string, domain: string, slots?: number) {
  const applicant = await signUp(s, name);
  const instance = await server(s, applicant.accountId, { slots });
  const subject = companySubject({ provinceCode: 'hubei', provinceName: '湖北省', city: '武汉市', region: '420106', name });
  const webPrincipal = person({ name: '陈静', certificateNumber: residentId('420106') });
  const site = { ...website({ name: siteName, domain, serverInstanceId: instance, principal: webPrincipal }), contentCategory: 'ENTERPRISE_PORTAL', remark: '公司产品与服务介绍' };
  const submitted = await startAndSubmit(s, applicant.token, { subject, websites: [site] });
  const { order } = await approveAll(s, staff, applicant.token, submitted, [subject.principal, webPrincipal]);
  return { applicant, instance, subject, site, webPrincipal, order, subjectId: order.subject.id as string, websiteId: order.websites[0].website.id as string };
}

async function filed(token: string, subjectId: string, websiteId: string) {
  return s.ok(FILED, { subject: subjectId, website: websiteId }, token);
}

describe('变更备案 (CHANGE)', () => {
  it('renames the website and moves the subject’s address on approval, verified by both principals; numbers never change', async () => {
    const f = await filedCompany('武汉明德软件有限公司', '明德软件官网', 'mingde-soft.cn');
    const subjectNumber = f.order.subject.icpNumber;
    const siteNumber = f.order.websites[0].website.icpNumber;
    expect(siteNumber).toBe(`${subjectNumber}-1`);
    const newAddress = '湖北省武汉市洪山区珞喻路1037号5层';

    const draft = await startChangeFiling(s, f.applicant.token, {
      subjectId: f.subjectId,
      subject: { ...f.subject, communicationAddress: newAddress },
      websites: [{ websiteId: f.websiteId, change: { ...f.site, name: '明德软件产品中心' } }],
    });
    expect(draft).toMatchObject({ __typename: 'Order', filingType: 'CHANGE', status: 'DRAFT', variant: null });
    expect(draft.websites).toMatchObject([{ action: 'CHANGE', website: { id: f.websiteId, name: '明德软件官网', status: 'FILED' } }]);
    // The proposal is stored on the order; nothing filed moves before the 管局 approves.
    const proposal = (await s.ok(SMS_OF, { id: draft.id }, f.applicant.token)).node;
    expect(proposal.subjectChanges).toMatchObject({ communicationAddress: newAddress });
    expect(proposal.websites[0].changes).toMatchObject({ name: '明德软件产品中心', domains: ['mingde-soft.cn'] });
    expect((await filed(f.applicant.token, f.subjectId, f.websiteId)).subject.communicationAddress).toBe(f.subject.communicationAddress);

    // New-website edits do not apply to a change order.
    const wrongEdit = await updateFiling(s, f.applicant.token, draft.id, draft.version, { subject: f.subject, websites: [f.site] });
    expect(ruleIds(wrongEdit)).toEqual(['national/update-filing-type']);

    // Initial review asks for a better remark; the applicant revises the proposal and resubmits.
    await uploadRequiredMaterials(s, f.applicant.token, draft.id, 'UNIT');
    const submitted = await must(s, f.applicant.token, 'submitOrder', { orderId: draft.id, version: draft.version });
    const returned = await must(s, staff, 'requestChanges', {
      orderId: draft.id,
      version: submitted.version,
      reason: '请补充网站主要内容',
      comments: [{ field: 'websites[0].remark', comment: '请写明产品中心的内容' }],
    });
    expect(returned.status).toBe('NEEDS_CHANGES');
    const revised = await updateChangeFiling(s, f.applicant.token, draft.id, returned.version, {
      subject: { ...f.subject, communicationAddress: newAddress },
      websites: [{ websiteId: f.websiteId, change: { ...f.site, name: '明德软件产品中心', remark: '明德软件各产品的介绍与下载' } }],
    });
    expect(revised.__typename).toBe('Order');
    const resubmitted = await must(s, f.applicant.token, 'submitOrder', { orderId: draft.id, version: revised.version });

    // From 2020-08-17 (nationwide): subject changed → subject principal, website changed → website principal.
    const { order, smsTo } = await approveAll(s, staff, f.applicant.token, resubmitted, [f.subject.principal, f.webPrincipal]);
    expect(smsTo.sort()).toEqual([f.subject.principal.mobile, f.webPrincipal.mobile].sort());
    const verifications = (await s.ok(SMS_OF, { id: draft.id }, f.applicant.token)).node.smsVerifications;
    expect(verifications.map((v: { roles: string[] }) => v.roles[0]).sort()).toEqual(['SUBJECT_PRINCIPAL', 'WEBSITE_PRINCIPAL']);

    expect(order.subject.icpNumber).toBe(subjectNumber);
    const after = await filed(f.applicant.token, f.subjectId, f.websiteId);
    expect(after.subject).toMatchObject({ communicationAddress: newAddress, icpNumber: subjectNumber, status: 'FILED' });
    expect(after.website).toMatchObject({ name: '明德软件产品中心', remark: '明德软件各产品的介绍与下载', icpNumber: siteNumber, status: 'FILED' });
    expect(await s.db.prisma.registryFiling.findUniqueOrThrow({ where: { domain: 'mingde-soft.cn' } })).toMatchObject({
      websiteName: '明德软件产品中心',
      websiteIcpNumber: siteNumber,
    });

    // A change of the website alone is verified by the website principal alone.
    const second = await startChangeFiling(s, f.applicant.token, {
      subjectId: f.subjectId,
      websites: [{ websiteId: f.websiteId, change: { ...f.site, name: '明德软件产品中心', remark: '明德软件产品介绍、下载与售后服务' } }],
    });
    expect(second.websites[0].action).toBe('CHANGE');
    await uploadRequiredMaterials(s, f.applicant.token, second.id, 'UNIT');
    const secondSubmitted = await must(s, f.applicant.token, 'submitOrder', { orderId: second.id, version: second.version });
    const secondDone = await approveAll(s, staff, f.applicant.token, secondSubmitted, [f.subject.principal, f.webPrincipal]);
    expect(secondDone.smsTo).toEqual([f.webPrincipal.mobile]);
    expect((await filed(f.applicant.token, f.subjectId, f.websiteId)).website.icpNumber).toBe(siteNumber);
  });

  it('sends codes to the principals the change proposes, and an individual’s website follows its subject principal', async () => {
    const applicant = await signUp(s, '孙悦');
    const instance = await server(s, applicant.accountId);
    const subject = individualSubject({ provinceCode: 'hubei', provinceName: '湖北省', city: '襄阳市', region: '420602', person: { name: '孙悦' } });
    const site = website({ name: '孙悦的摄影日记', domain: 'sunyue-photo.cn', serverInstanceId: instance });
    const first = await startAndSubmit(s, applicant.token, { subject, websites: [site] });
    const { order } = await approveAll(s, staff, applicant.token, first, [subject.principal]);
    const websiteId = order.websites[0].website.id;

    // 孙悦 has a new mobile number: the subject changes, and the code goes to the new number.
    const newMobile = mobile('186');
    const moved = { ...subject, principal: { ...subject.principal, mobile: newMobile } };
    const change = await startChangeFiling(s, applicant.token, { subjectId: order.subject.id, subject: moved });
    expect(change.websites).toMatchObject([{ action: 'KEEP' }]);
    await uploadRequiredMaterials(s, applicant.token, change.id, 'INDIVIDUAL');
    const submitted = await must(s, applicant.token, 'submitOrder', { orderId: change.id, version: change.version });
    const { smsTo } = await approveAll(s, staff, applicant.token, submitted, [{ ...subject.principal, mobile: newMobile }]);
    expect(smsTo).toEqual([newMobile]);

    const principals = await s.ok(
      `query ($s: ID!, $w: ID!) {
        subject: node(id: $s) { ... on Subject { principal { mobile } } }
        website: node(id: $w) { ... on Website { principal { mobile } } }
      }`,
      { s: order.subject.id, w: websiteId },
      applicant.token,
    );
    const masked = `${newMobile.slice(0, 3)}****${newMobile.slice(-4)}`;
    expect(principals.subject.principal.mobile).toBe(masked);
    expect(principals.website.principal.mobile).toBe(masked);
  });

  it('a server with one slot carries its website through submission and a change filing', async () => {
    const f = await filedCompany('武汉单点网络有限公司', '单点网络官网', 'dandian-net.cn', 1);
    const change = await startChangeFiling(s, f.applicant.token, {
      subjectId: f.subjectId,
      websites: [{ websiteId: f.websiteId, change: { ...f.site, ipAddresses: ['203.0.113.20'] } }],
    });
    expect(change.__typename).toBe('Order');
    await uploadRequiredMaterials(s, f.applicant.token, change.id, 'UNIT');
    await must(s, f.applicant.token, 'submitOrder', { orderId: change.id, version: change.version });
  });

  it('refuses adding or replacing a domain, changing the subject’s identity, or changing nothing, and writes nothing', async () => {
    const f = await filedCompany('武汉博远咨询有限公司', '博远咨询官网', 'boyuan-consult.cn');
    const orders = await s.db.prisma.order.count();
    const domains = await s.db.prisma.domain.count();

    const added = await startChangeFiling(s, f.applicant.token, {
      subjectId: f.subjectId,
      websites: [{ websiteId: f.websiteId, change: { ...f.site, domains: ['boyuan-consult.cn', 'boyuan-new.cn'] } }],
    });
    expect(added.__typename).toBe('ValidationError');
    expect(added.violations).toContainEqual(
      expect.objectContaining({ rule: 'national/change-domain-added', field: 'websites[0].domains[1]', matched: 'boyuan-new.cn', module: 'national' }),
    );
    expect(added.violations.find((v: { rule: string }) => v.rule === 'national/change-domain-added').source).toMatch(/seed:002.*§3/);

    const replaced = await startChangeFiling(s, f.applicant.token, {
      subjectId: f.subjectId,
      websites: [{ websiteId: f.websiteId, change: { ...f.site, domains: ['boyuan-other.cn'], homepageUrls: ['https://www.boyuan-other.cn'] } }],
    });
    expect(ruleIds(replaced)).toContain('national/change-domain-added');

    const emptied = await startChangeFiling(s, f.applicant.token, {
      subjectId: f.subjectId,
      websites: [{ websiteId: f.websiteId, change: { ...f.site, domains: [] } }],
    });
    expect(ruleIds(emptied)).toContain('national/domain-required');

    const identity = await startChangeFiling(s, f.applicant.token, {
      subjectId: f.subjectId,
      subject: { ...f.subject, nature: 'SOCIAL_ORGANIZATION', provinceCode: 'henan' },
    });
    expect(identity.violations.filter((v: { rule: string }) => v.rule === 'national/change-subject-identity').map((v: { field: string }) => v.field).sort()).toEqual([
      'subject.nature',
      'subject.provinceCode',
    ]);

    const nothing = await startChangeFiling(s, f.applicant.token, {
      subjectId: f.subjectId,
      subject: f.subject,
      websites: [{ websiteId: f.websiteId, change: f.site }],
    });
    expect(ruleIds(nothing)).toEqual(['national/change-nothing']);

    // The province's naming rules apply to the proposal (national ban on 中国… for non-national units).
    const naming = await startChangeFiling(s, f.applicant.token, {
      subjectId: f.subjectId,
      websites: [{ websiteId: f.websiteId, change: { ...f.site, name: '中国博远咨询网' } }],
    });
    expect(naming.__typename).toBe('ValidationError');
    expect(naming.violations.some((v: { field: string }) => v.field === 'websites[0].name')).toBe(true);

    // Someone else's subject is not found.
    const stranger = await signUp(s);
    const foreign = await startChangeFiling(s, stranger.token, { subjectId: f.subjectId, subject: f.subject });
    expect(foreign.__typename).toBe('NotFoundError');

    expect(await s.db.prisma.order.count()).toBe(orders);
    expect(await s.db.prisma.domain.count()).toBe(domains);
  });

  it('keeps one of two domains and frees the other, here and in the national registry', async () => {
    const applicant = await signUp(s, '远航网络');
    const instance = await server(s, applicant.accountId);
    const subject = companySubject({ provinceCode: 'hubei', provinceName: '湖北省', city: '宜昌市', region: '420502', name: '宜昌远航网络科技有限公司' });
    const webPrincipal = person({ name: '周敏', certificateNumber: residentId('420502') });
    // A website filed elsewhere with two domains (older filings could carry several) moves here by 接入备案.
    for (const domain of ['yuanhang-yc.cn', 'yuanhang-yc.com.cn']) {
      await s.db.prisma.$transaction((tx) =>
        s.app.services.registry.record(tx, {
          subjectName: subject.name,
          nature: 'ENTERPRISE',
          certificateType: 'BUSINESS_LICENSE',
          certificateNumber: subject.certificateNumber,
          provinceCode: 'hubei',
          subjectIcpNumber: '鄂ICP备2018003456号',
          domain,
          websiteName: '远航网络官网',
          websiteIcpNumber: '鄂ICP备2018003456号-1',
          provider: '其他接入商',
        }),
      );
    }
    const site = {
      ...website({ name: '远航网络官网', domain: 'yuanhang-yc.cn', domains: ['yuanhang-yc.cn', 'yuanhang-yc.com.cn'], serverInstanceId: instance, principal: webPrincipal }),
      contentCategory: 'ENTERPRISE_PORTAL',
    };
    const access = await startAndSubmit(s, applicant.token, { subject, websites: [site] });
    expect(access.filingType).toBe('ACCESS');
    const { order: accessed } = await approveAll(s, staff, applicant.token, access, [subject.principal, webPrincipal]);
    const websiteId = accessed.websites[0].website.id;
    expect(accessed.websites[0].website.domains.map((d: { name: string }) => d.name).sort()).toEqual(['yuanhang-yc.cn', 'yuanhang-yc.com.cn']);

    const change = await startChangeFiling(s, applicant.token, {
      subjectId: accessed.subject.id,
      websites: [{ websiteId, change: { ...site, domains: ['yuanhang-yc.cn'] } }],
    });
    expect(change.__typename).toBe('Order');
    await uploadRequiredMaterials(s, applicant.token, change.id, 'UNIT');
    const submitted = await must(s, applicant.token, 'submitOrder', { orderId: change.id, version: change.version });
    const { smsTo } = await approveAll(s, staff, applicant.token, submitted, [subject.principal, webPrincipal]);
    expect(smsTo).toEqual([webPrincipal.mobile]);

    const after = await filed(applicant.token, accessed.subject.id, websiteId);
    expect(after.website.domains).toEqual([{ name: 'yuanhang-yc.cn' }]);
    expect(after.website.icpNumber).toBe('鄂ICP备2018003456号-1');
    expect(await s.db.prisma.registryFiling.findUnique({ where: { domain: 'yuanhang-yc.com.cn' } })).toBeNull();
    expect(await s.db.prisma.registryFiling.findUnique({ where: { domain: 'yuanhang-yc.cn' } })).not.toBeNull();

    // The dropped domain is free: someone else can file it as a first filing.
    const other = await signUp(s);
    const verdict = await s.ok(
      VERIFY_TYPE,
      { input: { provinceCode: 'hubei', nature: 'INDIVIDUAL', certificateType: 'RESIDENT_ID', certificateNumber: residentId('420502'), domain: 'yuanhang-yc.com.cn' } },
      other.token,
    );
    expect(verdict.verifyFilingType).toMatchObject({ filingType: 'FIRST', violations: [] });
  });
});

describe('注销网站, 取消接入 and 注销主体', () => {
  it('cancels a website: one order per subject at a time, its domain is freed and its -N never comes back', async () => {
    const f = await filedCompany('武汉青禾教育咨询有限公司', '青禾教育咨询官网', 'qinghe-edu.cn');
    const subjectNumber = f.order.subject.icpNumber;
    // A second website (新增网站) with its own principal: -2.
    const principal2 = person({ name: '黄磊', certificateNumber: residentId('420106') });
    const site2 = { ...website({ name: '青禾教育咨询服务中心', domain: 'qinghe-service.cn', serverInstanceId: f.instance, principal: principal2 }), contentCategory: 'ENTERPRISE_PORTAL' };
    const added = await startAndSubmit(s, f.applicant.token, { subject: f.subject, websites: [site2] });
    expect(added).toMatchObject({ filingType: 'ADD_WEBSITE', variant: 'ADD_WEBSITE_HERE' });
    const { order: withTwo } = await approveAll(s, staff, f.applicant.token, added, [f.subject.principal, principal2]);
    const website2 = withTwo.websites[0].website;
    expect(website2.icpNumber).toBe(`${subjectNumber}-2`);

    const noReason = await startCancellation(s, f.applicant.token, { type: 'CANCEL_WEBSITE', subjectId: f.subjectId, websiteIds: [website2.id], reason: ' ' });
    expect(ruleIds(noReason)).toEqual(['national/cancel-reason-required']);
    const cancel = await startCancellation(s, f.applicant.token, { type: 'CANCEL_WEBSITE', subjectId: f.subjectId, websiteIds: [website2.id], reason: '服务中心停止运营' });
    expect(cancel).toMatchObject({ __typename: 'Order', filingType: 'CANCEL_WEBSITE', status: 'DRAFT', websites: [{ action: 'CANCEL', website: { id: website2.id } }] });

    // Only one order per subject is in progress at a time, whatever its type.
    const change = await startChangeFiling(s, f.applicant.token, { subjectId: f.subjectId, websites: [{ websiteId: f.websiteId, change: { ...f.site, name: '青禾教育咨询网' } }] });
    expect(ruleIds(change)).toContain('national/subject-order-in-progress');
    const access = await startCancellation(s, f.applicant.token, { type: 'CANCEL_ACCESS', subjectId: f.subjectId, websiteIds: [f.websiteId], reason: '迁出' });
    expect(ruleIds(access)).toEqual(['national/subject-order-in-progress']);
    const newSite = await startFiling(s, f.applicant.token, {
      subject: f.subject,
      websites: [{ ...website({ name: '青禾教育咨询课程中心', domain: 'qinghe-course.cn', serverInstanceId: f.instance }), contentCategory: 'ENTERPRISE_PORTAL' }],
    });
    expect(ruleIds(newSite)).toContain('national/subject-order-in-progress');

    // A cancellation needs no materials; from 2020-08-17 the website principal verifies it by SMS.
    const submitted = await must(s, f.applicant.token, 'submitOrder', { orderId: cancel.id, version: cancel.version });
    const { order: done, smsTo } = await approveAll(s, staff, f.applicant.token, submitted, [f.subject.principal, f.webPrincipal, principal2]);
    expect(smsTo).toEqual([principal2.mobile]);
    expect(done.websites[0].website).toMatchObject({ status: 'CANCELLED', icpNumber: `${subjectNumber}-2`, domains: [] });
    expect(await s.db.prisma.registryFiling.findUnique({ where: { domain: 'qinghe-service.cn' } })).toBeNull();
    const history = await s.ok(CREATED_EVENT, { id: cancel.id }, f.applicant.token);
    expect(history.node.history.edges[0].node).toMatchObject({ type: 'CREATED', reason: '服务中心停止运营' });

    // The domain is free: another applicant files it for the first time.
    const other = await signUp(s, '刘洋');
    const otherInstance = await server(s, other.accountId);
    const otherSubject = individualSubject({ provinceCode: 'hubei', provinceName: '湖北省', city: '武汉市', region: '420106', person: { name: '刘洋' } });
    const first = await startFiling(s, other.token, {
      subject: otherSubject,
      websites: [website({ name: '刘洋的读书笔记', domain: 'qinghe-service.cn', serverInstanceId: otherInstance })],
    });
    expect(first).toMatchObject({ __typename: 'Order', filingType: 'FIRST' });

    // The subject's next website gets -3: a cancelled number is never handed out again.
    const site3 = { ...website({ name: '青禾教育咨询课程中心', domain: 'qinghe-course.cn', serverInstanceId: f.instance, principal: principal2 }), contentCategory: 'ENTERPRISE_PORTAL' };
    const third = await startAndSubmit(s, f.applicant.token, { subject: f.subject, websites: [site3] });
    const { order: withThird } = await approveAll(s, staff, f.applicant.token, third, [f.subject.principal, principal2]);
    expect(withThird.websites[0].website.icpNumber).toBe(`${subjectNumber}-3`);
  });

  it('取消接入 needs no SMS verification and leaves the filing in force with no 接入商', async () => {
    const f = await filedCompany('武汉星河数据服务有限公司', '星河数据服务官网', 'xinghe-data.cn');
    const sms = s.app.services.sms as OutboxSmsGateway;
    const order = await startCancellation(s, f.applicant.token, { type: 'CANCEL_ACCESS', subjectId: f.subjectId, websiteIds: [f.websiteId], reason: '网站迁移至其他接入商' });
    expect(order.websites).toMatchObject([{ action: 'CANCEL_ACCESS' }]);
    const submitted = await must(s, f.applicant.token, 'submitOrder', { orderId: order.id, version: order.version });
    const sent = sms.outbox.length;
    const passed = await must(s, staff, 'approveInitialReview', { orderId: order.id, version: submitted.version });
    expect(passed.status).toBe('PENDING_MIIT_REVIEW');
    expect(sms.outbox.length).toBe(sent);
    const atMiit = await must(s, staff, 'submitToMiit', { orderId: order.id, version: passed.version });
    const done = await must(s, staff, 'recordMiitApproval', { orderId: order.id, version: atMiit.version });
    expect(done.websites[0].website).toMatchObject({ status: 'ACCESS_CANCELLED', icpNumber: f.order.websites[0].website.icpNumber });
    expect(done.subject.status).toBe('FILED');
    const record = await s.db.prisma.registryFiling.findUniqueOrThrow({ where: { domain: 'xinghe-data.cn' } });
    expect(record).toMatchObject({ websiteIcpNumber: f.order.websites[0].website.icpNumber, provider: '无接入商' });

    // The website is no longer hosted here: it cannot be cancelled or changed here again.
    const again = await startCancellation(s, f.applicant.token, { type: 'CANCEL_WEBSITE', subjectId: f.subjectId, websiteIds: [f.websiteId], reason: '注销' });
    expect(ruleIds(again)).toEqual(['national/cancel-website-not-filed']);
  });

  it('注销主体 cancels the subject and its websites; filing again later gives a new subject number', async () => {
    const f = await filedCompany('武汉晨光文化传播有限公司', '晨光文化传播官网', 'chenguang-wh.cn');
    const oldNumber = f.order.subject.icpNumber;
    const listed = await startCancellation(s, f.applicant.token, { type: 'CANCEL_SUBJECT', subjectId: f.subjectId, websiteIds: [f.websiteId], reason: '公司停业' });
    expect(ruleIds(listed)).toEqual(['national/cancel-subject-websites']);
    const order = await startCancellation(s, f.applicant.token, { type: 'CANCEL_SUBJECT', subjectId: f.subjectId, reason: '公司停业' });
    expect(order.websites).toMatchObject([{ action: 'CANCEL', website: { id: f.websiteId } }]);
    const submitted = await must(s, f.applicant.token, 'submitOrder', { orderId: order.id, version: order.version });
    const { order: done, smsTo } = await approveAll(s, staff, f.applicant.token, submitted, [f.subject.principal, f.webPrincipal]);
    expect(smsTo).toEqual([f.subject.principal.mobile]);
    expect(done.subject).toMatchObject({ status: 'CANCELLED', icpNumber: oldNumber });
    expect(done.websites[0].website).toMatchObject({ status: 'CANCELLED', icpNumber: `${oldNumber}-1`, domains: [] });
    expect(await s.db.prisma.registryFiling.count({ where: { subjectIcpNumber: oldNumber } })).toBe(0);

    // The same company files the same domain again: a first filing, with a new number.
    const again = await startAndSubmit(s, f.applicant.token, { subject: f.subject, websites: [f.site] });
    expect(again.filingType).toBe('FIRST');
    const { order: refiled } = await approveAll(s, staff, f.applicant.token, again, [f.subject.principal, f.webPrincipal]);
    expect(refiled.subject.status).toBe('FILED');
    expect(refiled.subject.icpNumber).not.toBe(oldNumber);
    expect(refiled.websites[0].website.icpNumber).toBe(`${refiled.subject.icpNumber}-1`);
  });

  it('two orders started at once for one subject: exactly one is written', async () => {
    const f = await filedCompany('武汉长江印象传媒有限公司', '长江印象传媒官网', 'cjyx-media.cn');
    const results = await Promise.all([
      startCancellation(s, f.applicant.token, { type: 'CANCEL_ACCESS', subjectId: f.subjectId, websiteIds: [f.websiteId], reason: '迁出' }),
      startChangeFiling(s, f.applicant.token, { subjectId: f.subjectId, websites: [{ websiteId: f.websiteId, change: { ...f.site, name: '长江印象传媒网' } }] }),
    ]);
    expect(results.map((r) => r.__typename).sort()).toEqual(['Order', 'ValidationError']);
    expect(ruleIds(results.find((r) => r.__typename === 'ValidationError'))).toEqual(['national/subject-order-in-progress']);
    expect(await s.db.prisma.order.count({ where: { subject: { name: '武汉长江印象传媒有限公司' }, status: 'DRAFT' } })).toBe(1);
  });

  it('refuses a cancellation of a website that is not this subject’s', async () => {
    const f = await filedCompany('武汉云杉设计有限公司', '云杉设计官网', 'yunshan-design.cn');
    const g = await filedCompany('武汉松柏设计有限公司', '松柏设计官网', 'songbai-design.cn');
    const r = await startCancellation(s, f.applicant.token, { type: 'CANCEL_WEBSITE', subjectId: f.subjectId, websiteIds: [g.websiteId], reason: '注销' });
    expect(r.violations).toContainEqual(expect.objectContaining({ rule: 'national/cancel-website-not-filed', field: 'websiteIds[0]' }));
    const none = await startCancellation(s, f.applicant.token, { type: 'CANCEL_WEBSITE', subjectId: f.subjectId, reason: '注销' });
    expect(ruleIds(none)).toEqual(['national/cancel-website-required']);
    const submit = await act(s, f.applicant.token, 'submitOrder', { orderId: f.order.id, version: f.order.version });
    expect(submit.__typename).toBe('InvalidTransitionError');
  });
});
