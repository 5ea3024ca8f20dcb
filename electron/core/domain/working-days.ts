/**
 * Working days (工作日): weekdays, minus statutory holidays, plus make-up working days (调休上班).
 * The holidays are data (`HolidayTable`, see holidays-data.ts) that the bureau edits per year.
 * Pure: dates are YYYY-MM-DD strings; no clock.
 *
 * Conventions used by the app (print them on documents that state a period):
 * - A period that “starts on D” (e.g. 公示 from 2026-09-28 for 5 working days) counts D as day 1 when D
 *   is a working day: `addWorkingDays(D, n, cal, { countStart: true })`. 2026-09-28 + 5 → 2026-10-09
 *   (9/28, 9/29, 9/30, 10/8, 10/9).
 * - A deadline set by a notice (补正 within 5 working days) does not count the day the notice is issued:
 *   `deadlineAfter(issuedOn, n, cal)` is the n-th working day AFTER the notice date.
 * - For a year with no table only weekends are skipped; `yearsWithoutTable` / `calendarWarning` say so.
 */
import type { HolidayTable } from './holidays-data.js';

export type { HolidayTable } from './holidays-data.js';

export interface WorkingCalendar {
  /** The table in force for each year that has one. */
  readonly tables: ReadonlyMap<number, HolidayTable>;
  readonly offDays: ReadonlySet<string>;
  readonly makeUpWorkDays: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD date; throws RangeError on anything else. */
function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) throw new RangeError(`no such date: ${iso}`);
  return Math.round(t / DAY_MS);
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** The day `n` calendar days after `date` (n may be negative). */
export function addCalendarDays(date: string, n: number): string {
  return isoOf(dayNumber(date) + n);
}

/**
 * Problems of a table as Chinese sentences (empty when fine): bad dates, dates outside its year, a day
 * that is both off and a working day, a make-up working day that is not a weekend day.
 */
export function holidayTableProblems(table: HolidayTable): string[] {
  const problems: string[] = [];
  const check = (list: readonly string[], what: string): string[] => {
    const good: string[] = [];
    for (const d of list) {
      try {
        dayNumber(d);
      } catch {
        problems.push(`${table.year}年${what}中的“${d}”不是有效日期（应为YYYY-MM-DD）。`);
        continue;
      }
      if (Number(d.slice(0, 4)) !== table.year) problems.push(`${what}中的${d}不在${table.year}年内。`);
      good.push(d);
    }
    return good;
  };
  const off = new Set(check(table.offDays, '放假日期'));
  for (const d of check(table.makeUpWorkDays, '调休上班日期')) {
    if (off.has(d)) problems.push(`${d}同时列为放假和调休上班。`);
    const w = weekday(d);
    if (w !== 0 && w !== 6) problems.push(`调休上班日期${d}不是周六或周日。`);
  }
  return problems;
}

/**
 * A calendar from the shipped tables and the bureau's edited ones: a table in `overrides` replaces the
 * shipped table of the same year (or adds a year). Throws RangeError if a table has an invalid date.
 */
export function buildCalendar(tables: readonly HolidayTable[], overrides: readonly HolidayTable[] = []): WorkingCalendar {
  const byYear = new Map<number, HolidayTable>();
  for (const t of [...tables, ...overrides]) byYear.set(t.year, t);
  const offDays = new Set<string>();
  const makeUpWorkDays = new Set<string>();
  for (const t of byYear.values()) {
    for (const d of t.offDays) offDays.add(isoOf(dayNumber(d)));
    for (const d of t.makeUpWorkDays) makeUpWorkDays.add(isoOf(dayNumber(d)));
  }
  return { tables: byYear, offDays, makeUpWorkDays };
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  const iso = isoOf(dayNumber(date));
  if (calendar.makeUpWorkDays.has(iso)) return true;
  if (calendar.offDays.has(iso)) return false;
  const w = weekday(iso);
  return w !== 0 && w !== 6;
}

/**
 * The n-th working day of a period starting at `start` (n ≥ 1).
 * - `countStart: true`: `start` is day 1 if it is a working day (otherwise the first working day after
 *   it is). 2026-09-28 + 5 → 2026-10-09.
 * - `countStart: false`: counting begins the day after `start` (the deadline convention).
 */
export function addWorkingDays(start: string, n: number, calendar: WorkingCalendar, options: { countStart: boolean }): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working-day count must be a positive integer, got ${n}`);
  let day = dayNumber(start) + (options.countStart ? 0 : 1);
  let counted = 0;
  for (;;) {
    if (isWorkingDay(isoOf(day), calendar)) {
      counted++;
      if (counted === n) return isoOf(day);
    }
    day++;
  }
}

/**
 * The deadline set by a notice issued on `issuedOn` that allows `n` working days (e.g. 补正 within 5
 * working days): the n-th working day AFTER the notice date — the issuing day itself is not counted,
 * as for periods in law (期间开始的当日不计入). Notice of Wednesday 2026-11-25 + 5 → Wednesday
 * 2026-12-02 (11/26, 11/27, 11/30, 12/1, 12/2).
 */
export function deadlineAfter(issuedOn: string, n: number, calendar: WorkingCalendar): string {
  return addWorkingDays(issuedOn, n, calendar, { countStart: false });
}

/** Number of working days from `from` to `to`, both included (0 when `to` is before `from`). */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  let count = 0;
  for (let d = a; d <= b; d++) if (isWorkingDay(isoOf(d), calendar)) count++;
  return count;
}

/** Years (sorted, distinct) of `dates` that have no holiday table: only weekends are skipped there. */
export function yearsWithoutTable(dates: readonly string[], calendar: WorkingCalendar): number[] {
  const years = new Set<number>();
  for (const d of dates) {
    const y = Number(isoOf(dayNumber(d)).slice(0, 4));
    if (!calendar.tables.has(y)) years.add(y);
  }
  return [...years].sort((x, y) => x - y);
}

/** A Chinese warning when some of `dates` fall in a year without a holiday table (undefined if none). */
export function calendarWarning(dates: readonly string[], calendar: WorkingCalendar): string | undefined {
  const missing = yearsWithoutTable(dates, calendar);
  if (missing.length === 0) return undefined;
  return `${missing.map((y) => `${y}年`).join('、')}的节假日安排尚未录入，工作日暂只扣除周六、周日。请在“设置 → 节假日安排”中按国务院办公厅通知补充后再核对日期。`;
}
