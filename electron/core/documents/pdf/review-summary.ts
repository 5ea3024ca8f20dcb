/**
 * 评审汇总表 (PDF, A4 landscape): title, batch, the aggregation method, a ruled table with each
 * expert's total (3–9 expert columns that shrink as they multiply), the number of valid experts,
 * the final score, pass/fail and flags; 制表 and date below. GbDocument is portrait-only, so this
 * page is a small landscape surface that reuses the grid rows of the scoring sheet.
 */
import PDFDocument from 'pdfkit';
import { DeskError } from '../../contract/errors.js';
import { formatChineseDate } from '../../domain/batches.js';
import { assertGlyphs } from '../fonts/glyphs.js';
import { loadFontSet, type FontSet } from '../fonts/registry.js';
import { isoToDate } from './batch-list.js';
import type { Align, TextStyle } from './document.js';
import type { Token } from './layout.js';
import { drawRow, layRow, type GridCell, type GridSurface, type LaidRow } from './grid.js';
import { CJK_ASCENT, FONT_SIZES, mm } from './units.js';

export interface SummaryExpert {
  id: string;
  name: string;
}

export interface SummaryRow {
  rank: number | null;
  unitName: string;
  /** Expert id → total; null when the expert recused or has not submitted. */
  totals: Record<string, number | null>;
  /** Valid experts counted. */
  count: number;
  final: number | null;
  passed: boolean;
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

/** One decimal, or "—" for no value. */
export const formatTotal = (n: number | null | undefined): string =>
  n === null || n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(1);

/** Pure: the printed cells of one row, in column order. */
export function summaryCells(input: Pick<ReviewSummaryInput, 'experts'>, row: SummaryRow): string[] {
  return [
    row.rank === null ? '—' : String(row.rank),
    row.unitName,
    ...input.experts.map((e) => formatTotal(row.totals[e.id])),
    String(row.count),
    formatTotal(row.final),
    row.passed ? '是' : '否',
    row.flags.join('；'),
  ];
}

const PAGE_W = mm(297);
const PAGE_H = mm(210);
const LEFT = mm(20);
const WIDTH = PAGE_W - 2 * LEFT;
const TOP = mm(18);
const BOTTOM = PAGE_H - mm(16);

/** Pure: column widths in points (experts share what the fixed columns leave, capped at 24 mm). */
export function summaryWidths(experts: number, total = WIDTH): number[] {
  const fixed = { rank: mm(11), count: mm(14), final: mm(21), passed: mm(18) };
  const flagsMin = mm(36);
  const unitMin = mm(42);
  const per = Math.min(mm(24), (total - fixed.rank - fixed.count - fixed.final - fixed.passed - flagsMin - unitMin) / Math.max(experts, 1));
  const left = total - fixed.rank - fixed.count - fixed.final - fixed.passed - per * experts;
  // What the expert columns do not take goes 55 : 45 to the unit name and the flags.
  const unit = Math.max(unitMin, left * 0.55);
  const flags = left - unit;
  return [fixed.rank, unit, ...Array.from({ length: experts }, () => per), fixed.count, fixed.final, fixed.passed, flags];
}

/** A landscape A4 pdfkit page with the few drawing calls the grid rows need. */
class LandscapeSurface implements GridSurface {
  readonly doc: PDFKit.PDFDocument;
  y = TOP;

  constructor(fonts: FontSet, title: string, author: string, on: string) {
    this.doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 0,
      bufferPages: true,
      lang: 'zh-CN',
      displayTitle: true,
      info: {
        Title: title,
        Author: author,
        Subject: title,
        Creator: 'IP Center Desk',
        Producer: 'IP Center Desk',
        CreationDate: isoToDate(on),
        ModDate: isoToDate(on),
      },
    });
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
    ...input.rows.flatMap((r) => summaryCells(input, r)),
    '评审批次：排名申报单位有效专家数最终得分（平均分）是否通过标记制表：制表单位日期：注“—”表示回避或未提交评分第页共0123456789.年月日',
  ];
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
  const widths = summaryWidths(n);
  const head = (text: string): GridCell => ({ text, role: 'heiti', align: 'center', fill: '#EEEEEE' });
  const header = layRow(s, LEFT, widths, {
    size,
    minHeight: mm(10),
    cells: [
      head('排名'),
      head('申报单位'),
      ...input.experts.map((e) => head(e.name)),
      head('有效专家数'),
      head('最终得分\n（平均分）'),
      head('是否通过'),
      head('标记'),
    ],
  });
  const laid: LaidRow[] = input.rows.map((r) => {
    const cells = summaryCells(input, r);
    const centred = (i: number): boolean => i !== 1 && i !== cells.length - 1;
    return layRow(s, LEFT, widths, {
      size,
      minHeight: mm(8),
      cells: cells.map((text, i) => ({
        text,
        align: centred(i) ? 'center' : 'left',
        ...(i === cells.length - 3 ? { role: 'heiti' as const } : {}),
      })),
    });
  });
  if (laid.length === 0) {
    laid.push(
      layRow(s, LEFT, widths, { size, minHeight: mm(8), cells: [{ text: '（暂无评审结果）', span: widths.length, align: 'center' }] }),
    );
  }
  const FOOT = mm(22);
  drawRow(s, header);
  laid.forEach((row, i) => {
    // The last row takes the note and 制表 line with it, so the footer never stands alone.
    const need = row.height + (i === laid.length - 1 ? FOOT : 0);
    if (s.y + need > BOTTOM) {
      s.newPage();
      drawRow(s, header);
    }
    drawRow(s, row);
  });

  const note = '注：“—”表示该专家回避或未提交评分，不计入有效专家数。';
  const foot = { role: 'fangsong' as const, size: FONT_SIZES.五号 };
  const sign = { role: 'fangsong' as const, size: FONT_SIZES.小四 };
  s.y += mm(2);
  s.drawAt(note, LEFT, s.y, foot);
  s.y += mm(9);
  const prepared = '制表：';
  s.drawAt(prepared, LEFT + mm(4), s.y, sign);
  const px = LEFT + mm(4) + s.widthOf(prepared, sign);
  if (input.preparedBy) s.drawAt(input.preparedBy, px + mm(2), s.y, sign);
  s.doc
    .save()
    .lineWidth(0.6)
    .moveTo(px, s.y + sign.size + 2)
    .lineTo(px + mm(40), s.y + sign.size + 2)
    .stroke()
    .restore();
  const unit = `制表单位：${input.bureauName}`;
  s.drawAt(unit, LEFT + WIDTH * 0.36, s.y, sign);
  const date = `日期：${formatChineseDate(input.generatedOn)}`;
  s.drawAt(date, LEFT + WIDTH - mm(4) - s.widthOf(date, sign), s.y, sign);
  s.pageNumbers();
  return s.finish();
}
