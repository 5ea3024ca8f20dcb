/**
 * 中期考核结果通知 (GB/T 9704): document number, addressed to the districts and units concerned, the
 * basis (榕市监规〔2022〕6号), what was assessed (each center's annual summary against the 中期考核表),
 * the count per grade, what follows for 不合格 (限期整改, 复核时从严), and the results ranked by score
 * as the attachment page.
 *
 * `assessmentNoticeParagraphs` / `assessmentNoticeRows` are pure; `renderAssessmentNotice` is the PDF.
 */
import { DeskError } from '../../contract/errors.js';
import { GRADE_LABELS, WORK_TASKS, type Grade } from '../../contract/centers/annual.js';
import { officialFormat, type OfficialFormat } from '../../domain/document-kinds.js';
import type { FontSet } from '../fonts/registry.js';
import { CENTER_PROGRAM, renderListNotice } from './publicity-notice.js';
import type { TableColumn } from './table.js';

export interface AssessmentNoticeEntry {
  centerName: string;
  hostUnit: string;
  total: number;
  grade: Grade;
}

export interface AssessmentNoticeInput {
  authority: string;
  /** 发文字号, e.g. 榕市监知〔2026〕9号. */
  docNumber: string;
  /** The assessed year (the year of the annual summaries). */
  year: number;
  /** 成文日期 YYYY-MM-DD. */
  issuedOn: string;
  entries: AssessmentNoticeEntry[];
  /** Default: 各县（市）区市场监督管理局，各有关单位 */
  addressee?: string;
  fonts?: FontSet;
  preview?: boolean;
  /** Kind, mark, 附注 and 版记 from the settings (domain/document-kinds.ts officialFormat). */
  format?: OfficialFormat;
}

export const ASSESSMENT_ADDRESSEE = '各县（市）区市场监督管理局，各有关单位';
export const GRADE_ORDER: readonly Grade[] = ['excellent', 'good', 'pass', 'fail'];

export const assessmentNoticeTitle = (year: number): string => `关于公布${year}年度${CENTER_PROGRAM}中期考核结果的通知`;
export const assessmentListTitle = (year: number): string => `${year}年度${CENTER_PROGRAM}中期考核结果`;

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

export function assessmentNoticeParagraphs(input: AssessmentNoticeInput): string[] {
  const n = input.entries.length;
  const c = gradeCounts(input.entries);
  const out = [
    `根据${CENTER_PROGRAM}建设工作有关规定（榕市监规〔2022〕6号），我局组织开展了${input.year}年度${CENTER_PROGRAM}中期考核。考核以各中心报送的${input.year}年度工作总结为基础，对照中期考核表，围绕${WORK_TASKS.join('、')}等工作任务的完成情况和取得成效逐项评分，并结合日常管理情况评定考核等次。现将考核结果通知如下：`,
    '一、考核结果',
    `本次共考核${n}个中心，其中${gradeCountSentence(input.entries)}（考核结果见附件）。`,
    '二、有关要求',
  ];
  if (c.excellent > 0) {
    out.push('考核结果为优秀的中心，要认真总结工作经验，进一步发挥示范带动作用，推动产业知识产权协同保护与运营工作提质增效。');
  }
  out.push('考核结果为良好、合格的中心，要对照考核意见查找不足，补齐工作短板，确保全面完成工作方案确定的各项任务。');
  if (c.fail > 0) {
    out.push(
      '考核结果为不合格的中心，应当限期整改，自本通知印发之日起三个月内完成整改，并向我局书面报送整改情况报告。我局将在三年复核时对其从严把关，整改不到位的，依照规定撤销认定。',
    );
  } else {
    out.push('对考核结果为不合格的中心，我局将责令限期整改，并在三年复核时从严把关。');
  }
  out.push('各县（市）区市场监督管理局要加强对辖区内中心的指导和督促，支持中心做好整改提升工作，确保中心建设工作取得实效。');
  return out;
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
  return renderListNotice({
    authority: input.authority,
    docNumber: input.docNumber.trim(),
    title: assessmentNoticeTitle(input.year),
    addressee: input.addressee?.trim() || ASSESSMENT_ADDRESSEE,
    paragraphs: assessmentNoticeParagraphs(input),
    attachment: {
      title: assessmentListTitle(input.year),
      columns: ASSESSMENT_COLUMNS,
      rows: assessmentNoticeRows(input.entries),
      notes: [`共${input.entries.length}个中心：${gradeCountSentence(input.entries)}。`],
    },
    signer: input.authority,
    date: input.issuedOn,
    format: input.format ?? officialFormat({ bureauName: input.authority }, 'assessmentNotice', input.issuedOn),
    ...(input.fonts ? { fonts: input.fonts } : {}),
    ...(input.preview ? { sealSlot: true } : {}),
  });
}
