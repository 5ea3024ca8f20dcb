/**
 * One layout engine for the official documents of GB/T 9704-2012, by kind:
 * - 文件格式 (§7): 发文机关标志 "…文件" in red 小标宋 with its top edge 35 mm below the text block's top
 *   (§7.2.4), 发文字号 two lines below (§7.2.5), a red rule 4 mm below the number (§7.2.7), title two lines
 *   below the rule (§7.3.1), 主送机关 (§7.3.2), body with heading levels (§7.3.3), 附件说明 (§7.3.4),
 *   署名 + 成文日期 + seal (§7.3.5), 附注 (§7.3.7), 附件 pages (§7.3.8 / §8), 版记 at the foot of the last,
 *   even page (§7.4, §7.5), page numbers (§7.5).
 * - 信函格式 (§10.1): mark 30 mm from the page top, red double rules 170 mm long (thick over thin 4 mm below
 *   the mark; thin over thick 20 mm above the page bottom), 发文字号 flush right under the first rule, no
 *   page number on the first page, 版记 without 印发机关, 印发日期 and rules.
 * - 公示/公告: title, body, signature and date; no 主送, no 版头.
 *
 * `layoutOfficialDocument` is pure given a `Measure` (the renderer measures with the fonts it draws with):
 * it takes a structured document (title, 主送, paragraphs, attachments, 附注, 版记: wording can come from a
 * template) and returns a `PageModel`.
 *
 * Page rules (§7.3.5.4, DOMAIN "Documents"): the seal block (署名, 成文日期, 附注) never stands alone on a
 * page — the space above the 署名 shrinks from two blank lines to one, and if that is not enough the last
 * two body lines go with it; a 一、/（一） heading never ends a page; a table row never stands alone.
 */
import type { DocumentKind } from '../../contract/document-labels.js';
import { formatChineseDate } from '../../domain/batches.js';
import type { OfficialFormat } from '../../domain/document-kinds.js';
import type { FontRole } from '../fonts/registry.js';
import { breakTokens, justifyGap, titleLines, type Token } from './layout.js';
import type { PageItem, PageModel, PageSpec } from './page-model.js';
import { signatureGeometry } from './signature.js';
import { columnWidths, layTableRow, TABLE_LINE_FACTOR, TABLE_PAD_X, type LaidTableRow, type Measure, type TableColumn } from './table.js';
import { planRows } from './table-pages.js';
import type { VoidStamp } from './void-stamp.js';
import { A4, CHAR_PITCH, FONT_SIZES, GB, LINE_PITCH, TEXT_BOTTOM, TEXT_RIGHT, mm } from './units.js';

export interface OfficialTable {
  columns: TableColumn[];
  rows: string[][];
  /** Default 小四. */
  size?: number;
}

export interface OfficialAttachment {
  /** Printed in the 附件说明 and centred on the attachment page. */
  title: string;
  paragraphs?: string[];
  table?: OfficialTable;
  /** Lines under the table (e.g. a count). */
  notes?: string[];
}

/** A document as its wording gives it; the kind and the 版头/附注/版记 come from `format` (the settings). */
export interface OfficialDocument {
  format: OfficialFormat;
  /** 发文字号, e.g. 榕市监知〔2026〕3号. */
  docNumber?: string;
  title: string;
  /** 主送机关, printed flush left followed by "：" (never for an announcement). */
  addressee?: string;
  /** Body paragraphs; 一、 headings print in 黑体, （一） in 楷体, the rest (1. and （1） too) in 仿宋. */
  paragraphs: string[];
  attachments?: OfficialAttachment[];
  /** 发文机关署名 */
  signer: string;
  /** 成文日期 YYYY-MM-DD. */
  date: string;
  /** A voided document: the 作废 mark drawn on page 1 (void-stamp.ts). */
  voidStamp?: VoidStamp;
}

// ─────────────────────────────── geometry (mm from the standard) ───────────────────────────────

export const KIND_GEOMETRY = {
  /** §7.2.4: the mark's top edge 35 mm below the text block's top (37 + 35). */
  fileMarkTop: mm(72),
  /** §10.1: the mark's top edge 30 mm from the page top. */
  letterMarkTop: mm(30),
  /** §7.2.7 / §10.1: 4 mm between the number (文件) or the mark (信函) and the red line. */
  redLineGap: mm(4),
  /** §10.1: both double rules 170 mm long, centred; the lower one 20 mm above the page bottom. */
  letterRuleLength: mm(170),
  letterBottomRule: A4.height - mm(20),
  /** The standard gives no widths for the letter's double rules: a heavy line over a hairline, 0.8 mm apart. */
  letterThick: mm(0.6),
  letterThin: mm(0.2),
  letterRuleGap: mm(0.8),
  /** §10.1: the number's distance below the first double rule is 7/8 of a 3号 character. */
  letterNumberGap: (7 / 8) * FONT_SIZES.三号,
  /** §7.4.1: first and last rules of the 版记 0.35 mm, the ones between 0.25 mm. */
  colophonThick: mm(0.35),
  colophonThin: mm(0.25),
  /** §7.5: page numbers 4号, 7 mm below the text block, one character in from the edge. */
  pageNumberGap: mm(7),
  sealRadius: mm(21),
} as const;

/** Size of a mark: 初号 at most, smaller so it fits the text block with some air (信函: 小初 at most). */
export function markSize(mark: string, kind: DocumentKind): number {
  const chars = Math.max([...mark].length, 1);
  const cap = kind === 'letter' ? FONT_SIZES.小初 : FONT_SIZES.初号;
  return Math.min(cap, (GB.width * 0.92) / chars);
}

/** Pure: 一、 headings in 黑体, （一） headings in 楷体, everything else 仿宋 (GB/T 9704 §7.3.3). */
export function headingRole(paragraph: string): FontRole {
  const short = [...paragraph].length <= 28;
  if (short && /^[一二三四五六七八九十]+、/.test(paragraph)) return 'heiti';
  if (short && /^（[一二三四五六七八九十]+）/.test(paragraph)) return 'kaiti';
  return 'fangsong';
}

// ─────────────────────────────── flow lines ───────────────────────────────

type LineKind = 'title' | 'blank' | 'addressee' | 'body' | 'heading' | 'attach' | 'gap' | 'signer' | 'date' | 'note';

/** One grid line of the main flow; `draw` places it with its em top at `top`. */
interface FlowLine {
  kind: LineKind;
  draw: (top: number) => PageItem[];
  /** Last line of its paragraph. */
  end: boolean;
}

const EPS = 1e-6;

class Builder {
  constructor(private readonly measure: Measure) {}

  /** Text runs of one line of tokens inside [x, x + width]. */
  placeTokens(
    tokens: Token[],
    x: number,
    width: number,
    align: 'justify' | 'left' | 'center' | 'right',
    cell: number,
    role: FontRole,
    size: number,
    color?: string,
  ): (top: number) => PageItem[] {
    const natural = tokens.reduce((s, t) => s + t.width * cell, 0);
    const extra = align === 'justify' ? justifyGap(natural, width, tokens.length - 1, cell) : 0;
    let x0 = x;
    if (align === 'center') x0 = x + (width - natural) / 2;
    if (align === 'right') x0 = x + width - natural;
    return (top) => {
      const out: PageItem[] = [];
      let cx = x0;
      for (const t of tokens) {
        out.push({ kind: 'text', x: cx, top, text: t.text, role, size, ...(color ? { color } : {}) });
        cx += t.width * cell + extra;
      }
      return out;
    };
  }

  /** A paragraph on the body grid (28 cells of 3号). */
  paragraph(
    text: string,
    kind: LineKind,
    opts: { role?: FontRole; indent?: number; hanging?: number; align?: 'justify' | 'left' | 'center'; size?: number } = {},
  ): FlowLine[] {
    const role = opts.role ?? 'fangsong';
    const size = opts.size ?? GB.bodySize;
    const cell = Math.abs(size - GB.bodySize) < EPS ? CHAR_PITCH : size;
    const cells = Math.floor(GB.width / cell + EPS);
    const align = opts.align ?? 'justify';
    const indent = opts.indent ?? (align === 'justify' ? 2 : 0);
    const hanging = opts.hanging ?? 0;
    const lines = breakTokens(text, {
      charsPerLine: cells - hanging,
      firstLineIndent: indent - hanging,
      measureLatin: (run) => this.measure(run, role, size) / cell,
    });
    if (lines.length === 0) return [{ kind: 'blank', draw: () => [], end: true }];
    return lines.map((tokens, i) => {
      const lead = (i === 0 ? indent : hanging) * cell;
      const last = i === lines.length - 1;
      return {
        kind,
        end: last,
        draw: this.placeTokens(tokens, GB.left + lead, GB.width - lead, last && align === 'justify' ? 'left' : align, cell, role, size),
      };
    });
  }

  /** A title (2号小标宋) in centred lines of even length, broken between words (§7.3.1). */
  title(text: string): FlowLine[] {
    const size = GB.titleSize;
    const cells = Math.floor(GB.width / size + EPS);
    const measureLatin = (run: string): number => this.measure(run, 'xiaobiaosong', size) / size;
    return titleLines(text, cells, measureLatin).map((line, i, all) => {
      const tokens = breakTokens(line, { charsPerLine: 1e6, measureLatin })[0] ?? [];
      return {
        kind: 'title' as const,
        end: i === all.length - 1,
        draw: this.placeTokens(tokens, GB.left, GB.width, 'center', size, 'xiaobiaosong', size),
      };
    });
  }

  width(text: string, role: FontRole, size: number): number {
    return this.measure(text, role, size);
  }
}

const blank = (kind: LineKind = 'blank'): FlowLine => ({ kind, draw: () => [], end: true });

// ─────────────────────────────── the engine ───────────────────────────────

interface Cursor {
  page: PageSpec;
  y: number;
}

export function layoutOfficialDocument(input: OfficialDocument, measure: Measure, meta: PageModel['meta']): PageModel {
  const b = new Builder(measure);
  const kind = input.format.kind;
  const pages: PageSpec[] = [];
  const newPage = (role: PageSpec['role'] = 'content'): PageSpec => {
    const p: PageSpec = { items: [], number: null, role };
    pages.push(p);
    return p;
  };

  // ── 版头 on page 1; returns the top of the first free grid line.
  const first = newPage();
  const headerBottom = drawHeader(first, input, b);
  const snap = (y: number): number => GB.top + Math.ceil((y - GB.top) / LINE_PITCH - EPS) * LINE_PITCH;
  const flowTop = snap(headerBottom);

  // ── main flow
  const flow: FlowLine[] = [];
  flow.push(...b.title(input.title));
  if (kind !== 'announcement' && input.addressee?.trim()) {
    flow.push(blank());
    flow.push(...b.paragraph(`${input.addressee.trim()}：`, 'addressee', { indent: 0, align: 'left' }));
  } else flow.push(blank());
  for (const p of input.paragraphs) {
    const role = headingRole(p);
    flow.push(...b.paragraph(p, role === 'fangsong' ? 'body' : 'heading', { role }));
  }
  const attachments = input.attachments ?? [];
  if (attachments.length > 0) {
    flow.push(blank('attach'));
    attachments.forEach((a, i) => {
      const single = attachments.length === 1;
      const label = single ? `附件：${a.title}` : `${i === 0 ? '附件：' : '\u3000'.repeat(3)}${i + 1}．${a.title}`;
      // §7.3.4: a long attachment name wraps under the first character of the name.
      flow.push(...b.paragraph(label, 'attach', { indent: 2, hanging: single ? 5 : 7 }));
    });
  }
  const closing = closingLines(input, b);

  const mainEnd = placeMainFlow(flow, closing, flowTop, first, newPage);

  // ── 附件 pages
  let cursor: Cursor = mainEnd;
  attachments.forEach((a, i) => {
    cursor = placeAttachment(a, attachments.length === 1 ? '附件' : `附件${i + 1}`, b, newPage);
  });

  // ── 版记
  placeColophon(input.format, kind, cursor, b, pages, newPage);

  // ── page numbers (§7.5; §10.1: none on a letter's first page)
  numberPages(pages, kind, b);
  return { width: A4.width, height: A4.height, pages, meta };
}

function drawHeader(page: PageSpec, input: OfficialDocument, b: Builder): number {
  const { kind, mark } = input.format;
  const G = KIND_GEOMETRY;
  if (kind === 'announcement') return GB.top;
  const size = markSize(mark, kind);
  const markStyle = { role: 'xiaobiaosong' as const, size, color: GB.red };
  const w = b.width(mark, 'xiaobiaosong', size);
  if (kind === 'file') {
    page.items.push({ kind: 'text', x: GB.left + (GB.width - w) / 2, top: G.fileMarkTop, text: mark, ...markStyle });
    let ruleY = G.fileMarkTop + size + G.redLineGap;
    if (input.docNumber) {
      const top = G.fileMarkTop + size + 2 * LINE_PITCH; // 发文字号: two blank lines below the mark (§7.2.5)
      const nw = b.width(input.docNumber, 'fangsong', GB.bodySize);
      page.items.push({ kind: 'text', x: GB.left + (GB.width - nw) / 2, top, text: input.docNumber, role: 'fangsong', size: GB.bodySize });
      ruleY = top + GB.bodySize + G.redLineGap;
    }
    page.items.push({ kind: 'rule', x1: GB.left, x2: TEXT_RIGHT, y: ruleY, width: 1, color: GB.red });
    return ruleY + 2 * LINE_PITCH - LINE_PITCH / 2; // title two blank lines below the rule (§7.3.1)
  }
  // 信函格式
  page.items.push({ kind: 'text', x: GB.left + (GB.width - w) / 2, top: G.letterMarkTop, text: mark, ...markStyle });
  const x1 = (A4.width - G.letterRuleLength) / 2;
  const x2 = x1 + G.letterRuleLength;
  const thick = G.letterMarkTop + size + G.redLineGap;
  const thin = thick + G.letterRuleGap + (G.letterThick + G.letterThin) / 2;
  page.items.push({ kind: 'rule', x1, x2, y: thick, width: G.letterThick, color: GB.red });
  page.items.push({ kind: 'rule', x1, x2, y: thin, width: G.letterThin, color: GB.red });
  const bottomThick = G.letterBottomRule;
  const bottomThin = bottomThick - G.letterRuleGap - (G.letterThick + G.letterThin) / 2;
  page.items.push({ kind: 'rule', x1, x2, y: bottomThin, width: G.letterThin, color: GB.red });
  page.items.push({ kind: 'rule', x1, x2, y: bottomThick, width: G.letterThick, color: GB.red });
  let last = thin;
  if (input.docNumber) {
    const top = thin + G.letterNumberGap;
    const nw = b.width(input.docNumber, 'fangsong', GB.bodySize);
    page.items.push({ kind: 'text', x: TEXT_RIGHT - nw, top, text: input.docNumber, role: 'fangsong', size: GB.bodySize });
    last = top + GB.bodySize;
  }
  return last + 2 * LINE_PITCH - LINE_PITCH / 2; // title two lines below the last element (§10.1)
}

/** 空二行, 署名, 成文日期 (右空四字, §7.3.5.1), the seal over both, and the 附注 below (§7.3.7). */
function closingLines(input: OfficialDocument, b: Builder): FlowLine[] {
  const date = formatChineseDate(input.date);
  const dw = b.width(date, 'fangsong', GB.bodySize);
  const sw = b.width(input.signer, 'fangsong', GB.bodySize);
  const { dateX, signerX } = signatureGeometry(dw, sw);
  const out: FlowLine[] = [
    blank('gap'),
    blank('gap'),
    {
      kind: 'signer',
      end: true,
      draw: (top) => [
        { kind: 'text', x: signerX, top, text: input.signer, role: 'fangsong', size: GB.bodySize },
        // The seal presses on signer and date, centred a little above the date (§7.3.5.1).
        { kind: 'seal', cx: dateX + dw / 2, cy: top + LINE_PITCH * 0.3 + GB.bodySize / 2, r: KIND_GEOMETRY.sealRadius },
      ],
    },
    { kind: 'date', end: true, draw: (top) => [{ kind: 'text', x: dateX, top, text: date, role: 'fangsong', size: GB.bodySize }] },
  ];
  if (input.format.note) out.push(...b.paragraph(input.format.note, 'note', { indent: 2, align: 'left' }));
  return out;
}

/**
 * Places the main flow on grid lines: page 1 from `flowTop`, later pages from the text block's top. The
 * closing block stays together and takes at least two body lines with it.
 */
function placeMainFlow(flow: FlowLine[], closing: FlowLine[], flowTop: number, first: PageSpec, newPage: () => PageSpec): Cursor {
  /** Placed lines: page index (0-based in this flow) and slot. */
  const placed: { line: FlowLine; page: number; slot: number }[] = [];
  const cap = (p: number): number => (p === 0 ? Math.floor((TEXT_BOTTOM - flowTop) / LINE_PITCH + EPS) : GB.linesPerPage);
  let page = 0;
  let slot = 0;
  flow.forEach((line, i) => {
    if (slot >= cap(page)) {
      page++;
      slot = 0;
    }
    // A blank line never opens a page.
    if (slot === 0 && page > 0 && line.kind === 'blank') return;
    // A heading never ends a page (keep with the next line).
    if (line.kind === 'heading' && line.end && slot === cap(page) - 1 && i < flow.length - 1) {
      let k = placed.length;
      while (k > 0 && placed[k - 1]!.line.kind === 'heading' && placed[k - 1]!.page === page) k--;
      const moved = placed.splice(k);
      page++;
      slot = 0;
      for (const m of moved) placed.push({ line: m.line, page, slot: slot++ });
    }
    placed.push({ line, page, slot: slot++ });
  });
  // The closing block: shrink the gap above the 署名 to one line, else take two body lines along.
  let block = closing;
  const room = cap(page) - slot;
  if (block.length > room) {
    const shorter = closing.slice(1);
    if (shorter.length <= room) block = shorter;
    else {
      let k = placed.length;
      let bodyLines = 0;
      while (k > 0 && placed[k - 1]!.page === page && bodyLines < 2) {
        const kindOf = placed[k - 1]!.line.kind;
        if (kindOf === 'body' || kindOf === 'heading') bodyLines++;
        k--;
      }
      const moved = placed.splice(k);
      page++;
      slot = 0;
      for (const m of moved) {
        if (slot === 0 && m.line.kind === 'blank') continue;
        placed.push({ line: m.line, page, slot: slot++ });
      }
      if (block.length > cap(page) - slot) block = closing.slice(1);
    }
  }
  for (const line of block) {
    if (slot >= cap(page)) {
      page++;
      slot = 0;
    }
    placed.push({ line, page, slot: slot++ });
  }
  const specs = [first];
  const top = (p: number, s: number): number => (p === 0 ? flowTop : GB.top) + s * LINE_PITCH;
  for (const { line, page: p, slot: s } of placed) {
    while (specs.length <= p) specs.push(newPage());
    specs[p]!.items.push(...line.draw(top(p, s)));
  }
  const lastPlaced = placed[placed.length - 1]!;
  return { page: specs[lastPlaced.page]!, y: top(lastPlaced.page, lastPlaced.slot) + LINE_PITCH };
}

/** An attachment on new pages: "附件N" top left in 3号黑体, the title on line 3, then its text or table (§7.3.8). */
function placeAttachment(a: OfficialAttachment, label: string, b: Builder, newPage: (role?: PageSpec['role']) => PageSpec): Cursor {
  let cur: Cursor = { page: newPage('attachment'), y: GB.top };
  const flowLines = (lines: FlowLine[]): void => {
    for (const l of lines) {
      if (cur.y + LINE_PITCH > TEXT_BOTTOM + EPS) cur = { page: newPage('attachment'), y: GB.top };
      cur.page.items.push(...l.draw(cur.y));
      cur.y += LINE_PITCH;
    }
  };
  flowLines(b.paragraph(label, 'heading', { role: 'heiti', indent: 0, align: 'left' }));
  flowLines([blank()]);
  flowLines(b.title(a.title));
  flowLines([blank()]);
  for (const p of a.paragraphs ?? []) {
    const role = headingRole(p);
    flowLines(b.paragraph(p, 'body', { role }));
  }
  if (a.table) cur = placeTable(a.table, a.notes ?? [], cur, b, newPage);
  return cur;
}

function placeTable(
  table: OfficialTable,
  notes: string[],
  start: Cursor,
  b: Builder,
  newPage: (role?: PageSpec['role']) => PageSpec,
): Cursor {
  const size = table.size ?? FONT_SIZES.小四;
  const widths = columnWidths(table.columns);
  const measure: Measure = (t, role, s) => b.width(t, role, s);
  const header = layTableRow(
    table.columns.map((c) => c.header),
    table.columns,
    widths,
    size,
    'heiti',
    measure,
  );
  const rows = table.rows.map((r) => layTableRow(r, table.columns, widths, size, 'fangsong', measure));
  const noteLines = notes.flatMap((n) => b.paragraph(n, 'body', { size, indent: 0, align: 'left' }));
  const noteGap = size * 0.6;
  const tail = noteLines.length > 0 ? noteGap + noteLines.length * LINE_PITCH : 0;
  const plan = planRows({
    rows: rows.map((r) => r.height),
    header: header.height,
    firstRoom: TEXT_BOTTOM - start.y,
    fullRoom: GB.height,
    tail,
  });
  let cur = start;
  const drawRow = (row: LaidTableRow, role: FontRole, isHeader: boolean): void => {
    if (isHeader) cur.page.items.push({ kind: 'rect', x: GB.left, y: cur.y, w: GB.width, h: row.height, fill: '#EEEEEE' });
    let x = GB.left;
    row.cells.forEach((cell, i) => {
      const w = widths[i]!;
      const align = isHeader || table.columns[i]?.align === 'center' ? 'center' : 'left';
      const lh = cell.size * TABLE_LINE_FACTOR;
      const top = cur.y + (row.height - cell.lines.length * lh) / 2;
      cell.lines.forEach((tokens, j) => {
        cur.page.items.push(
          ...b.placeTokens(
            tokens,
            x + TABLE_PAD_X,
            w - 2 * TABLE_PAD_X,
            align,
            cell.size,
            role,
            cell.size,
          )(top + j * lh + (lh - cell.size) / 2),
        );
      });
      cur.page.items.push({ kind: 'rect', x, y: cur.y, w, h: row.height, stroke: '#000000', lineWidth: 0.6 });
      x += w;
    });
    cur.y += row.height;
  };
  plan.forEach((idx, p) => {
    if (p > 0) cur = { page: newPage('attachment'), y: GB.top };
    if (idx.length === 0) return;
    drawRow(header, 'heiti', true);
    for (const i of idx) drawRow(rows[i]!, 'fangsong', false);
  });
  if (noteLines.length > 0) {
    cur.y += noteGap;
    for (const l of noteLines) {
      cur.page.items.push(...l.draw(cur.y));
      cur.y += LINE_PITCH;
    }
  }
  return cur;
}

/**
 * 版记 (§7.4): 抄送 (4号仿宋, one character in on each side, wrapped lines under the first organ) and, for
 * 文件格式, 印发机关 + 印发日期 between a thick first and last rule with thin rules between, the last rule on
 * the text block's bottom edge, on the last page, which must be even (a blank page before it if needed; both
 * then unnumbered, §7.5). 信函格式: 抄送 only, no rules (§10.1).
 */
function placeColophon(
  format: OfficialFormat,
  kind: DocumentKind,
  end: Cursor,
  b: Builder,
  pages: PageSpec[],
  newPage: (role?: PageSpec['role']) => PageSpec,
): void {
  const c = format.colophon;
  if (!c || kind === 'announcement') return;
  const withPrinter = kind === 'file' && !!c.issuingOffice;
  const copy = c.copyTo.filter((s) => s.trim());
  if (!withPrinter && copy.length === 0) return;
  const size = FONT_SIZES.四号;
  const inner = GB.width - 2 * size;
  const groups: FlowLine[][] = [];
  if (copy.length > 0) {
    const text = `抄送：${copy.join('，')}。`;
    const cells = Math.floor(inner / size + EPS);
    const lines = breakTokens(text, {
      charsPerLine: cells - 3,
      firstLineIndent: -3,
      measureLatin: (r) => b.width(r, 'fangsong', size) / size,
    });
    groups.push(
      lines.map((tokens, i) => ({
        kind: 'body' as const,
        end: i === lines.length - 1,
        draw: b.placeTokens(
          tokens,
          GB.left + size + (i === 0 ? 0 : 3 * size),
          inner - (i === 0 ? 0 : 3 * size),
          i === lines.length - 1 ? 'left' : 'justify',
          size,
          'fangsong',
          size,
        ),
      })),
    );
  }
  if (withPrinter) {
    const printed = `${formatChineseDate(c.printedOn!)}印发`;
    const pw = b.width(printed, 'fangsong', size);
    groups.push([
      {
        kind: 'body',
        end: true,
        draw: (top) => [
          { kind: 'text', x: GB.left + size, top, text: c.issuingOffice!, role: 'fangsong', size },
          { kind: 'text', x: TEXT_RIGHT - size - pw, top, text: printed, role: 'fangsong', size },
        ],
      },
    ]);
  }
  const rowsCount = groups.reduce((s, g) => s + g.length, 0);
  const height = rowsCount * LINE_PITCH;
  const fits = end.y <= TEXT_BOTTOM - height + EPS;
  let target: PageSpec;
  if (kind === 'file') {
    const lastNo = pages.length;
    if (lastNo % 2 === 0 && fits) target = end.page;
    else if (lastNo % 2 === 1) target = newPage('colophon');
    else {
      newPage('blank');
      target = newPage('colophon');
    }
  } else target = fits ? end.page : newPage('colophon');
  const G = KIND_GEOMETRY;
  let y = TEXT_BOTTOM - height;
  const rule = (at: number, width: number): void => {
    if (kind === 'file') target.items.push({ kind: 'rule', x1: GB.left, x2: TEXT_RIGHT, y: at, width, color: '#000000' });
  };
  rule(y, G.colophonThick);
  groups.forEach((g, gi) => {
    if (gi > 0) rule(y, G.colophonThin);
    for (const l of g) {
      target.items.push(...l.draw(y + (LINE_PITCH - size) / 2));
      y += LINE_PITCH;
    }
  });
  rule(TEXT_BOTTOM, G.colophonThick);
}

/** "— N —" in 4号 宋体, odd pages right, even pages left, one character in (§7.5). */
function numberPages(pages: PageSpec[], kind: DocumentKind, b: Builder): void {
  const blankAt = pages.findIndex((p) => p.role === 'blank');
  const size = FONT_SIZES.四号;
  pages.forEach((p, i) => {
    const n = i + 1;
    if (kind === 'letter' && i === 0) return;
    if (blankAt >= 0 && i >= blankAt) return; // the blank page and the 版记 page after it
    p.number = n;
    const label = `— ${n} —`;
    const w = b.width(label, 'song', size);
    const x = n % 2 === 1 ? TEXT_RIGHT - size - w : GB.left + size;
    p.items.push({ kind: 'text', x, top: TEXT_BOTTOM + KIND_GEOMETRY.pageNumberGap, text: label, role: 'song', size });
  });
}
