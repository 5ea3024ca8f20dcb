/**
 * A pdfkit document on the GB/T 9704 grid: registered role fonts, a vertical cursor, grid lines
 * placed token by token (CJK cannot be justified by pdfkit), page breaks after 22 lines, and
 * "— N —" page numbers (odd pages right, even pages left, one character in).
 */
import PDFDocument from 'pdfkit';
import type { FontRole, FontSet } from '../fonts/registry.js';
import { addXmpDates, archivalPdfOptions } from './archival.js';
import { breakTokens, justifyGap, type Token, titleLines } from './layout.js';
import { A4, CHAR_PITCH, CJK_ASCENT, GB, LINE_PITCH, TEXT_BOTTOM, TEXT_RIGHT } from './units.js';

export interface GbDocumentOptions {
  fonts: FontSet;
  /** PDF metadata. */
  title: string;
  author: string;
  subject?: string;
  /** Fixed for reproducible output. */
  creationDate: Date;
  pageNumbers?: boolean;
}

export type Align = 'justify' | 'left' | 'center' | 'right';

export interface TextStyle {
  role?: FontRole;
  size?: number;
  color?: string;
}

export interface ParagraphStyle extends TextStyle {
  /** First-line indent in characters (body default 2). */
  indent?: number;
  /** Indent of every following line, in characters. */
  hangingIndent?: number;
  align?: Align;
}

const EPS = 1e-6;

export class GbDocument {
  readonly doc: PDFKit.PDFDocument;
  /** Top of the next free line, in points from the top of the page. */
  y = GB.top;
  private readonly pageNumbers: boolean;

  constructor(opts: GbDocumentOptions) {
    const meta = {
      title: opts.title,
      author: opts.author,
      ...(opts.subject ? { subject: opts.subject } : {}),
      creationDate: opts.creationDate,
    };
    this.doc = new PDFDocument(archivalPdfOptions(meta, { size: 'A4', margin: 0, bufferPages: true, autoFirstPage: true }));
    addXmpDates(this.doc, meta);
    for (const [role, entry] of Object.entries(opts.fonts)) {
      // pdfkit accepts a parsed fontkit font; typings only list file sources.
      this.doc.registerFont(role, entry.font as unknown as Buffer);
    }
    this.pageNumbers = opts.pageNumbers ?? true;
    this.use({});
  }

  /** Selects font, size and colour. */
  use(style: TextStyle): this {
    this.doc
      .font(style.role ?? 'fangsong')
      .fontSize(style.size ?? GB.bodySize)
      .fillColor(style.color ?? '#000000');
    return this;
  }

  /** Natural width of `text` in the given style, in points. */
  widthOf(text: string, style: TextStyle = {}): number {
    this.use(style);
    return this.doc.widthOfString(text);
  }

  /** Whole grid lines left on this page below the cursor. */
  get linesLeft(): number {
    return Math.floor((TEXT_BOTTOM - this.y) / LINE_PITCH + EPS);
  }

  /** Space left on this page below the cursor, in points. */
  get spaceLeft(): number {
    return TEXT_BOTTOM - this.y;
  }

  newPage(): void {
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.y = GB.top;
  }

  /** Starts a new page unless `lines` grid lines (or `points`) still fit. */
  ensure(lines: number, points = lines * LINE_PITCH): void {
    if (this.spaceLeft + EPS < points && this.y > GB.top + EPS) this.newPage();
  }

  /** Moves the cursor down to the next grid line boundary. */
  snapToGrid(): void {
    const n = Math.ceil((this.y - GB.top) / LINE_PITCH - EPS);
    this.y = GB.top + n * LINE_PITCH;
  }

  blank(lines = 1): void {
    this.y += lines * LINE_PITCH;
    if (this.y > TEXT_BOTTOM - EPS) this.newPage();
  }

  /** Draws `text` with its em box top at `top` (baseline = top + 0.88 em). */
  drawAt(text: string, x: number, top: number, style: TextStyle = {}): void {
    this.use(style);
    const size = style.size ?? GB.bodySize;
    this.doc.text(text, x, top + CJK_ASCENT * size, { lineBreak: false, baseline: 'alphabetic' });
  }

  /** Cell width for a size: the 28-per-line grid for body text, the em otherwise. */
  cellWidth(size: number): number {
    return Math.abs(size - GB.bodySize) < EPS ? CHAR_PITCH : size;
  }

  /** Breaks and places a paragraph on grid lines, adding pages as needed. */
  paragraph(text: string, style: ParagraphStyle = {}): void {
    const size = style.size ?? GB.bodySize;
    const align = style.align ?? 'justify';
    const cell = this.cellWidth(size);
    const cells = Math.floor(GB.width / cell + EPS);
    const indent = style.indent ?? (align === 'justify' ? 2 : 0);
    const hanging = style.hangingIndent ?? 0;
    this.use(style);
    const measureLatin = (run: string): number => this.doc.widthOfString(run) / cell;
    const lines = breakTokens(text, { charsPerLine: cells - hanging, firstLineIndent: indent - hanging, measureLatin });
    lines.forEach((tokens, i) => {
      if (this.linesLeft < 1) this.newPage();
      const lead = (i === 0 ? indent : hanging) * cell;
      const last = i === lines.length - 1;
      this.placeLine(tokens, GB.left + lead, GB.width - lead, last && align === 'justify' ? 'left' : align, cell, style);
      this.y += LINE_PITCH;
    });
    if (lines.length === 0) this.y += LINE_PITCH;
  }

  /** Places the tokens of one line inside [x, x + width]. */
  placeLine(tokens: Token[], x: number, width: number, align: Align, cell: number, style: TextStyle): void {
    const natural = tokens.reduce((s, t) => s + t.width * cell, 0);
    // Justified: the gaps open up to MAX_JUSTIFY_STRETCH of a cell; a line that would need more is set flush left.
    const extra = align === 'justify' ? justifyGap(natural, width, tokens.length - 1, cell) : 0;
    let cx = x;
    if (align === 'center') cx = x + (width - natural) / 2;
    if (align === 'right') cx = x + width - natural;
    for (const t of tokens) {
      // Spaces are drawn too, so the PDF's text (copy, search, pdftotext) holds them as the xlsx does.
      this.drawAt(t.text, cx, this.y, style);
      cx += t.width * cell + extra;
    }
  }

  /** One centred line (or several, if too long) in the given style. */
  centered(text: string, style: TextStyle = {}): void {
    this.paragraph(text, { ...style, align: 'center', indent: 0 });
  }

  /** A document title (2号小标宋 by default): centred lines of even length, broken between words. */
  title(text: string, style: TextStyle = { role: 'xiaobiaosong', size: GB.titleSize }): void {
    const size = style.size ?? GB.titleSize;
    const cell = this.cellWidth(size);
    const cells = Math.floor(GB.width / cell + EPS);
    this.use(style);
    const measureLatin = (run: string): number => this.doc.widthOfString(run) / cell;
    for (const line of titleLines(text, cells, measureLatin)) this.centered(line, style);
  }

  /** A horizontal rule across the text block. */
  rule(y: number, color: string, lineWidth: number): void {
    this.doc.save().moveTo(GB.left, y).lineTo(TEXT_RIGHT, y).lineWidth(lineWidth).strokeColor(color).stroke().restore();
  }

  private drawPageNumbers(): void {
    const range = this.doc.bufferedPageRange();
    const style: TextStyle = { role: 'song', size: GB.pageNumberSize };
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const n = i - range.start + 1;
      const label = `— ${n} —`;
      const w = this.widthOf(label, style);
      const inset = GB.pageNumberSize;
      const x = n % 2 === 1 ? TEXT_RIGHT - inset - w : GB.left + inset;
      this.drawAt(label, x, TEXT_BOTTOM + GB.pageNumberGap, style);
    }
  }

  /** Finishes the document and returns the PDF bytes. */
  finish(): Promise<Buffer> {
    if (this.pageNumbers) this.drawPageNumbers();
    const chunks: Buffer[] = [];
    return new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}

/** Page height, for callers that draw outside the text block. */
export const PAGE = A4;
