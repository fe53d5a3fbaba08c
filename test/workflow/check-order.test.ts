/**
 * Every order operation checks in one order: the order exists and is the caller's, then the action is
 * allowed from its status, then the caller's version is current, then the data. The first check that
 * fails answers, so a client learns the most fundamental problem first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/harness.js';
import { individualSubject, reviewer, server, signUp, website } from '../support/fixtures.js';
import { act, startFiling, updateFiling } from '../support/workflow.js';

let s: TestServer;
let staff: string;
let applicant: { token: string; accountId: string };
let instance: string;
beforeAll(async () => {
  s = await startTestServer({ start: '2026-08-03T02:00:00Z' });
  staff = await reviewer(s);
  applicant = await signUp(s, '顺序');
  instance = await server(s, applicant.accountId, { slots: 10 });
});
afterAll(async () => {
  await s?.close();
});

let n = 0;
function filing() {
  n++;
  return {
    subject: individualSubject({ provinceCode: 'anhui', provinceName: '安徽省', city: '合肥市', region: '340104', person: { name: '许晴' } }),
    websites: [website({ name: '许晴的园艺日记', domain: `check-order-${n}.cn`, serverInstanceId: instance, remark: '分享家庭园艺经验' })],
  };
}

describe('the order of checks', () => {
  it('submitOrder on a withdrawn order: InvalidTransitionError, not the data it no longer has', async () => {
    const draft = await startFiling(s, applicant.token, filing());
    const withdrawn = await act(s, applicant.token, 'withdrawOrder', { orderId: draft.id, version: draft.version });
    expect(withdrawn).toMatchObject({ __typename: 'Order', status: 'WITHDRAWN' });
    const r = await act(s, applicant.token, 'submitOrder', { orderId: draft.id, version: withdrawn.version });
    expect(r).toMatchObject({ __typename: 'InvalidTransitionError', currentStatus: 'WITHDRAWN' });
  });

  it('a stale version gets ConflictError before the data is judged', async () => {
    // No materials uploaded: the data is incomplete for submission.
    const draft = await startFiling(s, applicant.token, filing());
    const fresh = await act(s, applicant.token, 'submitOrder', { orderId: draft.id, version: draft.version });
    expect(fresh.__typename).toBe('ValidationError');
    const stale = await act(s, applicant.token, 'submitOrder', { orderId: draft.id, version: draft.version + 7 });
    expect(stale).toMatchObject({ __typename: 'ConflictError', currentStatus: 'DRAFT', currentVersion: draft.version });
  });

  it('updateFiling with a stale version and bad data: ConflictError', async () => {
    const input = filing();
    const draft = await startFiling(s, applicant.token, input);
    const bad = { ...input, websites: [{ ...input.websites[0], name: '12345' }] };
    expect((await updateFiling(s, applicant.token, draft.id, draft.version, bad)).__typename).toBe('ValidationError');
    expect(await updateFiling(s, applicant.token, draft.id, draft.version + 3, bad)).toMatchObject({ __typename: 'ConflictError', currentVersion: draft.version });
  });

  it('an action not allowed from the status is InvalidTransitionError whatever the version', async () => {
    const draft = await startFiling(s, applicant.token, filing());
    const r = await act(s, staff, 'approveInitialReview', { orderId: draft.id, version: draft.version + 5 });
    expect(r).toMatchObject({ __typename: 'InvalidTransitionError', currentStatus: 'DRAFT' });
  });

  it("someone else's order is NotFound before anything else", async () => {
    const draft = await startFiling(s, applicant.token, filing());
    const other = await signUp(s, '旁人');
    const r = await act(s, other.token, 'submitOrder', { orderId: draft.id, version: draft.version + 1 });
    expect(r.__typename).toBe('NotFoundError');
  });
});
