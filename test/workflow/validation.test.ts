import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/harness.js';
import { individualSubject, server, signUp, website } from '../support/fixtures.js';
import { startFiling } from '../support/workflow.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-09-01T02:00:00Z' });
});
afterAll(async () => {
  await s?.close();
});

describe('validation reports every problem at once and writes nothing', () => {
  it('on save, with field, rule and module for each', async () => {
    const applicant = await signUp(s);
    const instance = await server(s, applicant.accountId);
    const good = individualSubject({ provinceCode: 'beijing', provinceName: '北京市', city: '北京市', region: '110105', person: { name: '李雷' } });
    const subject = {
      ...good,
      communicationAddress: '北京市朝阳区建国路',
      principal: {
        ...good.principal,
        mobile: '12345',
        email: 'not-an-email',
        validTo: '2026-10-01',
        phone2: '13900000000',
      },
    };
    const r = await startFiling(s, applicant.token, {
      subject,
      websites: [website({ name: 'blog', domain: 'lilei-blog.hk', serverInstanceId: instance })],
    });
    expect(r.__typename).toBe('ValidationError');
    const got = new Set(r.violations.map((v: { field: string; rule: string }) => `${v.field} ${v.rule}`));
    for (const expected of [
      'subject.communicationAddress national/address-not-detailed',
      'subject.principal.mobile national/mobile-format',
      'subject.principal.email national/email-format',
      'subject.principal.validTo national/document-expiring',
      'subject.principal.phone2 national/individual-phone2',
      'websites[0].name national/min-han-characters',
    ]) {
      expect(got, `${expected}\n${[...got].join('\n')}`).toContain(expected);
    }
    // 北京 refuses some country-code domains (provider knowledge base): the province module says so.
    expect(r.violations.some((v: { module: string; rule: string }) => v.module === 'beijing' && v.rule.startsWith('beijing/'))).toBe(true);
    expect(await s.db.prisma.subject.count()).toBe(0);
    expect(await s.db.prisma.person.count()).toBe(0);
  });

  it('validateFiling checks as the user types, without saving; validateOrder lists what submission still needs', async () => {
    const applicant = await signUp(s);
    const instance = await server(s, applicant.accountId);
    const subject = individualSubject({ provinceCode: 'hebei', provinceName: '河北省', city: '石家庄市', region: '130102', person: { name: '韩梅' } });
    const input = { subject, websites: [website({ name: '韩梅的烘焙日记', domain: 'hanmei-bake.cn', serverInstanceId: instance, remark: '家庭烘焙' })] };
    const check = await s.ok(`query ($input: FilingInput!) { validateFiling(input: $input) { rule } }`, { input }, applicant.token);
    expect(check.validateFiling).toEqual([]);
    expect(await s.db.prisma.order.count()).toBe(0);

    const order = await startFiling(s, applicant.token, input);
    const pending = await s.ok(`query ($id: ID!) { validateOrder(orderId: $id) { field rule } }`, { id: order.id }, applicant.token);
    expect(pending.validateOrder.map((v: { rule: string }) => v.rule).sort()).toEqual(['national/authenticity-check', 'national/material-certificate']);
  });
});
