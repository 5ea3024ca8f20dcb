/**
 * 作废 of an issued numbered document (pure rules; no I/O, no clock).
 *
 * What voiding means: the paper and its 发文字号 are void — the number stays taken (never reused: the counter is
 * not touched, the next document takes the next number), the record keeps the document with 已作废, the reason,
 * the time and the operator, every reprint and the yearly archive carry the void mark. Voiding does NOT undo the
 * act the document records: a voided 受理通知书 leaves the application accepted, a voided 认定通知 leaves the
 * centers designated (their certificates keep their numbers), a voided 复核决定 leaves the review's outcome. To
 * change the act itself use its own way back (退回修改, 撤回公示, a new re-review …). A document is voided once.
 */
import type { VoidRecord } from '../contract/common.js';
import { bureauDateTimeTextOf } from './bureau-time.js';

/** The numbered documents a record can hold (one per place a number is kept). */
export type NumberedKind = 'formalReviewNotice' | 'designationNotice' | 'assessmentNotice' | 'reviewDecision';

/** What voiding leaves unchanged, per kind (shown in the 作废 dialog and returned with the register). */
export const VOID_CONSEQUENCES: Record<NumberedKind, string> = {
  formalReviewNotice: '作废只注销这份通知书及其文号，不改变形式审查结论（如已受理的申报仍为已受理）。',
  designationNotice: '作废只注销这份认定通知及其文号，不撤销认定：中心及其证书编号不变。',
  assessmentNotice: '作废只注销这份考核结果通知及其文号，不改变已登记的考核结果。',
  reviewDecision: '作废只注销这份复核决定书及其文号，不改变复核结论和中心状态。',
};

/** Why the document cannot be voided (null: it can): no number yet, another number asked for, or already voided. */
export function voidRefusal(held: { docNumber?: string | undefined; voided?: VoidRecord | undefined }, asked: string): string | null {
  if (!held.docNumber) return '该文书尚未编号（尚未打印），没有可作废的文号。';
  if (held.docNumber !== asked) return `该记录的文号是 ${held.docNumber}，不是 ${asked}，请刷新后重试。`;
  if (held.voided)
    return `${held.docNumber} 已于${bureauDateTimeTextOf(held.voided.at)}由${held.voided.by}作废（理由：${held.voided.reason}），不能重复作废。`;
  return null;
}

/** The lines of the void stamp printed on page 1 of a voided document (bureau time). */
export function voidStampLines(v: VoidRecord): { mark: string; lines: string[] } {
  return {
    mark: '作废',
    lines: [`作废理由：${v.reason}`, `作废时间：${bureauDateTimeTextOf(v.at)}`, `经办人：${v.by}`],
  };
}
