/** 管局 review estimates, as working days and as dates on the Chinese working-day calendar. */
import { addWorkingDays, isCalendarExact } from '../../src/domain/calendar.js';
import type { RuleRef } from '../kit/types.js';
import { requireProvince, ruleDay, ruleRef, settingRules } from './scope.js';

export interface ReviewEstimateInput {
  province: string;
  /** When the order reached the 管局. */
  submittedAt: Date;
}

export interface ReviewEstimate {
  minWorkingDays: number;
  maxWorkingDays: number;
  /** Start (Asia/Shanghai) of the `minWorkingDays`-th working day after submission. */
  earliest: Date;
  /** Start (Asia/Shanghai) of the `maxWorkingDays`-th working day after submission. */
  latest: Date;
  /** The longest the 管局 may take by regulation. */
  limitWorkingDays: number;
  limit: Date;
  /**
   * Whether every day counted lies in a year whose holidays the calendar knows; otherwise later days
   * were counted as Monday–Friday only (see src/domain/calendar.ts).
   */
  calendarExact: boolean;
  rules: RuleRef[];
}

/**
 * How long the 管局 review should take: the province's estimate (seed 000) or the national 3–20 working
 * days, counted from the day after submission.
 */
export function reviewEstimate(input: ReviewEstimateInput): ReviewEstimate {
  const province = requireProvince(input.province);
  const day = ruleDay(input.submittedAt);
  const [estimate] = settingRules(province, 'reviewEstimates', day);
  const [limit] = settingRules(province, 'reviewLimits', day);
  if (!estimate || !limit) throw new Error(`No review estimate or limit on ${day}`);

  const { minWorkingDays, maxWorkingDays } = estimate.rule;
  const limitWorkingDays = limit.rule.workingDays;
  const limitDate = addWorkingDays(input.submittedAt, limitWorkingDays);
  const lastCounted = limitWorkingDays >= maxWorkingDays ? limitDate : addWorkingDays(input.submittedAt, maxWorkingDays);
  return {
    minWorkingDays,
    maxWorkingDays,
    earliest: addWorkingDays(input.submittedAt, minWorkingDays),
    latest: addWorkingDays(input.submittedAt, maxWorkingDays),
    limitWorkingDays,
    limit: limitDate,
    calendarExact: isCalendarExact(input.submittedAt) && isCalendarExact(lastCounted),
    rules: [ruleRef(estimate.module, estimate.rule), ruleRef(limit.module, limit.rule)],
  };
}
