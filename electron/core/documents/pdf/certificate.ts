/**
 * 证书 of a designated center: A4 landscape (or A3 landscape), a decorative double frame, the title
 * 证书, the certificate number top right, the holder and "经评审，认定为……。特发此证。" set on a
 * character grid with kinsoku (layout.ts), the validity, and the authority and date bottom right
 * under an optional seal image. Long holder names shrink the type step by step, then wrap into
 * justified lines with no stub last line; the text never leaves its box inside the frame.
 *
 * `renderCertificates` prints a whole decision as one PDF, one page each: the fonts are subset
 * once for the whole document, the seal image is embedded once, and pages are yielded to the event
 * loop so a progress bar can move and an AbortSignal can cancel.
 */
import PDFDocument from 'pdfkit';
import { DeskError } from '../../contract/errors.js';
import { formatChineseDate } from '../../domain/batches.js';
import { assertGlyphs } from '../fonts/glyphs.js';
import { loadFontSet, type FontRole, type FontSet } from '../fonts/registry.js';
import { isoToDate } from './batch-list.js';
import { addXmpDates, archivalPdfOptions } from './archival.js';
import { breakTokens, MAX_JUSTIFY_STRETCH, type Token } from './layout.js';
import { CJK_ASCENT, FONT_SIZES, mm } from './units.js';

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
}

export interface BatchOptions extends CertificateOptions {
  /** Called after each page with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Cancels between pages (the promise rejects with the signal's reason, an AbortError). */
  signal?: AbortSignal;
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
}

/** 经评审，认定为<centerName>。 */
export const certificateSentence = (centerName: string): string => `经评审，认定为${centerName.trim()}。`;
export const CERT_CLOSING = '特发此证。';

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
 * Pure: the body of a certificate in a box `width` × `height` points. The holder line ("<hostUnit>：")
 * is flush left; the sentence and 特发此证。 are indented two characters. The largest size at which
 * the holder fits on one line and everything fits the height wins; when none does, the holder wraps
 * (justified, no stub last line) at the largest size that fits the height.
 */
export function certificateBodyLayout(
  hostUnit: string,
  centerName: string,
  width: number,
  height: number,
  sizes: readonly number[] = CERT_DESIGN.sizes,
  lineFactor = CERT_DESIGN.lineFactor,
  /** Width of a half-width run in cells (ems); default 0.55 per character. */
  measureHalf: (run: string) => number = halfWidth,
): CertBodyLayout {
  const holder = `${hostUnit.trim()}：`;
  const sentence = certificateSentence(centerName);
  const build = (size: number): CertBodyLayout => {
    const cells = Math.floor(width / size + 1e-6);
    const out: CertLine[] = [];
    const holderLines = breakNoStub(holder, cells, 0, measureHalf);
    const push = (lines: Token[][], indent: number, justifyAll: boolean): void => {
      lines.forEach((tokens, i) => {
        const lead = i === 0 ? indent : 0;
        const text = tokens.map((t) => t.text).join('');
        const chars = [...text].length;
        const natural = lineCells(tokens) * size;
        const room = width - lead * size - natural;
        const last = i === lines.length - 1;
        const even = !last && justifyAll && chars > 1 && room > 0 ? room / (chars - 1) : 0;
        // Never stretched past the limit: such a line is set flush left instead.
        const spacing = even <= MAX_JUSTIFY_STRETCH * size + 1e-9 ? even : 0;
        out.push({ text, x: lead * size, spacing });
      });
    };
    push(holderLines, 0, true);
    push(breakNoStub(sentence, cells, 2, measureHalf), 2, true);
    push(breakTokens(CERT_CLOSING, { charsPerLine: cells, firstLineIndent: 2, measureLatin: measureHalf }), 2, false);
    return { size, lineHeight: size * lineFactor, lines: out, wrapped: holderLines.length > 1 };
  };
  const fits = (l: CertBodyLayout): boolean => (l.lines.length - 1) * l.lineHeight + l.size <= height + 1e-6;
  for (const size of sizes) {
    const l = build(size);
    if (!l.wrapped && fits(l)) return l;
  }
  for (const size of sizes) {
    const l = build(size);
    if (fits(l)) return l;
  }
  // Extreme input: keep shrinking until it fits (never overflow the frame).
  for (let size = sizes[sizes.length - 1] ?? 16; size > 6; size -= 1) {
    const l = build(size);
    if (fits(l)) return l;
  }
  return build(6);
}

/** 有效期：2026年10月12日至2029年10月11日 */
export const validityText = (from: string, until: string): string => `有效期：${formatChineseDate(from)}至${formatChineseDate(until)}`;

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

/** pdfkit's opened image (openImage is missing from its typings). */
interface PdfImage {
  width: number;
  height: number;
}
type ImageDoc = PDFKit.PDFDocument & { openImage(src: Buffer): PdfImage };

interface Surface {
  doc: PDFKit.PDFDocument;
  k: number;
  page: { width: number; height: number };
  /** The seal, opened once (pdfkit embeds an opened image once however many pages use it). */
  seal: PdfImage | null;
  opts: CertificateOptions;
}

/** Design mm → points on this page. */
const P = (s: Surface, v: number): number => mm(v) * s.k;

function text(s: Surface, str: string, x: number, top: number, role: FontRole, size: number, color = '#000000', spacing = 0): void {
  s.doc.font(role).fontSize(size).fillColor(color);
  s.doc.text(str, x, top + CJK_ASCENT * size, { lineBreak: false, baseline: 'alphabetic', characterSpacing: spacing });
}

function width(s: Surface, str: string, role: FontRole, size: number, spacing = 0): number {
  s.doc.font(role).fontSize(size);
  return s.doc.widthOfString(str, { characterSpacing: spacing });
}

function drawFrame(s: Surface): void {
  const { doc } = s;
  const W = s.page.width;
  const H = s.page.height;
  const o = P(s, CERT_DESIGN.frameOuter);
  const i = P(s, CERT_DESIGN.frameInner);
  doc.save();
  doc
    .lineWidth(2.6 * s.k)
    .strokeColor(RED)
    .rect(o, o, W - 2 * o, H - 2 * o)
    .stroke();
  doc
    .lineWidth(0.8 * s.k)
    .strokeColor(GOLD)
    .rect(o + 2.2 * s.k, o + 2.2 * s.k, W - 2 * o - 4.4 * s.k, H - 2 * o - 4.4 * s.k)
    .stroke();
  doc
    .lineWidth(1.1 * s.k)
    .strokeColor(RED)
    .rect(i, i, W - 2 * i, H - 2 * i)
    .stroke();
  // Corner ornaments: a small square rotated 45° and a bracket at each inner corner.
  const c = P(s, 7);
  for (const [cx, cy, dx, dy] of [
    [i, i, 1, 1],
    [W - i, i, -1, 1],
    [i, H - i, 1, -1],
    [W - i, H - i, -1, -1],
  ] as const) {
    doc
      .lineWidth(1.1 * s.k)
      .strokeColor(GOLD)
      .moveTo(cx + dx * c, cy + dy * P(s, 2))
      .lineTo(cx + dx * P(s, 2), cy + dy * P(s, 2))
      .lineTo(cx + dx * P(s, 2), cy + dy * c)
      .stroke();
    const m = P(s, 4.2);
    const r = P(s, 1.2);
    doc
      .fillColor(RED)
      .polygon(
        [cx + dx * m, cy + dy * (m - r)],
        [cx + dx * (m + r), cy + dy * m],
        [cx + dx * m, cy + dy * (m + r)],
        [cx + dx * (m - r), cy + dy * m],
      )
      .fill();
  }
  doc.restore();
}

function drawCertificate(s: Surface, c: CertificateInput): void {
  const { doc } = s;
  const W = s.page.width;
  drawFrame(s);
  const box = CERT_DESIGN.box;
  const boxLeft = P(s, box.left);
  const boxRight = P(s, box.right);

  // 编号 top right, aligned with the text box's right edge.
  const number = `编号：${c.certificateNumber.trim()}`;
  const nSize = FONT_SIZES.小四 * s.k;
  text(s, number, boxRight - width(s, number, 'song', nSize), P(s, CERT_DESIGN.numberTop), 'song', nSize);

  // Title: 证书, large, letter-spaced, centred.
  const title = '证书';
  const tSize = CERT_DESIGN.titleSize * s.k;
  const tSpacing = tSize * 0.9;
  const tw = width(s, title, 'xiaobiaosong', tSize, tSpacing) - tSpacing;
  text(s, title, (W - tw) / 2, P(s, CERT_DESIGN.titleTop), 'xiaobiaosong', tSize, RED, tSpacing);

  // Body.
  const bw = boxRight - boxLeft;
  const bh = P(s, box.bottom) - P(s, box.top);
  const ems = (run: string): number => width(s, run, 'kaiti', 100) / 100;
  const layout = certificateBodyLayout(
    c.hostUnit,
    c.centerName,
    bw,
    bh,
    CERT_DESIGN.sizes.map((v) => v * s.k),
    CERT_DESIGN.lineFactor,
    ems,
  );
  const used = (layout.lines.length - 1) * layout.lineHeight + layout.size;
  // Optically centred in the box, a little above the middle.
  let y = P(s, box.top) + Math.max(0, (bh - used) * 0.4);
  for (const l of layout.lines) {
    text(s, l.text, boxLeft + l.x, y, 'kaiti', layout.size, '#000000', l.spacing);
    y += layout.lineHeight;
  }

  // Validity, indented like the body.
  const vSize = FONT_SIZES.三号 * s.k;
  text(s, validityText(c.validFrom, c.validUntil), boxLeft + 2 * layout.size, P(s, CERT_DESIGN.validityTop), 'fangsong', vSize);

  // Authority centred over the date; the date's right edge at dateRight.
  const aSize = FONT_SIZES.小二 * s.k;
  const date = formatChineseDate(c.issuedOn);
  const dw = width(s, date, 'fangsong', aSize);
  const dateX = P(s, CERT_DESIGN.dateRight) - dw;
  const aw = width(s, c.authority.trim(), 'fangsong', aSize);
  const centre = dateX + dw / 2;
  const ax = Math.min(centre - aw / 2, boxRight - aw);
  const signerTop = P(s, CERT_DESIGN.signerTop);
  const dateTop = signerTop + aSize * 1.9;
  text(s, c.authority.trim(), ax, signerTop, 'fangsong', aSize);
  text(s, date, dateX, dateTop, 'fangsong', aSize);

  // Seal over both lines.
  const d = P(s, CERT_DESIGN.sealDiameter);
  const cx = ax + aw / 2;
  const cy = (signerTop + dateTop + aSize) / 2;
  if (s.seal) {
    doc.save().opacity(s.opts.sealOpacity ?? 0.85);
    doc.image(s.seal as unknown as Buffer, cx - d / 2, cy - d / 2, { fit: [d, d], align: 'center', valign: 'center' });
    doc.restore();
  } else if (s.opts.preview) {
    doc
      .save()
      .circle(cx, cy, d / 2)
      .dash(3, { space: 3 })
      .lineWidth(0.5)
      .strokeColor('#E08080')
      .stroke()
      .undash()
      .restore();
  }
}

/** Every string a certificate prints, for the glyph check. */
export function certificateStrings(c: CertificateInput): string[] {
  return [
    `编号：${c.certificateNumber}`,
    '证书',
    `${c.hostUnit}：`,
    certificateSentence(c.centerName),
    CERT_CLOSING,
    validityText(c.validFrom, c.validUntil),
    c.authority,
    formatChineseDate(c.issuedOn),
  ];
}

const yieldToLoop = (): Promise<void> => new Promise((r) => setImmediate(r));

/** All certificates in one PDF, one page each (fonts subset once). */
export async function renderCertificates(list: readonly CertificateInput[], opts: BatchOptions = {}): Promise<Buffer> {
  if (list.length === 0) throw new DeskError('INVALID_INPUT', '没有需要打印的证书。');
  list.forEach(checkInput);
  opts.signal?.throwIfAborted();
  const fonts = opts.fonts ?? loadFontSet();
  const picked = { song: fonts.song, xiaobiaosong: fonts.xiaobiaosong, kaiti: fonts.kaiti, fangsong: fonts.fangsong };
  assertGlyphs(list.flatMap(certificateStrings), Object.values(picked));
  if (opts.sealImage && !sealKind(opts.sealImage)) {
    throw new DeskError('FILE_REJECTED', '印章图片须为PNG或JPG格式。');
  }
  const page = CERT_PAGES[opts.size ?? 'A4-landscape'];
  const first = list[0]!;
  const meta = {
    title: list.length === 1 ? `证书 ${first.certificateNumber}` : `证书（${list.length}份）`,
    author: first.authority,
    subject: list.length === 1 ? first.centerName : `${first.certificateNumber}—${list[list.length - 1]!.certificateNumber}`,
    creationDate: isoToDate(first.issuedOn),
  };
  const doc = new PDFDocument(archivalPdfOptions(meta, { size: [page.width, page.height], margin: 0, autoFirstPage: false }));
  addXmpDates(doc, meta);
  for (const [role, entry] of Object.entries(picked)) doc.registerFont(role, entry.font as unknown as Buffer);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const s: Surface = {
    doc,
    k: page.width / mm(297),
    page,
    seal: opts.sealImage ? (doc as ImageDoc).openImage(opts.sealImage) : null,
    opts,
  };
  let last = performance.now();
  for (let i = 0; i < list.length; i++) {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    drawCertificate(s, list[i]!);
    opts.onProgress?.(i + 1, list.length);
    // Let progress events out and a cancel in, about every 50 ms.
    if (performance.now() - last > 50) {
      await yieldToLoop();
      last = performance.now();
    }
    if (opts.signal?.aborted) {
      doc.end();
      await done.catch(() => undefined);
      opts.signal.throwIfAborted();
    }
  }
  doc.end();
  return done;
}

/** One certificate as a one-page PDF. */
export function renderCertificate(input: CertificateInput, opts: CertificateOptions = {}): Promise<Buffer> {
  return renderCertificates([input], opts);
}
