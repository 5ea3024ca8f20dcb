/**
 * 评审汇总表 (PDF, A4 landscape): title, batch, the aggregation method, a ruled table with each
 * expert's total (3–9 expert columns that shrink as they multiply), the number of valid experts,
 * the final score, pass/fail and flags; 制表 and date below. GbDocument is portrait-only, so this
 * page is a small landscape surface that reuses the grid rows of the scoring sheet.
 */
import PDFDocument from 'pdfkit';
import { addXmpDates, archivalPdfOptions } from './archival.js';
import { DeskError } from '../../contract/errors.js';
import { formatChineseDate } from '../../domain/batches.js';
import { resultTexts, type ResultFigures } from '../../domain/result-figures.js';
import { assertGlyphs } from '../fonts/glyphs.js';
import { loadFontSet, type FontSet } from '../fonts/registry.js';
import { isoToDate } from './batch-list.js';
import type { Align, TextStyle } from './document.js';
import type { Token } from './layout.js';
import { PAD_X, drawRow, layRow, type GridCell, type GridSurface, type LaidRow } from './grid.js';
import { CJK_ASCENT, FONT_SIZES, mm } from './units.js';

export interface SummaryExpert {
  id: string;
  name: string;
}

export interface SummaryRow {
  unitName: string;
  /** Rank, totals (in the order of `experts`), mean, trimmed mean, final and verdict, rounded once (domain/result-figures). */
  figures: ResultFigures;
  flags: string[];
}

export interface ReviewSummaryInput {
  bureauName: string;
  batchLabel: string;
  /** How the final score was computed; printed under the title. */
  methodText: string;
  experts: SummaryExpert[];
  rows: SummaryRow[];
  /** YYYY-MM-DD */
  generatedOn: string;
  /** 制表人; a blank line to sign on when omitted. */
  preparedBy?: string;
  fonts?: FontSet;
}

export const REVIEW_SUMMARY_TITLE = '福州市产业知识产权协同保护与运营中心评审汇总表';
export const MIN_EXPERTS = 1;
export const MAX_EXPERTS = 12;

/** Pure: the printed cells of one row, in column order, worded as the screen and the xlsx word them. */
export function summaryCells(row: SummaryRow): string[] {
  const t = resultTexts(row.figures);
  return [t.rank, row.unitName, ...t.totals, t.count, t.mean, t.trimmedMean, t.final, t.verdict, row.flags.join('；')];
}

/** Column headers after the experts' names (the xlsx uses the same words). */
export const SUMMARY_TAIL_HEADERS = ['有效专家数', '平均分', '去掉最高、最低分后平均分', '最终得分', '是否通过', '标记'] as const;

const PAGE_W = mm(297);
const PAGE_H = mm(210);
const LEFT = mm(20);
const WIDTH = PAGE_W - 2 * LEFT;
const TOP = mm(18);
const BOTTOM = PAGE_H - mm(16);

/**
 * Pure: column widths in points for type of `size` points. The fixed columns are so many characters wide
 * ("排名", "平均分" and "81.67" on one line); the experts share what is left above the unit name's
 * and the flags' minimums, at most three characters each; the rest goes 60 : 40 to the unit name and flags.
 */
export function summaryWidths(experts: number, size: number = FONT_SIZES.五号, total = WIDTH): number[] {
  const chars = (k: number): number => k * size + 2 * PAD_X + mm(0.4);
  const rank = chars(2);
  // count, mean, trimmed mean, final, verdict
  const tail = [chars(3), chars(3), chars(4), chars(3), chars(3)];
  const fixed = rank + tail.reduce((a, b) => a + b, 0);
  const flagsMin = mm(26);
  const unitMin = mm(34);
  const per = Math.min(chars(3), (total - fixed - flagsMin - unitMin) / Math.max(experts, 1));
  const left = total - fixed - per * experts;
  const unit = Math.max(unitMin, left * 0.6);
  const flags = left - unit;
  return [rank, unit, ...Array.from({ length: experts }, () => per), ...tail, flags];
}

/** A landscape A4 pdfkit page with the few drawing calls the grid rows need. */
class LandscapeSurface implements GridSurface {
  readonly doc: PDFKit.PDFDocument;
  y = TOP;

  constructor(fonts: FontSet, title: string, author: string, on: string) {
    const meta = { title, author, creationDate: isoToDate(on) };
    this.doc = new PDFDocument(archivalPdfOptions(meta, { size: 'A4', layout: 'landscape', margin: 0, bufferPages: true }));
    addXmpDates(this.doc, meta);
    for (const [role, entry] of Object.entries(fonts)) this.doc.registerFont(role, entry.font as unknown as Buffer);
    this.use({});
  }

  use(style: TextStyle): this {
    this.doc
      .font(style.role ?? 'fangsong')
      .fontSize(style.size ?? FONT_SIZES.小四)
      .fillColor(style.color ?? '#000000');
    return this;
  }

  widthOf(text: string, style: TextStyle): number {
    this.use(style);
    return this.doc.widthOfString(text);
  }

  drawAt(text: string, x: number, top: number, style: TextStyle): void {
    this.use(style);
    this.doc.text(text, x, top + CJK_ASCENT * (style.size ?? FONT_SIZES.小四), { lineBreak: false, baseline: 'alphabetic' });
  }

  placeLine(tokens: Token[], x: number, width: number, align: Align, cell: number, style: TextStyle): void {
    const natural = tokens.reduce((s, t) => s + t.width * cell, 0);
    let cx = x;
    if (align === 'center') cx = x + (width - natural) / 2;
    if (align === 'right') cx = x + width - natural;
    for (const t of tokens) {
      this.drawAt(t.text, cx, this.y, style);
      cx += t.width * cell;
    }
  }

  newPage(): void {
    this.doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
    this.y = TOP;
  }

  /** "第 1 页 共 2 页" centred at the foot of every page. */
  pageNumbers(): void {
    const range = this.doc.bufferedPageRange();
    const style: TextStyle = { role: 'song', size: FONT_SIZES.五号 };
    for (let i = 0; i < range.count; i++) {
      this.doc.switchToPage(range.start + i);
      const label = `第 ${i + 1} 页\u3000共 ${range.count} 页`;
      this.drawAt(label, (PAGE_W - this.widthOf(label, style)) / 2, PAGE_H - mm(11), style);
    }
  }

  finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    return new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }

  /** A paragraph broken onto lines of `width`, advancing the cursor by `pitch` per line. */
  paragraph(text: string, style: TextStyle, pitch: number, indent = 2): void {
    const size = style.size ?? FONT_SIZES.小四;
    const row = layRow(this, LEFT, [WIDTH], {
      cells: [{ text: `${'\u3000'.repeat(indent)}${text}`, role: style.role ?? 'fangsong' }],
      size,
    });
    for (const tokens of row.cells[0]!.lines) {
      this.placeLine(tokens, LEFT + mm(1.5), WIDTH, 'left', size, style);
      this.y += pitch;
    }
  }
}

export function reviewSummaryStrings(input: ReviewSummaryInput): string[] {
  return [
    REVIEW_SUMMARY_TITLE,
    input.bureauName,
    input.batchLabel,
    input.methodText,
    input.preparedBy ?? '',
    ...input.experts.map((e) => e.name),
    ...input.rows.flatMap((r) => summaryCells(r)),
    ...SUMMARY_TAIL_HEADERS,
    SUMMARY_NOTE,
    '评审批次：排名申报单位制表：制表单位日期：注“—”表示回避或未提交评分第页共0123456789.年月日评审专家签字组长（）',
  ];
}

export const SUMMARY_NOTE = '注：“—”表示该专家回避或未提交评分，不计入有效专家数；“待定”表示有效评分人数不足，暂不判定是否通过。';

interface SignItem {
  x: number;
  label: string;
  /** Length of the line to sign on, when there is one. */
  line?: number;
  value?: string;
}

/**
 * The sign-off block under the table, as lines of placed items: every panel expert's name with a line to
 * sign on (flowing over as many lines as needed), then 专家组组长 and 制表 with their lines, 制表单位 and the
 * date. Items flow left to right and wrap; the date is set flush right.
 */
function signOffLines(s: LandscapeSurface, input: ReviewSummaryInput, style: TextStyle): SignItem[][] {
  const x0 = LEFT + mm(4);
  const right = LEFT + WIDTH - mm(4);
  const gap = mm(5);
  const lines: SignItem[][] = [];
  const flow = (items: Omit<SignItem, 'x'>[], indent: number, flushRightLast = false): void => {
    let line: SignItem[] = [];
    let x = x0;
    items.forEach((item, i) => {
      const w = s.widthOf(item.label, style) + (item.line ?? 0);
      if (line.length && x + w > right) {
        lines.push(line);
        line = [];
        x = x0 + indent;
      }
      const last = flushRightLast && i === items.length - 1;
      line.push({ ...item, x: last ? right - w : x });
      x += w + gap;
    });
    if (line.length) lines.push(line);
  };
  const lead = '评审专家（签字）：';
  const slot = mm(22);
  flow([{ label: lead }, ...input.experts.map((e) => ({ label: e.name, line: slot }))], s.widthOf(lead, style) + gap);
  flow(
    [
      { label: '专家组组长（签字）：', line: mm(30) },
      { label: '制表：', line: mm(30), ...(input.preparedBy ? { value: input.preparedBy } : {}) },
      { label: `制表单位：${input.bureauName}` },
      { label: `日期：${formatChineseDate(input.generatedOn)}` },
    ],
    0,
    true,
  );
  return lines;
}

export async function renderReviewSummaryPdf(input: ReviewSummaryInput): Promise<Buffer> {
  const n = input.experts.length;
  if (n < MIN_EXPERTS || n > MAX_EXPERTS)
    throw new DeskError('INVALID_INPUT', `汇总表支持${MIN_EXPERTS}至${MAX_EXPERTS}名专家，当前为${n}名。`, { experts: n });
  const fonts = input.fonts ?? loadFontSet();
  assertGlyphs(reviewSummaryStrings(input), fonts);
  const s = new LandscapeSurface(fonts, REVIEW_SUMMARY_TITLE, input.bureauName, input.generatedOn);

  const title = { role: 'xiaobiaosong' as const, size: FONT_SIZES.二号 };
  s.drawAt(REVIEW_SUMMARY_TITLE, LEFT + (WIDTH - s.widthOf(REVIEW_SUMMARY_TITLE, title)) / 2, s.y, title);
  s.y += mm(11);
  const batch = `评审批次：${input.batchLabel}`;
  const kai = { role: 'kaiti' as const, size: FONT_SIZES.小四 };
  s.drawAt(batch, LEFT + (WIDTH - s.widthOf(batch, kai)) / 2, s.y, kai);
  s.y += mm(8);
  s.paragraph(input.methodText, { role: 'fangsong', size: FONT_SIZES.五号 }, FONT_SIZES.五号 * 1.5);
  s.y += mm(2);

  // Type shrinks with the number of expert columns so names and totals keep one line.
  const size = n <= 5 ? FONT_SIZES.五号 : n <= 7 ? 10 : 9;
  const widths = summaryWidths(n, size);
  const head = (text: string): GridCell => ({ text, role: 'heiti', align: 'center', fill: '#EEEEEE' });
  const header = layRow(s, LEFT, widths, {
    size,
    minHeight: mm(10),
    cells: [head('排名'), head('申报单位'), ...input.experts.map((e) => head(e.name)), ...SUMMARY_TAIL_HEADERS.map(head)],
  });
  const laid: LaidRow[] = input.rows.map((r) => {
    const cells = summaryCells(r);
    const centred = (i: number): boolean => i !== 1 && i !== cells.length - 1;
    return layRow(s, LEFT, widths, {
      size,
      minHeight: mm(8),
      cells: cells.map((text, i) => ({
        text,
        align: centred(i) ? 'center' : 'left',
        ...(i === cells.length - 3 ? { role: 'heiti' as const } : {}), // the final score
      })),
    });
  });
  if (laid.length === 0) {
    laid.push(
      layRow(s, LEFT, widths, { size, minHeight: mm(8), cells: [{ text: '（暂无评审结果）', span: widths.length, align: 'center' }] }),
    );
  }
  const sign = { role: 'fangsong' as const, size: FONT_SIZES.小四 };
  const signOff = signOffLines(s, input, sign);
  const SIGN_PITCH = mm(9);
  const FOOT = mm(2) + mm(9) + (signOff.length - 1) * SIGN_PITCH + mm(6); // note, then the sign-off lines (the last one's text)
  drawRow(s, header);
  laid.forEach((row, i) => {
    // The last row takes the note and the sign-off block with it, so neither stands alone.
    const need = row.height + (i === laid.length - 1 ? FOOT : 0);
    if (s.y + need > BOTTOM) {
      s.newPage();
      drawRow(s, header);
    }
    drawRow(s, row);
  });

  const foot = { role: 'fangsong' as const, size: FONT_SIZES.五号 };
  s.y += mm(2);
  s.drawAt(SUMMARY_NOTE, LEFT, s.y, foot);
  s.y += mm(9);
  for (const line of signOff) {
    for (const item of line) {
      s.drawAt(item.label, item.x, s.y, sign);
      const lx = item.x + s.widthOf(item.label, sign);
      if (item.value) s.drawAt(item.value, lx + mm(2), s.y, sign);
      if (item.line) {
        s.doc
          .save()
          .lineWidth(0.6)
          .moveTo(lx, s.y + sign.size + 2)
          .lineTo(lx + item.line, s.y + sign.size + 2)
          .stroke()
          .restore();
      }
    }
    s.y += SIGN_PITCH;
  }
  s.pageNumbers();
  return s.finish();
}
