/**
 * 中期考核结果通知、复核决定 (PDF) and the summaries / assessment rosters (xlsx).
 *
 * The PDFs are numbered on first print (发文字号 from the numbering service, kept with the record:
 * `CenterYearPart.resultNotice`, `TriennialReview.notice`) and reprinted with the same number and date.
 * Only a first print writes, so only a first print is refused in a sealed year; reprints work there
 * (the yearly archive regenerates them through the `*Document` functions below).
 */
import { DeskError } from '../contract/errors.js';
import type { ExportedFile } from '../contract/common.js';
import type { AssessmentTemplate, CenterYearPart, IssuedNotice, TriennialReview } from '../contract/centers-annual.js';
import type { Center } from '../contract/designation.js';
import type { Criterion } from '../contract/review-scoring.js';
import { formatChineseDate } from '../domain/batches.js';
import { bureauDate } from '../domain/clock.js';
import { addDays, addYears, defaultAssessmentTemplate, summaryDueDate, summaryRequired } from '../domain/center-lifecycle.js';
import { deadlineAfter } from '../domain/working-days.js';
import { renderAssessmentNotice } from '../documents/pdf/assessment-notice.js';
import { renderReviewDecision, reviewDecisionTitle, type ReviewDecisionInput } from '../documents/pdf/review-decision.js';
import { renderSummaryRosterXlsx } from '../documents/excel/summary-roster.js';
import { renderAssessmentRosterXlsx } from '../documents/excel/assessment-roster.js';
import { issueDocNumbered } from '../store/numbering.js';
import { writeExport, type NamePart } from '../store/exports.js';
import { workingCalendar } from './review.js';
import type { AreaHandlers, FirstPrintYears, HandlerContext } from './types.js';

type Methods = 'summaries.exportRoster' | 'assessments.noticePdf' | 'assessments.exportRoster' | 'triennial.decisionPdf';

/** Working days the host unit has to hand back certificate and plaque after a 撤销 decision. */
export const PLAQUE_RETURN_WORKING_DAYS = 15;

export interface GeneratedDocument {
  /** The export file name (parts: only a center name is shortened when it is too long). */
  fileName: string | readonly NamePart[];
  data: Buffer;
}

const byCenterId = (a: { id: string }, b: { id: string }): number => a.id.localeCompare(b.id, 'en', { numeric: true });

function centersById(ctx: HandlerContext): Map<string, Center> {
  return new Map(ctx.store.read('centers').centers.map((c) => [c.id, c]));
}

function centerOf(centers: Map<string, Center>, id: string): Center {
  const c = centers.get(id);
  if (!c) throw new DeskError('NOT_FOUND', `找不到编号为 ${id} 的中心，中心名录可能已被修改，请刷新后重试。`);
  return c;
}

function yearPart(ctx: HandlerContext, year: number): Promise<Readonly<CenterYearPart>> {
  return ctx.store.readKeyed('centers', String(year));
}

// ───────────────────────────── 中期考核结果通知 ─────────────────────────────

/** The notice PDF of a year from its records and an issued number (pure rendering; no writes). */
async function renderYearNotice(ctx: HandlerContext, year: number, part: Readonly<CenterYearPart>, notice: IssuedNotice): Promise<GeneratedDocument> {
  const centers = centersById(ctx);
  const entries = [...part.assessments]
    .sort((a, b) => a.centerId.localeCompare(b.centerId, 'en', { numeric: true }))
    .map((a) => {
      const c = centerOf(centers, a.centerId);
      return { centerName: c.name, hostUnit: c.hostUnit, total: a.total, grade: a.grade };
    });
  const data = await renderAssessmentNotice({
    authority: ctx.store.read('settings').settings.bureauName,
    docNumber: notice.docNumber,
    year,
    issuedOn: notice.issuedOn,
    entries,
  });
  return { fileName: `中期考核结果通知-${year}年度-${notice.docNumber}.pdf`, data };
}

/** Reprint of a year's issued 中期考核结果通知 (null when none was issued). Never writes: usable in a sealed year. */
export async function assessmentNoticeDocument(ctx: HandlerContext, year: number): Promise<GeneratedDocument | null> {
  const part = await yearPart(ctx, year);
  if (!part.resultNotice || part.assessments.length === 0) return null;
  return renderYearNotice(ctx, year, part, part.resultNotice);
}

/**
 * Print a year's 中期考核结果通知. The first print renders it with the number it will get, writes the file,
 * then takes the 发文字号 and stores it with the year (store/numbering.ts); reprints keep number and date.
 */
async function printAssessmentNotice(ctx: HandlerContext, year: number, requestedOn: string | undefined): Promise<ExportedFile> {
  const part = await yearPart(ctx, year);
  if (part.assessments.length === 0) {
    throw new DeskError('RULE_VIOLATION', `${year}年度还没有登记任何中期考核结果，不能生成考核结果通知。请先在“中期考核”中登记考核结果。`, { year });
  }
  if (part.resultNotice) return save(ctx, await renderYearNotice(ctx, year, part, part.resultNotice));
  const issuedOn = requestedOn ?? bureauDate(ctx.clock());
  const lastAssessed = part.assessments.reduce((m, a) => (a.assessedOn > m ? a.assessedOn : m), '');
  if (issuedOn < lastAssessed) {
    throw new DeskError('INVALID_INPUT', `成文日期（${formatChineseDate(issuedOn)}）早于最后一次考核日期（${formatChineseDate(lastAssessed)}），请填写考核结束后的日期。`, { field: 'issuedOn' });
  }
  const { docNumberPrefix } = ctx.store.read('settings').settings;
  const firstPrintedAt = ctx.clock().toISOString();
  const issued = await issueDocNumbered(ctx.store, {
    prefix: docNumberPrefix,
    year: Number(issuedOn.slice(0, 4)),
    locks: [`centers-${year}:resultNotice`],
    alreadyNumbered: async () => !!(await yearPart(ctx, year)).resultNotice,
    check: () => ctx.recheckYearLock?.(),
    audit: { method: 'assessments.noticePdf', entity: `centers-${year}:resultNotice`, summary: `${year}年度中期考核结果通知编号` },
    render: async (docNumber) => renderYearNotice(ctx, year, await yearPart(ctx, year), { docNumber, issuedOn, firstPrintedAt }),
    exportFile: (doc) => ({ dir: ctx.store.dirs.exports, name: doc.fileName, data: doc.data }),
    commit: (docNumber) => {
      const notice: IssuedNotice = { docNumber, issuedOn, firstPrintedAt };
      return ctx.store.writeKeyed(
        'centers',
        String(year),
        (draft) => {
          if (draft.resultNotice) throw new DeskError('CONFLICT', `${year}年度中期考核结果通知已编号（${draft.resultNotice.docNumber}），请刷新后重试。`);
          draft.resultNotice = notice;
          return notice;
        },
        (stored) => ({
          method: 'assessments.noticePdf',
          entity: `centers-${year}:resultNotice`,
          summary: `编制${year}年度中期考核结果通知（${stored.docNumber}，成文日期${formatChineseDate(stored.issuedOn)}）`,
          after: stored,
        }),
      );
    },
  });
  // A concurrent print numbered the notice first: print it again with that number.
  return issued ? issued.file! : printAssessmentNotice(ctx, year, requestedOn);
}

// ───────────────────────────── 复核决定 ─────────────────────────────

/**
 * What a decision prints besides the review itself. Derived from the review history (not the center's
 * current fields) so a reprint stays the same after later reviews:
 * - retain: next due = the cycle's triennial due date + 3 years (after a follow-up, the triennial review
 *   that ordered the rectification), the certificate valid until the day before;
 * - revoke: hand back certificate and plaque within 15 working days of the 成文日期.
 */
export function reviewDecisionFacts(
  ctx: HandlerContext,
  review: TriennialReview,
  reviews: readonly TriennialReview[],
  issuedOn: string,
): Pick<ReviewDecisionInput, 'nextReviewDue' | 'validUntil' | 'rectifyDeadline' | 'returnBy'> {
  if (review.outcome === 'retain') {
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
  return { returnBy: deadlineAfter(issuedOn, PLAQUE_RETURN_WORKING_DAYS, workingCalendar(ctx)) };
}

function byReviewNo(r: Pick<TriennialReview, 'id'>): number {
  return Number(/-R(\d+)$/.exec(r.id)?.[1] ?? 0);
}

async function renderDecision(ctx: HandlerContext, review: TriennialReview, reviews: readonly TriennialReview[], notice: IssuedNotice): Promise<GeneratedDocument> {
  const center = centerOf(centersById(ctx), review.centerId);
  const data = await renderReviewDecision({
    authority: ctx.store.read('settings').settings.bureauName,
    docNumber: notice.docNumber,
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
  });
  const kind = review.outcome === 'revoke' ? '撤销认定决定' : review.outcome === 'rectify' ? '限期整改通知' : '复核结果通知';
  return { fileName: [`${kind}-`, { shorten: center.name }, `-${notice.docNumber}.pdf`], data };
}

/** Reprint of a review's issued decision (null when not yet printed). Never writes. */
export async function reviewDecisionDocument(ctx: HandlerContext, reviewId: string): Promise<GeneratedDocument | null> {
  const reviews = ctx.store.read('centers').reviews;
  const review = reviews.find((r) => r.id === reviewId);
  if (!review?.notice) return null;
  return renderDecision(ctx, review, reviews, review.notice);
}

/**
 * Print a review's decision. The first print renders it with the number it will get, writes the file, then
 * takes the 发文字号 and stores it with the review (store/numbering.ts); reprints keep number and date.
 */
async function printReviewDecision(ctx: HandlerContext, reviewId: string, requestedOn: string | undefined): Promise<ExportedFile> {
  const current = (): { reviews: readonly TriennialReview[]; review: TriennialReview } => {
    const reviews = ctx.store.read('centers').reviews;
    const review = reviews.find((r) => r.id === reviewId);
    if (!review) throw new DeskError('NOT_FOUND', `找不到复核记录 ${reviewId}，请刷新后重试。`);
    return { reviews, review };
  };
  const { reviews, review } = current();
  if (review.notice) return save(ctx, await renderDecision(ctx, review, reviews, review.notice));
  const issuedOn = requestedOn ?? bureauDate(ctx.clock());
  if (issuedOn < review.decidedOn) {
    throw new DeskError('INVALID_INPUT', `成文日期（${formatChineseDate(issuedOn)}）早于复核结论日期（${formatChineseDate(review.decidedOn)}），请重新填写。`, { field: 'issuedOn' });
  }
  const center = centerOf(centersById(ctx), review.centerId);
  const title = reviewDecisionTitle(review.outcome, center.name);
  const { docNumberPrefix } = ctx.store.read('settings').settings;
  const firstPrintedAt = ctx.clock().toISOString();
  const issued = await issueDocNumbered(ctx.store, {
    prefix: docNumberPrefix,
    year: Number(issuedOn.slice(0, 4)),
    locks: [`review:${reviewId}`],
    alreadyNumbered: () => !!current().review.notice,
    check: () => ctx.recheckYearLock?.(),
    audit: { method: 'triennial.decisionPdf', entity: `review:${reviewId}`, summary: `《${title}》编号` },
    render: (docNumber) => {
      const now = current();
      return renderDecision(ctx, now.review, now.reviews, { docNumber, issuedOn, firstPrintedAt });
    },
    exportFile: (doc) => ({ dir: ctx.store.dirs.exports, name: doc.fileName, data: doc.data }),
    commit: (docNumber) => {
      const notice: IssuedNotice = { docNumber, issuedOn, firstPrintedAt };
      return ctx.store.write(
        'centers',
        (draft) => {
          const target = draft.reviews.find((r) => r.id === reviewId);
          if (!target) throw new DeskError('NOT_FOUND', `找不到复核记录 ${reviewId}，请刷新后重试。`);
          if (target.notice) throw new DeskError('CONFLICT', `复核记录 ${reviewId} 的决定已编号（${target.notice.docNumber}），请刷新后重试。`);
          target.notice = notice;
          return notice;
        },
        (stored) => ({
          method: 'triennial.decisionPdf',
          entity: `review:${reviewId}`,
          summary: `编制《${title}》（${stored.docNumber}，成文日期${formatChineseDate(stored.issuedOn)}）`,
          after: stored,
        }),
      );
    },
  });
  // A concurrent print numbered the decision first: print it again with that number.
  return issued ? issued.file! : printReviewDecision(ctx, reviewId, requestedOn);
}

// ───────────────────────────── rosters ─────────────────────────────

/** 年度工作总结汇总表: every center owing a summary of the year (or having one), in center order. */
export async function summaryRosterDocument(ctx: HandlerContext, year: number, generatedOn = bureauDate(ctx.clock())): Promise<GeneratedDocument> {
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
function rosterCriteria(ctx: HandlerContext, part: Readonly<CenterYearPart>): Criterion[] {
  const saved: readonly AssessmentTemplate[] = part.assessmentTemplates;
  const templates = saved.length > 0 ? [...saved].sort((a, b) => b.version - a.version) : [defaultAssessmentTemplate(ctx.clock().toISOString())];
  const out: Criterion[] = [...templates[0]!.criteria];
  const used = new Set(part.assessments.map((a) => a.templateVersion));
  for (const t of templates.slice(1)) {
    if (!used.has(t.version)) continue;
    for (const c of t.criteria) if (!out.some((o) => o.key === c.key)) out.push(c);
  }
  return out;
}

/** 中期考核汇总表: assessed centers ranked by total, then centers with a summary but no assessment yet. */
export async function assessmentRosterDocument(ctx: HandlerContext, year: number, generatedOn = bureauDate(ctx.clock())): Promise<GeneratedDocument> {
  const part = await yearPart(ctx, year);
  const settings = ctx.store.read('settings').settings;
  const centers = centersById(ctx);
  const assessed = new Set(part.assessments.map((a) => a.centerId));
  const rows = [
    ...[...part.assessments].sort((a, b) => a.centerId.localeCompare(b.centerId, 'en', { numeric: true }))
      .map((a) => ({ center: centerOf(centers, a.centerId), assessment: a })),
    ...[...part.summaries].filter((s) => !assessed.has(s.centerId)).sort((a, b) => a.centerId.localeCompare(b.centerId, 'en', { numeric: true }))
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

const save = (ctx: HandlerContext, doc: GeneratedDocument): Promise<ExportedFile> => writeExport(ctx.store.dirs.exports, doc.fileName, doc.data);

/** The year a first print of a year's 中期考核结果通知 writes into: none for a reprint. */
export async function assessmentNoticeFirstPrintYears(ctx: HandlerContext, year: number): Promise<number[]> {
  return (await yearPart(ctx, year)).resultNotice ? [] : [year];
}

/** The years a first print of a review's decision writes into (its decision's and its 成文日期's): none for a reprint or an unknown review. */
export function decisionFirstPrintYears(ctx: HandlerContext, reviewId: string, requestedOn: string | undefined): number[] {
  const review = ctx.store.read('centers').reviews.find((r) => r.id === reviewId);
  if (!review || review.notice) return [];
  const issuedOn = requestedOn ?? bureauDate(ctx.clock());
  return [...new Set([Number(review.decidedOn.slice(0, 4)), Number(issuedOn.slice(0, 4))])];
}

export const centerDocumentHandlers: AreaHandlers<Methods> = {
  'summaries.exportRoster': async (input, ctx) => save(ctx, await summaryRosterDocument(ctx, input.year)),
  'assessments.noticePdf': (input, ctx) => printAssessmentNotice(ctx, input.year, input.issuedOn),
  'assessments.exportRoster': async (input, ctx) => save(ctx, await assessmentRosterDocument(ctx, input.year)),
  'triennial.decisionPdf': (input, ctx) => printReviewDecision(ctx, input.reviewId, input.issuedOn),
};

/** 年度封存 of the numbered prints (`yearLock: 'print'`): only a first print writes, so only it is refused in a sealed year. */
export const centerDocumentFirstPrints: FirstPrintYears<'assessments.noticePdf' | 'triennial.decisionPdf'> = {
  'assessments.noticePdf': (input, ctx) => assessmentNoticeFirstPrintYears(ctx, input.year),
  'triennial.decisionPdf': (input, ctx) => Promise.resolve(decisionFirstPrintYears(ctx, input.reviewId, input.issuedOn)),
};
