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
import type { ReviewOutcome } from '../../contract/centers/annual.js';
import { formatChineseDate } from '../../domain/batches.js';
import { officialFormat, type OfficialFormat } from '../../domain/document-kinds.js';
import type { FontSet } from '../fonts/registry.js';
import { renderNotice } from './notice.js';
import { CENTER_PROGRAM } from './publicity-notice.js';

export interface ReviewDecisionInput {
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
  /** Kind, mark, 附注 and 版记 from the settings (domain/document-kinds.ts officialFormat). */
  format?: OfficialFormat;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const cn = formatChineseDate;

export function reviewDecisionTitle(outcome: ReviewOutcome, centerName: string): string {
  if (outcome === 'retain') return `关于${centerName}复核结果的通知`;
  if (outcome === 'rectify') return `关于${centerName}限期整改的通知`;
  return `关于撤销${centerName}认定的决定`;
}

/** The opinion as printed: one paragraph per line, closed with 。 */
function opinionParagraphs(opinion: string): string[] {
  const parts = opinion
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return parts.map((p) => (/[。！？；…）”]$/u.test(p) ? p : `${p}。`));
}

export function reviewDecisionParagraphs(input: ReviewDecisionInput): string[] {
  const what = input.kind === 'followUp' ? '整改期满复核' : input.kind === 'early' ? '提前复核' : '认定期满三年复核';
  const intro =
    `根据${CENTER_PROGRAM}建设工作有关规定（榕市监规〔2022〕6号），我局对你单位依托建设的${input.centerName}` +
    `（${cn(input.designatedOn)}认定，证书编号：${input.certificateNumber}）开展了${what}，` +
    `审核了中心年度工作总结、中期考核结果及相关工作材料。${cn(input.decidedOn)}，经复核，意见如下：`;
  const opinion = opinionParagraphs(input.opinion);
  if (input.outcome === 'retain') {
    return [
      intro,
      ...opinion,
      `根据复核结果，决定保留${input.centerName}认定，证书有效期延续至${cn(input.validUntil!)}。下一次复核时间为${cn(input.nextReviewDue!)}。`,
      '请你单位按照工作方案要求，持续加强中心建设，健全工作机制，按时报送年度工作总结，进一步发挥中心在产业知识产权协同保护与运营中的作用。',
    ];
  }
  if (input.outcome === 'rectify') {
    return [
      intro,
      ...opinion,
      `根据复核结果，决定对${input.centerName}予以限期整改，整改期限至${cn(input.rectifyDeadline!)}。`,
      '请你单位对照复核意见，逐项制定整改措施，明确责任人和完成时限，认真落实整改，并于整改期限届满前以书面形式向我局报送整改情况报告。整改期间，中心应当继续正常开展工作。',
      '整改期满后，我局将组织复核。整改到位的，保留认定；整改不到位的，撤销认定。',
    ];
  }
  return [
    intro,
    ...opinion,
    `根据复核结果，决定自${cn(input.decidedOn)}起撤销${input.centerName}认定，证书（编号：${input.certificateNumber}）同时作废，收回中心牌匾。`,
    `请你单位于${cn(input.returnBy!)}前将证书和牌匾交回我局。自撤销认定之日起，不得再以${CENTER_PROGRAM}名义开展活动或者进行宣传。`,
  ];
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
  return renderNotice({
    authority: input.authority,
    docNumber: input.docNumber.trim(),
    title: reviewDecisionTitle(input.outcome, input.centerName),
    addressee: input.hostUnit,
    paragraphs: reviewDecisionParagraphs(input),
    signer: input.authority,
    date: input.issuedOn,
    format: input.format ?? officialFormat({ bureauName: input.authority }, 'reviewDecision', input.issuedOn),
    ...(input.fonts ? { fonts: input.fonts } : {}),
    ...(input.preview ? { sealSlot: true } : {}),
  });
}
