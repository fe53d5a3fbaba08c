import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxSmsGateway } from '../../src/workflow/sms.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { companySubject, reviewer, server, signUp, website } from '../support/fixtures.js';
import { must, ruleIds, startAndSubmit, startFiling, VERIFY_TYPE } from '../support/workflow.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-07-06T02:00:00Z' });
});
afterAll(async () => {
  await s?.close();
});

describe('接入备案: a website filed through another provider moves here', () => {
  it('is detected as 新增接入, must match the original filing, and keeps its ICP numbers', async () => {
    const applicant = await signUp(s, '广州云帆');
    const staff = await reviewer(s);
    const instance = await server(s, applicant.accountId);
    const subject = companySubject({ provinceCode: 'guangdong', provinceName: '广东省', city: '广州市', region: '440106', name: '广州云帆网络科技有限公司' });

    // The national registry knows the filing made elsewhere (the embedded registry, seeded as MIIT would answer).
    await s.db.prisma.$transaction((tx) =>
      s.app.services.registry.record(tx, {
        subjectName: subject.name,
        nature: 'ENTERPRISE',
        certificateType: 'BUSINESS_LICENSE',
        certificateNumber: subject.certificateNumber,
        provinceCode: 'guangdong',
        subjectIcpNumber: '粤ICP备2019012345号',
        domain: 'yunfan-tech.cn',
        websiteName: '云帆网络官网',
        websiteIcpNumber: '粤ICP备2019012345号-2',
        provider: '其他接入商',
      }),
    );

    const verdict = await s.ok(
      VERIFY_TYPE,
      { input: { provinceCode: 'guangdong', nature: 'ENTERPRISE', certificateType: 'BUSINESS_LICENSE', certificateNumber: subject.certificateNumber, domain: 'yunfan-tech.cn' } },
      applicant.token,
    );
    expect(verdict.verifyFilingType).toMatchObject({ filingType: 'ACCESS', variant: 'ACCESS_NEW', violations: [] });

    // Another province than the original filing is refused at type verification.
    const elsewhere = await s.ok(
      VERIFY_TYPE,
      { input: { provinceCode: 'fujian', nature: 'ENTERPRISE', certificateType: 'BUSINESS_LICENSE', certificateNumber: subject.certificateNumber, domain: 'yunfan-tech.cn' } },
      applicant.token,
    );
    expect(elsewhere.verifyFilingType.violations.map((v: { rule: string }) => v.rule)).toContain('national/access-data-mismatch');

    const site = { ...website({ name: '云帆网络官网', domain: 'yunfan-tech.cn', serverInstanceId: instance }), contentCategory: 'ENTERPRISE_PORTAL' };
    const mismatch = await startFiling(s, applicant.token, { subject: { ...subject, name: '广州云帆科技有限公司' }, websites: [site] });
    expect(ruleIds(mismatch)).toContain('national/access-data-mismatch');

    // 广东 wants the signed commitment letter from 2021-06-21.
    const order = await startAndSubmit(s, applicant.token, { subject, websites: [site] }, [{ documentCode: 'GUANGDONG_COMMITMENT_LETTER' }]);
    expect(order).toMatchObject({ filingType: 'ACCESS', variant: 'ACCESS_NEW' });

    const approved = await must(s, staff, 'approveInitialReview', { orderId: order.id, version: order.version });
    expect(approved.status).toBe('PENDING_SMS_VERIFICATION');
    const sms = s.app.services.sms as OutboxSmsGateway;
    const code = sms.lastCodeFor(subject.principal.mobile)!;
    const verified = await must(s, applicant.token, 'verifySmsCode', {
      orderId: order.id, mobile: subject.principal.mobile, code, certificateSuffix: subject.principal.certificateNumber.slice(-6),
    });
    const sent = await must(s, staff, 'submitToMiit', { orderId: order.id, version: verified.version });
    const done = await must(s, staff, 'recordMiitApproval', { orderId: order.id, version: sent.version });
    expect(done.subject.icpNumber).toBe('粤ICP备2019012345号');
    expect(done.websites[0].website.icpNumber).toBe('粤ICP备2019012345号-2');
    const record = await s.db.prisma.registryFiling.findUniqueOrThrow({ where: { domain: 'yunfan-tech.cn' } });
    expect(record.provider).toBeNull();
  });

  it('refuses a submission without the province’s required document', async () => {
    const applicant = await signUp(s);
    const instance = await server(s, applicant.accountId);
    const subject = companySubject({ provinceCode: 'guangdong', provinceName: '广东省', city: '深圳市', region: '440305', name: '深圳海岸线数码有限公司' });
    const site = { ...website({ name: '海岸线数码官网', domain: 'haianxian-sz.cn', serverInstanceId: instance }), contentCategory: 'ENTERPRISE_PORTAL' };
    const order = await startFiling(s, applicant.token, { subject, websites: [site] });
    const { uploadRequiredMaterials } = await import('../support/fixtures.js');
    await uploadRequiredMaterials(s, applicant.token, order.id, 'UNIT');
    const { act } = await import('../support/workflow.js');
    const r = await act(s, applicant.token, 'submitOrder', { orderId: order.id, version: order.version });
    expect(r.__typename).toBe('ValidationError');
    expect(r.violations).toContainEqual(expect.objectContaining({ module: 'guangdong', field: 'documents', matched: 'GUANGDONG_COMMITMENT_LETTER' }));
  });
});

describe('provider limit on access applications (seed 000 §3.4)', () => {
  it('allows three access applications in review at once and refuses a fourth', async () => {
    const agent = await signUp(s, '代理人');
    const instance = await server(s, agent.accountId, { slots: 10 });
    const cities = [
      ['福州市', '350102', '福州闽江'],
      ['厦门市', '350203', '厦门鹭岛'],
      ['泉州市', '350502', '泉州刺桐'],
      ['漳州市', '350602', '漳州芗城'],
    ] as const;
    const results = [];
    for (const [i, [city, region, brand]] of cities.entries()) {
      const subject = companySubject({ provinceCode: 'fujian', provinceName: '福建省', city, region, name: `${brand}信息技术有限公司` });
      const domain = `access-${i}-fj.cn`;
      await s.db.prisma.$transaction((tx) =>
        s.app.services.registry.record(tx, {
          subjectName: subject.name,
          nature: 'ENTERPRISE',
          certificateType: 'BUSINESS_LICENSE',
          certificateNumber: subject.certificateNumber,
          provinceCode: 'fujian',
          subjectIcpNumber: `闽ICP备20180000${i + 10}号`,
          domain,
          websiteName: `${brand}官网`,
          websiteIcpNumber: `闽ICP备20180000${i + 10}号-1`,
          provider: '其他接入商',
        }),
      );
      const order = await startFiling(s, agent.token, {
        subject,
        websites: [{ ...website({ name: `${brand}官网`, domain, serverInstanceId: instance }), contentCategory: 'ENTERPRISE_PORTAL' }],
      });
      const { uploadRequiredMaterials } = await import('../support/fixtures.js');
      await uploadRequiredMaterials(s, agent.token, order.id, 'UNIT');
      const { act } = await import('../support/workflow.js');
      results.push(await act(s, agent.token, 'submitOrder', { orderId: order.id, version: order.version }));
    }
    expect(results.slice(0, 3).map((r) => r.__typename)).toEqual(['Order', 'Order', 'Order']);
    expect(ruleIds(results[3])).toEqual(['provider/access-applications-in-flight']);
  });
});

describe('接入 again after 取消接入', () => {
  it('hosts the website here again under its national number', async () => {
    const applicant = await signUp(s, '宁波海曙');
    const staff = await reviewer(s);
    const instance = await server(s, applicant.accountId);
    const subject = companySubject({ provinceCode: 'zhejiang', provinceName: '浙江省', city: '宁波市', region: '330203', name: '宁波海曙云图科技有限公司' });
    const site = { ...website({ name: '云图科技官网', domain: 'yuntu-nb.cn', serverInstanceId: instance }), contentCategory: 'ENTERPRISE_PORTAL' };
    const people = [subject.principal];
    const { approveAll, startCancellation } = await import('../support/workflow.js');

    const first = await startAndSubmit(s, applicant.token, { subject, websites: [site] });
    const filed = (await approveAll(s, staff, applicant.token, first, people)).order;
    const number = filed.websites[0].website.icpNumber as string;

    const cancel = await startCancellation(s, applicant.token, {
      type: 'CANCEL_ACCESS', subjectId: filed.subject.id, websiteIds: [filed.websites[0].website.id], reason: '迁往其他服务商',
    });
    const submittedCancel = await must(s, applicant.token, 'submitOrder', { orderId: cancel.id, version: cancel.version });
    await approveAll(s, staff, applicant.token, submittedCancel, people);

    const verdict = await s.ok(
      VERIFY_TYPE,
      { input: { provinceCode: 'zhejiang', nature: 'ENTERPRISE', certificateType: 'BUSINESS_LICENSE', certificateNumber: subject.certificateNumber, domain: 'yuntu-nb.cn' } },
      applicant.token,
    );
    expect(verdict.verifyFilingType).toMatchObject({ filingType: 'ACCESS', variant: 'ACCESS_CONTINUED', violations: [] });
    const back = await startAndSubmit(s, applicant.token, { subject, websites: [site] });
    const rehosted = (await approveAll(s, staff, applicant.token, back, people)).order;
    expect(rehosted.websites[0].website).toMatchObject({ icpNumber: number, status: 'FILED' });
    expect(rehosted.subject.icpNumber).toBe(filed.subject.icpNumber);
  });
});
