/**
 * 动态管理的规则 (pure; no I/O, no clock — "today" is always passed in):
 * - 年度工作总结 due dates and who owes one;
 * - 三年复核 due dates, the due list, and the status changes a 复核结论 makes;
 * - 中期考核 grade bands and the default 考核表.
 *
 * Dates are ISO calendar dates (YYYY-MM-DD) in the bureau's time zone.
 */
import { DeskError } from '../contract/errors.js';
import type {
  AssessmentTemplate,
  CenterYearPart,
  Grade,
  GradeBands,
  ReviewDue,
  ReviewOutcome,
  TriennialReview,
} from '../contract/centers/annual.js';
import { WORK_TASKS, REVIEW_OUTCOME_LABELS, REVIEW_KIND_LABELS } from '../contract/centers-labels.js';
import type { Center, CenterStatus } from '../contract/designation.js';
import { CENTER_STATUS_LABELS } from '../contract/designation-labels.js';
import type { Criterion } from '../contract/expert-review/scoring.js';
import { formatChineseDate } from './batches.js';
import { addDays, addYears, daysBetween, yearOf } from './dates.js';
import { criteriaProblems, maxTotal, onStep } from './scoring-template.js';
import { sheetTotal } from './score-sheet.js';
import { isDueWithin } from './due-window.js';
import { nextReviewAfterRetain, nextReviewDueOf, plaqueReturnOf, reviewKindOn, triennialDueOf } from './review-cycle.js';

// Calendar helpers and the summary due rule live in dates.ts and summary-due.ts (the renderer imports them too).
export { daysInMonth, addYears, addDays, daysBetween } from './dates.js';
export { DEFAULT_SUMMARY_DUE, summaryDueDate, summaryDueRuleText, type SummaryDueRule } from './summary-due.js';
export {
  DEFAULT_PLAQUE_RETURN_WORKING_DAYS,
  firstReviewDue,
  nextReviewAfterRetain,
  nextReviewDueOf,
  plaqueReturnDue,
  plaqueReturnOf,
  plaqueReturnText,
  reviewKindOn,
  triennialDueOf,
  type PlaqueReturnState,
} from './review-cycle.js';

// ───────────────────────────── 年度工作总结 ─────────────────────────────

/** The date a center was revoked (undefined while not revoked). */
export function revokedOn(center: Pick<Center, 'status' | 'certificateEndedOn' | 'statusHistory'>): string | undefined {
  if (center.status !== 'revoked') return undefined;
  return center.certificateEndedOn ?? [...(center.statusHistory ?? [])].reverse().find((h) => h.to === 'revoked')?.on ?? '0000-01-01';
}

/** A center owes a summary for `year` when designated on or before year-12-31 and not revoked before the due date. */
export function summaryRequired(center: Center, year: number, dueOn: string): boolean {
  if (center.designatedOn > `${year}-12-31`) return false;
  const revoked = revokedOn(center);
  return revoked === undefined || revoked >= dueOn;
}

/**
 * Whether the records of `year` (summary, assessment) of this center may still be changed: always while the
 * center is not revoked; once revoked only the years before the year of revocation (earlier summaries stay
 * editable; nothing new after the revocation).
 */
export function yearRecordsEditable(center: Center, year: number): boolean {
  const revoked = revokedOn(center);
  return revoked === undefined || year < yearOf(revoked);
}

/** Why the records of `year` cannot be changed (undefined: they can). */
export function yearRecordsRefusal(center: Center, year: number): string | undefined {
  if (center.designatedOn > `${year}-12-31`) {
    return `${center.name}于${formatChineseDate(center.designatedOn)}认定，${year}年度尚未认定，没有该年度的工作总结和考核。请核对年度。`;
  }
  if (!yearRecordsEditable(center, year)) {
    return `${center.name}已于${formatChineseDate(revokedOn(center)!)}撤销，撤销后不能再登记或修改${year}年度的工作总结和考核。撤销前年度的记录仍可修改。`;
  }
  return undefined;
}

/** Why no 共建协议 can be recorded for this center (undefined: it can). 撤销 is final: the center no longer exists as such. */
export function agreementRefusal(center: Pick<Center, 'name' | 'status' | 'certificateEndedOn' | 'statusHistory'>): string | undefined {
  const revoked = revokedOn(center);
  if (revoked === undefined) return undefined;
  return `${center.name}已于${formatChineseDate(revoked)}撤销认定，不能再登记共建协议。`;
}

// ───────────────────────────── 三年复核 ─────────────────────────────

/**
 * Centers whose re-review (三年期满 or 整改期满) is due within `horizonDays` of today or overdue; soonest first.
 * The same test (isDueWithin) as the label “N天内到期” says: a rectifying center due later is not listed.
 */
export function reviewDueList(centers: readonly Center[], today: string, horizonDays: number): ReviewDue[] {
  const out: ReviewDue[] = [];
  for (const center of centers) {
    const next = nextReviewDueOf(center);
    if (!next) continue;
    if (!isDueWithin(next.dueOn, today, horizonDays)) continue;
    const daysLeft = daysBetween(today, next.dueOn);
    out.push({ center: structuredClone(center), dueOn: next.dueOn, kind: next.kind, daysLeft, overdue: daysLeft < 0 });
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.center.id.localeCompare(b.center.id, 'en', { numeric: true }));
}

export interface PlaqueReturnInput {
  returnedOn: string;
  note?: string | undefined;
}

/**
 * 牌匾收回登记: record the actual return on a revoked center whose plaque is not yet recorded as back.
 * INVALID_STATE when not revoked or already recorded; RULE_VIOLATION for a date before the revocation or after today.
 */
export function applyPlaqueReturn(center: Center, input: PlaqueReturnInput, rc: { today: string; at: string; by: string }): Center {
  const p = plaqueReturnOf(center);
  if (center.status !== 'revoked' || !p) {
    throw new DeskError(
      'INVALID_STATE',
      `${center.name}的状态为“${CENTER_STATUS_LABELS[center.status]}”，未撤销认定，没有需要收回的牌匾。`,
      { status: center.status },
    );
  }
  if (p.returnedOn) {
    throw new DeskError('INVALID_STATE', `${center.name}的牌匾已于${formatChineseDate(p.returnedOn)}登记收回，不能重复登记。`, {
      returnedOn: p.returnedOn,
    });
  }
  const revoked = revokedOn(center)!;
  if (input.returnedOn < revoked) {
    refuse(`收回日期（${formatChineseDate(input.returnedOn)}）早于撤销日期（${formatChineseDate(revoked)}），请核对。`);
  }
  if (input.returnedOn > rc.today) {
    refuse(`收回日期（${formatChineseDate(input.returnedOn)}）晚于今天（${formatChineseDate(rc.today)}），请填写实际收回的日期。`);
  }
  const next = structuredClone(center);
  const note = input.note?.trim();
  next.plaqueReturn = {
    dueOn: p.dueOn,
    reviewId: p.reviewId,
    returnedOn: input.returnedOn,
    ...(note ? { note } : {}),
    recordedAt: rc.at,
    recordedBy: rc.by,
  };
  return next;
}

/** The longest 整改期限 after the decision. */
export const MAX_RECTIFY_YEARS = 2;

export interface ReviewDecision {
  outcome: ReviewOutcome;
  decidedOn: string;
  opinion: string;
  rectifyDeadline?: string | undefined;
}

export interface ReviewContext {
  /** Bureau today (decisions may not be dated in the future). */
  today: string;
  /** `${centerId}-R${n}` */
  reviewId: string;
  /** ISO instant of the decision being recorded. */
  at: string;
  /** Operator. */
  by: string;
  /** For 撤销: the plaque return deadline (plaqueReturnDue); absent: the decision date. */
  plaqueReturnDueOn?: string | undefined;
}

export interface ReviewResult {
  center: Center;
  review: TriennialReview;
}

function refuse(message: string, details?: unknown): never {
  throw new DeskError('RULE_VIOLATION', message, details);
}

/**
 * Apply a 复核结论 to a center. Returns the updated center (a copy) and the review record; throws
 * RULE_VIOLATION (Chinese message) on an illegal transition.
 * - the review is 三年期满, 整改期满 or 提前复核 (reviewKindOn);
 * - retain: status active, a new cycle from the decision date: nextReviewDue = decidedOn + 3 years,
 *   validUntil = that − 1 day;
 * - rectify: status rectifying, rectifyDeadline (after decidedOn, within 2 years); not from rectifying;
 * - revoke: status revoked, certificateEndedOn = decidedOn, the plaque return deadline recorded (待收回). Final.
 */
export function applyReviewOutcome(center: Center, decision: ReviewDecision, rc: ReviewContext): ReviewResult {
  const { outcome, decidedOn } = decision;
  if (center.status === 'revoked') {
    refuse(`${center.name}已于${formatChineseDate(revokedOn(center)!)}撤销，撤销为最终结论，不能再作复核结论。`);
  }
  const due = reviewKindOn(center, decidedOn)!;
  const what = `${REVIEW_KIND_LABELS[due.kind]}${due.kind === 'early' ? '' : '复核'}`;
  if (decidedOn > rc.today) {
    refuse(`复核结论日期（${formatChineseDate(decidedOn)}）晚于今天（${formatChineseDate(rc.today)}），请填写实际作出结论的日期。`);
  }
  if (decidedOn < center.designatedOn) {
    refuse(`复核结论日期（${formatChineseDate(decidedOn)}）早于中心认定日期（${formatChineseDate(center.designatedOn)}），请核对。`);
  }
  const last = center.statusHistory?.at(-1);
  if (last && decidedOn < last.on) {
    refuse(`复核结论日期（${formatChineseDate(decidedOn)}）早于上一次复核结论日期（${formatChineseDate(last.on)}），请核对。`);
  }
  if (center.status === 'rectifying' && outcome === 'rectify') {
    refuse(
      `${center.name}正在限期整改（期限至${formatChineseDate(center.rectifyDeadline ?? due.dueOn)}），整改期满复核只能作出“保留”或“撤销”结论。`,
    );
  }

  const next: Center = structuredClone(center);
  next.statusHistory = [...(center.statusHistory ?? [])];
  const before: CenterStatus = center.status;
  let after: CenterStatus;
  let reason: string;
  let rectifyDeadline: string | undefined;
  let nextReviewDue: string | undefined;
  let plaqueReturnDueOn: string | undefined;

  if (outcome === 'retain') {
    after = 'active';
    const nextDue = nextReviewAfterRetain(decidedOn);
    nextReviewDue = nextDue;
    next.status = 'active';
    next.nextReviewDue = nextDue;
    next.validUntil = addDays(nextDue, -1);
    delete next.rectifyDeadline;
    reason = `${what}结论：保留，自${formatChineseDate(decidedOn)}起重新计算三年，有效期至${formatChineseDate(next.validUntil)}，下次复核${formatChineseDate(nextDue)}`;
  } else if (outcome === 'rectify') {
    const deadline = decision.rectifyDeadline;
    if (!deadline) refuse('限期整改须填写整改期限，请填写整改期满的日期。');
    if (deadline <= decidedOn) {
      refuse(`整改期限（${formatChineseDate(deadline)}）应晚于复核结论日期（${formatChineseDate(decidedOn)}），请重新填写。`);
    }
    const latest = addYears(decidedOn, MAX_RECTIFY_YEARS);
    if (deadline > latest) {
      refuse(`整改期限不超过${MAX_RECTIFY_YEARS}年（最晚${formatChineseDate(latest)}），请缩短整改期限。`);
    }
    after = 'rectifying';
    rectifyDeadline = deadline;
    next.status = 'rectifying';
    next.rectifyDeadline = deadline;
    next.nextReviewDue = triennialDueOf(center); // the cycle continues from here after a follow-up retain
    reason = `${what}结论：限期整改，整改期限至${formatChineseDate(deadline)}`;
  } else {
    after = 'revoked';
    next.status = 'revoked';
    next.certificateEndedOn = decidedOn;
    plaqueReturnDueOn = rc.plaqueReturnDueOn ?? decidedOn;
    if (plaqueReturnDueOn < decidedOn) refuse(`牌匾交回期限（${formatChineseDate(plaqueReturnDueOn)}）早于撤销日期，请核对。`);
    next.plaqueReturn = { dueOn: plaqueReturnDueOn, reviewId: rc.reviewId };
    delete next.rectifyDeadline;
    reason = `${what}结论：撤销，证书自${formatChineseDate(decidedOn)}起失效，牌匾须于${formatChineseDate(plaqueReturnDueOn)}前交回`;
  }

  next.statusHistory.push({ on: decidedOn, at: rc.at, from: before, to: after, reason, ref: rc.reviewId, by: rc.by });
  const review: TriennialReview = {
    id: rc.reviewId,
    centerId: center.id,
    dueOn: due.dueOn,
    kind: due.kind,
    outcome,
    decidedOn,
    opinion: decision.opinion.trim(),
    ...(rectifyDeadline ? { rectifyDeadline } : {}),
    ...(nextReviewDue ? { nextReviewDue } : {}),
    ...(plaqueReturnDueOn ? { plaqueReturnDueOn } : {}),
    statusBefore: before,
    statusAfter: after,
    createdAt: rc.at,
    createdBy: rc.by,
  };
  return { center: next, review };
}

/** 复核 of C3 → C3-R1, C3-R2, … (n = reviews of that center so far + 1). */
export function nextReviewId(centerId: string, existing: readonly Pick<TriennialReview, 'id' | 'centerId'>[]): string {
  let max = 0;
  for (const r of existing) {
    if (r.centerId !== centerId) continue;
    const m = /-R(\d+)$/.exec(r.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${centerId}-R${max + 1}`;
}

/** 保留 / 限期整改 / 撤销 with the status labels, for summaries in the audit log. */
export function outcomeText(review: Pick<TriennialReview, 'outcome' | 'statusBefore' | 'statusAfter'>): string {
  const label = (s: string) => CENTER_STATUS_LABELS[s as CenterStatus] ?? s;
  return `${REVIEW_OUTCOME_LABELS[review.outcome]}（${label(review.statusBefore)} → ${label(review.statusAfter)}）`;
}

// ───────────────────────────── 中期考核 ─────────────────────────────

/** 优秀 ≥ excellent, 良好 ≥ good, 合格 ≥ pass, otherwise 不合格. */
export function gradeFor(total: number, bands: GradeBands): Grade {
  const EPS = 1e-9;
  if (total + EPS >= bands.excellent) return 'excellent';
  if (total + EPS >= bands.good) return 'good';
  if (total + EPS >= bands.pass) return 'pass';
  return 'fail';
}

export const DEFAULT_GRADE_BANDS: GradeBands = { excellent: 90, good: 80, pass: 60 };

const DEFAULT_ASSESSMENT_MAX = [10, 15, 15, 10, 15, 10, 15, 10] as const;
const DEFAULT_ASSESSMENT_DESCRIPTIONS = [
  '开展知识产权公益培训、宣传活动的场次与人次',
  '开展知识产权维权援助，受理和办结援助案件',
  '参与知识产权协同保护，化解知识产权纠纷',
  '组建或运营产业知识产权联盟，发展成员单位',
  '推动知识产权转让、许可等转化运用',
  '推动知识产权质押融资等金融服务',
  '开展专利导航，培育高价值专利',
  '开展商标品牌培育和地理标志指导服务',
] as const;

/** createdBy of the default 考核表 (recorded as version 1 when an assessment first uses it). */
export const DEFAULT_TEMPLATE_BY = '系统默认';

/** The default 中期考核表: the work plan's eight tasks (10/15/15/10/15/10/15/10 = 100), bands 90/80/60. */
export function defaultAssessmentTemplate(now: string, by = DEFAULT_TEMPLATE_BY): AssessmentTemplate {
  return {
    version: 1,
    criteria: WORK_TASKS.map((title, i) => ({
      key: `t${i + 1}`,
      title,
      max: DEFAULT_ASSESSMENT_MAX[i]!,
      step: 0.5,
      description: DEFAULT_ASSESSMENT_DESCRIPTIONS[i]!,
    })),
    bands: { ...DEFAULT_GRADE_BANDS },
    createdAt: now,
    createdBy: by,
  };
}

export interface AssessmentTemplateCheck {
  errors: string[];
  warnings: string[];
}

/** Criteria max > 0 on their step, unique titles and keys; bands excellent > good > pass > 0 and ≤ total; total 100 or say so. */
export function checkAssessmentTemplate(t: { criteria: readonly Criterion[]; bands: GradeBands }): AssessmentTemplateCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  errors.push(...criteriaProblems(t.criteria, '考核表', '考核项'));
  const total = maxTotal(t.criteria);
  const { excellent, good, pass } = t.bands;
  if (!(pass > 0)) errors.push(`合格分数线应大于0（现为${pass}）`);
  if (!(good > pass)) errors.push(`良好分数线（${good}）应高于合格分数线（${pass}）`);
  if (!(excellent > good)) errors.push(`优秀分数线（${excellent}）应高于良好分数线（${good}）`);
  if (t.criteria.length && excellent > total + 1e-9) errors.push(`优秀分数线（${excellent}）高于满分合计${total}分`);
  if (t.criteria.length && Math.abs(total - 100) > 1e-9)
    warnings.push(`各考核项满分合计为${total}分，不是100分；分数线按合计${total}分理解`);
  return { errors, warnings };
}

/** Problems of one assessment's scores against the template (every criterion scored, within 0..max, on the step). */
export function assessmentScoreProblems(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): string[] {
  const problems: string[] = [];
  const known = new Set(criteria.map((c) => c.key));
  for (const c of criteria) {
    const v = scores[c.key];
    const name = `“${c.title}”`;
    if (v === undefined || v === null || !Number.isFinite(v)) problems.push(`请填写${name}的得分`);
    else if (v < 0 || v > c.max + 1e-9) problems.push(`${name}的得分应在0–${c.max}分之间（现为${v}）`);
    else if (!onStep(v, c.step)) problems.push(`${name}的得分应为${c.step}的整数倍（现为${v}）`);
  }
  for (const key of Object.keys(scores)) if (!known.has(key)) problems.push(`考核表中没有代码为 ${key} 的考核项，请刷新后重试`);
  return problems;
}

/** Sum of the criteria scores, rounded to 2 decimals. */
export function assessmentTotal(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): number {
  return sheetTotal({ criteria }, scores);
}

/** Centers with a submitted summary of the year and no assessment yet (in center order). */
export function unassessedSummaries(part: Pick<CenterYearPart, 'summaries' | 'assessments'>): string[] {
  const assessed = new Set(part.assessments.map((a) => a.centerId));
  return [...new Set(part.summaries.map((s) => s.centerId))]
    .filter((id) => !assessed.has(id))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** The NEEDS_ACKNOWLEDGEMENT message of a 中期考核结果通知 asked for while summaries are unassessed. */
export function unassessedNoticeMessage(year: number, centers: readonly Pick<Center, 'name'>[]): string {
  return (
    `${year}年度还有${centers.length}个中心已提交工作总结但尚未考核：${centers.map((c) => c.name).join('、')}。` +
    '结果通知将不列这些中心。请先登记考核结果；如确需先发通知，请确认上述名单后再生成（确认记入操作日志和通知记录）。'
  );
}

/** A version is frozen once any assessment of the year names it. */
export function assessmentTemplateFrozen(version: number, assessments: readonly { templateVersion: number }[]): boolean {
  return assessments.some((a) => a.templateVersion === version);
}

/** The NEEDS_REASON message when a frozen version is changed without a reason. */
export function frozenTemplateMessage(version: number): string {
  return `第${version}版中期考核表已有考核结果，已冻结。如确需修改，请填写修改理由，将另存为第${version + 1}版（已登记的考核结果仍按原版本保留）。`;
}

/**
 * The status as a clerk writes it in a roster: 有效 / 限期整改（至2027年3月31日） /
 * 已撤销（2026年11月25日起，证书失效，牌匾待收回，期限2026年12月16日） / 已撤销（…，牌匾已于2026年12月10日收回）.
 */
export function centerStatusText(center: Center): string {
  if (center.status === 'rectifying')
    return center.rectifyDeadline ? `限期整改（至${formatChineseDate(center.rectifyDeadline)}）` : '限期整改';
  if (center.status === 'revoked') {
    const on = revokedOn(center);
    const p = plaqueReturnOf(center);
    const plaque = p
      ? p.returnedOn
        ? `，牌匾已于${formatChineseDate(p.returnedOn)}收回`
        : `，牌匾待收回，期限${formatChineseDate(p.dueOn)}`
      : '';
    return `已撤销（${on ? `${formatChineseDate(on)}起，` : ''}证书失效${plaque}）`;
  }
  return CENTER_STATUS_LABELS[center.status];
}
