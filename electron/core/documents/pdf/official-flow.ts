/**
 * The main-flow lines of an official document (GB/T 9704-2012): a `FlowBuilder` breaks paragraphs and titles
 * into grid lines (28 cells of 3号 on the body grid, §7.3.3) that the layout then places on pages; `headingRole`
 * picks the face of a paragraph from its heading level.
 */
import type { FontRole } from '../fonts/registry.js';
import { breakTokens, justifyGap, titleLines, type Token } from './layout.js';
import type { PageItem, PageSpec } from './page-model.js';
import type { Measure } from './table.js';
import { CHAR_PITCH, GB } from './units.js';

/** Pure: 一、 headings in 黑体, （一） headings in 楷体, everything else 仿宋 (GB/T 9704 §7.3.3). */
export function headingRole(paragraph: string): FontRole {
  const short = [...paragraph].length <= 28;
  if (short && /^[一二三四五六七八九十]+、/.test(paragraph)) return 'heiti';
  if (short && /^（[一二三四五六七八九十]+）/.test(paragraph)) return 'kaiti';
  return 'fangsong';
}

export type LineKind = 'title' | 'blank' | 'addressee' | 'body' | 'heading' | 'attach' | 'gap' | 'signer' | 'date' | 'note';

/** One grid line of the main flow; `draw` places it with its em top at `top`. */
export interface FlowLine {
  kind: LineKind;
  draw: (top: number) => PageItem[];
  /** Last line of its paragraph. */
  end: boolean;
}

/** Where the next line goes: a page and the em top of its next free line. */
export interface Cursor {
  page: PageSpec;
  y: number;
}

export const EPS = 1e-6;

export class FlowBuilder {
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

export const blank = (kind: LineKind = 'blank'): FlowLine => ({ kind, draw: () => [], end: true });
