/** 形式审查通知书 (受理/补正/不予受理): rendered from an application's formal-review round and its 发文字号. Never writes. */
import { DeskError } from '../../contract/errors.js';
import { voidStampLines } from '../../domain/voiding.js';
import type { Application, FormalReview } from '../../contract/applications/entities.js';
import { bureauDate } from '../../domain/clock.js';
import { disclosureLabel, officialFormat } from '../../domain/document-kinds.js';
import { materialItem } from '../../domain/materials.js';
import {
  renderAcceptanceNotice,
  renderRejectionNotice,
  renderSupplementNotice,
  type IntakeNoticeBase,
} from '../../documents/pdf/intake-notices.js';
import type { DocumentOutput } from '../../documents/pdf/page-model.js';
import type { NamePart } from '../../store/exports.js';
import type { ServiceContext } from '../context.js';
import { findApplication, findBatch } from '../records.js';
import type { GeneratedDocument } from './generated.js';
import { templateText, type TemplateText } from '../templates.js';

export const NOTICE_TITLES: Record<FormalReview['outcome'], string> = {
  accepted: '受理通知书',
  supplementRequired: '补正通知书',
  rejected: '不予受理通知书',
};

/** The document (and template) of each outcome. */
export const NOTICE_TYPES = { accepted: 'acceptanceNotice', supplementRequired: 'supplementNotice', rejected: 'rejectionNotice' } as const;

export function pickRound(app: Application, round: number | undefined): FormalReview {
  const chosen = round === undefined ? app.formalReviews.at(-1) : app.formalReviews.find((r) => r.round === round);
  if (!chosen) {
    throw new DeskError(
      'NOT_FOUND',
      round === undefined
        ? `“${app.applicant.name}”尚未进行形式审查，没有可打印的通知书。`
        : `“${app.applicant.name}”没有第${round}轮形式审查。`,
    );
  }
  return chosen;
}

/**
 * The notice of a round with its number, worded by `template` (the version it records; default: the
 * round's recorded version), as PDF or (`output: 'ofd'`) OFD from the same page model. Pure rendering; no writes.
 */
export async function renderNotice(
  ctx: ServiceContext,
  app: Application,
  round: FormalReview,
  issuedOn: string,
  docNumber: string,
  template: TemplateText = templateText(ctx, NOTICE_TYPES[round.outcome], round.templateVersion),
  output: DocumentOutput = 'pdf',
): Promise<Buffer> {
  const settings = ctx.store.read('settings').settings;
  const batch = findBatch(ctx, app.batchId);
  const type = NOTICE_TYPES[round.outcome];
  const base: IntakeNoticeBase = {
    settings,
    docNumber,
    applicant: { name: app.applicant.name },
    centerName: app.proposedCenterName || `${app.applicant.name}申报的产业知识产权协同保护与运营中心`,
    batch,
    issuedOn,
    format: officialFormat(settings, type, issuedOn),
    template: template.parts,
    facts: settings,
    disclosure: disclosureLabel(settings, type),
    ...(round.voided ? { voidStamp: voidStampLines(round.voided) } : {}),
    output,
  };
  if (round.outcome === 'accepted') return renderAcceptanceNotice(base);
  if (round.outcome === 'rejected') return renderRejectionNotice({ ...base, reason: round.reason });
  const items = round.items.map((i) => ({ no: i.no, title: materialItem(i.no)?.title ?? `第${i.no}项`, reason: i.reason }));
  return renderSupplementNotice({
    ...base,
    items,
    deadline: round.deadline,
    workingDays: round.workingDays,
    ...(round.note ? { note: round.note } : {}),
  });
}

/** 受理通知书-<unit>-榕市监知〔2026〕3号.pdf (or .ofd): only the unit name is shortened when the name is too long. */
export function noticeFileName(app: Application, round: FormalReview, docNumber: string, output: DocumentOutput = 'pdf'): NamePart[] {
  return [`${NOTICE_TITLES[round.outcome]}-`, { shorten: app.applicant.name }, `-${docNumber}.${output}`];
}

export function issuedOnOf(round: FormalReview): string {
  return round.outcome === 'supplementRequired' ? round.issuedOn : bureauDate(new Date(round.at));
}

/** Reprint of a round's issued notice (null when the round has no 发文字号 yet: only a print numbers it). */
export async function reviewNoticeDocument(
  ctx: ServiceContext,
  applicationId: string,
  roundNo?: number,
): Promise<GeneratedDocument | null> {
  const app = await findApplication(ctx, applicationId);
  const round = pickRound(app, roundNo);
  if (!round.docNumber) return null;
  return {
    fileName: noticeFileName(app, round, round.docNumber),
    data: await renderNotice(ctx, app, round, issuedOnOf(round), round.docNumber),
  };
}
