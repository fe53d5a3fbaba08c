import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxSmsGateway } from '../../src/workflow/sms.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { individualSubject, reviewer, server, signUp, website } from '../support/fixtures.js';
import { act, must, ruleIds, startAndSubmit, startFiling } from '../support/workflow.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-05-11T02:00:00Z' });
});
afterAll(async () => {
  await s?.close();
});

describe('江苏: individual sites are named 某某的个人博客 or 某某的个人主页', () => {
  it('refuses other names and a missing remark, naming the jiangsu module, and accepts the pattern', async () => {
    const applicant = await signUp(s, '王芳');
    const instance = await server(s, applicant.accountId);
    const subject = individualSubject({ provinceCode: 'jiangsu', provinceName: '江苏省', city: '南京市', region: '320102', person: { name: '王芳' } });

    const wrong = await startFiling(s, applicant.token, {
      subject,
      websites: [website({ name: '王芳的摄影作品集', domain: 'wangfang-photo.cn', serverInstanceId: instance })],
    });
    expect(wrong.__typename).toBe('ValidationError');
    const rule = wrong.violations.find((v: { rule: string }) => v.rule === 'jiangsu/individual-name-pattern');
    expect(rule).toMatchObject({ module: 'jiangsu', field: 'websites[0].name' });
    expect(rule.source).toMatch(/seed:002/);

    const noRemark = await startFiling(s, applicant.token, {
      subject,
      websites: [{ ...website({ name: '王芳的个人博客', domain: 'wangfang-photo.cn', serverInstanceId: instance }), remark: '' }],
    });
    expect(noRemark.violations.map((v: { field: string; rule: string }) => `${v.field} ${v.rule}`)).toContain(
      'websites[0].remark jiangsu/individual-name-pattern',
    );

    const ok = await startFiling(s, applicant.token, {
      subject,
      websites: [website({ name: '王芳的个人博客', domain: 'wangfang-photo.cn', serverInstanceId: instance, remark: '分享摄影作品与拍摄心得' })],
    });
    expect(ok).toMatchObject({ __typename: 'Order', status: 'DRAFT' });
  });
});

describe('浙江: SMS verification with an HK/Macau travel permit', () => {
  it('needs the HK/Macau identity number and checks its last 6 characters with full-width parentheses', async () => {
    const applicant = await signUp(s, '陈嘉欣');
    const staff = await reviewer(s);
    const instance = await server(s, applicant.accountId);
    const permit = { certificateType: 'HK_MACAU_TRAVEL_PERMIT', certificateNumber: 'H12345678', name: '陈嘉欣' };
    const base = individualSubject({ provinceCode: 'zhejiang', provinceName: '浙江省', city: '杭州市', region: '330106', person: permit });
    const subject = { ...base, certificateType: permit.certificateType, certificateNumber: permit.certificateNumber };
    const sites = [website({ name: '陈嘉欣的美食日记', domain: 'chenjiaxin-food.cn', serverInstanceId: instance, remark: '记录杭州美食探店' })];

    const missing = await startFiling(s, applicant.token, { subject, websites: sites });
    expect(missing.__typename).toBe('ValidationError');
    expect(missing.violations).toContainEqual(
      expect.objectContaining({ field: 'subject.principal.hkMacauIdentityNumber', rule: 'zhejiang/hk-macau-identity-suffix', module: 'zhejiang' }),
    );

    const withId = { ...subject, principal: { ...subject.principal, hkMacauIdentityNumber: 'A1234567(8)' } };
    const order = await startAndSubmit(s, applicant.token, { subject: withId, websites: sites });
    const website0 = await s.db.prisma.website.findFirstOrThrow({ where: { domains: { some: { name: 'chenjiaxin-food.cn' } } } });
    expect(website0.accessMethod).toBe('虚拟主机');

    const approved = await must(s, staff, 'approveInitialReview', { orderId: order.id, version: order.version });
    expect(approved.status).toBe('PENDING_SMS_VERIFICATION');
    const code = (s.app.services.sms as OutboxSmsGateway).lastCodeFor(withId.principal.mobile)!;

    // The permit's own last six characters are not what 浙江 asks for.
    const wrong = await act(s, applicant.token, 'verifySmsCode', {
      orderId: order.id,
      mobile: withId.principal.mobile,
      code,
      certificateSuffix: '345678',
    });
    expect(ruleIds(wrong)).toEqual(['national/sms-code-wrong']);

    const right = await must(s, applicant.token, 'verifySmsCode', {
      orderId: order.id,
      mobile: withId.principal.mobile,
      code,
      certificateSuffix: '567（8）',
    });
    expect(right.status).toBe('PENDING_MIIT_REVIEW');
  });
});
