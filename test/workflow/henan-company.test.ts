import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxSmsGateway } from '../../src/workflow/sms.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { companySubject, email, mobile, person, residentId, reviewer, server, signUp, website } from '../support/fixtures.js';
import { must, ruleIds, startAndSubmit, startFiling } from '../support/workflow.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-04-07T01:00:00Z' });
});
afterAll(async () => {
  await s?.close();
});

const SITE_NAMES = ['恒通科技官网', '恒通科技产品中心', '恒通科技服务中心', '恒通科技招聘平台', '恒通科技新闻中心', '恒通科技支持中心'];

describe('company first filing in 河南', () => {
  it('takes five websites in one order, refuses six, and numbers them -1 … -5 on approval', async () => {
    const applicant = await signUp(s, '恒通科技');
    const staff = await reviewer(s);
    const instance = await server(s, applicant.accountId, { slots: 10 });
    const subject = companySubject({ provinceCode: 'henan', provinceName: '河南省', city: '郑州市', region: '410105', name: '郑州恒通信息科技有限公司' });
    // A separate website principal for each site: units may name other people (seed 003).
    const principals = SITE_NAMES.map((_, i) =>
      person({ name: `负责人${'甲乙丙丁戊己'[i]}`, certificateNumber: residentId('410105'), mobile: mobile('135'), emergencyPhone: mobile('136'), email: email('site') }),
    );
    const sites = SITE_NAMES.map((name, i) =>
      ({ ...website({ name, domain: `hengtong-${i + 1}.cn`, serverInstanceId: instance, principal: principals[i] }), contentCategory: 'ENTERPRISE_PORTAL', remark: undefined }),
    );

    const six = await startFiling(s, applicant.token, { subject, websites: sites });
    expect(six.__typename).toBe('ValidationError');
    const limit = six.violations.find((v: { rule: string }) => v.rule.startsWith('henan/'));
    expect(limit, JSON.stringify(six.violations)).toMatchObject({ module: 'henan', field: 'websites' });
    expect(await s.db.prisma.website.count()).toBe(0);

    const order = await startAndSubmit(s, applicant.token, { subject, websites: sites.slice(0, 5) });
    expect(order.websites).toHaveLength(5);

    const approved = await must(s, staff, 'approveInitialReview', { orderId: order.id, version: order.version });
    expect(approved.status).toBe('PENDING_SMS_VERIFICATION');
    // One code per distinct mobile: the subject principal and five website principals.
    const sms = s.app.services.sms as OutboxSmsGateway;
    const people = [subject.principal, ...principals.slice(0, 5)];
    let current = approved;
    for (const p of people) {
      current = await must(s, applicant.token, 'verifySmsCode', {
        orderId: order.id,
        mobile: p.mobile,
        code: sms.lastCodeFor(p.mobile)!,
        certificateSuffix: p.certificateNumber.slice(-6),
      });
    }
    expect(current.status).toBe('PENDING_MIIT_REVIEW');
    const atMiit = await must(s, staff, 'submitToMiit', { orderId: order.id, version: current.version });
    const done = await must(s, staff, 'recordMiitApproval', { orderId: order.id, version: atMiit.version });
    expect(done.subject.icpNumber).toBe('豫ICP备2026000001号');
    expect(done.websites.map((w: { website: { icpNumber: string } }) => w.website.icpNumber).sort()).toEqual(
      [1, 2, 3, 4, 5].map((n) => `豫ICP备2026000001号-${n}`),
    );
  });

  it('refuses a unit whose website principal shares the subject principal’s mobile', async () => {
    const applicant = await signUp(s);
    const instance = await server(s, applicant.accountId);
    const subject = companySubject({ provinceCode: 'henan', provinceName: '河南省', city: '洛阳市', region: '410302', name: '洛阳明远文化传播有限公司' });
    const clash = person({ name: '赵强', mobile: subject.principal.mobile });
    const r = await startFiling(s, applicant.token, {
      subject,
      websites: [{ ...website({ name: '明远文化官网', domain: 'mingyuan-ly.cn', serverInstanceId: instance, principal: clash }), contentCategory: 'ENTERPRISE_PORTAL' }],
    });
    expect(ruleIds(r)).toContain('national/principal-phone-distinct');
  });
});
