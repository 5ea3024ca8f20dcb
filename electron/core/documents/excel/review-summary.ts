/**
 * 评审汇总表 (Excel): the same content as the PDF on a styled roster — every figure a real number rounded
 * and shown as the PDF and the screen show it (domain/result-figures: mean, trimmed mean and final with two
 * decimals, the verdict 通过 / 未通过 / 待定), the method in the subtitle, wrapping flags, landscape print,
 * and the panel's sign-off lines under the table.
 */
import { formatChineseDate } from '../../domain/batches.js';
import { NO_FIGURE, SCORE_NUMBER_FORMAT, resultTexts, scoreValue, type ResultFigures } from '../../domain/result-figures.js';
import { REVIEW_SUMMARY_TITLE, SUMMARY_NOTE, SUMMARY_TAIL_HEADERS, type ReviewSummaryInput } from '../pdf/review-summary.js';
import { ROSTER_FONT_PT, buildRoster, setText, workbookToBuffer, type RosterColumn, type RosterValue } from './style.js';

export type ReviewSummaryXlsxInput = Omit<ReviewSummaryInput, 'fonts'>;

/** Expert totals show as entered (86, 81.5): General. */
export const TOTAL_NUMBER_FORMAT = 'General';

type FigureKey = 'mean' | 'trimmedMean' | 'final';
const FIGURE_KEYS: readonly FigureKey[] = ['mean', 'trimmedMean', 'final'];

/** Pure: roster columns (expert columns keyed by position, so any id is safe); headers as the PDF's. */
export function reviewSummaryColumns(experts: ReviewSummaryInput['experts']): RosterColumn[] {
  const [count, mean, trimmed, final, verdict, flags] = SUMMARY_TAIL_HEADERS;
  return [
    { header: '排名', key: 'rank', width: 6, kind: 'number' },
    { header: '申报单位', key: 'unit', width: 30 },
    ...experts.map((e, i) => ({
      header: e.name,
      key: `expert${i}`,
      width: Math.max(8, Math.min(12, [...e.name].length * 2 + 2)),
      kind: 'number' as const,
    })),
    { header: count, key: 'count', width: 8, kind: 'number' },
    { header: mean, key: 'mean', width: 9, kind: 'number' },
    { header: trimmed, key: 'trimmedMean', width: 12, kind: 'number' },
    { header: final, key: 'final', width: 9, kind: 'number' },
    { header: verdict, key: 'verdict', width: 9 },
    { header: flags, key: 'flags', width: 30 },
  ];
}

/** Pure: one roster row from the shared figures (numbers rounded once; missing ones null). */
function rowOf(f: ResultFigures, unitName: string, flags: string[]): Record<string, RosterValue> {
  const out: Record<string, RosterValue> = {
    rank: f.rank,
    unit: unitName,
    count: f.count,
    mean: scoreValue(f.mean),
    trimmedMean: scoreValue(f.trimmedMean),
    final: scoreValue(f.final),
    verdict: resultTexts(f).verdict,
    flags: flags.join('；'),
  };
  f.totals.forEach((t, i) => (out[`expert${i}`] = scoreValue(t)));
  return out;
}

export async function renderReviewSummaryXlsx(input: ReviewSummaryXlsxInput): Promise<Buffer> {
  const columns = reviewSummaryColumns(input.experts);
  const rows = input.rows.map((r) => rowOf(r.figures, r.unitName, r.flags));
  const subtitle = [
    `评审批次：${input.batchLabel}\u3000\u3000制表单位：${input.bureauName}\u3000\u3000日期：${formatChineseDate(input.generatedOn)}`,
    input.methodText,
  ].join('\n');
  const wb = buildRoster({ sheetName: '评审汇总', title: REVIEW_SUMMARY_TITLE, subtitle, columns, rows, orientation: 'landscape' });
  const ws = wb.worksheets[0]!;
  const n = columns.length;
  const widthChars = columns.reduce((s, _c, i) => s + (ws.getColumn(i + 1).width ?? 9), 0);

  // The subtitle carries the method: left-aligned, wrapped, tall enough for its lines.
  const sub = ws.getCell(2, 1);
  sub.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  const lines = subtitle.split('\n').reduce((s, l) => s + Math.max(1, Math.ceil(([...l].length * 2.2) / widthChars)), 0);
  ws.getRow(2).height = Math.max(18, lines * 16);

  // Number formats as the PDF prints: rank and count integers, totals as entered, figures two decimals;
  // a missing figure is "—" (the verdict says 待定 when there is no final).
  const headerRow = 3;
  const col = new Map(columns.map((c, i) => [c.key, i + 1] as const));
  input.rows.forEach((_r, ri) => {
    const row = ws.getRow(headerRow + 1 + ri);
    for (const [key, c] of col) {
      const cell = row.getCell(c);
      const figure = key === 'rank' || key.startsWith('expert') || (FIGURE_KEYS as readonly string[]).includes(key);
      if (key === 'rank' || key === 'count') cell.numFmt = '0';
      else if (key.startsWith('expert')) cell.numFmt = TOTAL_NUMBER_FORMAT;
      else if (figure) cell.numFmt = SCORE_NUMBER_FORMAT;
      if (figure && (cell.value === null || cell.value === undefined)) cell.value = NO_FIGURE;
      if (key !== 'unit' && key !== 'flags') cell.alignment = { ...cell.alignment, horizontal: 'center' };
    }
    row.getCell(col.get('final')!).font = { name: '宋体', size: ROSTER_FONT_PT, bold: true };
  });

  // Note, then the sign-off: each panel expert with a line to sign, 专家组组长 and 制表.
  const last = headerRow + input.rows.length;
  const line = (r: number, text: string, height?: number): void => {
    ws.mergeCells(r, 1, r, n);
    const cell = ws.getCell(r, 1);
    setText(cell, text);
    cell.font = { name: '仿宋', size: ROSTER_FONT_PT };
    cell.alignment = { vertical: 'bottom', wrapText: true };
    if (height) ws.getRow(r).height = height;
  };
  line(last + 2, SUMMARY_NOTE, 20);
  const blank = '\u3000'.repeat(6);
  const slot = (name: string) => `${name}：________________`;
  const perLine = Math.max(1, Math.floor(widthChars / 24));
  const signLines: string[] = [];
  for (let i = 0; i < input.experts.length; i += perLine)
    signLines.push(
      (i === 0 ? '评审专家（签字）：' : '\u3000'.repeat(9)) +
        input.experts
          .slice(i, i + perLine)
          .map((e) => slot(e.name))
          .join('\u3000\u3000'),
    );
  signLines.forEach((text, i) => line(last + 3 + i, text, 30));
  line(
    last + 3 + signLines.length,
    `专家组组长（签字）：________________\u3000\u3000\u3000\u3000制表：${input.preparedBy ?? blank}________\u3000\u3000\u3000\u3000制表日期：${formatChineseDate(input.generatedOn)}`,
    30,
  );

  wb.title = REVIEW_SUMMARY_TITLE;
  wb.company = input.bureauName;
  const created = new Date(`${input.generatedOn.slice(0, 10)}T00:00:00Z`);
  wb.created = created;
  wb.modified = created;
  return workbookToBuffer(wb);
}
