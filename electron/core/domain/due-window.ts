/**
 * “N天内到期”: the one test every due-date filter uses, so a list labelled with N days never shows a date
 * further away (pure; ISO dates in bureau time).
 */
import { daysBetween } from './dates.js';

/** The horizons the 三年复核 page offers. */
export const DUE_HORIZONS = [30, 90, 180, 365] as const;

/** Whether `dueOn` is at most `days` calendar days after `today` (overdue dates included). */
export function isDueWithin(dueOn: string, today: string, days: number): boolean {
  return daysBetween(today, dueOn) <= days;
}

/** The label of the filter that applies isDueWithin with the same `days`: “90天内到期（含逾期）”. */
export function dueWithinLabel(days: number): string {
  return `${days}天内到期（含逾期）`;
}
