/**
 * 证书 of a designated center: A4 landscape (or A3 landscape), a decorative double frame, the title
 * 证书, the certificate number top right, the holder and "经评审，认定为……。特发此证。" set on a
 * character grid with kinsoku (layout.ts), the validity, and the authority and date bottom right
 * under an optional seal image. Long holder names shrink the type step by step, then wrap into
 * justified lines with no stub last line; the text never leaves its box inside the frame.
 *
 * The wording is the 文书模板 “证书” (domain/templates.ts): each certificate carries the version it was
 * issued with (`CertificateInput.wording`; default: the built-in text, which prints as before templates).
 * A text too long for its place (the body below the smallest legible size, a line wider than the box) is
 * refused with an error naming the template and the line, never printed over the frame.
 *
 * `renderCertificates` prints a whole decision as one PDF, one page each: the fonts are subset
 * once for the whole document, the seal image is embedded once, and pages are yielded to the event
 * loop so a progress bar can move and an AbortSignal can cancel.
 */
import { DeskError } from '../../contract/errors.js';
import { TEMPLATE_LABELS, TEMPLATE_PART_LABELS, type TemplatePart } from '../../contract/templates-labels.js';
import { formatChineseDate } from '../../domain/batches.js';
import { DEFAULT_TEMPLATES, fillLine, fillTemplate, type TemplateParts } from '../../domain/templates.js';
import { assertGlyphs } from '../fonts/glyphs.js';
import { loadFontSet, type FontRole, type FontSet } from '../fonts/registry.js';
import { isoToDate } from './batch-list.js';
import { writeOfd } from '../ofd/write-ofd.js';
import { breakTokens, MAX_JUSTIFY_STRETCH, type Token } from './layout.js';
import {
  collect,
  drawPage,
  openModelDocument,
  type DocumentOutput,
  type ImageCache,
  type PageItem,
  type PageModel,
  type PageSpec,
  type TextRun,
} from './page-model.js';
import type { Measure } from './table.js';
import { FONT_SIZES, mm } from './units.js';

export type CertificateSize = 'A4-landscape' | 'A3-landscape';

export interface CertificateInput {
  /** e.g. FZIPC-2026-001 */
  certificateNumber: string;
  /** 依托单位, the holder. */
  hostUnit: string;
  /** e.g. 福州市纺织化纤产业知识产权协同保护与运营中心 */
  centerName: string;
  /** YYYY-MM-DD, first day of validity (the designation date). */
  validFrom: string;
  /** YYYY-MM-DD, last day of validity. */
  validUntil: string;
  /** 颁发机关, e.g. 福州市市场监督管理局 */
  authority: string;
  /** YYYY-MM-DD, date printed under the authority. */
  issuedOn: string;
  /** The 文书模板 “证书” text it is worded by (the version recorded on the center); default: the built-in text. */
  wording?: { parts: TemplateParts; version?: number | undefined };
}

export interface CertificateOptions {
  size?: CertificateSize;
  /** PNG or JPEG of the seal, printed over the authority and date (about 42 mm wide on A4). */
  sealImage?: Buffer;
  /** Opacity of the seal image (default 0.85, so the text under it stays legible). */
  sealOpacity?: number;
  /** Preview: a faint dashed circle where the seal goes when there is no seal image. */
  preview?: boolean;
  fonts?: FontSet;
  /** The file written: PDF (default) or OFD (GB/T 33190-2016) from the same page model. */
  output?: DocumentOutput;
}

export interface BatchOptions extends CertificateOptions {
  /** Cancels between pages (the promise rejects with the signal's reason, an AbortError). */
  signal?: AbortSignal;
  /** Called after each page with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

// ------------------------------------------------------------------------------------ geometry

/** Page sizes in points; the design is made for A4 landscape and scaled for larger paper. */
export const CERT_PAGES: Record<CertificateSize, { width: number; height: number }> = {
  'A4-landscape': { width: mm(297), height: mm(210) },
  'A3-landscape': { width: mm(420), height: mm(297) },
};

/** Positions on the A4 design, in mm (scaled by page width / 297 mm). */
export const CERT_DESIGN = {
  frameOuter: 9, // outer (thick) frame inset
  frameInner: 13.5, // inner (thin) frame inset
  numberTop: 20,
  titleTop: 28,
  titleSize: 54,
  /** The text box: holder and body are laid out inside it. */
  box: { left: 33, right: 264, top: 64, bottom: 142 },
  validityTop: 152,
  signerTop: 160,
  /** Right edge of the date. */
  dateRight: 252,
  sealDiameter: 42,
  /** Body sizes tried from large to small before wrapping. */
  sizes: [FONT_SIZES.二号, 21, 20, 19, FONT_SIZES.小二],
  /**
   * Smallest body size (四号): a body that fits only below it is refused as too long. The longest names the
   * desk accepts (100 characters each) fit the built-in text at 17 pt.
   */
  minSize: FONT_SIZES.四号,
  lineFactor: 1.75,
} as const;

const RED = '#A31F24';
const GOLD = '#B8903A';

export interface CertLine {
  text: string;
  /** Left offset in points from the box's left edge. */
  x: number;
  /** Extra spacing between characters so the line fills the box (0 for the last line). */
  spacing: number;
}

export interface CertBodyLayout {
  size: number;
  lineHeight: number;
  lines: CertLine[];
  /** Whether the holder line had to wrap (no size fitted it on one line). */
  wrapped: boolean;
  /** false: not even the smallest size (`minSize`) fits the box (the text is too long; never printed). */
  fits: boolean;
}

/** The filled wording of one certificate: each line as printed (an empty one is not printed). */
export interface CertificateWording {
  numberLine: string;
  title: string;
  /** The holder line, flush left (default "<依托单位>："). */
  holder: string;
  /** Paragraphs of the body, each indented two characters (default the sentence and 特发此证。). */
  paragraphs: string[];
  validity: string;
  signer: string;
  dateLine: string;
}

/** The wording of a certificate from its template version (default: the built-in text). Pure. */
export function certificateWording(c: CertificateInput): CertificateWording {
  const parts = c.wording?.parts ?? DEFAULT_TEMPLATES.certificate;
  const values = {
    依托单位: c.hostUnit.trim(),
    中心名称: c.centerName.trim(),
    证书编号: c.certificateNumber.trim(),
    有效期起: formatChineseDate(c.validFrom),
    有效期止: formatChineseDate(c.validUntil),
    发证机关: c.authority.trim(),
    发证日期: formatChineseDate(c.issuedOn),
  };
  return {
    numberLine: fillLine(parts.numberLine, values),
    title: fillLine(parts.title, values),
    holder: fillLine(parts.holder, values),
    paragraphs: fillTemplate({ body: parts.body ?? '' }, { values, conditions: {} }).paragraphs,
    validity: fillLine(parts.validity, values),
    signer: fillLine(parts.signer, values),
    dateLine: fillLine(parts.dateLine, values),
  };
}

/** Width of a half-width run in cells (digits and Latin letters are about half an em). */
const halfWidth = (run: string): number => [...run].length * 0.55;

function lineCells(tokens: Token[]): number {
  return tokens.reduce((s, t) => s + t.width, 0);
}

/** Shortest last line tolerated before characters are pulled down from the line above (no 孤字). */
export const MIN_LAST_LINE = 4;

/**
 * Breaks `text` on `cells` cells with kinsoku; when the last line would be a stub (e.g. "中心。"),
 * narrows the measure by up to four cells so more characters come down. Lines other than the last
 * are justified to the full width when drawn.
 */
function breakNoStub(text: string, cells: number, indent: number, measureHalf: (run: string) => number): Token[][] {
  const at = (cap: number): Token[][] => breakTokens(text, { charsPerLine: cap, firstLineIndent: indent, measureLatin: measureHalf });
  const first = at(cells);
  const short = (lines: Token[][]): boolean => lines.length > 1 && lineCells(lines[lines.length - 1]!) < MIN_LAST_LINE;
  if (!short(first)) return first;
  for (let cap = cells - 1; cap >= cells - 4; cap--) {
    const attempt = at(cap);
    if (attempt.length === first.length && !short(attempt)) return attempt;
  }
  return first;
}

/**
 * Pure: the body of a certificate in a box `width` × `height` points. The holder line (e.g. "<依托单位>：")
 * is flush left; each paragraph (e.g. the sentence, then 特发此证。) is indented two characters. The largest
 * size at which the holder fits on one line and everything fits the height wins; when none does, the holder
 * wraps (justified, no stub last line) at the largest size that fits the height, down to `minSize`. Below
 * that the text is too long: the layout at `minSize` comes back with `fits: false`.
 */
export function certificateBodyLayout(
  holderLine: string,
  paragraphs: readonly string[],
  width: number,
  height: number,
  sizes: readonly number[] = CERT_DESIGN.sizes,
  lineFactor = CERT_DESIGN.lineFactor,
  /** Width of a half-width run in cells (ems); default 0.55 per character. */
  measureHalf: (run: string) => number = halfWidth,
  minSize: number = CERT_DESIGN.minSize,
): CertBodyLayout {
  const holder = holderLine.trim();
  const build = (size: number): CertBodyLayout => {
    const cells = Math.floor(width / size + 1e-6);
    const out: CertLine[] = [];
    const holderLines = holder ? breakNoStub(holder, cells, 0, measureHalf) : [];
    const push = (lines: Token[][], indent: number): void => {
      lines.forEach((tokens, i) => {
        const lead = i === 0 ? indent : 0;
        const text = tokens.map((t) => t.text).join('');
        const chars = [...text].length;
        const natural = lineCells(tokens) * size;
        const room = width - lead * size - natural;
        const last = i === lines.length - 1;
        const even = !last && chars > 1 && room > 0 ? room / (chars - 1) : 0;
        // Never stretched past the limit: such a line is set flush left instead.
        const spacing = even <= MAX_JUSTIFY_STRETCH * size + 1e-9 ? even : 0;
        out.push({ text, x: lead * size, spacing });
      });
    };
    push(holderLines, 0);
    for (const p of paragraphs) push(breakNoStub(p, cells, 2, measureHalf), 2);
    const layout = { size, lineHeight: size * lineFactor, lines: out, wrapped: holderLines.length > 1, fits: true };
    layout.fits = (out.length - 1) * layout.lineHeight + size <= height + 1e-6;
    return layout;
  };
  for (const size of sizes) {
    const l = build(size);
    if (!l.wrapped && l.fits) return l;
  }
  for (const size of sizes) {
    const l = build(size);
    if (l.fits) return l;
  }
  // A long text: keep shrinking while legible; below `minSize` it is too long (never overflow the frame).
  for (let size = (sizes[sizes.length - 1] ?? minSize + 1) - 1; size >= minSize - 1e-9; size -= 1) {
    const l = build(size);
    if (l.fits) return l;
  }
  return build(minSize);
}

/**
 * The certificate's wording does not fit its place: refused with the template named (INVALID_INPUT: at
 * 设置 › 文书模板 the field is the part; at print the clerk learns which template to shorten).
 */
function tooLong(c: CertificateInput, part: TemplatePart, what: string): DeskError {
  const label = TEMPLATE_LABELS.certificate;
  const version = c.wording?.version;
  return new DeskError(
    'INVALID_INPUT',
    `文书模板“${label}”${version ? `（第${version}版）` : ''}的${TEMPLATE_PART_LABELS[part]}过长：${c.hostUnit.trim()}的证书${what}。请在“设置 › 文书模板 › ${label}”中删减文字。`,
    { field: part, template: 'certificate', ...(version ? { version } : {}) },
  );
}

// ------------------------------------------------------------------------------------- drawing

function checkInput(c: CertificateInput, i: number): void {
  const missing: string[] = [];
  if (!c.certificateNumber.trim()) missing.push('证书编号');
  if (!c.hostUnit.trim()) missing.push('依托单位');
  if (!c.centerName.trim()) missing.push('中心名称');
  if (!c.authority.trim()) missing.push('颁发机关');
  for (const [k, label] of [
    ['validFrom', '有效期起'],
    ['validUntil', '有效期止'],
    ['issuedOn', '发证日期'],
  ] as const) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(c[k])) missing.push(label);
  }
  if (missing.length > 0) throw new DeskError('INVALID_INPUT', `第${i + 1}张证书缺少${missing.join('、')}。`, { index: i, missing });
  if (c.validUntil < c.validFrom) throw new DeskError('INVALID_INPUT', `第${i + 1}张证书的有效期止早于有效期起。`, { index: i });
}

function sealKind(buf: Buffer): 'png' | 'jpeg' | null {
  if (buf.length > 8 && buf.readUInt32BE(0) === 0x89504e47) return 'png';
  if (buf.length > 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  return null;
}

/** What a certificate page is laid out with: the page, the design scale, the measure and the seal. */
interface Surface {
  k: number;
  page: { width: number; height: number };
  measure: Measure;
  opts: CertificateOptions;
}

/** Design mm → points on this page. */
const P = (s: Surface, v: number): number => mm(v) * s.k;

function text(str: string, x: number, top: number, role: FontRole, size: number, color = '#000000', spacing = 0): TextRun {
  return { kind: 'text', x, top, text: str, role, size, ...(color !== '#000000' ? { color } : {}), ...(spacing ? { spacing } : {}) };
}

/** Width as pdfkit sets it: the run's advances plus the spacing after every character but the last. */
function width(s: Surface, str: string, role: FontRole, size: number, spacing = 0): number {
  return s.measure(str, role, size) + spacing * (str.length - 1);
}

function frame(s: Surface): PageItem[] {
  const W = s.page.width;
  const H = s.page.height;
  const o = P(s, CERT_DESIGN.frameOuter);
  const i = P(s, CERT_DESIGN.frameInner);
  const out: PageItem[] = [
    { kind: 'rect', x: o, y: o, w: W - 2 * o, h: H - 2 * o, stroke: RED, lineWidth: 2.6 * s.k },
    {
      kind: 'rect',
      x: o + 2.2 * s.k,
      y: o + 2.2 * s.k,
      w: W - 2 * o - 4.4 * s.k,
      h: H - 2 * o - 4.4 * s.k,
      stroke: GOLD,
      lineWidth: 0.8 * s.k,
    },
    { kind: 'rect', x: i, y: i, w: W - 2 * i, h: H - 2 * i, stroke: RED, lineWidth: 1.1 * s.k },
  ];
  // Corner ornaments: a small square rotated 45° and a bracket at each inner corner.
  const c = P(s, 7);
  for (const [cx, cy, dx, dy] of [
    [i, i, 1, 1],
    [W - i, i, -1, 1],
    [i, H - i, 1, -1],
    [W - i, H - i, -1, -1],
  ] as const) {
    out.push({
      kind: 'path',
      points: [
        [cx + dx * c, cy + dy * P(s, 2)],
        [cx + dx * P(s, 2), cy + dy * P(s, 2)],
        [cx + dx * P(s, 2), cy + dy * c],
      ],
      stroke: GOLD,
      lineWidth: 1.1 * s.k,
    });
    const m = P(s, 4.2);
    const r = P(s, 1.2);
    out.push({
      kind: 'path',
      points: [
        [cx + dx * m, cy + dy * (m - r)],
        [cx + dx * (m + r), cy + dy * m],
        [cx + dx * m, cy + dy * (m + r)],
        [cx + dx * (m - r), cy + dy * m],
      ],
      closed: true,
      fill: RED,
    });
  }
  return out;
}

/** One certificate as a page of the model (throws when its wording does not fit: see `tooLong`). */
function certificatePage(s: Surface, c: CertificateInput): PageSpec {
  const W = s.page.width;
  const items = frame(s);
  const box = CERT_DESIGN.box;
  const boxLeft = P(s, box.left);
  const boxRight = P(s, box.right);
  const bw = boxRight - boxLeft;
  const w = certificateWording(c);

  // 编号 top right, aligned with the text box's right edge.
  const nSize = FONT_SIZES.小四 * s.k;
  if (w.numberLine) {
    const nw = width(s, w.numberLine, 'song', nSize);
    if (nw > bw + 1e-6) throw tooLong(c, 'numberLine', '编号行超出文字框宽度');
    items.push(text(w.numberLine, boxRight - nw, P(s, CERT_DESIGN.numberTop), 'song', nSize));
  }

  // Title: 证书, large, letter-spaced, centred (a longer title is spaced less, to stay inside the box).
  const tSize = CERT_DESIGN.titleSize * s.k;
  const tChars = [...w.title].length;
  const tNatural = width(s, w.title, 'xiaobiaosong', tSize);
  if (tNatural > bw + 1e-6) throw tooLong(c, 'title', '标题超出文字框宽度');
  const tSpacing = tChars > 1 ? Math.min(tSize * 0.9, (bw - tNatural) / (tChars - 1)) : 0;
  const tw = width(s, w.title, 'xiaobiaosong', tSize, tSpacing) - tSpacing;
  items.push(text(w.title, (W - tw) / 2, P(s, CERT_DESIGN.titleTop), 'xiaobiaosong', tSize, RED, tSpacing));

  // Body.
  const bh = P(s, box.bottom) - P(s, box.top);
  const ems = (run: string): number => width(s, run, 'kaiti', 100) / 100;
  const layout = certificateBodyLayout(
    w.holder,
    w.paragraphs,
    bw,
    bh,
    CERT_DESIGN.sizes.map((v) => v * s.k),
    CERT_DESIGN.lineFactor,
    ems,
    CERT_DESIGN.minSize * s.k,
  );
  if (!layout.fits) throw tooLong(c, 'body', `正文缩至${CERT_DESIGN.minSize}磅仍超出文字框`);
  const used = (layout.lines.length - 1) * layout.lineHeight + layout.size;
  // Optically centred in the box, a little above the middle.
  let y = P(s, box.top) + Math.max(0, (bh - used) * 0.4);
  for (const l of layout.lines) {
    items.push(text(l.text, boxLeft + l.x, y, 'kaiti', layout.size, '#000000', l.spacing));
    y += layout.lineHeight;
  }

  // Validity, indented like the body.
  const vSize = FONT_SIZES.三号 * s.k;
  if (w.validity) {
    const vx = boxLeft + 2 * layout.size;
    if (vx + width(s, w.validity, 'fangsong', vSize) > boxRight + 1e-6) throw tooLong(c, 'validity', '有效期行超出文字框宽度');
    items.push(text(w.validity, vx, P(s, CERT_DESIGN.validityTop), 'fangsong', vSize));
  }

  // Authority centred over the date; the date's right edge at dateRight.
  const aSize = FONT_SIZES.小二 * s.k;
  const date = w.dateLine;
  const dw = width(s, date, 'fangsong', aSize);
  const dateX = P(s, CERT_DESIGN.dateRight) - dw;
  if (dateX < boxLeft - 1e-6) throw tooLong(c, 'dateLine', '落款日期超出文字框宽度');
  const aw = width(s, w.signer, 'fangsong', aSize);
  const centre = dateX + dw / 2;
  const ax = Math.min(centre - aw / 2, boxRight - aw);
  if (ax < boxLeft - 1e-6) throw tooLong(c, 'signer', '落款机关超出文字框宽度');
  const signerTop = P(s, CERT_DESIGN.signerTop);
  const dateTop = signerTop + aSize * 1.9;
  if (w.signer) items.push(text(w.signer, ax, signerTop, 'fangsong', aSize));
  if (date) items.push(text(date, dateX, dateTop, 'fangsong', aSize));

  // Seal over both lines (a preview without a seal image shows where it goes).
  const d = P(s, CERT_DESIGN.sealDiameter);
  const cx = ax + aw / 2;
  const cy = (signerTop + dateTop + aSize) / 2;
  const seal = s.opts.sealImage;
  if (seal) items.push({ kind: 'image', x: cx - d / 2, y: cy - d / 2, w: d, h: d, data: seal, opacity: s.opts.sealOpacity ?? 0.85 });
  else items.push({ kind: 'seal', cx, cy, r: d / 2 });
  return { items, number: null, role: 'content' };
}

/** Every string a certificate prints, for the glyph check. */
export function certificateStrings(c: CertificateInput): string[] {
  const w = certificateWording(c);
  return [w.numberLine, w.title, w.holder, ...w.paragraphs, w.validity, w.signer, w.dateLine];
}

const yieldToLoop = (): Promise<void> => new Promise((r) => setImmediate(r));

/** The fonts a certificate prints with (only these are registered, so only these can be embedded). */
function certificateFonts(fonts: FontSet): Pick<FontSet, 'song' | 'xiaobiaosong' | 'kaiti' | 'fangsong'> {
  return { song: fonts.song, xiaobiaosong: fonts.xiaobiaosong, kaiti: fonts.kaiti, fangsong: fonts.fangsong };
}

function checkBatch(list: readonly CertificateInput[], opts: BatchOptions): FontSet {
  if (list.length === 0) throw new DeskError('INVALID_INPUT', '没有需要打印的证书。');
  list.forEach(checkInput);
  opts.signal?.throwIfAborted();
  const fonts = opts.fonts ?? loadFontSet();
  assertGlyphs(list.flatMap(certificateStrings), Object.values(certificateFonts(fonts)));
  if (opts.sealImage && !sealKind(opts.sealImage)) {
    throw new DeskError('FILE_REJECTED', '印章图片须为PNG或JPG格式。');
  }
  return fonts;
}

function certificateMeta(list: readonly CertificateInput[]): PageModel['meta'] {
  const first = list[0]!;
  return {
    title: list.length === 1 ? `证书 ${first.certificateNumber}` : `证书（${list.length}份）`,
    author: first.authority,
    subject: list.length === 1 ? first.centerName : `${first.certificateNumber}—${list[list.length - 1]!.certificateNumber}`,
    creationDate: isoToDate(first.issuedOn),
  };
}

/**
 * All certificates in one document, one page each (fonts subset once): a PDF, or (`output: 'ofd'`) an OFD
 * written from the same page model.
 */
export async function renderCertificates(list: readonly CertificateInput[], opts: BatchOptions = {}): Promise<Buffer> {
  const fonts = checkBatch(list, opts);
  const page = CERT_PAGES[opts.size ?? 'A4-landscape'];
  const model: PageModel = { ...page, pages: [], meta: certificateMeta(list) };
  const doc = openModelDocument(model, certificateFonts(fonts));
  const measure: Measure = (str, role, size) => doc.font(role).fontSize(size).widthOfString(str);
  const s: Surface = { k: page.width / mm(297), page, measure, opts };
  const pdf = opts.output === 'ofd' ? null : doc;
  const done = pdf ? collect(pdf) : null;
  const images: ImageCache = new Map();
  const sealSlot = opts.preview ? { sealSlot: true } : {};
  let last = performance.now();
  for (let i = 0; i < list.length; i++) {
    const spec = certificatePage(s, list[i]!);
    if (pdf) drawPage(pdf, page, spec, images, sealSlot);
    else model.pages.push(spec);
    opts.onProgress?.(i + 1, list.length);
    // Let progress events out and a cancel in, about every 50 ms.
    if (performance.now() - last > 50) {
      await yieldToLoop();
      last = performance.now();
    }
    if (opts.signal?.aborted) {
      doc.end();
      await done?.catch(() => undefined);
      opts.signal.throwIfAborted();
    }
  }
  doc.end();
  return done ?? writeOfd(model, fonts);
}

/** One certificate as a one-page PDF (or OFD). */
export function renderCertificate(input: CertificateInput, opts: CertificateOptions = {}): Promise<Buffer> {
  return renderCertificates([input], opts);
}
