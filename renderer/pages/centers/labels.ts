import type { Grade, ReviewOutcome } from '../../../electron/core/contract/index.js';

/** INDICATORS, WORK_TASKS and the grade and outcome names come from the contract's plain-data module. */
export {
  INDICATORS,
  WORK_TASKS,
  GRADE_LABELS,
  REVIEW_OUTCOME_LABELS as OUTCOME_LABELS,
  REVIEW_KIND_LABELS,
  REVIEW_RULES_TEXT,
} from '../../../electron/core/contract/centers-labels.js';

export const GRADE_COLORS: Record<Grade, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };

export const OUTCOME_COLORS: Record<ReviewOutcome, string> = { retain: 'green', rectify: 'gold', revoke: 'red' };
export const REVIEW_KIND_COLORS: Record<'triennial' | 'followUp' | 'early', string> = {
  triennial: 'blue',
  followUp: 'gold',
  early: 'purple',
};
