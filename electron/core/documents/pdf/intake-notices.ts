/**
 * The three notices of formal review (形式审查), laid out by `renderNotice` (GB/T 9704):
 * 受理通知书, 补正通知书 (every defective item listed once, with its reason and the deadline) and
 * 不予受理通知书 (the reason, how to object, re-applying in a later batch).
 *
 * The `*NoticeParagraphs` functions are pure (the wording, testable without a PDF); the `render*`
 * functions produce the PDF bytes.
 */
import type { IssuedDocumentType } from '../../contract/document-labels.js';
import { DeskError } from '../../contract/errors.js';
import { batchLabel as domainBatchLabel, formatChineseDate } from '../../domain/batches.js';
import { materialItem } from '../../domain/materials.js';
import { officialFormat, type OfficialFormat } from '../../domain/document-kinds.js';
import type { FontSet } from '../fonts/registry.js';
import { renderNotice, type NoticeInput } from './notice.js';

export interface IntakeNoticeBase {
  settings: { bureauName: string; docNumberPrefix: string };
  /** 发文字号, e.g. 榕市监知〔2026〕12号 (taken by store/numbering.ts issueNumbered once this notice has rendered). */
  docNumber: string;
  applicant: { name: string };
  /** The center applied for, e.g. 福州市电子信息产业知识产权协同保护与运营中心. */
  centerName: string;
  batch: { year: number; sequence: number; title: string };
  /** 成文日期 YYYY-MM-DD. */
  issuedOn: string;
  /** Optional contact line printed before the signature (联系人、电话). */
  contact?: { name?: string; phone?: string };
  fonts?: FontSet;
  /** Draw the seal slot (previews only). */
  preview?: boolean;
  /** Kind, mark, 附注 and 版记 from the settings (domain/document-kinds.ts officialFormat). */
  format?: OfficialFormat;
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
}

export interface RejectionNoticeInput extends IntakeNoticeBase {
  /** Why the application is not accepted (one or more sentences). */
  reason: string;
  /** Overrides the default sentence on how to raise an objection (DEFAULT_OBJECTION). */
  objection?: string;
}

/** 《…申报材料》 */
function materialsName(input: IntakeNoticeBase): string {
  return `《${input.centerName}申报材料》`;
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

/** （联系人：王五，联系电话：0591-12345678）, or '' without a contact. */
function contactNote(input: IntakeNoticeBase): string {
  const c = input.contact;
  const parts = [c?.name?.trim() ? `联系人：${c.name.trim()}` : '', c?.phone?.trim() ? `联系电话：${c.phone.trim()}` : ''].filter(Boolean);
  return parts.length > 0 ? `（${parts.join('，')}）` : '';
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

function noticeInput(input: IntakeNoticeBase, type: IssuedDocumentType, title: string, paragraphs: string[]): NoticeInput {
  return {
    authority: input.settings.bureauName,
    docNumber: input.docNumber,
    title,
    addressee: input.applicant.name,
    paragraphs,
    signer: input.settings.bureauName,
    date: input.issuedOn,
    format: input.format ?? officialFormat(input.settings, type, input.issuedOn),
    ...(input.fonts ? { fonts: input.fonts } : {}),
    ...(input.preview ? { sealSlot: true } : {}),
  };
}

// ---------------------------------------------------------------------------------------------- 受理

export function acceptanceNoticeParagraphs(input: AcceptanceNoticeInput): string[] {
  const contact = contactNote(input);
  return [
    `你单位报送的${materialsName(input)}收悉。经形式审查，申报材料齐全，符合规定形式，决定予以受理，纳入${batchLabel(input.batch)}专家评审。`,
    `我局将组织专家对申报材料进行评审，评审结果将按程序予以公示。本通知不代表认定结果。${contact ? `如有疑问，请与我局联系${contact}。` : ''}`,
    '特此通知。',
  ];
}

export function renderAcceptanceNotice(input: AcceptanceNoticeInput): Promise<Buffer> {
  baseCheck(input);
  return renderNotice(noticeInput(input, 'acceptanceNotice', '受理通知书', acceptanceNoticeParagraphs(input)));
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

export function supplementNoticeParagraphs(input: SupplementNoticeInput): string[] {
  if (!Number.isInteger(input.workingDays) || input.workingDays < 1)
    throw new DeskError('INVALID_INPUT', '补正期限（工作日数）应为正整数。');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.deadline) || input.deadline <= input.issuedOn) {
    throw new DeskError('INVALID_INPUT', '补正截止日期应晚于通知书的成文日期。');
  }
  const entries = supplementEntries(input.items);
  return [
    `你单位报送的${materialsName(input)}收悉。经形式审查，申报材料尚有以下${entries.length}项需要补正：`,
    ...entries.map((e, i) => `${i + 1}．${e.title}：${e.reason}`),
    `请你单位按上述意见一次性补正，并于${formatChineseDate(input.deadline)}下班前（${input.workingDays}个工作日）将补正材料加盖单位公章后报送我局${contactNote(input)}。补正期限自本通知成文日期的次日起按工作日计算。`,
    `逾期未补正或者补正后仍不符合要求的，视为放弃${batchLabel(input.batch)}申报，不予受理。`,
    '特此通知。',
  ];
}

export function renderSupplementNotice(input: SupplementNoticeInput): Promise<Buffer> {
  baseCheck(input);
  return renderNotice(noticeInput(input, 'supplementNotice', '补正通知书', supplementNoticeParagraphs(input)));
}

// ------------------------------------------------------------------------------------------ 不予受理

/** How to object (the contact, if any, follows it in parentheses). */
export const DEFAULT_OBJECTION = '你单位如对本通知有异议，可自收到本通知之日起15个工作日内向我局书面提出';

export function rejectionNoticeParagraphs(input: RejectionNoticeInput): string[] {
  const reason = clause(input.reason);
  if (!reason) throw new DeskError('INVALID_INPUT', '不予受理通知书须写明不予受理的理由。');
  const contact = contactNote(input);
  return [
    `你单位报送的${materialsName(input)}收悉。经形式审查，${reason}，不符合${batchLabel(input.batch)}申报要求。根据有关规定，决定不予受理。`,
    `${clause(input.objection?.trim() || DEFAULT_OBJECTION)}${contact}。具备申报条件后，可在以后批次中重新申报。`,
    '特此通知。',
  ];
}

export function renderRejectionNotice(input: RejectionNoticeInput): Promise<Buffer> {
  baseCheck(input);
  return renderNotice(noticeInput(input, 'rejectionNotice', '不予受理通知书', rejectionNoticeParagraphs(input)));
}
