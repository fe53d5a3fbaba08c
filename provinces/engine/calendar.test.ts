/** Tests of src/domain/calendar.ts, run with the province suite that depends on it. */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  calendarCoverage,
  isCalendarExact,
  isWorkingDay,
  shanghaiDay,
  startOfShanghaiDay,
  workingDaysBetween,
} from '../../src/domain/calendar.js';

describe('working-day calendar', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('reads instants as Asia/Shanghai days', () => {
    expect(shanghaiDay(new Date('2024-09-30T15:59:59Z'))).toBe('2024-09-30');
    expect(shanghaiDay(new Date('2024-09-30T16:00:00Z'))).toBe('2024-10-01');
    expect(startOfShanghaiDay('2024-10-01').toISOString()).toBe('2024-09-30T16:00:00.000Z');
  });

  it('knows weekends, holidays and 调休 make-up days', () => {
    expect(isWorkingDay('2024-10-01')).toBe(false); // National Day
    expect(isWorkingDay('2024-09-29')).toBe(true); // Sunday, make-up day
    expect(isWorkingDay('2024-10-12')).toBe(true); // Saturday, make-up day
    expect(isWorkingDay('2024-10-13')).toBe(false); // Sunday
    expect(isWorkingDay('2024-10-08')).toBe(true);
    expect(isWorkingDay('2025-01-29')).toBe(false); // Spring Festival
    expect(isWorkingDay('2025-01-26')).toBe(true); // Sunday, make-up day
    expect(isWorkingDay(new Date('2024-09-30T17:00:00Z'))).toBe(false); // 01:00 on 10-01 in Shanghai
    expect(isWorkingDay(new Date('2024-09-30T15:00:00Z'))).toBe(true); // 23:00 on 09-30 in Shanghai
  });

  it('does not depend on the process time zone', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(isWorkingDay('2023-09-29')).toBe(false); // Mid-autumn Festival
    expect(isWorkingDay('2023-10-07')).toBe(true); // Saturday, make-up day
    process.env.TZ = 'Pacific/Kiritimati';
    expect(isWorkingDay('2023-10-08')).toBe(true); // Sunday, make-up day
    expect(isWorkingDay('2023-10-06')).toBe(false);
  });

  it('adds working days across a holiday week', () => {
    const friday = new Date('2024-09-27T10:00:00+08:00');
    expect(shanghaiDay(addWorkingDays(friday, 1))).toBe('2024-09-29');
    expect(shanghaiDay(addWorkingDays(friday, 3))).toBe('2024-10-08');
    expect(shanghaiDay(addWorkingDays('2024-10-08', -1))).toBe('2024-09-30');
    expect(addWorkingDays(friday, 0).toISOString()).toBe('2024-09-26T16:00:00.000Z');
    expect(() => addWorkingDays(friday, 1.5)).toThrow(RangeError);
  });

  it('counts working days between two days', () => {
    expect(workingDaysBetween('2024-09-27', '2024-10-31')).toBe(21);
    expect(workingDaysBetween('2024-10-31', '2024-09-27')).toBe(-21);
    expect(workingDaysBetween('2024-10-01', '2024-10-07')).toBe(0);
    expect(workingDaysBetween('2024-10-05', '2024-10-04')).toBe(0);
    expect(workingDaysBetween('2024-10-08', '2024-09-30')).toBe(-1);
  });

  it('inverts addWorkingDays with workingDaysBetween', () => {
    const day = fc.integer({ min: Date.UTC(2005, 0, 1), max: Date.UTC(2030, 11, 31) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 40 }), (from, n) => {
        const to = addWorkingDays(from, n);
        expect(workingDaysBetween(from, to)).toBe(n);
        if (n !== 0) expect(isWorkingDay(to)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reports the years it knows holidays for, and counts weekdays beyond them', () => {
    expect(calendarCoverage()).toEqual({ firstYear: 2004, lastYear: 2026 });
    expect(isCalendarExact('2026-12-31')).toBe(true);
    expect(isCalendarExact('2027-10-01')).toBe(false);
    expect(isWorkingDay('2030-10-01')).toBe(true); // a Tuesday: no holiday data for 2030
  });

  it('refuses days that do not exist', () => {
    expect(() => isWorkingDay('2024-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('2024-1-5')).toThrow(RangeError);
    expect(() => shanghaiDay(new Date('nope'))).toThrow(RangeError);
  });
});
