/**
 * Names of the expert-review vocabulary as plain data (no zod), so the renderer may import them as values
 * (see eslint.config.js). The schemas in review-scoring.ts are built from these.
 */
import type { AssignmentStatus, Recommendation } from './expert-review/scoring.js';

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = { recommend: '推荐', notRecommend: '不推荐' };

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  active: '评审中',
  conflict: '利益冲突（未分配）',
  recused: '已回避',
};

/**
 * Why an expert may not review an applicant (domain/conflicts.ts): the same organisation (normalised name),
 * the same 统一社会信用代码, or a unit the expert declared (申报回避) by name or code.
 */
export const CONFLICT_REASONS = ['sameOrganisation', 'sameUscc', 'declared'] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

/** The short tag of a conflict on screen (the full sentence goes in the tooltip). */
export const CONFLICT_REASON_LABELS: Record<ConflictReason, string> = {
  sameOrganisation: '回避：同单位',
  sameUscc: '回避：同信用代码',
  declared: '回避：专家申报的利害关系',
};

/** The tag of a conflict recorded before reason codes existed (its sentence still shows in the tooltip). */
export const CONFLICT_REASON_UNKNOWN_LABEL = '回避：利益冲突';
