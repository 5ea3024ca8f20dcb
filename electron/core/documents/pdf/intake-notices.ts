/**
 * The three notices of formal review (形式审查), laid out by `renderNotice` (GB/T 9704):
 * 受理通知书, 补正通知书 (every defective item listed once, with its reason and the deadline) and
 * 不予受理通知书 (the reason, how to object, re-applying in a later batch).
 *
 * The `*NoticeParagraphs` functions are pure (the wording, testable without a PDF); the `render*`
 * functions produce the PDF bytes.
 */
import type { IssuedDocumentType } from '../../contract/document-labels.js';
import type { VoidStamp } from './void-stamp.js';
import { DeskError } from '../../contract/errors.js';
import { batchLabel as domainBatchLabel, formatChineseDate } from '../../domain/batches.js';
import { materialItem } from '../../domain/materials.js';
import { officialFormat, type OfficialFormat } from '../../domain/document-kinds.js';
import type { FilledWording, TemplateValues } from '../../domain/templates.js';
import type { TemplateId } from '../../contract/templates-labels.js';
import type { FontSet } from '../fonts/registry.js';
import type { DocumentOutput } from './page-model.js';
import { renderNotice, type NoticeInput } from './notice.js';
import { noticeWording, type WordingOptions } from './wording.js';

export interface IntakeNoticeBase extends WordingOptions {
  settings: { bureauName: string; docNumberPrefix: string };
  /** 发文字号, e.g. 榕市监知〔2026〕12号 (taken by store/numbering.ts issueNumbered once this notice has rendered). */
  docNumber: string;
  applicant: { name: string };
  /** The center applied for, e.g. 福州市电子信息产业知识产权协同保护与运营中心. */
  centerName: string;
  batch: { year: number; sequence: number; title: string };
  /** 成文日期 YYYY-MM-DD. */
  issuedOn: string;
  /** Overrides the contact person and phone of the settings (`facts`). */
  contact?: { name: string; phone: string };
  fonts?: FontSet;
  /** Draw the seal slot (previews only). */
  preview?: boolean;
  /** A voided document (作废): the mark on page 1 (void-stamp.ts). */
  voidStamp?: VoidStamp;
  /** Kind, mark, 附注 and 版记 from the settings (domain/document-kinds.ts officialFormat). */
  format?: OfficialFormat;
  /** PDF (default) or OFD from the same page model. */
  output?: DocumentOutput;
}

export type AcceptanceNoticeInput = IntakeNoticeBase;

export interface SupplementItem {
  /** Material item 1–7 (see MATERIAL_ITEMS). */
  no: number;
  title: string;
  reason: string;
}

export interface SupplementNoticeInput extends IntakeNoticeBase {
  items: SupplementItem[];
  /** Deadline YYYY-MM-DD: the `workingDays`-th working day after `issuedOn` (domain/working-days.ts deadlineAfter). */
  deadline: string;
  workingDays: number;
  /** The clerk's 备注 on the round, printed as its own paragraph. */
  note?: string;
}

export interface RejectionNoticeInput extends IntakeNoticeBase {
  /** Why the application is not accepted (one or more sentences). */
  reason: string;
}

const CN_DIGITS = '零一二三四五六七八九';

/** 1 → 一, 2 → 二, 10 → 十, 12 → 十二, 23 → 二十三 (batch sequences). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`;
}

/** 2026年第二批 (domain/batches.ts: the one form of a batch's name). */
function batchLabel(batch: IntakeNoticeBase['batch']): string {
  return domainBatchLabel(batch);
}

/** Ends a sentence with a full stop unless it already has closing punctuation. */
function sentence(text: string): string {
  const t = text.trim().replace(/[，、；：,;:]+$/u, '');
  return /[。！？]$/u.test(t) ? t : `${t}。`;
}

/** Drops a trailing full stop (for a clause that continues). */
function clause(text: string): string {
  return text.trim().replace(/[。；;，,\s]+$/u, '');
}

function baseCheck(input: IntakeNoticeBase): void {
  const missing: string[] = [];
  if (!input.settings.bureauName.trim()) missing.push('发文机关');
  if (!input.docNumber.trim()) missing.push('发文字号');
  if (!input.applicant.name.trim()) missing.push('申报单位名称');
  if (!input.centerName.trim()) missing.push('中心名称');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.issuedOn)) missing.push('成文日期');
  if (missing.length > 0) throw new DeskError('INVALID_INPUT', `无法生成通知书：缺少${missing.join('、')}。`, { missing });
}

/** The values every intake notice fills: 申报单位, 中心名称, 批次. */
function intakeValues(input: IntakeNoticeBase): TemplateValues {
  return {
    values: { 申报单位: input.applicant.name.trim(), 中心名称: input.centerName.trim(), 批次: batchLabel(input.batch) },
    conditions: {},
  };
}

function wordingOf(input: IntakeNoticeBase, id: TemplateId, own: TemplateValues): FilledWording {
  return noticeWording(
    id,
    { ...input, authority: input.settings.bureauName, date: input.issuedOn, ...(input.contact ? { contact: input.contact } : {}) },
    { values: { ...intakeValues(input).values, ...own.values }, conditions: own.conditions },
  );
}

function noticeInput(input: IntakeNoticeBase, type: IssuedDocumentType, wording: FilledWording): NoticeInput {
  return {
    authority: input.settings.bureauName,
    docNumber: input.docNumber,
    title: wording.title,
    ...(wording.addressee ? { addressee: wording.addressee } : {}),
    paragraphs: wording.paragraphs,
    signer: input.settings.bureauName,
    date: input.issuedOn,
    format: input.format ?? officialFormat(input.settings, type, input.issuedOn),
    ...(input.fonts ? { fonts: input.fonts } : {}),
    ...(input.preview ? { sealSlot: true } : {}),
    ...(input.voidStamp ? { voidStamp: input.voidStamp } : {}),
    ...(input.output ? { output: input.output } : {}),
  };
}

// ---------------------------------------------------------------------------------------------- 受理

export function acceptanceNoticeWording(input: AcceptanceNoticeInput): FilledWording {
  return wordingOf(input, 'acceptanceNotice', { values: {}, conditions: {} });
}

export function acceptanceNoticeParagraphs(input: AcceptanceNoticeInput): string[] {
  return acceptanceNoticeWording(input).paragraphs;
}

export function renderAcceptanceNotice(input: AcceptanceNoticeInput): Promise<Buffer> {
  baseCheck(input);
  return renderNotice(noticeInput(input, 'acceptanceNotice', acceptanceNoticeWording(input)));
}

// ---------------------------------------------------------------------------------------------- 补正

/**
 * The items to list: one entry per material item (sorted by number). Several reasons given for the
 * same item are joined into one entry, so every item is listed exactly once.
 */
export function supplementEntries(items: readonly SupplementItem[]): { no: number; title: string; reason: string }[] {
  if (items.length === 0) throw new DeskError('INVALID_INPUT', '补正通知书须至少列出一项需补正的材料。');
  const byNo = new Map<number, { no: number; title: string; reasons: string[] }>();
  for (const it of items) {
    if (!Number.isInteger(it.no) || !materialItem(it.no)) {
      throw new DeskError('INVALID_INPUT', `材料序号“${it.no}”不存在（应为1–7）。`, { no: it.no });
    }
    const reason = clause(it.reason);
    if (!reason)
      throw new DeskError('INVALID_INPUT', `第${it.no}项“${it.title || materialItem(it.no)!.title}”须写明需补正的原因。`, { no: it.no });
    const entry = byNo.get(it.no) ?? { no: it.no, title: it.title.trim() || materialItem(it.no)!.title, reasons: [] };
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    byNo.set(it.no, entry);
  }
  return [...byNo.values()].sort((a, b) => a.no - b.no).map((e) => ({ no: e.no, title: e.title, reason: sentence(e.reasons.join('；')) }));
}

export function supplementNoticeWording(input: SupplementNoticeInput): FilledWording {
  if (!Number.isInteger(input.workingDays) || input.workingDays < 1)
    throw new DeskError('INVALID_INPUT', '补正期限（工作日数）应为正整数。');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.deadline) || input.deadline <= input.issuedOn) {
    throw new DeskError('INVALID_INPUT', '补正截止日期应晚于通知书的成文日期。');
  }
  const entries = supplementEntries(input.items);
  const note = input.note?.trim() ?? '';
  return wordingOf(input, 'supplementNotice', {
    values: {
      补正事项: entries.map((e, i) => `${i + 1}．${e.title}：${e.reason}`),
      补正项数: String(entries.length),
      补正截止日期: formatChineseDate(input.deadline),
      补正工作日数: String(input.workingDays),
      备注: note ? sentence(note.replace(/\s*\n\s*/g, '；')) : '',
    },
    conditions: { 有备注: note.length > 0 },
  });
}

export function supplementNoticeParagraphs(input: SupplementNoticeInput): string[] {
  return supplementNoticeWording(input).paragraphs;
}

export function renderSupplementNotice(input: SupplementNoticeInput): Promise<Buffer> {
  baseCheck(input);
  return renderNotice(noticeInput(input, 'supplementNotice', supplementNoticeWording(input)));
}

// ------------------------------------------------------------------------------------------ 不予受理

export function rejectionNoticeWording(input: RejectionNoticeInput): FilledWording {
  const reason = clause(input.reason);
  if (!reason) throw new DeskError('INVALID_INPUT', '不予受理通知书须写明不予受理的理由。');
  return wordingOf(input, 'rejectionNotice', { values: { 不予受理理由: reason }, conditions: {} });
}

export function rejectionNoticeParagraphs(input: RejectionNoticeInput): string[] {
  return rejectionNoticeWording(input).paragraphs;
}

export function renderRejectionNotice(input: RejectionNoticeInput): Promise<Buffer> {
  baseCheck(input);
  return renderNotice(noticeInput(input, 'rejectionNotice', rejectionNoticeWording(input)));
}
