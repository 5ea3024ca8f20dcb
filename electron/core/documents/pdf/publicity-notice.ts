/**
 * 公示 notice (GB/T 9704): basis, process followed, the exact publicity period with its count of
 * working days, how to object, contact, and the proposed list (拟认定名单) as a table on the
 * attachment page. `renderListNotice` is the GB/T 9704 notice of `renderNotice` with a table as
 * its single attachment; the 认定通知 (decision-notice.ts) uses it too.
 *
 * `publicityNoticeParagraphs` is pure (the wording); `renderPublicityNotice` produces the PDF.
 */
import { DeskError } from '../../contract/errors.js';
import { formatChineseDate } from '../../domain/batches.js';
import { officialFormat, type OfficialFormat } from '../../domain/document-kinds.js';
import type { FilledWording } from '../../domain/templates.js';
import type { FontSet } from '../fonts/registry.js';
import { formatOf, renderOfficialDocument, type NoticeInput } from './notice.js';
import type { DocumentOutput } from './page-model.js';
import type { TableColumn } from './table.js';
import { FONT_SIZES } from './units.js';
import { noticeWording, type WordingOptions } from './wording.js';

// ------------------------------------------------------------------------------ notice with a list

export interface ListAttachment {
  /** Printed in the attachment list (附件：…) and centred on the attachment page. */
  title: string;
  columns: TableColumn[];
  rows: string[][];
  /** Lines printed under the table (e.g. a count), optional. */
  notes?: string[];
}

export interface ListNoticeInput extends Omit<NoticeInput, 'attachments'> {
  attachment: ListAttachment;
}

/** renderNotice with one table attachment (附件 on its own page, header row repeated on each page, no row alone). */
export function renderListNotice(input: ListNoticeInput): Promise<Buffer> {
  const a = input.attachment;
  return renderOfficialDocument(
    {
      format: formatOf(input),
      ...(input.docNumber ? { docNumber: input.docNumber } : {}),
      title: input.title,
      ...(input.addressee ? { addressee: input.addressee } : {}),
      paragraphs: input.paragraphs,
      attachments: [
        { title: a.title, table: { columns: a.columns, rows: a.rows, size: FONT_SIZES.小四 }, ...(a.notes ? { notes: a.notes } : {}) },
      ],
      signer: input.signer,
      date: input.date,
      ...(input.voidStamp ? { voidStamp: input.voidStamp } : {}),
    },
    {
      ...(input.fonts ? { fonts: input.fonts } : {}),
      ...(input.sealSlot ? { sealSlot: true } : {}),
      ...(input.output ? { output: input.output } : {}),
    },
  );
}

// ------------------------------------------------------------------------------------------ 公示

export interface PublicityEntry {
  /** 拟认定中心名称, e.g. 福州市纺织化纤产业知识产权协同保护与运营中心. */
  centerName: string;
  /** 依托单位 (the applicant). */
  hostUnit: string;
  /** 所属产业 */
  industry: string;
  /** 县(市)区 */
  district: string;
}

export interface PublicityNoticeInput extends WordingOptions {
  /** 发文机关 (marker and signature), e.g. 福州市市场监督管理局. */
  authority: string;
  /** 发文字号; a 公示 is often issued without one. */
  docNumber?: string;
  /** e.g. 2026年第一批 */
  batchLabel: string;
  /** YYYY-MM-DD, first day of the period (counted as working day 1). */
  startsOn: string;
  /** YYYY-MM-DD, last day (domain working-day calendar). */
  endsOn: string;
  /** Number of working days from startsOn to endsOn inclusive (default rule: 5). */
  workingDays: number;
  entries: PublicityEntry[];
  contact: { name: string; phone: string };
  /** 成文日期 YYYY-MM-DD. */
  issuedOn: string;
  /** Where to send written objections (default: the authority). */
  objectionTo?: string;
  fonts?: FontSet;
  /** Draw the seal slot (previews only). */
  preview?: boolean;
  /** Kind, mark, 附注 and 版记 from the settings (domain/document-kinds.ts officialFormat). */
  format?: OfficialFormat;
  /** PDF (default) or OFD from the same page model. */
  output?: DocumentOutput;
}

export const CENTER_PROGRAM = '福州市产业知识产权协同保护与运营中心';
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** 公示期为2026年9月28日至2026年10月9日（5个工作日） */
export function publicityPeriod(startsOn: string, endsOn: string, workingDays: number): string {
  return `${formatChineseDate(startsOn)}至${formatChineseDate(endsOn)}（${workingDays}个工作日）`;
}

function check(input: PublicityNoticeInput): void {
  const missing: string[] = [];
  if (!input.authority.trim()) missing.push('发文机关');
  if (!input.batchLabel.trim()) missing.push('批次');
  if (!ISO.test(input.startsOn)) missing.push('公示开始日期');
  if (!ISO.test(input.endsOn)) missing.push('公示结束日期');
  if (!ISO.test(input.issuedOn)) missing.push('成文日期');
  if (!input.contact.name.trim() || !input.contact.phone.trim()) missing.push('联系人及电话');
  if (missing.length > 0) throw new DeskError('INVALID_INPUT', `无法生成公示：缺少${missing.join('、')}。`, { missing });
  if (input.endsOn < input.startsOn) throw new DeskError('INVALID_INPUT', '公示结束日期不能早于开始日期。');
  if (!Number.isInteger(input.workingDays) || input.workingDays < 1) throw new DeskError('INVALID_INPUT', '公示期（工作日数）应为正整数。');
  if (input.entries.length === 0) throw new DeskError('INVALID_INPUT', '拟认定名单为空，无法生成公示。');
}

/** The wording of the 公示 from its template (the contact is the publicity's own). */
export function publicityNoticeWording(input: PublicityNoticeInput): FilledWording {
  return noticeWording(
    'publicityNotice',
    { ...input, date: input.issuedOn, contact: { name: input.contact.name.trim(), phone: input.contact.phone.trim() } },
    {
      values: {
        批次: input.batchLabel,
        拟认定数量: String(input.entries.length),
        公示期: publicityPeriod(input.startsOn, input.endsOn, input.workingDays),
        公示开始日期: formatChineseDate(input.startsOn),
        公示结束日期: formatChineseDate(input.endsOn),
        公示工作日数: String(input.workingDays),
        异议受理机关: input.objectionTo?.trim() || input.authority,
      },
      conditions: {},
    },
  );
}

export function publicityNoticeParagraphs(input: PublicityNoticeInput): string[] {
  return publicityNoticeWording(input).paragraphs;
}

export function publicityNoticeRows(entries: PublicityEntry[]): string[][] {
  return entries.map((e, i) => [String(i + 1), e.centerName, e.hostUnit, e.industry, e.district]);
}

export const PUBLICITY_COLUMNS: TableColumn[] = [
  { header: '序号', width: 7, align: 'center' },
  { header: '拟认定中心名称', width: 33 },
  { header: '依托单位', width: 28 },
  { header: '所属产业', width: 14, align: 'center' },
  { header: '县(市)区', width: 13, align: 'center' },
];

export function renderPublicityNotice(input: PublicityNoticeInput): Promise<Buffer> {
  check(input);
  const wording = publicityNoticeWording(input);
  return renderListNotice({
    authority: input.authority,
    ...(input.docNumber?.trim() ? { docNumber: input.docNumber.trim() } : {}),
    title: wording.title,
    ...(wording.addressee ? { addressee: wording.addressee } : {}),
    paragraphs: wording.paragraphs,
    attachment: { title: wording.listTitle || '拟认定名单', columns: PUBLICITY_COLUMNS, rows: publicityNoticeRows(input.entries) },
    signer: input.authority,
    date: input.issuedOn,
    format: input.format ?? officialFormat({ bureauName: input.authority }, 'publicityNotice', input.issuedOn),
    ...(input.fonts ? { fonts: input.fonts } : {}),
    ...(input.output ? { output: input.output } : {}),
    ...(input.preview ? { sealSlot: true } : {}),
  });
}
