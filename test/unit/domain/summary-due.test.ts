import { describe, expect, it } from 'vitest';
import { currentSummaryYear, summaryDueDate } from '../../../electron/core/domain/summary-due.js';
import { addDays, addYears, daysBetween, yearOf } from '../../../electron/core/domain/dates.js';
import { sheetTotal, typedScores } from '../../../electron/core/domain/score-sheet.js';

describe('summary due date and the current summary year (one copy for core and screens)', () => {
  it('clamps the month to 1–12 and the day to the month (the settings preview and the pages use this)', () => {
    expect(summaryDueDate(2026, { yearOffset: 1, month: 13, day: 31 })).toBe('2027-12-31');
    expect(summaryDueDate(2026, { yearOffset: 1, month: 0, day: 31 })).toBe('2027-01-31');
    expect(summaryDueDate(2026, { yearOffset: 1, month: 2, day: 30 })).toBe('2027-02-28');
  });

  it('the pages open on last year until its summaries are due, then on this year', () => {
    expect(currentSummaryYear('2027-01-31', undefined)).toBe(2026);
    expect(currentSummaryYear('2027-02-01', undefined)).toBe(2027);
    expect(currentSummaryYear('2027-02-28', { yearOffset: 1, month: 2, day: 31 })).toBe(2026);
    expect(currentSummaryYear('2026-06-01', { yearOffset: 0, month: 12, day: 31 })).toBe(2026);
  });
});

describe('calendar dates', () => {
  it('counts whole days on the date part only, across leap days and years', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-01-31T23:59:00+08:00', '2027-01-30')).toBe(-1);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(yearOf('2026-12-31')).toBe(2026);
  });
});

describe('typed scores on a form', () => {
  it('sums only the numbers typed so far, as the core sums a saved sheet', () => {
    const criteria = [{ key: 'a' }, { key: 'b' }, { key: 'c' }];
    const typed = typedScores({ a: 10.1, b: null, c: 20.2, d: 'x' });
    expect(typed).toEqual({ a: 10.1, c: 20.2 });
    expect(sheetTotal({ criteria }, typed)).toBe(30.3);
  });
});
