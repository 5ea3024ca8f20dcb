/** 四性检测报告 (PDF): title, bureau and facts, a table of the four checks, and a table of every problem found. */
import { assertGlyphs } from '../fonts/glyphs.js';
import { loadFontSet, type FontSet } from '../fonts/registry.js';
import { isoToDate } from './batch-list.js';
import { GbDocument } from './document.js';
import { drawTable, type TableColumn } from './table.js';
import { FONT_SIZES, GB, LINE_PITCH } from './units.js';

export interface FourChecksReportInput {
  title: string;
  bureauName: string;
  /** Lines printed under the title (archive, time, conclusion). */
  lines: string[];
  /** 检测项目, 检测内容, 结果. */
  checks: string[][];
  /** 检测项目, 文件, 问题. */
  problems: string[][];
  /** ISO time of the check (the PDF's creation date). */
  checkedOn: string;
  fonts?: FontSet;
}

const CHECK_COLUMNS: TableColumn[] = [
  { header: '检测项目', width: 14, align: 'center' },
  { header: '检测内容', width: 66 },
  { header: '结果', width: 20, align: 'center' },
];
const PROBLEM_COLUMNS: TableColumn[] = [
  { header: '序号', width: 7, align: 'center' },
  { header: '检测项目', width: 12, align: 'center' },
  { header: '文件', width: 45 },
  { header: '问题', width: 36 },
];

export async function renderFourChecksReport(input: FourChecksReportInput): Promise<Buffer> {
  const fonts = input.fonts ?? loadFontSet();
  const problems = input.problems.map((p, i) => [String(i + 1), ...p]);
  assertGlyphs(
    [input.title, input.bureauName, ...input.lines, ...input.checks.flat(), ...problems.flat(), '— 0123456789 —', '未发现问题。'],
    fonts,
  );
  const g = new GbDocument({ fonts, title: input.title, author: input.bureauName, creationDate: isoToDate(input.checkedOn) });
  g.title(input.title);
  g.y += LINE_PITCH / 2;
  const info = { role: 'fangsong' as const, size: FONT_SIZES.小四 };
  g.paragraph(`检测单位：${input.bureauName}`, { ...info, align: 'left', indent: 0 });
  for (const line of input.lines) g.paragraph(line, { ...info, align: 'left', indent: 0, hangingIndent: 0 });
  g.y += LINE_PITCH / 2;
  drawTable(g, { columns: CHECK_COLUMNS, rows: input.checks });
  g.y += LINE_PITCH / 2;
  // The heading stays with the table's header and first row.
  g.ensure(5);
  g.drawAt('发现的问题', GB.left, g.y, { role: 'heiti', size: FONT_SIZES.四号 });
  g.y += LINE_PITCH;
  if (problems.length) drawTable(g, { columns: PROBLEM_COLUMNS, rows: problems, size: FONT_SIZES.五号 });
  else g.paragraph('未发现问题。', { ...info, align: 'left', indent: 0 });
  return g.finish();
}
