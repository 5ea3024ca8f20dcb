/** 形式审查通知书: print the notice of a formal-review round, numbering it once (reprints keep the number). */
import { DeskError } from '../contract/errors.js';
import type { Application, FormalReview } from '../contract/applications/entities.js';
import type { ExportedFile, NumberPreview } from '../contract/common.js';
import { yearOfRef } from '../contract/years.js';
import type { DocumentOutput } from '../documents/pdf/page-model.js';
import { issueDocNumbered, peekDocNumber } from '../store/numbering.js';
import { writeExport } from '../store/exports.js';
import { issuedOnOf, noticeFileName, NOTICE_TITLES, NOTICE_TYPES, pickRound, renderNotice } from '../services/documents/formal-review.js';
import { currentTemplateText, storeTemplateUse } from '../services/templates.js';
import { findApplication, updateApplication } from './applications/store.js';
import type { HandlerContext } from './types.js';

/** The year a first print of a round's notice writes into: none for a reprint or a round that does not exist. */
export async function reviewNoticeFirstPrintYears(
  ctx: HandlerContext,
  applicationId: string,
  roundNo: number | undefined,
): Promise<number[]> {
  const year = yearOfRef(applicationId);
  if (year === null) return [];
  const app = (await ctx.store.readKeyed('batch', applicationId.split('-').slice(0, 2).join('-'))).applications.find(
    (a) => a.id === applicationId,
  );
  const round = roundNo === undefined ? app?.formalReviews.at(-1) : app?.formalReviews.find((r) => r.round === roundNo);
  return round && !round.docNumber ? [year] : [];
}

/** What printing a round's notice would take (nothing is taken): the 发文字号 of a first print, or the number it has. */
export async function previewReviewNotice(ctx: HandlerContext, applicationId: string, roundNo: number | undefined): Promise<NumberPreview> {
  const app = await findApplication(ctx, applicationId);
  const round = pickRound(app, roundNo);
  const issuedOn = issuedOnOf(round);
  const { docNumberPrefix } = ctx.store.read('settings').settings;
  return {
    docNumber: round.docNumber ?? peekDocNumber(ctx.store, docNumberPrefix, Number(issuedOn.slice(0, 4))),
    reprint: !!round.docNumber,
    issuedOn,
    title: NOTICE_TITLES[round.outcome],
    addressee: app.applicant.name,
  };
}

/**
 * Print a round's notice. The first print renders it with the number it will get, writes the file, and only
 * then takes the 发文字号 and stores it in the round (store/numbering.ts); reprints keep the number. `output`
 * is the file written (PDF or OFD): the OFD of a numbered notice is a reprint, a first print as OFD numbers
 * the notice exactly as a PDF first print would.
 */
export async function printReviewNotice(
  ctx: HandlerContext,
  applicationId: string,
  roundNo: number | undefined,
  expectedDocNumber?: string,
  output: DocumentOutput = 'pdf',
): Promise<ExportedFile> {
  const app = await findApplication(ctx, applicationId);
  const round = pickRound(app, roundNo);
  const issuedOn = issuedOnOf(round);
  if (round.docNumber) {
    // A reprint, in either format: the same document with the number it has (nothing is taken or recorded).
    const data = await renderNotice(ctx, app, round, issuedOn, round.docNumber, undefined, output);
    return writeExport(ctx.store.dirs.exports, noticeFileName(app, round, round.docNumber, output), data);
  }
  const { docNumberPrefix } = ctx.store.read('settings').settings;
  const title = NOTICE_TITLES[round.outcome];
  // The template version the notice is worded by; recorded on the round so that reprints use it.
  const template = currentTemplateText(ctx, NOTICE_TYPES[round.outcome]);
  /** The application and round as stored now (under the lock: what is rendered is what is committed). */
  const fresh = async (): Promise<[Application, FormalReview]> => {
    const a = await findApplication(ctx, applicationId);
    return [a, pickRound(a, round.round)];
  };
  const issued = await issueDocNumbered(ctx.store, {
    prefix: docNumberPrefix,
    year: Number(issuedOn.slice(0, 4)),
    locks: [`application:${app.id}#${round.round}`],
    alreadyNumbered: async () => !!(await fresh())[1].docNumber,
    check: () => ctx.recheckYearLock?.(),
    ...(expectedDocNumber !== undefined ? { expectedDocNumber } : {}),
    audit: { method: 'formalReview.notice', entity: `application:${app.id}`, summary: `${title}编号` },
    render: async (docNumber) => {
      const [a, r] = await fresh();
      return { app: a, data: await renderNotice(ctx, a, r, issuedOn, docNumber, template, output) };
    },
    exportFile: ({ app: a, data }, docNumber) => ({ dir: ctx.store.dirs.exports, name: noticeFileName(a, round, docNumber, output), data }),
    commit: async (docNumber) => {
      await storeTemplateUse(ctx, NOTICE_TYPES[round.outcome], template, 'formalReview.notice');
      return updateApplication(ctx, app.id, 'formalReview.notice', 'printNotice', (stored) => {
        const target = stored.formalReviews.find((r) => r.round === round.round);
        if (!target) throw new DeskError('NOT_FOUND', `“${stored.applicant.name}”没有第${round.round}轮形式审查，请刷新后重试。`);
        target.docNumber = docNumber;
        target.templateVersion = template.version;
        return { action: `编制${title}`, note: `${docNumber}（文书模板第${template.version}版）` };
      });
    },
  });
  // A concurrent print numbered this round first: print it again with that number.
  return issued ? issued.file! : printReviewNotice(ctx, applicationId, round.round, undefined, output);
}
