import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { DEFAULT_HOLIDAY_TABLES, HOLIDAYS_2025, HOLIDAYS_2026, type HolidayTable } from '../../../electron/core/domain/holidays-data.js';
import {
  addCalendarDays,
  addWorkingDays,
  buildCalendar,
  calendarWarning,
  deadlineAfter,
  holidayTableProblems,
  isWorkingDay,
  weekday,
  workingDaysBetween,
  yearsWithoutTable,
} from '../../../electron/core/domain/working-days.js';

const cal = buildCalendar(DEFAULT_HOLIDAY_TABLES);

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

describe('2026 table (DOMAIN.md, State Council notice of 2025-11-04)', () => {
  it('has exactly the days off and make-up days DOMAIN.md lists', () => {
    const expectedOff = [
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ];
    expect([...HOLIDAYS_2026.offDays].sort()).toEqual(expectedOff.sort());
    expect([...HOLIDAYS_2026.makeUpWorkDays].sort()).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(holidayTableProblems(HOLIDAYS_2026)).toEqual([]);
  });
  it('2026 has 248 working days', () => {
    expect(workingDaysBetween('2026-01-01', '2026-12-31', cal)).toBe(248);
  });
  it('Spring Festival make-up Saturdays and 5/9 are working days; holidays are not', () => {
    expect(weekday('2026-02-14')).toBe(6);
    expect(weekday('2026-02-28')).toBe(6);
    expect(weekday('2026-05-09')).toBe(6);
    expect(isWorkingDay('2026-02-14', cal)).toBe(true);
    expect(isWorkingDay('2026-02-28', cal)).toBe(true);
    expect(isWorkingDay('2026-05-09', cal)).toBe(true);
    expect(isWorkingDay('2026-01-04', cal)).toBe(true); // Sunday
    expect(isWorkingDay('2026-02-16', cal)).toBe(false); // Monday, 春节
    expect(isWorkingDay('2026-10-08', cal)).toBe(true);
    expect(isWorkingDay('2026-10-07', cal)).toBe(false);
    expect(isWorkingDay('2026-03-07', cal)).toBe(false); // ordinary Saturday
    expect(isWorkingDay('2026-03-09', cal)).toBe(true);
  });
});

describe('2025 table (国办发明电〔2024〕12号)', () => {
  it('matches the notice', () => {
    expect(HOLIDAYS_2025.offDays).toContain('2025-01-01');
    expect(HOLIDAYS_2025.offDays).toContain('2025-10-08');
    expect(HOLIDAYS_2025.makeUpWorkDays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(holidayTableProblems(HOLIDAYS_2025)).toEqual([]);
    expect(workingDaysBetween('2025-01-01', '2025-12-31', cal)).toBe(248); // 261 weekdays − 18 holiday weekdays + 5 make-up days
  });
});

describe('cross-check with the chinese-days package', () => {
  const require = createRequire(import.meta.url);
  // chinese-days assumes the machine is in China (west of UTC it shifts weekdays and holidays by a day, partly at
  // load time); our calendar is pure date math. Load and run the oracle in its home zone (this file has its own
  // process, and Node applies a new TZ at once).
  let cd: { isWorkday(d: string): boolean };
  const machineTz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Asia/Shanghai';
    cd = require('chinese-days') as typeof cd;
  });
  afterAll(() => {
    if (machineTz === undefined) delete process.env.TZ;
    else process.env.TZ = machineTz;
  });
  it.each([2025, 2026])('agrees on every day of %i', (year) => {
    const diffs = range(`${year}-01-01`, `${year}-12-31`).filter((d) => cd.isWorkday(d) !== isWorkingDay(d, cal));
    expect(diffs).toEqual([]);
  });
});

describe('addWorkingDays / deadlineAfter / workingDaysBetween', () => {
  it('a period starting 2026-09-28 counts it as day 1 and ends 2026-10-09', () => {
    expect(addWorkingDays('2026-09-28', 5, cal, { countStart: true })).toBe('2026-10-09');
    expect(workingDaysBetween('2026-09-28', '2026-10-09', cal)).toBe(5);
    expect(addWorkingDays('2026-09-28', 1, cal, { countStart: true })).toBe('2026-09-28');
  });
  it('a period starting on a day off starts on the next working day', () => {
    expect(addWorkingDays('2026-10-01', 1, cal, { countStart: true })).toBe('2026-10-08');
    expect(addWorkingDays('2026-10-03', 2, cal, { countStart: true })).toBe('2026-10-09');
  });
  it('countStart false counts from the next day', () => {
    expect(addWorkingDays('2026-09-28', 5, cal, { countStart: false })).toBe('2026-10-10'); // Saturday make-up day
  });
  it('deadlineAfter is the n-th working day after the notice date', () => {
    expect(deadlineAfter('2026-11-25', 5, cal)).toBe('2026-12-02');
    expect(deadlineAfter('2026-11-24', 5, cal)).toBe('2026-12-01');
    expect(deadlineAfter('2026-02-13', 1, cal)).toBe('2026-02-14');
    expect(deadlineAfter('2026-02-14', 1, cal)).toBe('2026-02-24');
  });
  it('rejects bad input', () => {
    expect(() => addWorkingDays('2026-09-28', 0, cal, { countStart: true })).toThrow(RangeError);
    expect(() => isWorkingDay('2026-02-30', cal)).toThrow(RangeError);
    expect(() => isWorkingDay('2026/02/01', cal)).toThrow(RangeError);
    expect(workingDaysBetween('2026-02-02', '2026-02-01', cal)).toBe(0);
  });
  it('crosses into a year with a table', () => {
    expect(addWorkingDays('2025-12-31', 2, cal, { countStart: true })).toBe('2026-01-04'); // Sunday make-up day
    expect(addWorkingDays('2025-12-31', 3, cal, { countStart: true })).toBe('2026-01-05');
  });
});

describe('years without a table', () => {
  it('reports a date in 2031', () => {
    expect(yearsWithoutTable(['2026-05-01', '2031-03-02', '2031-04-01', '2027-01-01'], cal)).toEqual([2027, 2031]);
    expect(yearsWithoutTable(['2026-05-01'], cal)).toEqual([]);
    expect(calendarWarning(['2031-03-02'], cal)).toContain('2031年的节假日安排尚未录入');
    expect(calendarWarning(['2026-03-02'], cal)).toBeUndefined();
    // only weekends are skipped there
    expect(isWorkingDay('2031-01-01', cal)).toBe(true);
    expect(isWorkingDay('2031-01-04', cal)).toBe(false);
  });
});

describe('buildCalendar overrides', () => {
  it('an edited table replaces the shipped one for its year', () => {
    const edited: HolidayTable = { ...HOLIDAYS_2026, source: '局内修订', offDays: [...HOLIDAYS_2026.offDays, '2026-03-09'] };
    const c = buildCalendar(DEFAULT_HOLIDAY_TABLES, [edited]);
    expect(isWorkingDay('2026-03-09', c)).toBe(false);
    expect(c.tables.get(2026)?.source).toBe('局内修订');
    expect(workingDaysBetween('2026-01-01', '2026-12-31', c)).toBe(247);
    const y2031: HolidayTable = { year: 2031, source: 'x', offDays: ['2031-01-01'], makeUpWorkDays: [] };
    const c2 = buildCalendar(DEFAULT_HOLIDAY_TABLES, [y2031]);
    expect(yearsWithoutTable(['2031-03-02'], c2)).toEqual([]);
    expect(isWorkingDay('2031-01-01', c2)).toBe(false);
  });
  it('holidayTableProblems names bad entries', () => {
    const bad: HolidayTable = {
      year: 2027,
      source: 'x',
      offDays: ['2027-02-30', '2026-10-01', '2027-10-02'],
      makeUpWorkDays: ['2027-10-02', '2027-10-04'],
    };
    const p = holidayTableProblems(bad);
    expect(p.join('\n')).toContain('2027-02-30');
    expect(p.join('\n')).toContain('不在2027年内');
    expect(p.join('\n')).toContain('同时列为放假和调休上班');
    expect(p.join('\n')).toContain('2027-10-04不是周六或周日');
  });
});
