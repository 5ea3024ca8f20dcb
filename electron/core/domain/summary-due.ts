/**
 * 年度工作总结截止日期 (settings.annualSummaryDue) and the summary year it makes current. Pure: "today" is
 * passed in. The core (summaries, dashboard, archive) and the renderer (settings preview, the year a page
 * opens on) use these same functions.
 */
import { daysInMonth, isoDate, yearOf } from './dates.js';

export interface SummaryDueRule {
  yearOffset: 0 | 1;
  month: number;
  day: number;
}

/** 次年1月31日 */
export const DEFAULT_SUMMARY_DUE: SummaryDueRule = { yearOffset: 1, month: 1, day: 31 };

/**
 * The summary for `year` is due on (year + yearOffset)-month-day: the month clamped to 1–12, the day to
 * 1 and the month's end (2-31 → 2-28/29). No rule (unset in settings): 次年1月31日.
 */
export function summaryDueDate(year: number, rule: SummaryDueRule = DEFAULT_SUMMARY_DUE): string {
  const y = year + rule.yearOffset;
  const month = Math.min(12, Math.max(1, Math.trunc(rule.month)));
  const day = Math.min(Math.max(1, Math.trunc(rule.day)), daysInMonth(y, month));
  return isoDate(y, month, day);
}

/** The rule in words, e.g. 次年1月31日 / 当年12月31日. */
export function summaryDueRuleText(rule: SummaryDueRule = DEFAULT_SUMMARY_DUE): string {
  return `${rule.yearOffset === 1 ? '次年' : '当年'}${rule.month}月${rule.day}日`;
}

/**
 * The summary year that is current on `today` (last year while its summaries are not yet due, otherwise this
 * year) and the previous year when its due date has passed (overdue), else null.
 */
export function summaryYears(today: string, dueDate: (year: number) => string): { current: number; overdue: number | null } {
  const thisYear = yearOf(today);
  const previousDue = dueDate(thisYear - 1);
  return today <= previousDue ? { current: thisYear - 1, overdue: null } : { current: thisYear, overdue: thisYear - 1 };
}

/** The summary year current on `today` under `rule` (the year the summaries and assessments pages open on). */
export function currentSummaryYear(today: string, rule: SummaryDueRule | undefined): number {
  return summaryYears(today, (y) => summaryDueDate(y, rule)).current;
}
