/**
 * 中期考核结果通知 (GB/T 9704): document number, addressed to the districts and units concerned, the
 * basis (榕市监规〔2022〕6号), what was assessed (each center's annual summary against the 中期考核表),
 * the count per grade, what follows for 不合格 (限期整改, 复核时从严), and the results ranked by score
 * as the attachment page.
 *
 * `assessmentNoticeParagraphs` / `assessmentNoticeRows` are pure; `renderAssessmentNotice` is the PDF.
 */
import { DeskError } from '../../contract/errors.js';
import type { VoidStamp } from './void-stamp.js';
import { GRADE_LABELS, WORK_TASKS, type Grade } from '../../contract/centers/annual.js';
import { officialFormat, type OfficialFormat } from '../../domain/document-kinds.js';
import type { FilledWording } from '../../domain/templates.js';
import type { FontSet } from '../fonts/registry.js';
import { renderListNotice } from './publicity-notice.js';
import type { DocumentOutput } from './page-model.js';
import type { TableColumn } from './table.js';
import { noticeWording, type WordingOptions } from './wording.js';

export interface AssessmentNoticeEntry {
  centerName: string;
  hostUnit: string;
  total: number;
  grade: Grade;
}

export interface AssessmentNoticeInput extends WordingOptions {
  authority: string;
  /** 发文字号, e.g. 榕市监知〔2026〕9号. */
  docNumber: string;
  /** The assessed year (the year of the annual summaries). */
  year: number;
  /** 成文日期 YYYY-MM-DD. */
  issuedOn: string;
  entries: AssessmentNoticeEntry[];
  fonts?: FontSet;
  preview?: boolean;
  /** A voided document (作废): the mark on page 1 (void-stamp.ts). */
  voidStamp?: VoidStamp;
  /** Kind, mark, 附注 and 版记 from the settings (domain/document-kinds.ts officialFormat). */
  format?: OfficialFormat;
  /** PDF (default) or OFD from the same page model. */
  output?: DocumentOutput;
}

export const GRADE_ORDER: readonly Grade[] = ['excellent', 'good', 'pass', 'fail'];

/** 87.5 → "87.5", 90 → "90", 88.25 → "88.25" (never more than two decimals). */
export function formatScore(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Ranked by total (highest first); equal totals keep the better grade first, then the given order. */
export function rankEntries<T extends { total: number; grade: Grade }>(entries: readonly T[]): T[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.total - a.e.total || GRADE_ORDER.indexOf(a.e.grade) - GRADE_ORDER.indexOf(b.e.grade) || a.i - b.i)
    .map((x) => x.e);
}

export function gradeCounts(entries: readonly { grade: Grade }[]): Record<Grade, number> {
  const out: Record<Grade, number> = { excellent: 0, good: 0, pass: 0, fail: 0 };
  for (const e of entries) out[e.grade]++;
  return out;
}

/** 优秀2个、良好1个、合格0个、不合格1个 */
export function gradeCountSentence(entries: readonly { grade: Grade }[]): string {
  const c = gradeCounts(entries);
  return GRADE_ORDER.map((g) => `${GRADE_LABELS[g]}${c[g]}个`).join('、');
}

/** The wording of the notice from its template ([有优秀] / [有不合格] / [无不合格] lines by the results). */
export function assessmentNoticeWording(input: AssessmentNoticeInput): FilledWording {
  const c = gradeCounts(input.entries);
  return noticeWording(
    'assessmentNotice',
    { ...input, date: input.issuedOn },
    {
      values: {
        考核年度: String(input.year),
        考核中心数: String(input.entries.length),
        等次统计: gradeCountSentence(input.entries),
        工作任务: WORK_TASKS.join('、'),
      },
      conditions: { 有优秀: c.excellent > 0, 有不合格: c.fail > 0, 无不合格: c.fail === 0 },
    },
  );
}

export function assessmentNoticeParagraphs(input: AssessmentNoticeInput): string[] {
  return assessmentNoticeWording(input).paragraphs;
}

export const ASSESSMENT_COLUMNS: TableColumn[] = [
  { header: '序号', width: 8, align: 'center' },
  { header: '中心名称', width: 37 },
  { header: '依托单位', width: 27 },
  { header: '考核得分', width: 14, align: 'center' },
  { header: '考核等次', width: 14, align: 'center' },
];

/** The attachment rows, ranked by score. */
export function assessmentNoticeRows(entries: readonly AssessmentNoticeEntry[]): string[][] {
  return rankEntries(entries).map((e, i) => [String(i + 1), e.centerName, e.hostUnit, formatScore(e.total), GRADE_LABELS[e.grade]]);
}

export function renderAssessmentNotice(input: AssessmentNoticeInput): Promise<Buffer> {
  const missing: string[] = [];
  if (!input.authority.trim()) missing.push('发文机关');
  if (!input.docNumber.trim()) missing.push('发文字号');
  if (!Number.isInteger(input.year)) missing.push('考核年度');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.issuedOn)) missing.push('成文日期');
  if (missing.length > 0) throw new DeskError('INVALID_INPUT', `无法生成中期考核结果通知：缺少${missing.join('、')}。`, { missing });
  if (input.entries.length === 0)
    throw new DeskError('RULE_VIOLATION', `${input.year}年度尚无中期考核结果，无法生成考核结果通知。请先登记考核结果。`);
  const wording = assessmentNoticeWording(input);
  return renderListNotice({
    authority: input.authority,
    docNumber: input.docNumber.trim(),
    title: wording.title,
    ...(wording.addressee ? { addressee: wording.addressee } : {}),
    paragraphs: wording.paragraphs,
    attachment: {
      title: wording.listTitle || '考核结果',
      columns: ASSESSMENT_COLUMNS,
      rows: assessmentNoticeRows(input.entries),
      notes: [`共${input.entries.length}个中心：${gradeCountSentence(input.entries)}。`],
    },
    signer: input.authority,
    date: input.issuedOn,
    format: input.format ?? officialFormat({ bureauName: input.authority }, 'assessmentNotice', input.issuedOn),
    ...(input.fonts ? { fonts: input.fonts } : {}),
    ...(input.output ? { output: input.output } : {}),
    ...(input.preview ? { sealSlot: true } : {}),
    ...(input.voidStamp ? { voidStamp: input.voidStamp } : {}),
  });
}
