/**
 * 中期考核结果通知、复核决定 (PDF or OFD) and the summaries / assessment rosters (xlsx), rendered from the records.
 * Never writes: the handlers save them into exports/ (and number a notice on its first print); the yearly
 * archive saves the reprints of issued notices into its staging folder.
 */
import { DeskError } from '../../contract/errors.js';
import { voidStampLines } from '../../domain/voiding.js';
import type { AssessmentTemplate, CenterYearPart, IssuedNotice, TriennialReview } from '../../contract/centers/annual.js';
import type { Center } from '../../contract/designation.js';
import type { Criterion } from '../../contract/expert-review/scoring.js';
import { bureauDate } from '../../domain/clock.js';
import {
  addDays,
  addYears,
  DEFAULT_PLAQUE_RETURN_WORKING_DAYS,
  defaultAssessmentTemplate,
  summaryDueDate,
  summaryRequired,
} from '../../domain/center-lifecycle.js';
import { disclosureLabel, officialFormat } from '../../domain/document-kinds.js';
import { deadlineAfter } from '../../domain/working-days.js';
import { renderAssessmentNotice } from '../../documents/pdf/assessment-notice.js';
import type { DocumentOutput } from '../../documents/pdf/page-model.js';
import { renderReviewDecision, REVIEW_TEMPLATES, type ReviewDecisionInput } from '../../documents/pdf/review-decision.js';
import { renderSummaryRosterXlsx } from '../../documents/excel/summary-roster.js';
import { renderAssessmentRosterXlsx } from '../../documents/excel/assessment-roster.js';
import { workingCalendar } from '../calendar.js';
import type { ServiceContext } from '../context.js';
import type { GeneratedDocument } from './generated.js';
import { templateText, type TemplateText } from '../templates.js';

/** Working days the host unit had to hand back certificate and plaque, counted from the 成文日期 (decisions recorded before issue 13). */
export const PLAQUE_RETURN_WORKING_DAYS = DEFAULT_PLAQUE_RETURN_WORKING_DAYS;

const byCenterId = (a: { id: string }, b: { id: string }): number => a.id.localeCompare(b.id, 'en', { numeric: true });

export function centersById(ctx: ServiceContext): Map<string, Center> {
  return new Map(ctx.store.read('centers').centers.map((c) => [c.id, c]));
}

export function centerOf(centers: Map<string, Center>, id: string): Center {
  const c = centers.get(id);
  if (!c) throw new DeskError('NOT_FOUND', `找不到编号为 ${id} 的中心，中心名录可能已被修改，请刷新后重试。`);
  return c;
}

export function yearPart(ctx: ServiceContext, year: number): Promise<Readonly<CenterYearPart>> {
  return ctx.store.readKeyed('centers', String(year));
}

// ───────────────────────────── 中期考核结果通知 ─────────────────────────────

/**
 * The notice of a year from its records and an issued number, worded by `template` (default: the
 * version the notice records), as PDF or OFD. Pure rendering; no writes.
 */
export async function renderYearNotice(
  ctx: ServiceContext,
  year: number,
  part: Readonly<CenterYearPart>,
  notice: IssuedNotice,
  template: TemplateText = templateText(ctx, 'assessmentNotice', notice.templateVersion),
  output: DocumentOutput = 'pdf',
): Promise<GeneratedDocument> {
  const centers = centersById(ctx);
  const entries = [...part.assessments]
    .sort((a, b) => a.centerId.localeCompare(b.centerId, 'en', { numeric: true }))
    .map((a) => {
      const c = centerOf(centers, a.centerId);
      return { centerName: c.name, hostUnit: c.hostUnit, total: a.total, grade: a.grade };
    });
  const settings = ctx.store.read('settings').settings;
  const data = await renderAssessmentNotice({
    authority: settings.bureauName,
    format: officialFormat(settings, 'assessmentNotice', notice.issuedOn),
    template: template.parts,
    facts: settings,
    disclosure: disclosureLabel(settings, 'assessmentNotice'),
    docNumber: notice.docNumber,
    year,
    issuedOn: notice.issuedOn,
    entries,
    ...(notice.voided ? { voidStamp: voidStampLines(notice.voided) } : {}),
    output,
  });
  return { fileName: `中期考核结果通知-${year}年度-${notice.docNumber}.${output}`, data };
}

/** Reprint of a year's issued 中期考核结果通知 (null when none was issued). Never writes: usable in a sealed year. */
export async function assessmentNoticeDocument(ctx: ServiceContext, year: number): Promise<GeneratedDocument | null> {
  const part = await yearPart(ctx, year);
  if (!part.resultNotice || part.assessments.length === 0) return null;
  return renderYearNotice(ctx, year, part, part.resultNotice);
}

// ───────────────────────────── 复核决定 ─────────────────────────────

/**
 * What a decision prints besides the review itself. Derived from the review history (not the center's
 * current fields) so a reprint stays the same after later reviews:
 * - retain: next due as recorded on the review (decidedOn + 3 years); on reviews recorded before issue 13, the
 *   cycle's triennial due date + 3 years (after a follow-up, the triennial review that ordered the
 *   rectification); the certificate valid until the day before;
 * - revoke: hand back certificate and plaque by the deadline recorded on the review; before issue 13,
 *   within 15 working days of the 成文日期.
 */
export function reviewDecisionFacts(
  ctx: ServiceContext,
  review: TriennialReview,
  reviews: readonly TriennialReview[],
  issuedOn: string,
): Pick<ReviewDecisionInput, 'nextReviewDue' | 'validUntil' | 'rectifyDeadline' | 'returnBy'> {
  if (review.outcome === 'retain') {
    if (review.nextReviewDue) return { nextReviewDue: review.nextReviewDue, validUntil: addDays(review.nextReviewDue, -1) };
    let triennialDue = review.dueOn;
    if (review.kind === 'followUp') {
      const own = reviews.filter((r) => r.centerId === review.centerId).sort((a, b) => byReviewNo(a) - byReviewNo(b));
      const earlier = own.filter((r) => byReviewNo(r) < byReviewNo(review) && r.kind === 'triennial').at(-1);
      if (earlier) triennialDue = earlier.dueOn;
    }
    const nextReviewDue = addYears(triennialDue, 3);
    return { nextReviewDue, validUntil: addDays(nextReviewDue, -1) };
  }
  if (review.outcome === 'rectify') return review.rectifyDeadline ? { rectifyDeadline: review.rectifyDeadline } : {};
  if (review.plaqueReturnDueOn) return { returnBy: review.plaqueReturnDueOn };
  return { returnBy: deadlineAfter(issuedOn, PLAQUE_RETURN_WORKING_DAYS, workingCalendar(ctx)) };
}

function byReviewNo(r: Pick<TriennialReview, 'id'>): number {
  return Number(/-R(\d+)$/.exec(r.id)?.[1] ?? 0);
}

export async function renderDecision(
  ctx: ServiceContext,
  review: TriennialReview,
  reviews: readonly TriennialReview[],
  notice: IssuedNotice,
  template: TemplateText = templateText(ctx, REVIEW_TEMPLATES[review.outcome], notice.templateVersion),
  output: DocumentOutput = 'pdf',
): Promise<GeneratedDocument> {
  const center = centerOf(centersById(ctx), review.centerId);
  const settings = ctx.store.read('settings').settings;
  const data = await renderReviewDecision({
    authority: settings.bureauName,
    format: officialFormat(settings, 'reviewDecision', notice.issuedOn),
    template: template.parts,
    facts: settings,
    disclosure: disclosureLabel(settings, 'reviewDecision'),
    docNumber: notice.docNumber,
    ...(notice.voided ? { voidStamp: voidStampLines(notice.voided) } : {}),
    outcome: review.outcome,
    kind: review.kind,
    centerName: center.name,
    hostUnit: center.hostUnit,
    certificateNumber: center.certificateNumber,
    designatedOn: center.designatedOn,
    decidedOn: review.decidedOn,
    issuedOn: notice.issuedOn,
    opinion: review.opinion,
    ...reviewDecisionFacts(ctx, review, reviews, notice.issuedOn),
    output,
  });
  const kind = review.outcome === 'revoke' ? '撤销认定决定' : review.outcome === 'rectify' ? '限期整改通知' : '复核结果通知';
  return { fileName: [`${kind}-`, { shorten: center.name }, `-${notice.docNumber}.${output}`], data };
}

/** Reprint of a review's issued decision (null when not yet printed). Never writes. */
export async function reviewDecisionDocument(ctx: ServiceContext, reviewId: string): Promise<GeneratedDocument | null> {
  const reviews = ctx.store.read('centers').reviews;
  const review = reviews.find((r) => r.id === reviewId);
  if (!review?.notice) return null;
  return renderDecision(ctx, review, reviews, review.notice);
}

// ───────────────────────────── rosters ─────────────────────────────

/** 年度工作总结汇总表: every center owing a summary of the year (or having one), in center order. */
export async function summaryRosterDocument(
  ctx: ServiceContext,
  year: number,
  generatedOn = bureauDate(ctx.clock()),
): Promise<GeneratedDocument> {
  const part = await yearPart(ctx, year);
  const settings = ctx.store.read('settings').settings;
  const dueOn = summaryDueDate(year, settings.annualSummaryDue);
  const summaries = new Map(part.summaries.map((s) => [s.centerId, s]));
  const rows = [...ctx.store.read('centers').centers]
    .filter((c) => summaries.has(c.id) || summaryRequired(c, year, dueOn))
    .sort(byCenterId)
    .map((c) => ({ center: c, summary: summaries.get(c.id) ?? null }));
  const data = await renderSummaryRosterXlsx({ year, rows, bureauName: settings.bureauName, generatedOn, dueOn });
  return { fileName: `年度工作总结汇总表-${year}年度.xlsx`, data };
}

/** The roster's criteria: the year's newest template, then criteria only older versions in use had. */
function rosterCriteria(ctx: ServiceContext, part: Readonly<CenterYearPart>): Criterion[] {
  const saved: readonly AssessmentTemplate[] = part.assessmentTemplates;
  const templates =
    saved.length > 0 ? [...saved].sort((a, b) => b.version - a.version) : [defaultAssessmentTemplate(ctx.clock().toISOString())];
  const out: Criterion[] = [...templates[0]!.criteria];
  const used = new Set(part.assessments.map((a) => a.templateVersion));
  for (const t of templates.slice(1)) {
    if (!used.has(t.version)) continue;
    for (const c of t.criteria) if (!out.some((o) => o.key === c.key)) out.push(c);
  }
  return out;
}

/** 中期考核汇总表: assessed centers ranked by total, then centers with a summary but no assessment yet. */
export async function assessmentRosterDocument(
  ctx: ServiceContext,
  year: number,
  generatedOn = bureauDate(ctx.clock()),
): Promise<GeneratedDocument> {
  const part = await yearPart(ctx, year);
  const settings = ctx.store.read('settings').settings;
  const centers = centersById(ctx);
  const assessed = new Set(part.assessments.map((a) => a.centerId));
  const rows = [
    ...[...part.assessments]
      .sort((a, b) => a.centerId.localeCompare(b.centerId, 'en', { numeric: true }))
      .map((a) => ({ center: centerOf(centers, a.centerId), assessment: a })),
    ...[...part.summaries]
      .filter((s) => !assessed.has(s.centerId))
      .sort((a, b) => a.centerId.localeCompare(b.centerId, 'en', { numeric: true }))
      .map((s) => ({ center: centerOf(centers, s.centerId), assessment: null })),
  ];
  const data = await renderAssessmentRosterXlsx({
    year,
    criteria: rosterCriteria(ctx, part),
    rows,
    bureauName: settings.bureauName,
    generatedOn,
    ...(part.resultNotice ? { noticeNumber: part.resultNotice.docNumber } : {}),
  });
  return { fileName: `中期考核汇总表-${year}年度.xlsx`, data };
}
