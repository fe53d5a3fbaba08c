/**
 * The pure decider every order operation runs (src/workflow/decide/order.ts), by table: which check answers
 * first when several would fail. No database, no server: facts in, decision or refusal out.
 */
import { describe, expect, it } from 'vitest';
import { Conflict, InvalidTransition, NotFound, ValidationFailed } from '../../src/domain/errors.js';
import type { OrderStatus } from '../../src/domain/vocabulary.js';
import { decideTransition, type Caller, type OrderFacts } from '../../src/workflow/decide/order.js';
import type { OrderAction } from '../../src/workflow/transitions.js';

const OWNER: Caller = { accountId: 'owner', role: 'APPLICANT' };
const STRANGER: Caller = { accountId: 'stranger', role: 'APPLICANT' };
const REVIEWER: Caller = { accountId: 'reviewer', role: 'REVIEWER' };

const order = (status: OrderStatus, extra: Partial<OrderFacts> = {}): OrderFacts => ({ id: 'o1', ownerId: 'owner', status, version: 3, ...extra });
const bad = () => [{ field: 'websites', rule: 'national/website-required', message: '请填写', messageEn: 'Required', module: 'national' }];

type Expected = 'ok' | typeof NotFound | typeof InvalidTransition | typeof Conflict | typeof ValidationFailed;

const TABLE: Array<{
  name: string;
  order: OrderFacts | null;
  caller: Caller;
  action: OrderAction;
  to: OrderStatus;
  version?: number;
  reason?: string | null;
  violations?: () => ReturnType<typeof bad>;
  expect: Expected;
}> = [
  { name: 'missing order, everything else wrong too', order: null, caller: OWNER, action: 'submit', to: 'PENDING_INITIAL_REVIEW', version: 9, violations: bad, expect: NotFound },
  { name: "another applicant's order", order: order('DRAFT'), caller: STRANGER, action: 'submit', to: 'PENDING_INITIAL_REVIEW', version: 3, expect: NotFound },
  { name: 'reviewers act on any order', order: order('PENDING_INITIAL_REVIEW'), caller: REVIEWER, action: 'approveInitialReview', to: 'PENDING_MIIT_REVIEW', version: 3, expect: 'ok' },
  { name: 'withdrawn order, stale version, bad data: the transition answers', order: order('WITHDRAWN'), caller: OWNER, action: 'submit', to: 'PENDING_INITIAL_REVIEW', version: 1, violations: bad, expect: InvalidTransition },
  { name: 'allowed transition, stale version, bad data: the version answers', order: order('DRAFT'), caller: OWNER, action: 'submit', to: 'PENDING_INITIAL_REVIEW', version: 2, violations: bad, expect: Conflict },
  { name: 'allowed, current, bad data: the data answers', order: order('DRAFT'), caller: OWNER, action: 'submit', to: 'PENDING_INITIAL_REVIEW', version: 3, violations: bad, expect: ValidationFailed },
  { name: 'allowed, current, good data', order: order('NEEDS_CHANGES'), caller: OWNER, action: 'submit', to: 'PENDING_INITIAL_REVIEW', version: 3, violations: () => [], expect: 'ok' },
  { name: 'system actions carry no version', order: order('PENDING_SMS_VERIFICATION'), caller: { accountId: null, role: 'SYSTEM' }, action: 'returnForSmsTimeout', to: 'NEEDS_CHANGES', reason: '超时', expect: 'ok' },
  { name: 'a reason the action needs is data: after the version', order: order('PENDING_INITIAL_REVIEW'), caller: REVIEWER, action: 'rejectInitialReview', to: 'INITIAL_REJECTED', version: 2, reason: ' ', expect: Conflict },
  { name: 'a missing reason on a current version', order: order('PENDING_INITIAL_REVIEW'), caller: REVIEWER, action: 'rejectInitialReview', to: 'INITIAL_REJECTED', version: 3, reason: ' ', expect: InvalidTransition },
  { name: 'a target the action cannot reach', order: order('PENDING_INITIAL_REVIEW'), caller: REVIEWER, action: 'approveInitialReview', to: 'APPROVED', version: 3, expect: InvalidTransition },
  { name: '管局 decision before submitToMiit', order: order('PENDING_MIIT_REVIEW', { miitSubmittedAt: null }), caller: REVIEWER, action: 'recordMiitApproval', to: 'APPROVED', version: 1, expect: InvalidTransition },
  { name: '管局 decision after submitToMiit', order: order('PENDING_MIIT_REVIEW', { miitSubmittedAt: new Date(0) }), caller: REVIEWER, action: 'recordMiitApproval', to: 'APPROVED', version: 3, expect: 'ok' },
  { name: 'approved orders are final', order: order('APPROVED'), caller: OWNER, action: 'withdraw', to: 'WITHDRAWN', version: 3, expect: InvalidTransition },
];

describe('decideTransition: existence/ownership, then transition, then version, then data', () => {
  for (const row of TABLE) {
    it(row.name, () => {
      const run = () =>
        decideTransition({ order: row.order, caller: row.caller, action: row.action, to: row.to, expectedVersion: row.version, reason: row.reason, violations: row.violations });
      if (row.expect === 'ok') {
        const d = run();
        expect(d).toMatchObject({ from: row.order!.status, to: row.to, action: row.action, version: row.order!.version });
      } else {
        expect(run).toThrow(row.expect);
      }
    });
  }

  it('judges the data only when everything before it passed', () => {
    let asked = 0;
    const violations = () => {
      asked++;
      return [];
    };
    expect(() => decideTransition({ order: order('WITHDRAWN'), caller: OWNER, action: 'submit', to: 'PENDING_INITIAL_REVIEW', expectedVersion: 3, violations })).toThrow(InvalidTransition);
    expect(() => decideTransition({ order: order('DRAFT'), caller: OWNER, action: 'submit', to: 'PENDING_INITIAL_REVIEW', expectedVersion: 1, violations })).toThrow(Conflict);
    expect(asked).toBe(0);
    decideTransition({ order: order('DRAFT'), caller: OWNER, action: 'submit', to: 'PENDING_INITIAL_REVIEW', expectedVersion: 3, violations });
    expect(asked).toBe(1);
  });
});
