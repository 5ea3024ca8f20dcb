import type { CenterStatus, Grade, ReviewOutcome, Settings } from '../../../electron/core/contract/index.js';

/** INDICATORS, WORK_TASKS and the grade and outcome names come from the contract's plain-data module. */
export { INDICATORS, WORK_TASKS, GRADE_LABELS, REVIEW_OUTCOME_LABELS as OUTCOME_LABELS } from '../../../electron/core/contract/centers-labels.js';

export const GRADE_COLORS: Record<Grade, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };

export const OUTCOME_COLORS: Record<ReviewOutcome, string> = { retain: 'green', rectify: 'gold', revoke: 'red' };
export const REVIEW_KIND_LABELS: Record<'triennial' | 'followUp', string> = { triennial: '三年期满', followUp: '整改期满' };

const STATUS_WORDS: Record<CenterStatus, string> = { active: '有效', rectifying: '限期整改', revoked: '已撤销' };
export const statusWord = (s: string): string => STATUS_WORDS[s as CenterStatus] ?? s;

export type SummaryDue = NonNullable<Settings['annualSummaryDue']>;
export const DEFAULT_SUMMARY_DUE: SummaryDue = { yearOffset: 1, month: 1, day: 31 };

const pad = (n: number): string => String(n).padStart(2, '0');

/** Due date (YYYY-MM-DD) of the summaries for `year` (day clamped to the month's end), as the contract states. */
export function summaryDueOn(year: number, due: SummaryDue = DEFAULT_SUMMARY_DUE): string {
  const y = year + due.yearOffset;
  const last = new Date(Date.UTC(y, due.month, 0)).getUTCDate();
  return `${y}-${pad(due.month)}-${pad(Math.min(due.day, last))}`;
}

/** The year the page opens on: last year while its summaries are not yet due, otherwise this year. */
export function defaultSummaryYear(todayIso: string, due: SummaryDue | undefined): number {
  const thisYear = Number(todayIso.slice(0, 4));
  return todayIso <= summaryDueOn(thisYear - 1, due) ? thisYear - 1 : thisYear;
}

/** Whole days from `fromIso` to `toIso`. */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}
