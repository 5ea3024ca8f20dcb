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
import { formatChineseDate } from '../../domain/batches.js';
import type { OfficialFormat } from '../../domain/document-kinds.js';
import type { DocumentKind } from '../../contract/document-labels.js';
import { placeAttachment, type OfficialAttachment } from './official-attachment.js';
import { placeColophon } from './official-colophon.js';
import { blank, EPS, FlowBuilder, headingRole, type Cursor, type FlowLine } from './official-flow.js';
import { KIND_GEOMETRY } from './official-geometry.js';
import { drawHeader } from './official-header.js';
import type { PageModel, PageSpec } from './page-model.js';
import { signatureGeometry } from './signature.js';
import type { Measure } from './table.js';
import type { VoidStamp } from './void-stamp.js';
import { A4, FONT_SIZES, GB, LINE_PITCH, TEXT_BOTTOM, TEXT_RIGHT } from './units.js';

export type { OfficialAttachment, OfficialTable } from './official-attachment.js';
export { headingRole } from './official-flow.js';

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

// ─────────────────────────────── the engine ───────────────────────────────

export function layoutOfficialDocument(input: OfficialDocument, measure: Measure, meta: PageModel['meta']): PageModel {
  const b = new FlowBuilder(measure);
  const kind = input.format.kind;
  const pages: PageSpec[] = [];
  const newPage = (role: PageSpec['role'] = 'content'): PageSpec => {
    const p: PageSpec = { items: [], number: null, role };
    pages.push(p);
    return p;
  };

  // ── 版头 on page 1; returns the top of the first free grid line.
  const first = newPage();
  const headerBottom = drawHeader(first, input.format, input.docNumber, b);
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

/** 空二行, 署名, 成文日期 (右空四字, §7.3.5.1), the seal over both, and the 附注 below (§7.3.7). */
function closingLines(input: OfficialDocument, b: FlowBuilder): FlowLine[] {
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

/** "— N —" in 4号 宋体, odd pages right, even pages left, one character in (§7.5). */
function numberPages(pages: PageSpec[], kind: DocumentKind, b: FlowBuilder): void {
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
