/**
 * 评审汇总表 (Excel): the same content as the PDF on a styled roster — totals and final scores as
 * real numbers shown with one decimal, the method in the subtitle, wrapping flags, landscape print.
 */
import { formatChineseDate } from '../../domain/batches.js';
import { REVIEW_SUMMARY_TITLE, type ReviewSummaryInput } from '../pdf/review-summary.js';
import { buildRoster, escapeCell, workbookToBuffer, type RosterColumn, type RosterValue } from './style.js';

export type ReviewSummaryXlsxInput = Omit<ReviewSummaryInput, 'fonts'>;

export const ONE_DECIMAL = '0.0';
const NONE = '—';

/** Pure: roster columns (expert columns keyed by position, so any id is safe). */
export function reviewSummaryColumns(experts: ReviewSummaryInput['experts']): RosterColumn[] {
  return [
    { header: '排名', key: 'rank', width: 6, kind: 'number' },
    { header: '申报单位', key: 'unit', width: 34 },
    ...experts.map((e, i) => ({
      header: e.name,
      key: `expert${i}`,
      width: Math.max(9, [...e.name].length * 2 + 2),
      kind: 'number' as const,
    })),
    { header: '有效专家数', key: 'count', width: 10, kind: 'number' },
    { header: '最终得分（平均分）', key: 'final', width: 12, kind: 'number' },
    { header: '是否通过', key: 'passed', width: 9 },
    { header: '标记', key: 'flags', width: 36 },
  ];
}

export async function renderReviewSummaryXlsx(input: ReviewSummaryXlsxInput): Promise<Buffer> {
  const columns = reviewSummaryColumns(input.experts);
  const rows = input.rows.map((r) => {
    const out: Record<string, RosterValue> = {
      rank: r.rank,
      unit: r.unitName,
      count: r.count,
      final: r.final,
      passed: r.passed ? '是' : '否',
      flags: r.flags.join('；'),
    };
    input.experts.forEach((e, i) => {
      out[`expert${i}`] = r.totals[e.id] ?? null;
    });
    return out;
  });
  const subtitle = [
    `评审批次：${input.batchLabel}\u3000\u3000制表单位：${input.bureauName}\u3000\u3000日期：${formatChineseDate(input.generatedOn)}`,
    input.methodText,
  ].join('\n');
  const wb = buildRoster({ sheetName: '评审汇总', title: REVIEW_SUMMARY_TITLE, subtitle, columns, rows, orientation: 'landscape' });
  const ws = wb.worksheets[0]!;

  // The subtitle carries the method: left-aligned, wrapped, tall enough for its lines.
  const sub = ws.getCell(2, 1);
  sub.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  const widthChars = columns.reduce((s, c) => s + c.width, 0);
  const lines = subtitle.split('\n').reduce((s, l) => s + Math.max(1, Math.ceil(([...l].length * 2) / widthChars)), 0);
  ws.getRow(2).height = Math.max(18, lines * 16);

  // Numbers show one decimal (rank and count as integers); missing values print as "—".
  const headerRow = 3;
  const numeric = new Map(columns.map((c, i) => [c.key, i + 1] as const));
  input.rows.forEach((r, ri) => {
    const row = ws.getRow(headerRow + 1 + ri);
    for (const [key, col] of numeric) {
      const cell = row.getCell(col);
      if (key === 'rank' || key === 'count') cell.numFmt = '0';
      else if (key === 'final' || key.startsWith('expert')) cell.numFmt = ONE_DECIMAL;
      if ((key === 'rank' || key === 'final' || key.startsWith('expert')) && (cell.value === null || cell.value === undefined))
        cell.value = NONE;
      if (key === 'passed' || key === 'rank' || key === 'count' || key === 'final' || key.startsWith('expert')) {
        cell.alignment = { ...cell.alignment, horizontal: 'center' };
      }
    }
    row.getCell(numeric.get('final')!).font = { name: '宋体', size: 11, bold: true };
  });

  // Note and 制表 line under the table.
  const n = columns.length;
  const last = headerRow + input.rows.length;
  const note = ws.getRow(last + 2);
  ws.mergeCells(last + 2, 1, last + 2, n);
  note.getCell(1).value = '注：“—”表示该专家回避或未提交评分，不计入有效专家数。';
  note.getCell(1).font = { name: '仿宋', size: 10 };
  const foot = ws.getRow(last + 3);
  ws.mergeCells(last + 3, 1, last + 3, n);
  foot.getCell(1).value = escapeCell(
    `制表：${input.preparedBy ?? '\u3000'.repeat(6)}\u3000\u3000\u3000\u3000制表日期：${formatChineseDate(input.generatedOn)}`,
  );
  foot.getCell(1).font = { name: '仿宋', size: 11 };

  wb.title = REVIEW_SUMMARY_TITLE;
  wb.company = input.bureauName;
  const created = new Date(`${input.generatedOn.slice(0, 10)}T00:00:00Z`);
  wb.created = created;
  wb.modified = created;
  return workbookToBuffer(wb);
}
