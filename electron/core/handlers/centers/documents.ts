/**
 * 中期考核结果通知、复核决定 (PDF or OFD) and the summaries / assessment rosters (xlsx).
 *
 * The PDFs are numbered on first print (发文字号 from the numbering service, kept with the record:
 * `CenterYearPart.resultNotice`, `TriennialReview.notice`) and reprinted with the same number and date.
 * The OFD of a numbered notice is a reprint too. Only a first print writes, so only a first print is refused in a sealed year; reprints work there
 * (the yearly archive regenerates them through the `*Document` functions of services/documents/centers.ts).
 */
import { DeskError } from '../../contract/errors.js';
import type { ExportedFile, NumberPreview } from '../../contract/common.js';
import type {
  AssessmentNoticePreview,
  CenterYearPart,
  IssuedNotice,
  ResultNotice,
  TriennialReview,
} from '../../contract/centers/annual.js';
import { formatChineseDate } from '../../domain/batches.js';
import { unassessedNoticeMessage, unassessedSummaries } from '../../domain/center-lifecycle.js';
import { bureauDate } from '../../domain/clock.js';
import type { DocumentOutput } from '../../documents/pdf/page-model.js';
import { REVIEW_TEMPLATES, reviewDecisionTitle } from '../../documents/pdf/review-decision.js';
import { currentTemplateText, storeTemplateUse } from '../../services/templates.js';
import { issueDocNumbered, peekDocNumber } from '../../store/numbering.js';
import {
  assessmentRosterDocument,
  centerOf,
  centersById,
  renderDecision,
  renderYearNotice,
  summaryRosterDocument,
  yearPart,
} from '../../services/documents/centers.js';
import { saveDocument, type GeneratedDocument } from '../../services/documents/generated.js';
import type { AreaHandlers, FirstPrintYears, HandlerContext } from '../types.js';

type Methods =
  | 'summaries.exportRoster'
  | 'assessments.previewNotice'
  | 'assessments.noticePdf'
  | 'assessments.exportRoster'
  | 'triennial.previewDecision'
  | 'triennial.decisionPdf';

// ───────────────────────────── 中期考核结果通知 ─────────────────────────────

/**
 * Print a year's 中期考核结果通知. The first print renders it with the number it will get, writes the file,
 * then takes the 发文字号 and stores it with the year (store/numbering.ts); reprints keep number and date.
 * A first print while submitted summaries are unassessed is refused (NEEDS_ACKNOWLEDGEMENT, listing the
 * centers) unless `acknowledge` is set; the acknowledged list is stored with the notice and in the audit entry.
 */
async function printAssessmentNotice(
  ctx: HandlerContext,
  year: number,
  requestedOn: string | undefined,
  acknowledge = false,
  expectedDocNumber?: string,
  output: DocumentOutput = 'pdf',
): Promise<ExportedFile> {
  const part = await yearPart(ctx, year);
  assertAssessed(part, year);
  // A reprint, in either format (the OFD of a numbered notice takes nothing and records nothing).
  if (part.resultNotice) return save(ctx, await renderYearNotice(ctx, year, part, part.resultNotice, undefined, output));
  const unassessed = unassessedOf(ctx, part);
  if (unassessed.length > 0 && !acknowledge) {
    throw new DeskError(
      'NEEDS_ACKNOWLEDGEMENT',
      unassessedNoticeMessage(
        year,
        unassessed.map((u) => ({ name: u.centerName })),
      ),
      { unassessed },
    );
  }
  const issuedOn = noticeIssuedOn(ctx, part, requestedOn);
  const { docNumberPrefix } = ctx.store.read('settings').settings;
  const firstPrintedAt = ctx.clock().toISOString();
  // The template version the notice is worded by; recorded with the notice so that reprints use it.
  const template = currentTemplateText(ctx, 'assessmentNotice');
  const templateVersion = template.version;
  const issued = await issueDocNumbered(ctx.store, {
    prefix: docNumberPrefix,
    year: Number(issuedOn.slice(0, 4)),
    locks: [`centers-${year}:resultNotice`],
    alreadyNumbered: async () => !!(await yearPart(ctx, year)).resultNotice,
    check: () => ctx.recheckYearLock?.(),
    ...(expectedDocNumber !== undefined ? { expectedDocNumber } : {}),
    audit: { method: 'assessments.noticePdf', entity: `centers-${year}:resultNotice`, summary: `${year}年度中期考核结果通知编号` },
    render: async (docNumber) =>
      renderYearNotice(ctx, year, await yearPart(ctx, year), { docNumber, issuedOn, firstPrintedAt, templateVersion }, template, output),
    exportFile: (doc) => ({ dir: ctx.store.dirs.exports, name: doc.fileName, data: doc.data }),
    commit: async (docNumber) => {
      await storeTemplateUse(ctx, 'assessmentNotice', template, 'assessments.noticePdf');
      const notice: ResultNotice = {
        docNumber,
        issuedOn,
        firstPrintedAt,
        templateVersion,
        ...(unassessed.length > 0 ? { unassessedAcknowledged: unassessed } : {}),
      };
      return ctx.store.writeKeyed(
        'centers',
        String(year),
        (draft) => {
          if (draft.resultNotice)
            throw new DeskError('CONFLICT', `${year}年度中期考核结果通知已编号（${draft.resultNotice.docNumber}），请刷新后重试。`);
          draft.resultNotice = notice;
          return notice;
        },
        (stored) => ({
          method: 'assessments.noticePdf',
          entity: `centers-${year}:resultNotice`,
          summary:
            `编制${year}年度中期考核结果通知（${stored.docNumber}，成文日期${formatChineseDate(stored.issuedOn)}）` +
            (unassessed.length > 0
              ? `；经确认，以下已提交总结的中心尚未考核、未列入通知：${unassessed.map((u) => u.centerName).join('、')}`
              : ''),
          after: stored,
        }),
      );
    },
  });
  // A concurrent print numbered the notice first: print it again with that number.
  return issued ? issued.file! : printAssessmentNotice(ctx, year, requestedOn, acknowledge, expectedDocNumber, output);
}

function assertAssessed(part: Readonly<CenterYearPart>, year: number): void {
  if (part.assessments.length === 0) {
    throw new DeskError('RULE_VIOLATION', `${year}年度还没有登记任何中期考核结果，不能生成考核结果通知。请先在“中期考核”中登记考核结果。`, {
      year,
    });
  }
}

/** Submitted summaries not yet assessed (left out of the notice). */
function unassessedOf(ctx: HandlerContext, part: Readonly<CenterYearPart>): { centerId: string; centerName: string }[] {
  const centers = centersById(ctx);
  return unassessedSummaries(part).map((id) => ({ centerId: id, centerName: centers.get(id)?.name ?? id }));
}

/** The 成文日期 of a first print: the one asked for (default today), not before the last assessment. */
function noticeIssuedOn(ctx: HandlerContext, part: Readonly<CenterYearPart>, requestedOn: string | undefined): string {
  const issuedOn = requestedOn ?? bureauDate(ctx.clock());
  const lastAssessed = part.assessments.reduce((m, a) => (a.assessedOn > m ? a.assessedOn : m), '');
  if (issuedOn < lastAssessed) {
    throw new DeskError(
      'INVALID_INPUT',
      `成文日期（${formatChineseDate(issuedOn)}）早于最后一次考核日期（${formatChineseDate(lastAssessed)}），请填写考核结束后的日期。`,
      { field: 'issuedOn' },
    );
  }
  return issuedOn;
}

/** What the first print of the year's notice would do (nothing is taken), or the number a reprint keeps. */
async function previewAssessmentNotice(
  ctx: HandlerContext,
  year: number,
  requestedOn: string | undefined,
): Promise<AssessmentNoticePreview> {
  const part = await yearPart(ctx, year);
  assertAssessed(part, year);
  const centers = centersById(ctx);
  const listed = part.assessments.map((a) => ({
    centerId: a.centerId,
    centerName: centers.get(a.centerId)?.name ?? a.centerId,
    grade: a.grade,
  }));
  const base = { title: `${year}年度中期考核结果通知`, addressee: `${listed.length}个中心`, listed };
  if (part.resultNotice)
    return { ...base, docNumber: part.resultNotice.docNumber, reprint: true, issuedOn: part.resultNotice.issuedOn, unassessed: [] };
  const issuedOn = noticeIssuedOn(ctx, part, requestedOn);
  const { docNumberPrefix } = ctx.store.read('settings').settings;
  return {
    ...base,
    docNumber: peekDocNumber(ctx.store, docNumberPrefix, Number(issuedOn.slice(0, 4))),
    reprint: false,
    issuedOn,
    unassessed: unassessedOf(ctx, part),
  };
}

// ───────────────────────────── 复核决定 ─────────────────────────────

/** What the first print of a review's decision would take (nothing is taken), or the number a reprint keeps. */
function previewReviewDecision(ctx: HandlerContext, reviewId: string, requestedOn: string | undefined): NumberPreview {
  const review = ctx.store.read('centers').reviews.find((r) => r.id === reviewId);
  if (!review) throw new DeskError('NOT_FOUND', `找不到复核记录 ${reviewId}，请刷新后重试。`);
  const center = centerOf(centersById(ctx), review.centerId);
  const base = { title: reviewDecisionTitle(review.outcome, center.name), addressee: center.hostUnit };
  if (review.notice) return { ...base, docNumber: review.notice.docNumber, reprint: true, issuedOn: review.notice.issuedOn };
  const issuedOn = requestedOn ?? bureauDate(ctx.clock());
  if (issuedOn < review.decidedOn) {
    throw new DeskError(
      'INVALID_INPUT',
      `成文日期（${formatChineseDate(issuedOn)}）早于复核结论日期（${formatChineseDate(review.decidedOn)}），请重新填写。`,
      { field: 'issuedOn' },
    );
  }
  const { docNumberPrefix } = ctx.store.read('settings').settings;
  return { ...base, docNumber: peekDocNumber(ctx.store, docNumberPrefix, Number(issuedOn.slice(0, 4))), reprint: false, issuedOn };
}

/**
 * Print a review's decision. The first print renders it with the number it will get, writes the file, then
 * takes the 发文字号 and stores it with the review (store/numbering.ts); reprints keep number and date.
 */
async function printReviewDecision(
  ctx: HandlerContext,
  reviewId: string,
  requestedOn: string | undefined,
  expectedDocNumber?: string,
  output: DocumentOutput = 'pdf',
): Promise<ExportedFile> {
  const current = (): { reviews: readonly TriennialReview[]; review: TriennialReview } => {
    const reviews = ctx.store.read('centers').reviews;
    const review = reviews.find((r) => r.id === reviewId);
    if (!review) throw new DeskError('NOT_FOUND', `找不到复核记录 ${reviewId}，请刷新后重试。`);
    return { reviews, review };
  };
  const { reviews, review } = current();
  if (review.notice) return save(ctx, await renderDecision(ctx, review, reviews, review.notice, undefined, output));
  const issuedOn = requestedOn ?? bureauDate(ctx.clock());
  if (issuedOn < review.decidedOn) {
    throw new DeskError(
      'INVALID_INPUT',
      `成文日期（${formatChineseDate(issuedOn)}）早于复核结论日期（${formatChineseDate(review.decidedOn)}），请重新填写。`,
      { field: 'issuedOn' },
    );
  }
  const center = centerOf(centersById(ctx), review.centerId);
  const title = reviewDecisionTitle(review.outcome, center.name);
  const { docNumberPrefix } = ctx.store.read('settings').settings;
  const firstPrintedAt = ctx.clock().toISOString();
  const template = currentTemplateText(ctx, REVIEW_TEMPLATES[review.outcome]);
  const templateVersion = template.version;
  const issued = await issueDocNumbered(ctx.store, {
    prefix: docNumberPrefix,
    year: Number(issuedOn.slice(0, 4)),
    locks: [`review:${reviewId}`],
    alreadyNumbered: () => !!current().review.notice,
    check: () => ctx.recheckYearLock?.(),
    ...(expectedDocNumber !== undefined ? { expectedDocNumber } : {}),
    audit: { method: 'triennial.decisionPdf', entity: `review:${reviewId}`, summary: `《${title}》编号` },
    render: (docNumber) => {
      const now = current();
      return renderDecision(ctx, now.review, now.reviews, { docNumber, issuedOn, firstPrintedAt, templateVersion }, template, output);
    },
    exportFile: (doc) => ({ dir: ctx.store.dirs.exports, name: doc.fileName, data: doc.data }),
    commit: async (docNumber) => {
      await storeTemplateUse(ctx, REVIEW_TEMPLATES[review.outcome], template, 'triennial.decisionPdf');
      const notice: IssuedNotice = { docNumber, issuedOn, firstPrintedAt, templateVersion };
      return ctx.store.write(
        'centers',
        (draft) => {
          const target = draft.reviews.find((r) => r.id === reviewId);
          if (!target) throw new DeskError('NOT_FOUND', `找不到复核记录 ${reviewId}，请刷新后重试。`);
          if (target.notice)
            throw new DeskError('CONFLICT', `复核记录 ${reviewId} 的决定已编号（${target.notice.docNumber}），请刷新后重试。`);
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
  return issued ? issued.file! : printReviewDecision(ctx, reviewId, requestedOn, expectedDocNumber, output);
}

// ───────────────────────────── rosters ─────────────────────────────

const save = (ctx: HandlerContext, doc: GeneratedDocument): Promise<ExportedFile> => saveDocument(ctx.store.dirs.exports, doc);

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
  'assessments.previewNotice': (input, ctx) => previewAssessmentNotice(ctx, input.year, input.issuedOn),
  'assessments.noticePdf': (input, ctx) =>
    printAssessmentNotice(ctx, input.year, input.issuedOn, input.acknowledgeUnassessed === true, input.expectedDocNumber, input.fileType),
  'assessments.exportRoster': async (input, ctx) => save(ctx, await assessmentRosterDocument(ctx, input.year)),
  'triennial.previewDecision': (input, ctx) => previewReviewDecision(ctx, input.reviewId, input.issuedOn),
  'triennial.decisionPdf': (input, ctx) =>
    printReviewDecision(ctx, input.reviewId, input.issuedOn, input.expectedDocNumber, input.fileType),
};

/** 年度封存 of the numbered prints (`yearLock: 'print'`): only a first print writes, so only it is refused in a sealed year. */
export const centerDocumentFirstPrints: FirstPrintYears<'assessments.noticePdf' | 'triennial.decisionPdf'> = {
  'assessments.noticePdf': (input, ctx) => assessmentNoticeFirstPrintYears(ctx, input.year),
  'triennial.decisionPdf': (input, ctx) => Promise.resolve(decisionFirstPrintYears(ctx, input.reviewId, input.issuedOn)),
};
