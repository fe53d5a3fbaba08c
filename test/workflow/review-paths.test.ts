import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxSmsGateway } from '../../src/workflow/sms.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { individualSubject, reviewer, server, signIn, signUp, website } from '../support/fixtures.js';
import { act, HISTORY, must, orderStatus, ruleIds, startAndSubmit, updateFiling, VERIFY_TYPE } from '../support/workflow.js';

let s: TestServer;
let staff: string;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-06-01T02:00:00Z' });
  staff = await reviewer(s);
});
afterAll(async () => {
  await s?.close();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let n = 0;

/** A fresh applicant with a submitted individual filing in 四川. */
async function submitted(name = '刘洋') {
  n++;
  const applicant = await signUp(s, name);
  const instance = await server(s, applicant.accountId);
  const subject = individualSubject({ provinceCode: 'sichuan', provinceName: '四川省', city: '成都市', region: '510104', person: { name } });
  const domain = `liuyang-blog-${n}.cn`;
  const sites = [website({ name: `${name}的读书笔记`, domain, serverInstanceId: instance, remark: '分享读书心得' })];
  const order = await startAndSubmit(s, applicant.token, { subject, websites: sites });
  return { applicant, order, subject, sites, domain };
}

async function waitFor<T>(probe: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 240_000; // a safety net, not a timed check
  for (;;) {
    const v = await probe();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('initial review outcomes', () => {
  it('rejection needs a reason; the applicant edits and resubmits; history keeps both rounds', async () => {
    const { applicant, order, subject, sites } = await submitted('刘洋');

    const noReason = await act(s, staff, 'rejectInitialReview', { orderId: order.id, version: order.version, reason: '  ' });
    expect(noReason).toMatchObject({ __typename: 'InvalidTransitionError', currentStatus: 'PENDING_INITIAL_REVIEW' });

    const rejected = await must(s, staff, 'rejectInitialReview', { orderId: order.id, version: order.version, reason: '网站名称与备注内容不符' });
    expect(rejected).toMatchObject({ status: 'INITIAL_REJECTED', lastReason: '网站名称与备注内容不符' });

    const edited = await updateFiling(s, applicant.token, order.id, rejected.version, {
      subject,
      websites: [{ ...sites[0], remark: '分享读书心得与书评' }],
    });
    expect(edited.__typename).toBe('Order');
    const resubmitted = await must(s, applicant.token, 'submitOrder', { orderId: order.id, version: edited.version });
    expect(resubmitted.status).toBe('PENDING_INITIAL_REVIEW');

    const history = await s.ok(HISTORY, { id: order.id }, applicant.token);
    const steps = history.node.history.edges.map((e: { node: { type: string; toStatus: string | null } }) => `${e.node.type}:${e.node.toStatus ?? ''}`);
    expect(steps).toEqual([
      'CREATED:DRAFT',
      'MATERIAL_ADDED:',
      'MATERIAL_ADDED:',
      'STATUS_CHANGED:PENDING_INITIAL_REVIEW',
      'STATUS_CHANGED:INITIAL_REJECTED',
      'UPDATED:',
      'STATUS_CHANGED:PENDING_INITIAL_REVIEW',
    ]);
  });

  it('asks for changes with per-field comments, which the applicant sees', async () => {
    const { applicant, order } = await submitted('周杰');
    const comments = [{ field: 'websites[0].remark', comment: '请补充网站的主要内容' }];
    const back = await must(s, staff, 'requestChanges', { orderId: order.id, version: order.version, reason: '请完善资料', comments });
    expect(back.status).toBe('NEEDS_CHANGES');
    const seen = await s.ok(`query ($id: ID!) { node(id: $id) { ... on Order { reviewComments { field comment } } } }`, { id: order.id }, applicant.token);
    expect(seen.node.reviewComments).toEqual(comments);
  });

  it('mailed materials: the order waits until they are marked received', async () => {
    const { order } = await submitted('吴敏');
    const waiting = await must(s, staff, 'approveInitialReview', { orderId: order.id, version: order.version, requireMailedMaterials: true });
    expect(waiting.status).toBe('AWAITING_MAILED_MATERIALS');
    const received = await must(s, staff, 'markMaterialsReceived', { orderId: order.id, version: waiting.version });
    expect(received.status).toBe('PENDING_SMS_VERIFICATION');
  });

  it('two reviewers acting at once: exactly one wins, the other gets a typed refusal naming the new status', async () => {
    const { order } = await submitted('郑浩');
    const other = await reviewer(s);
    const [a, b] = await Promise.all([
      act(s, staff, 'approveInitialReview', { orderId: order.id, version: order.version }),
      act(s, other, 'rejectInitialReview', { orderId: order.id, version: order.version, reason: '资料不全' }),
    ]);
    expect([a, b].filter((r) => r.__typename === 'Order')).toHaveLength(1);
    const winner = a.__typename === 'Order' ? a : b;
    const loser = a.__typename === 'Order' ? b : a;
    // Checks run transition before version: a loser that reads the winner's status is refused by the
    // state machine; one that raced the write itself, by the version.
    expect(['ConflictError', 'InvalidTransitionError']).toContain(loser.__typename);
    expect(loser.currentStatus).toBe(winner.status);
    const history = await s.ok(HISTORY, { id: order.id }, staff);
    const changes = history.node.history.edges.filter((e: { node: { type: string } }) => e.node.type === 'STATUS_CHANGED');
    expect(changes).toHaveLength(2); // submit + the one winning decision
  });

  it('refuses actions the state machine does not allow, naming the current status', async () => {
    const { applicant, order } = await submitted('孙丽');
    const early = await act(s, staff, 'recordMiitApproval', { orderId: order.id, version: order.version });
    expect(early).toMatchObject({ __typename: 'InvalidTransitionError', currentStatus: 'PENDING_INITIAL_REVIEW' });
    const twice = await act(s, applicant.token, 'submitOrder', { orderId: order.id, version: order.version });
    expect(twice).toMatchObject({ __typename: 'InvalidTransitionError', currentStatus: 'PENDING_INITIAL_REVIEW' });
  });
});

describe('withdrawal and the 管局 stage', () => {
  it('the applicant withdraws before the 管局; the domain is free again', async () => {
    const { applicant, order, subject, domain } = await submitted('马超');
    const withdrawn = await must(s, applicant.token, 'withdrawOrder', { orderId: order.id, version: order.version, reason: '暂不备案' });
    expect(withdrawn.status).toBe('WITHDRAWN');
    const verdict = await s.ok(
      VERIFY_TYPE,
      { input: { provinceCode: 'sichuan', nature: 'INDIVIDUAL', certificateType: 'RESIDENT_ID', certificateNumber: subject.certificateNumber, domain } },
      applicant.token,
    );
    expect(verdict.verifyFilingType).toMatchObject({ filingType: 'FIRST', violations: [] });
  });

  it('no withdrawal once the order is with the 管局; a 管局 rejection can be fixed and resubmitted', async () => {
    const { applicant, order, subject } = await submitted('黄磊');
    const approved = await must(s, staff, 'approveInitialReview', { orderId: order.id, version: order.version });
    const code = (s.app.services.sms as OutboxSmsGateway).lastCodeFor(subject.principal.mobile)!;
    const atMiit = await must(s, applicant.token, 'verifySmsCode', {
      orderId: order.id, mobile: subject.principal.mobile, code, certificateSuffix: subject.certificateNumber.slice(-6),
    });
    expect(atMiit.status).toBe('PENDING_MIIT_REVIEW');
    const late = await act(s, applicant.token, 'withdrawOrder', { orderId: order.id, version: atMiit.version });
    expect(late).toMatchObject({ __typename: 'InvalidTransitionError', currentStatus: 'PENDING_MIIT_REVIEW' });

    const sent = await must(s, staff, 'submitToMiit', { orderId: order.id, version: atMiit.version });
    const rejected = await must(s, staff, 'recordMiitRejection', { orderId: order.id, version: sent.version, reason: '网站名称不规范' });
    expect(rejected.status).toBe('MIIT_REJECTED');
    const again = await must(s, applicant.token, 'submitOrder', { orderId: order.id, version: rejected.version });
    expect(again.status).toBe('PENDING_INITIAL_REVIEW');
    void approved;
  });
});

describe('timers', () => {
  it('SMS not verified within 24 hours returns the order, with nobody calling the API', async () => {
    const { order } = await submitted('何静');
    const approved = await must(s, staff, 'approveInitialReview', { orderId: order.id, version: order.version });
    expect(approved.status).toBe('PENDING_SMS_VERIFICATION');
    s.clock.advance(24 * HOUR + 1000);
    const after = await waitFor(() => orderStatus(s, staff, order.id), (o) => o.status !== 'PENDING_SMS_VERIFICATION');
    expect(after.status).toBe('NEEDS_CHANGES');
  });

  it('five wrong SMS codes in a row return the order', async () => {
    const { applicant, order, subject } = await submitted('林峰');
    const approved = await must(s, staff, 'approveInitialReview', { orderId: order.id, version: order.version });
    void approved;
    const code = (s.app.services.sms as OutboxSmsGateway).lastCodeFor(subject.principal.mobile)!;
    const wrongCode = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) {
      const r = await act(s, applicant.token, 'verifySmsCode', {
        orderId: order.id, mobile: subject.principal.mobile, code: wrongCode, certificateSuffix: subject.certificateNumber.slice(-6),
      });
      expect(ruleIds(r)).toEqual(['national/sms-code-wrong']);
    }
    const fifth = await must(s, applicant.token, 'verifySmsCode', {
      orderId: order.id, mobile: subject.principal.mobile, code: wrongCode, certificateSuffix: subject.certificateNumber.slice(-6),
    });
    expect(fifth.status).toBe('NEEDS_CHANGES');
  });

  it('an order expires 45 days after its first submission and frees its domain', async () => {
    const { applicant, order, subject, domain } = await submitted('高远');
    const back = await must(s, staff, 'requestChanges', { orderId: order.id, version: order.version, reason: '请补充材料', comments: [] });
    expect(back.status).toBe('NEEDS_CHANGES');
    s.clock.advance(45 * DAY + 1000);
    // A week-long session has lapsed by now: sign in again, as the applicant would.
    const token = await signIn(s, applicant.email);
    const after = await waitFor(() => orderStatus(s, token, order.id), (o) => o.status === 'EXPIRED');
    expect(after.status).toBe('EXPIRED');
    const verdict = await s.ok(
      VERIFY_TYPE,
      { input: { provinceCode: 'sichuan', nature: 'INDIVIDUAL', certificateType: 'RESIDENT_ID', certificateNumber: subject.certificateNumber, domain } },
      token,
    );
    expect(verdict.verifyFilingType.filingType).toBe('FIRST');
  });
});

describe('SMS resends', () => {
  it('waits the resend interval, replaces the code, and stops after the resend limit', async () => {
    const { applicant, order, subject } = await submitted('秦川');
    // Earlier tests moved the clock by weeks: sign a reviewer in afresh.
    const staffNow = await reviewer(s);
    await must(s, staffNow, 'approveInitialReview', { orderId: order.id, version: order.version });
    const sms = s.app.services.sms as OutboxSmsGateway;
    const mobile = subject.principal.mobile;
    const first = sms.lastCodeFor(mobile)!;

    const tooSoon = await act(s, applicant.token, 'resendSmsCode', { orderId: order.id, mobile });
    expect(ruleIds(tooSoon)).toEqual(['national/sms-resend-interval']);

    const limits = await s.ok(
      `{ smsRequirement(province: "sichuan", filingType: FIRST) { resendIntervalMinutes maxResends } }`,
      {},
      applicant.token,
    );
    const { resendIntervalMinutes, maxResends } = limits.smsRequirement;
    for (let i = 0; i < maxResends; i++) {
      s.clock.advance(resendIntervalMinutes * 60_000);
      const r = await act(s, applicant.token, 'resendSmsCode', { orderId: order.id, mobile });
      expect(r.__typename).toBe('Order');
    }
    s.clock.advance(resendIntervalMinutes * 60_000);
    const over = await act(s, applicant.token, 'resendSmsCode', { orderId: order.id, mobile });
    expect(ruleIds(over)).toEqual(['national/sms-resend-limit']);

    const latest = sms.lastCodeFor(mobile)!;
    const suffix = subject.certificateNumber.slice(-6);
    if (latest !== first) {
      const old = await act(s, applicant.token, 'verifySmsCode', { orderId: order.id, mobile, code: first, certificateSuffix: suffix });
      expect(ruleIds(old)).toEqual(['national/sms-code-wrong']);
    }
    const ok = await must(s, applicant.token, 'verifySmsCode', { orderId: order.id, mobile, code: latest, certificateSuffix: suffix });
    expect(ok.status).toBe('PENDING_MIIT_REVIEW');
  });
});
