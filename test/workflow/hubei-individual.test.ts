import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, take, type TestServer } from '../support/harness.js';
import { individualSubject, reviewer, server, signUp, uploadRequiredMaterials, website } from '../support/fixtures.js';
import { HISTORY, must, ruleIds, startFiling, VERIFY_TYPE } from '../support/workflow.js';
import type { OutboxSmsGateway } from '../../src/workflow/sms.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-03-02T02:00:00Z' });
});
afterAll(async () => {
  await s?.close();
});

const FEED = /* GraphQL */ `
  subscription ($filter: OrderEventFeedFilter, $after: String) {
    orderEvents(filter: $filter, after: $after) { sequence fromStatus toStatus order { id number } }
  }
`;

describe('individual first filing in 湖北, from type verification to ICP number', () => {
  it('refuses a second website, then files one website end to end', async () => {
    const applicant = await signUp(s, '王小明');
    const staff = await reviewer(s);
    const instance = await server(s, applicant.accountId);
    const subject = individualSubject({
      provinceCode: 'hubei',
      provinceName: '湖北省',
      city: '武汉市',
      region: '420106',
      person: { name: '王小明' },
    });

    // The reviewer watches every status change in 湖北 live (from the start of the log: nothing is missed
    // however long the socket takes to open).
    const feed = take(s.ws(staff), FEED, { filter: { provinceCode: 'hubei' }, after: '0' }, 4);

    const verdict = await s.ok(
      VERIFY_TYPE,
      {
        input: {
          provinceCode: 'hubei',
          nature: 'INDIVIDUAL',
          certificateType: 'RESIDENT_ID',
          certificateNumber: subject.certificateNumber,
          domain: 'WWW.Wangxm-Notes.CN',
        },
      },
      applicant.token,
    );
    expect(verdict.verifyFilingType).toMatchObject({ filingType: 'FIRST', variant: null, domain: 'wangxm-notes.cn', violations: [] });

    // 湖北: one website and one domain per order (seed 002 表3-1).
    const two = await startFiling(s, applicant.token, {
      subject,
      websites: [
        website({ name: '王小明的学习笔记', domain: 'wangxm-notes.cn', serverInstanceId: instance }),
        website({ name: '王小明的旅行日记', domain: 'wangxm-travel.cn', serverInstanceId: instance }),
      ],
    });
    expect(two.__typename).toBe('ValidationError');
    expect(ruleIds(two)).toContain('hubei/websites-per-order');
    const limit = two.violations.find((v: { rule: string }) => v.rule === 'hubei/websites-per-order');
    expect(limit).toMatchObject({ module: 'hubei', field: 'websites' });
    expect(limit.source).toMatch(/seed:002/);
    expect(await s.db.prisma.order.count()).toBe(0);

    const order = await startFiling(s, applicant.token, {
      subject,
      websites: [website({ name: '王小明的学习笔记', domain: 'wangxm-notes.cn', serverInstanceId: instance })],
    });
    expect(order).toMatchObject({ __typename: 'Order', status: 'DRAFT', filingType: 'FIRST', provinceCode: 'hubei' });

    await uploadRequiredMaterials(s, applicant.token, order.id, 'INDIVIDUAL');
    const submitted = await must(s, applicant.token, 'submitOrder', { orderId: order.id, version: order.version });
    expect(submitted.status).toBe('PENDING_INITIAL_REVIEW');

    const approved = await must(s, staff, 'approveInitialReview', { orderId: order.id, version: submitted.version });
    expect(approved.status).toBe('PENDING_SMS_VERIFICATION');

    // One code per distinct mobile: the individual is both subject and website principal.
    const sms = s.app.services.sms as OutboxSmsGateway;
    expect(sms.outbox.filter((m) => m.to === subject.principal.mobile)).toHaveLength(1);
    const code = sms.lastCodeFor(subject.principal.mobile)!;
    const verified = await must(s, applicant.token, 'verifySmsCode', {
      orderId: order.id,
      mobile: subject.principal.mobile,
      code,
      certificateSuffix: subject.certificateNumber.slice(-6),
    });
    expect(verified.status).toBe('PENDING_MIIT_REVIEW');

    const atMiit = await must(s, staff, 'submitToMiit', { orderId: order.id, version: verified.version });
    // 湖北's estimate is two weeks (seed 000), counted in working days from the submission to the 管局.
    const plan = await s.ok(
      `query ($id: ID!) { node(id: $id) { ... on Order { schedule { expiresAt miitDecision { minWorkingDays maxWorkingDays earliest latest } } } } }`,
      { id: order.id },
      applicant.token,
    );
    expect(plan.node.schedule.miitDecision).toMatchObject({ minWorkingDays: 10, maxWorkingDays: 10 });
    // Submitted on Monday 2026-03-02 (Shanghai): ten working days later is Monday 2026-03-16.
    expect(plan.node.schedule.miitDecision.latest).toBe('2026-03-15T16:00:00.000Z');
    expect(plan.node.schedule.expiresAt).toBe('2026-04-16T02:00:00.000Z');
    const done = await must(s, staff, 'recordMiitApproval', { orderId: order.id, version: atMiit.version });
    expect(done.status).toBe('APPROVED');
    expect(done.subject.icpNumber).toBe('鄂ICP备2026000001号');
    expect(done.subject.status).toBe('FILED');
    expect(done.websites[0].website).toMatchObject({ icpNumber: '鄂ICP备2026000001号-1', status: 'FILED' });

    // The reviewer's feed saw every transition, in order.
    const events = (await feed.done).map((r) => r.data!.orderEvents);
    expect(events.map((e) => `${e.fromStatus}→${e.toStatus}`)).toEqual([
      'DRAFT→PENDING_INITIAL_REVIEW',
      'PENDING_INITIAL_REVIEW→PENDING_SMS_VERIFICATION',
      'PENDING_SMS_VERIFICATION→PENDING_MIIT_REVIEW',
      'PENDING_MIIT_REVIEW→APPROVED',
    ]);
    expect(events.every((e) => e.order.id === order.id)).toBe(true);

    const history = await s.ok(HISTORY, { id: order.id }, applicant.token);
    const types = history.node.history.edges.map((e: { node: { type: string } }) => e.node.type);
    expect(types[0]).toBe('CREATED');
    expect(types).toContain('SMS_SENT');
    expect(types).toContain('SMS_VERIFIED');
  });
});
