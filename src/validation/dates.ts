/**
 * Calendar days as `YYYY-MM-DD` strings, compared as strings. Instants are read in Asia/Shanghai, the
 * time zone every filing date is meant in (see src/domain/calendar.ts).
 */
import { shanghaiDay } from '../domain/calendar.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether year/month/day name a real Gregorian calendar day. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` for a valid day. */
export function formatDay(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * The calendar day of a `Date` (its Asia/Shanghai day) or of a `YYYY-MM-DD` string; `null` when the
 * value is not a valid date or lies outside the years 0000–9999.
 */
export function toDay(value: Date | string): string | null {
  const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : shanghaiDay(value)) : value.trim();
  const m = DAY.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isCalendarDay(y, mo, d) ? formatDay(y, mo, d) : null;
}

/** `day` plus whole calendar months; a day past the target month's end becomes its last day (11-30 + 3 → 02-28/29). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatDay(year, month, Math.min(d, daysInMonth(year, month)));
}
