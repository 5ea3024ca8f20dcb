/**
 * The re-review cycle and the plaque return as pure date rules, free of error types so the renderer imports
 * them by value (the decision modal shows 提前复核 and the next due date; the roster shows 待收回 / 已收回).
 * center-lifecycle.ts re-exports them and holds the status changes.
 */
import type { ReviewKind } from '../contract/centers/annual.js';
import { REVIEW_WINDOW_DAYS } from '../contract/centers-labels.js';
import type { Center } from '../contract/designation.js';
import { formatChineseDate } from './batches.js';
import { addYears, daysBetween } from './dates.js';
import { deadlineAfter, type WorkingCalendar } from './working-days.js';

/** First re-review: designatedOn + 3 years (29 Feb → 28 Feb). */
export function firstReviewDue(designatedOn: string): string {
  return addYears(designatedOn, 3);
}

/** The triennial due date the center's cycle stands on (kept while rectifying). */
export function triennialDueOf(center: Pick<Center, 'nextReviewDue' | 'designatedOn'>): string {
  return center.nextReviewDue ?? firstReviewDue(center.designatedOn);
}

/** The next re-review: the follow-up at the rectify deadline while rectifying, else the triennial one. Null when revoked. */
export function nextReviewDueOf(center: Center): { dueOn: string; kind: 'triennial' | 'followUp' } | null {
  if (center.status === 'revoked') return null;
  if (center.status === 'rectifying') return { dueOn: center.rectifyDeadline ?? triennialDueOf(center), kind: 'followUp' };
  return { dueOn: triennialDueOf(center), kind: 'triennial' };
}

/**
 * What a review decided on `decidedOn` answers: the follow-up at the rectify deadline while rectifying; else the
 * triennial due date, as 提前复核 when decided more than REVIEW_WINDOW_DAYS (90) days before it.
 */
export function reviewKindOn(center: Center, decidedOn: string): { dueOn: string; kind: ReviewKind } | null {
  const due = nextReviewDueOf(center);
  if (!due) return null;
  if (due.kind === 'triennial' && daysBetween(decidedOn, due.dueOn) > REVIEW_WINDOW_DAYS) return { dueOn: due.dueOn, kind: 'early' };
  return due;
}

/** 保留 starts a new cycle on the decision date: the next re-review is due three years on (29 Feb → 28 Feb). */
export function nextReviewAfterRetain(decidedOn: string): string {
  return addYears(decidedOn, 3);
}

/** Working days after the decision date within which certificate and plaque are to be handed back (default). */
export const DEFAULT_PLAQUE_RETURN_WORKING_DAYS = 15;

/** The plaque return deadline of a 撤销 decided on `decidedOn`: `workingDays` working days after it (the day itself not counted). */
export function plaqueReturnDue(decidedOn: string, workingDays: number, calendar: WorkingCalendar): string {
  return deadlineAfter(decidedOn, workingDays, calendar);
}

export interface PlaqueReturnState {
  dueOn: string;
  reviewId: string;
  /** Set once the return is recorded (牌匾收回登记). */
  returnedOn?: string | undefined;
  note?: string | undefined;
}

/**
 * The plaque return of a revoked center (undefined when not revoked). Records written before issue 13 carry
 * only `plaqueWithdrawn` (dated the decision day, no actual return recorded): read as the deadline.
 */
export function plaqueReturnOf(center: Pick<Center, 'status' | 'plaqueReturn' | 'plaqueWithdrawn'>): PlaqueReturnState | undefined {
  if (center.status !== 'revoked') return undefined;
  if (center.plaqueReturn) return { ...center.plaqueReturn };
  if (center.plaqueWithdrawn) return { dueOn: center.plaqueWithdrawn.on, reviewId: center.plaqueWithdrawn.reviewId };
  return undefined;
}

/** 牌匾已收回（2026年12月20日） / 牌匾待收回（期限2026年12月24日） / 牌匾逾期未收回（期限…）; undefined when not revoked. */
export function plaqueReturnText(center: Pick<Center, 'status' | 'plaqueReturn' | 'plaqueWithdrawn'>, today: string): string | undefined {
  const p = plaqueReturnOf(center);
  if (!p) return undefined;
  if (p.returnedOn) return `牌匾已收回（${formatChineseDate(p.returnedOn)}）`;
  return `${today > p.dueOn ? '牌匾逾期未收回' : '牌匾待收回'}（期限${formatChineseDate(p.dueOn)}）`;
}
