/**
 * 认定通知 (GB/T 9704): document number, addressed to the districts and units concerned, the
 * decision (经申报、形式审查、专家评审、公示，决定认定…, valid three years), what the centers must do
 * (annual summary, mid-term assessment, re-review every three years, co-construction agreement),
 * and the list of designated centers with their certificate numbers as the attachment page.
 */
import { DeskError } from '../../contract/errors.js';
import type { VoidStamp } from './void-stamp.js';
import { formatChineseDate } from '../../domain/batches.js';
import { officialFormat, type OfficialFormat } from '../../domain/document-kinds.js';
import { summaryDueDate, type SummaryDueRule } from '../../domain/summary-due.js';
import type { FilledWording } from '../../domain/templates.js';
import type { FontSet } from '../fonts/registry.js';
import type { DocumentOutput } from './page-model.js';
import { renderListNotice } from './publicity-notice.js';
import type { TableColumn } from './table.js';
import { noticeWording, type WordingOptions } from './wording.js';

export interface DecisionEntry {
  centerName: string;
  hostUnit: string;
  /** e.g. FZIPC-2026-001 */
  certificateNumber: string;
}

export interface DecisionNoticeInput extends WordingOptions {
  authority: string;
  /** 发文字号, e.g. 榕市监知〔2026〕3号 (required for a decision). */
  docNumber: string;
  /** e.g. 2026年第一批 */
  batchLabel: string;
  /** 成文日期 YYYY-MM-DD (also the start of the three-year validity). */
  decidedOn: string;
  entries: DecisionEntry[];
  /** 年度工作总结截止日期 from the settings (absent: 次年1月31日): printed, so it never contradicts them. */
  summaryDue?: SummaryDueRule;
  fonts?: FontSet;
  preview?: boolean;
  /** A voided document (作废): the mark on page 1 (void-stamp.ts). */
  voidStamp?: VoidStamp;
  /** Kind, mark, 附注 and 版记 from the settings (domain/document-kinds.ts officialFormat). */
  format?: OfficialFormat;
  /** PDF (default) or OFD from the same page model. */
  output?: DocumentOutput;
}

/**
 * The wording of the 认定通知 from its template: the summary due date is read from the settings
 * ({总结报送时间}, {首次总结截止日期}), never written into the text.
 */
export function decisionNoticeWording(input: DecisionNoticeInput): FilledWording {
  const rule = input.summaryDue ?? { yearOffset: 1, month: 1, day: 31 };
  const year = Number(input.decidedOn.slice(0, 4));
  return noticeWording(
    'designationNotice',
    { ...input, date: input.decidedOn },
    {
      values: {
        批次: input.batchLabel,
        认定数量: String(input.entries.length),
        总结报送时间: `每年${rule.month}月${rule.day}日`,
        总结所属年度: rule.yearOffset === 1 ? '上一年度' : '本年度',
        首次总结年度: `${year}年度`,
        首次总结截止日期: formatChineseDate(summaryDueDate(year, rule)),
      },
      conditions: {},
    },
  );
}

export function decisionNoticeParagraphs(input: DecisionNoticeInput): string[] {
  return decisionNoticeWording(input).paragraphs;
}

export const DECISION_COLUMNS: TableColumn[] = [
  { header: '序号', width: 8, align: 'center' },
  { header: '中心名称', width: 37 },
  { header: '依托单位', width: 29 },
  { header: '证书编号', width: 26, align: 'center' },
];

export function decisionNoticeRows(entries: DecisionEntry[]): string[][] {
  return entries.map((e, i) => [String(i + 1), e.centerName, e.hostUnit, e.certificateNumber]);
}

export function renderDecisionNotice(input: DecisionNoticeInput): Promise<Buffer> {
  const missing: string[] = [];
  if (!input.authority.trim()) missing.push('发文机关');
  if (!input.docNumber.trim()) missing.push('发文字号');
  if (!input.batchLabel.trim()) missing.push('批次');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.decidedOn)) missing.push('成文日期');
  if (missing.length > 0) throw new DeskError('INVALID_INPUT', `无法生成认定通知：缺少${missing.join('、')}。`, { missing });
  if (input.entries.length === 0) throw new DeskError('INVALID_INPUT', '认定名单为空，无法生成认定通知。');
  const wording = decisionNoticeWording(input);
  return renderListNotice({
    authority: input.authority,
    docNumber: input.docNumber.trim(),
    title: wording.title,
    ...(wording.addressee ? { addressee: wording.addressee } : {}),
    paragraphs: wording.paragraphs,
    attachment: { title: wording.listTitle || '认定名单', columns: DECISION_COLUMNS, rows: decisionNoticeRows(input.entries) },
    signer: input.authority,
    date: input.decidedOn,
    format: input.format ?? officialFormat({ bureauName: input.authority }, 'designationNotice', input.decidedOn),
    ...(input.fonts ? { fonts: input.fonts } : {}),
    ...(input.preview ? { sealSlot: true } : {}),
    ...(input.voidStamp ? { voidStamp: input.voidStamp } : {}),
    ...(input.output ? { output: input.output } : {}),
  });
}
