/**
 * The Chinese working-day calendar (工作日), in Asia/Shanghai calendar days.
 *
 * Weekends, public holidays and make-up working days (调休) come from the `chinese-days` package,
 * which follows the State Council's yearly announcements. Its holiday data covers a fixed range of
 * years (see {@link calendarCoverage}); outside that range it knows no holidays, so a day counts as
 * a working day exactly when it is Monday to Friday. {@link isCalendarExact} tells callers whether a
 * day falls inside the covered range.
 *
 * Days are handled as `YYYY-MM-DD` strings. A `Date` argument is first turned into its calendar day in
 * Asia/Shanghai (UTC+8 all year: China has not observed daylight saving time since 1991).
 */
import chineseDays from 'chinese-days';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day `YYYY-MM-DD`, or an instant whose Asia/Shanghai day is meant. */
export type DayInput = Date | string;

/** The Asia/Shanghai calendar day of an instant, as `YYYY-MM-DD`. */
export function shanghaiDay(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid date');
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a calendar day starts in Asia/Shanghai (00:00 UTC+8). */
export function startOfShanghaiDay(day: DayInput): Date {
  return new Date(dayNumber(toDay(day)) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/** Whether the day is a working day: Monday–Friday unless a holiday, plus 调休 make-up days. */
export function isWorkingDay(day: DayInput): boolean {
  return workingDayByNumber(dayNumber(toDay(day)));
}

/**
 * The `n`-th working day after the day of `from` (before it when `n` is negative), as the instant that
 * day starts in Asia/Shanghai. The day of `from` itself is never counted; `n = 0` returns its start.
 */
export function addWorkingDays(from: DayInput, n: number): Date {
  if (!Number.isInteger(n)) throw new RangeError(`Working-day count must be an integer, got ${n}`);
  let day = dayNumber(toDay(from));
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (workingDayByNumber(day)) left -= 1;
  }
  return new Date(day * DAY_MS - SHANGHAI_OFFSET_MS);
}

/**
 * Working days after the day of `a` up to and including the day of `b`; when `b` is earlier, minus the
 * working days from the day of `b` up to but excluding the day of `a`. For every `n`,
 * `workingDaysBetween(a, addWorkingDays(a, n)) === n`.
 */
export function workingDaysBetween(a: DayInput, b: DayInput): number {
  const start = dayNumber(toDay(a));
  const end = dayNumber(toDay(b));
  let count = 0;
  if (end >= start) {
    for (let day = start + 1; day <= end; day += 1) if (workingDayByNumber(day)) count += 1;
    return count;
  }
  for (let day = end; day < start; day += 1) if (workingDayByNumber(day)) count += 1;
  return 0 - count;
}

/** Years for which the installed `chinese-days` data holds the official holiday arrangement. */
export interface CalendarCoverage {
  firstYear: number;
  lastYear: number;
}

let coverage: CalendarCoverage | undefined;

/**
 * The covered years, read from the library itself: a year is covered when its National Day (10-01) is
 * a named public holiday there. Computed once.
 */
export function calendarCoverage(): CalendarCoverage {
  if (!coverage) {
    const years: number[] = [];
    for (let year = 1990; year <= 2100; year += 1) {
      if (chineseDays.getDayDetail(libraryDate(year, 10, 1)).name.includes('National Day')) years.push(year);
    }
    const firstYear = years[0];
    const lastYear = years[years.length - 1];
    if (firstYear === undefined || lastYear === undefined) throw new Error('chinese-days holds no holiday data');
    coverage = { firstYear, lastYear };
  }
  return coverage;
}

/** Whether the day lies in a year whose holidays and 调休 days are known (see {@link calendarCoverage}). */
export function isCalendarExact(day: DayInput): boolean {
  const year = Number(toDay(day).slice(0, 4));
  const { firstYear, lastYear } = calendarCoverage();
  return year >= firstYear && year <= lastYear;
}

const workingDayCache = new Map<number, boolean>();

function workingDayByNumber(day: number): boolean {
  let working = workingDayCache.get(day);
  if (working === undefined) {
    const d = new Date(day * DAY_MS);
    working = chineseDays.isWorkday(libraryDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
    workingDayCache.set(day, working);
  }
  return working;
}

/**
 * `chinese-days` reads dates with local-time getters, so it is handed local noon of the wanted day:
 * the same calendar day whatever the process time zone.
 */
function libraryDate(year: number, month: number, date: number): Date {
  return new Date(year, month - 1, date, 12);
}

function toDay(day: DayInput): string {
  if (day instanceof Date) return shanghaiDay(day);
  const ms = DAY_PATTERN.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new RangeError(`Not a YYYY-MM-DD day: ${day}`);
  }
  return day;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` day. */
function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}
