/** 形式审查通知书: print the notice of a formal-review round, numbering it once (reprints keep the number). */
import { DeskError } from '../contract/errors.js';
import type { Application, FormalReview } from '../contract/applications.js';
import type { ExportedFile } from '../contract/common.js';
import { bureauDate } from '../domain/clock.js';
import { materialItem } from '../domain/materials.js';
import { renderAcceptanceNotice, renderRejectionNotice, renderSupplementNotice, type IntakeNoticeBase } from '../documents/pdf/intake-notices.js';
import { nextDocNumber } from '../store/numbering.js';
import { writeExport } from '../store/exports.js';
import { findApplication, findBatch, updateApplication } from './application-store.js';
import type { HandlerContext } from './types.js';

const NOTICE_TITLES: Record<FormalReview['outcome'], string> = {
  accepted: '受理通知书',
  supplementRequired: '补正通知书',
  rejected: '不予受理通知书',
};

function pickRound(app: Application, round: number | undefined): FormalReview {
  const chosen = round === undefined ? app.formalReviews.at(-1) : app.formalReviews.find((r) => r.round === round);
  if (!chosen) {
    throw new DeskError('NOT_FOUND', round === undefined ? `“${app.applicant.name}”尚未进行形式审查，没有可打印的通知书。` : `“${app.applicant.name}”没有第${round}轮形式审查。`);
  }
  return chosen;
}

/** The round's 发文字号, assigned from the numbering service on first print and stored in the round. */
async function ensureDocNumber(ctx: HandlerContext, app: Application, round: FormalReview, issuedOn: string): Promise<string> {
  if (round.docNumber) return round.docNumber;
  const { docNumberPrefix } = ctx.store.read('settings').settings;
  const { docNumber } = await nextDocNumber(ctx.store, docNumberPrefix, Number(issuedOn.slice(0, 4)), {
    method: 'review.notice',
    entity: `application:${app.id}`,
    summary: `${NOTICE_TITLES[round.outcome]}编号`,
  });
  await updateApplication(ctx, app.id, 'review.notice', 'printNotice', (stored) => {
    const target = stored.formalReviews.find((r) => r.round === round.round);
    if (target) target.docNumber = docNumber;
    return { action: `编制${NOTICE_TITLES[round.outcome]}`, note: docNumber };
  });
  return docNumber;
}

export async function printReviewNotice(ctx: HandlerContext, applicationId: string, roundNo: number | undefined): Promise<ExportedFile> {
  const app = await findApplication(ctx, applicationId);
  const round = pickRound(app, roundNo);
  const issuedOn = round.outcome === 'supplementRequired' ? round.issuedOn : bureauDate(new Date(round.at));
  const docNumber = await ensureDocNumber(ctx, app, round, issuedOn);
  const settings = ctx.store.read('settings').settings;
  const batch = findBatch(ctx, app.batchId);
  const base: IntakeNoticeBase = {
    settings,
    docNumber,
    applicant: { name: app.applicant.name },
    centerName: app.proposedCenterName || `${app.applicant.name}申报的产业知识产权协同保护与运营中心`,
    batch,
    issuedOn,
    ...(app.applicant.contact || settings.operatorName ? { contact: { name: settings.operatorName } } : {}),
  };
  let pdf: Buffer;
  if (round.outcome === 'accepted') pdf = await renderAcceptanceNotice(base);
  else if (round.outcome === 'rejected') pdf = await renderRejectionNotice({ ...base, reason: round.reason });
  else {
    const items = round.items.map((i) => ({ no: i.no, title: materialItem(i.no)?.title ?? `第${i.no}项`, reason: i.reason }));
    pdf = await renderSupplementNotice({ ...base, items, deadline: round.deadline, workingDays: round.workingDays });
  }
  return writeExport(ctx.store.dirs.exports, `${NOTICE_TITLES[round.outcome]}-${app.applicant.name}-${docNumber}.pdf`, pdf);
}
