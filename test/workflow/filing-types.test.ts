import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxSmsGateway } from '../../src/workflow/sms.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { individualSubject, jpeg, reviewer, server, signUp, upload, website } from '../support/fixtures.js';
import { must, ruleIds, startAndSubmit, startFiling, VERIFY_TYPE } from '../support/workflow.js';

let s: TestServer;
let staff: string;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-09-07T02:00:00Z' });
  staff = await reviewer(s);
});
afterAll(async () => {
  await s?.close();
});

const verify = (token: string, input: Record<string, string>) =>
  s.ok(VERIFY_TYPE, { input: { provinceCode: 'shandong', nature: 'INDIVIDUAL', certificateType: 'RESIDENT_ID', ...input } }, token).then((d) => d.verifyFilingType);

/** Files one website for a new individual in 山东 all the way to approval. */
async function filed(name: string, domain: string) {
  const applicant = await signUp(s, name);
  const instance = await server(s, applicant.accountId);
  const subject = individualSubject({ provinceCode: 'shandong', provinceName: '山东省', city: '济南市', region: '370102', person: { name } });
  const order = await startAndSubmit(s, applicant.token, {
    subject,
    websites: [website({ name: `${name}的钓鱼日志`, domain, serverInstanceId: instance, remark: '记录钓鱼经历' })],
  });
  const ok = await must(s, staff, 'approveInitialReview', { orderId: order.id, version: order.version });
  const code = (s.app.services.sms as OutboxSmsGateway).lastCodeFor(subject.principal.mobile)!;
  const v = await must(s, applicant.token, 'verifySmsCode', {
    orderId: order.id, mobile: subject.principal.mobile, code, certificateSuffix: subject.certificateNumber.slice(-6),
  });
  const sent = await must(s, staff, 'submitToMiit', { orderId: order.id, version: v.version });
  await must(s, staff, 'recordMiitApproval', { orderId: order.id, version: sent.version });
  void ok;
  return { applicant, subject, instance };
}

describe('验证备案类型 (seed 002 §1.1)', () => {
  it('新增网站 for a subject filed here; refusals for a filed domain, another subject, an order in progress', async () => {
    const { applicant, subject, instance } = await filed('赵磊', 'zhaolei-fish.cn');
    const certificateNumber = subject.certificateNumber;

    expect(await verify(applicant.token, { certificateNumber, domain: 'zhaolei-photo.cn' })).toMatchObject({
      filingType: 'ADD_WEBSITE',
      variant: 'ADD_WEBSITE_HERE',
    });
    const again = await verify(applicant.token, { certificateNumber, domain: 'zhaolei-fish.cn' });
    expect(again.violations.map((v: { rule: string }) => v.rule)).toContain('national/domain-already-hosted-here');

    const other = await signUp(s, '钱多');
    const stranger = await verify(other.token, { certificateNumber: individualSubject({ provinceCode: 'shandong', provinceName: '山东省', city: '济南市', region: '370102' }).certificateNumber, domain: 'zhaolei-fish.cn' });
    expect(stranger.violations.map((v: { rule: string }) => v.rule)).toContain('national/domain-filed-under-other-subject');
    const sameSubject = await verify(other.token, { certificateNumber, domain: 'qianduo.cn' });
    expect(sameSubject.violations.map((v: { rule: string }) => v.rule)).toContain('national/subject-exists-elsewhere');

    // A second website: 新增网站, numbered -2; meanwhile no other order for this subject.
    const order = await startFiling(s, applicant.token, {
      subject,
      websites: [website({ name: '赵磊的摄影作品', domain: 'zhaolei-photo.cn', serverInstanceId: instance, remark: '分享摄影' })],
    });
    expect(order).toMatchObject({ filingType: 'ADD_WEBSITE', variant: 'ADD_WEBSITE_HERE' });
    const busy = await verify(applicant.token, { certificateNumber, domain: 'zhaolei-travel.cn' });
    expect(busy.violations.map((v: { rule: string }) => v.rule)).toEqual(['national/subject-order-in-progress']);
    const domainBusy = await verify(other.token, { certificateNumber: individualSubject({ provinceCode: 'shandong', provinceName: '山东省', city: '济南市', region: '370102' }).certificateNumber, domain: 'zhaolei-photo.cn' });
    expect(domainBusy.violations.map((v: { rule: string }) => v.rule)).toContain('national/domain-order-in-progress');
  });

  it('新增网站 for a subject filed through another provider continues its number', async () => {
    const applicant = await signUp(s, '孔明');
    const instance = await server(s, applicant.accountId);
    const subject = individualSubject({ provinceCode: 'shandong', provinceName: '山东省', city: '青岛市', region: '370202', person: { name: '孔明' } });
    await s.db.prisma.$transaction((tx) =>
      s.app.services.registry.record(tx, {
        subjectName: subject.name, nature: 'INDIVIDUAL', certificateType: 'RESIDENT_ID', certificateNumber: subject.certificateNumber,
        provinceCode: 'shandong', subjectIcpNumber: '鲁ICP备2020004567号', domain: 'kongming-old.cn', websiteName: '孔明的茶馆',
        websiteIcpNumber: '鲁ICP备2020004567号-3', provider: '其他接入商',
      }),
    );
    expect(await verify(applicant.token, { certificateNumber: subject.certificateNumber, domain: 'kongming-new.cn' })).toMatchObject({
      filingType: 'ADD_WEBSITE',
      variant: 'ADD_WEBSITE_ELSEWHERE',
    });
    const order = await startAndSubmit(s, applicant.token, {
      subject,
      websites: [website({ name: '孔明的书法练习', domain: 'kongming-new.cn', serverInstanceId: instance, remark: '书法练习记录' })],
    });
    const ok = await must(s, staff, 'approveInitialReview', { orderId: order.id, version: order.version });
    const code = (s.app.services.sms as OutboxSmsGateway).lastCodeFor(subject.principal.mobile)!;
    const v = await must(s, applicant.token, 'verifySmsCode', {
      orderId: order.id, mobile: subject.principal.mobile, code, certificateSuffix: subject.certificateNumber.slice(-6),
    });
    const sent = await must(s, staff, 'submitToMiit', { orderId: order.id, version: v.version });
    const done = await must(s, staff, 'recordMiitApproval', { orderId: order.id, version: sent.version });
    void ok;
    expect(done.subject.icpNumber).toBe('鲁ICP备2020004567号');
    expect(done.websites[0].website.icpNumber).toBe('鲁ICP备2020004567号-4');
  });
});

describe('product verification and materials', () => {
  it('refuses a pay-as-you-go server and a short prepaid term (seed 000)', async () => {
    const applicant = await signUp(s);
    const payg = await server(s, applicant.accountId, { billing: 'PAY_AS_YOU_GO' });
    const short = await server(s, applicant.accountId, { months: 1 });
    const subject = individualSubject({ provinceCode: 'shandong', provinceName: '山东省', city: '烟台市', region: '370602', person: { name: '鲁达' } });
    const r1 = await startFiling(s, applicant.token, { subject, websites: [website({ name: '鲁达的登山日记', domain: 'luda-hike.cn', serverInstanceId: payg, remark: '登山' })] });
    expect(ruleIds(r1)).toContain('national/server-pay-as-you-go');
    const r2 = await startFiling(s, applicant.token, { subject, websites: [website({ name: '鲁达的登山日记', domain: 'luda-hike.cn', serverInstanceId: short, remark: '登山' })] });
    expect(ruleIds(r2)).toContain('national/server-prepaid-term');
  });

  it('accepts only JPEG files of a sane size', async () => {
    const applicant = await signUp(s);
    const instance = await server(s, applicant.accountId);
    const subject = individualSubject({ provinceCode: 'shandong', provinceName: '山东省', city: '潍坊市', region: '370702', person: { name: '武松' } });
    const order = await startFiling(s, applicant.token, { subject, websites: [website({ name: '武松的健身日记', domain: 'wusong-fit.cn', serverInstanceId: instance, remark: '健身' })] });
    const png = new Uint8Array(4096);
    png.set([0x89, 0x50, 0x4e, 0x47]);
    const bad = await upload(s, applicant.token, { orderId: order.id, kind: 'CERTIFICATE_FRONT' }, { name: 'id.png', bytes: png, type: 'image/png' });
    expect(ruleIds(bad)).toEqual(['national/material-jpg']);
    const tiny = await upload(s, applicant.token, { orderId: order.id, kind: 'CERTIFICATE_FRONT' }, { name: 'id.jpg', bytes: jpeg(200) });
    expect(ruleIds(tiny)).toEqual(['national/material-size']);
    const good = await upload(s, applicant.token, { orderId: order.id, kind: 'CERTIFICATE_FRONT' }, { name: 'id.jpg', bytes: jpeg() });
    expect(good).toMatchObject({ __typename: 'Material', kind: 'CERTIFICATE_FRONT', authenticity: 'PASSED' });
    expect(await s.db.prisma.material.count({ where: { order: { number: order.number } } })).toBe(1);
  });
});
