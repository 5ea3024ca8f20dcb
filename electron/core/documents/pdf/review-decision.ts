/**
 * 复核决定 (GB/T 9704), one per re-review, addressed to the host unit (依托单位):
 * - 保留 → 关于××中心复核结果的通知: the opinion, 保留认定, certificate valid until …, next re-review due …
 * - 限期整改 → 关于××中心限期整改的通知: the opinion, 整改期限至…, a written rectification report.
 * - 撤销 → 关于撤销××中心认定的决定: the opinion, 自…起撤销认定, the certificate void, certificate and
 *   plaque to be handed back by a date.
 *
 * `reviewDecisionTitle` / `reviewDecisionParagraphs` are pure; `renderReviewDecision` is the PDF.
 */
import { DeskError } from '../../contract/errors.js';
import type { VoidStamp } from './void-stamp.js';
import type { ReviewOutcome } from '../../contract/centers/annual.js';
import { formatChineseDate } from '../../domain/batches.js';
import { officialFormat, type OfficialFormat } from '../../domain/document-kinds.js';
import { DEFAULT_TEMPLATES, fillTemplate, type FilledWording } from '../../domain/templates.js';
import type { TemplateId } from '../../contract/templates-labels.js';
import type { FontSet } from '../fonts/registry.js';
import { renderNotice } from './notice.js';
import type { DocumentOutput } from './page-model.js';
import { noticeWording, type WordingOptions } from './wording.js';

export interface ReviewDecisionInput extends WordingOptions {
  authority: string;
  /** 发文字号 */
  docNumber: string;
  outcome: ReviewOutcome;
  /** 三年期满复核 or 整改期满复核. */
  kind: 'triennial' | 'followUp' | 'early';
  centerName: string;
  hostUnit: string;
  certificateNumber: string;
  /** The center's designation date (YYYY-MM-DD). */
  designatedOn: string;
  /** The decision date (YYYY-MM-DD); for 撤销 the day the designation ends. */
  decidedOn: string;
  /** 成文日期 YYYY-MM-DD. */
  issuedOn: string;
  /** 复核意见 as recorded. */
  opinion: string;
  /** retain: the next re-review due date. */
  nextReviewDue?: string;
  /** retain: the certificate's new end of validity. */
  validUntil?: string;
  /** rectify: 整改期限. */
  rectifyDeadline?: string;
  /** revoke: hand back certificate and plaque by this date. */
  returnBy?: string;
  fonts?: FontSet;
  preview?: boolean;
  /** A voided document (作废): the mark on page 1 (void-stamp.ts). */
  voidStamp?: VoidStamp;
  /** Kind, mark, 附注 and 版记 from the settings (domain/document-kinds.ts officialFormat). */
  format?: OfficialFormat;
  /** PDF (default) or OFD from the same page model. */
  output?: DocumentOutput;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const cn = formatChineseDate;

/** The template of each outcome. */
export const REVIEW_TEMPLATES: Record<ReviewOutcome, TemplateId> = {
  retain: 'reviewRetain',
  rectify: 'reviewRectify',
  revoke: 'reviewRevoke',
};

/** The default title of a decision (the audit entry names it before the document is rendered). */
export function reviewDecisionTitle(outcome: ReviewOutcome, centerName: string): string {
  return fillTemplate(DEFAULT_TEMPLATES[REVIEW_TEMPLATES[outcome]], { values: { 中心名称: centerName }, conditions: {} }).title;
}

/** The opinion as printed: one paragraph per line, closed with 。 */
function opinionParagraphs(opinion: string): string[] {
  const parts = opinion
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return parts.map((p) => (/[。！？；…）”]$/u.test(p) ? p : `${p}。`));
}

export function reviewDecisionWording(input: ReviewDecisionInput): FilledWording {
  const facts: Record<string, string> =
    input.outcome === 'retain'
      ? { 证书有效期至: cn(input.validUntil!), 下次复核日期: cn(input.nextReviewDue!) }
      : input.outcome === 'rectify'
        ? { 整改期限: cn(input.rectifyDeadline!) }
        : { 交回期限: cn(input.returnBy!) };
  return noticeWording(
    REVIEW_TEMPLATES[input.outcome],
    { ...input, date: input.issuedOn },
    {
      values: {
        中心名称: input.centerName,
        依托单位: input.hostUnit,
        认定日期: cn(input.designatedOn),
        证书编号: input.certificateNumber,
        复核类型: input.kind === 'followUp' ? '整改期满复核' : input.kind === 'early' ? '提前复核' : '认定期满三年复核',
        复核日期: cn(input.decidedOn),
        复核意见: opinionParagraphs(input.opinion),
        ...facts,
      },
      conditions: {},
    },
  );
}

export function reviewDecisionParagraphs(input: ReviewDecisionInput): string[] {
  return reviewDecisionWording(input).paragraphs;
}

export function renderReviewDecision(input: ReviewDecisionInput): Promise<Buffer> {
  const missing: string[] = [];
  if (!input.authority.trim()) missing.push('发文机关');
  if (!input.docNumber.trim()) missing.push('发文字号');
  if (!input.centerName.trim()) missing.push('中心名称');
  if (!input.hostUnit.trim()) missing.push('依托单位');
  if (!ISO.test(input.decidedOn)) missing.push('复核日期');
  if (!ISO.test(input.issuedOn)) missing.push('成文日期');
  if (!ISO.test(input.designatedOn)) missing.push('认定日期');
  if (input.opinion.trim().length === 0) missing.push('复核意见');
  if (input.outcome === 'retain' && !(input.nextReviewDue && ISO.test(input.nextReviewDue))) missing.push('下一次复核时间');
  if (input.outcome === 'retain' && !(input.validUntil && ISO.test(input.validUntil))) missing.push('证书有效期');
  if (input.outcome === 'rectify' && !(input.rectifyDeadline && ISO.test(input.rectifyDeadline))) missing.push('整改期限');
  if (input.outcome === 'revoke' && !(input.returnBy && ISO.test(input.returnBy))) missing.push('证书和牌匾交回期限');
  if (missing.length > 0) throw new DeskError('INVALID_INPUT', `无法生成复核决定：缺少${missing.join('、')}。`, { missing });
  const wording = reviewDecisionWording(input);
  return renderNotice({
    authority: input.authority,
    docNumber: input.docNumber.trim(),
    title: wording.title,
    ...(wording.addressee ? { addressee: wording.addressee } : {}),
    paragraphs: wording.paragraphs,
    signer: input.authority,
    date: input.issuedOn,
    format: input.format ?? officialFormat({ bureauName: input.authority }, 'reviewDecision', input.issuedOn),
    ...(input.fonts ? { fonts: input.fonts } : {}),
    ...(input.output ? { output: input.output } : {}),
    ...(input.preview ? { sealSlot: true } : {}),
    ...(input.voidStamp ? { voidStamp: input.voidStamp } : {}),
  });
}
