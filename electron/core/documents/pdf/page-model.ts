/**
 * The page model: a pure description of the pages of a document (positioned text runs, rules, rectangles,
 * paths, images, the seal slot), produced by a layout (official-layout.ts, certificate.ts) and drawn by
 * `drawPageModel` with pdfkit, or written as OFD by documents/ofd/. Page numbers are text runs like any
 * other; the model says which pages carry one.
 */
import PDFDocument from 'pdfkit';
import type { ExportFileType } from '../../contract/common.js';
import { addXmpDates, archivalPdfOptions } from './archival.js';
import type { FontRole, FontSet } from '../fonts/registry.js';
import { CJK_ASCENT } from './units.js';

export interface TextRun {
  kind: 'text';
  /** Left edge, points from the page's left edge. */
  x: number;
  /** Top of the em box, points from the page's top edge (baseline = top + 0.88 em). */
  top: number;
  text: string;
  role: FontRole;
  size: number;
  color?: string;
  /** Extra space after each character, points (pdfkit's characterSpacing; letter-spaced titles, justified lines). */
  spacing?: number;
}

export interface RuleItem {
  kind: 'rule';
  x1: number;
  x2: number;
  y: number;
  /** Stroke width in points. */
  width: number;
  color: string;
}

export interface RectItem {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  stroke?: string;
  fill?: string;
  lineWidth?: number;
}

/** A polyline or polygon (certificate ornaments), points in page coordinates. */
export interface PathItem {
  kind: 'path';
  points: readonly (readonly [number, number])[];
  closed?: boolean;
  stroke?: string;
  fill?: string;
  lineWidth?: number;
}

/** A picture (PNG or JPEG) fitted into the box, centred both ways, keeping its aspect ratio. */
export interface ImageItem {
  kind: 'image';
  x: number;
  y: number;
  w: number;
  h: number;
  data: Buffer;
  /** 0..1, default 1. */
  opacity?: number;
}

/** Where the seal goes (drawn only in previews, as a faint dashed circle). */
export interface SealSlot {
  kind: 'seal';
  cx: number;
  cy: number;
  r: number;
}

export type PageItem = TextRun | RuleItem | RectItem | PathItem | ImageItem | SealSlot;

export interface PageSpec {
  items: PageItem[];
  /** The printed page number, or null (first page of a letter, a blank page before the 版记 …). */
  number: number | null;
  /** What the page is, for tests and previews. */
  role?: 'content' | 'attachment' | 'blank' | 'colophon';
}

/** The file a document is written as: PDF, or OFD (GB/T 33190-2016) from the same page model. */
export type DocumentOutput = ExportFileType;

export interface PageModel {
  width: number;
  height: number;
  pages: PageSpec[];
  meta: { title: string; author: string; subject: string; creationDate: Date };
}

/** Draws the model with pdfkit; fonts are registered by role. */
export function drawPageModel(model: PageModel, fonts: FontSet, opts: { sealSlot?: boolean } = {}): Promise<Buffer> {
  const doc = openModelDocument(model, fonts);
  return drawInto(doc, model, opts);
}

/** A pdfkit document for a model (fonts registered), so a layout can measure with the same fonts first. */
export function openModelDocument(model: Pick<PageModel, 'meta'>, fonts: Partial<FontSet>): PDFKit.PDFDocument {
  const doc = new PDFDocument(archivalPdfOptions(model.meta, { size: 'A4', margin: 0, autoFirstPage: false }));
  addXmpDates(doc, model.meta);
  for (const [role, entry] of Object.entries(fonts)) if (entry) doc.registerFont(role, entry.font as unknown as Buffer);
  return doc;
}

/** pdfkit's opened image (openImage is missing from its typings). */
interface PdfImage {
  width: number;
  height: number;
}
type ImageDoc = PDFKit.PDFDocument & { openImage(src: Buffer): PdfImage };

/** Opened images of one document: pdfkit embeds an opened image once however many pages use it. */
export type ImageCache = Map<Buffer, PdfImage>;

/** Draws the model's pages into an opened document and ends it. */
export function drawInto(doc: PDFKit.PDFDocument, model: PageModel, opts: { sealSlot?: boolean } = {}): Promise<Buffer> {
  const done = collect(doc);
  const images: ImageCache = new Map();
  for (const page of model.pages) drawPage(doc, model, page, images, opts);
  doc.end();
  return done;
}

/** The document's bytes once it ends. */
export function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Adds one page of the model to the document and draws its items. */
export function drawPage(
  doc: PDFKit.PDFDocument,
  model: Pick<PageModel, 'width' | 'height'>,
  page: PageSpec,
  images: ImageCache,
  opts: { sealSlot?: boolean } = {},
): void {
  doc.addPage({ size: [model.width, model.height], margin: 0 });
  for (const it of page.items) {
    if (it.kind === 'text') {
      doc
        .font(it.role)
        .fontSize(it.size)
        .fillColor(it.color ?? '#000000');
      doc.text(it.text, it.x, it.top + CJK_ASCENT * it.size, {
        lineBreak: false,
        baseline: 'alphabetic',
        ...(it.spacing ? { characterSpacing: it.spacing } : {}),
      });
    } else if (it.kind === 'rule') {
      doc.save().moveTo(it.x1, it.y).lineTo(it.x2, it.y).lineWidth(it.width).strokeColor(it.color).stroke().restore();
    } else if (it.kind === 'rect') {
      doc.save();
      if (it.fill) doc.rect(it.x, it.y, it.w, it.h).fill(it.fill);
      if (it.stroke)
        doc
          .lineWidth(it.lineWidth ?? 0.6)
          .strokeColor(it.stroke)
          .rect(it.x, it.y, it.w, it.h)
          .stroke();
      doc.restore();
    } else if (it.kind === 'path') {
      doc.save();
      const [first, ...rest] = it.points;
      if (first) {
        if (it.fill) {
          doc.polygon(...it.points.map((p) => [p[0], p[1]] as [number, number])).fill(it.fill);
        }
        if (it.stroke) {
          doc.moveTo(first[0], first[1]);
          for (const p of rest) doc.lineTo(p[0], p[1]);
          if (it.closed) doc.closePath();
          doc
            .lineWidth(it.lineWidth ?? 0.6)
            .strokeColor(it.stroke)
            .stroke();
        }
      }
      doc.restore();
    } else if (it.kind === 'image') {
      let img = images.get(it.data);
      if (!img) images.set(it.data, (img = (doc as ImageDoc).openImage(it.data)));
      doc.save();
      if (it.opacity !== undefined) doc.opacity(it.opacity);
      doc.image(img as unknown as Buffer, it.x, it.y, { fit: [it.w, it.h], align: 'center', valign: 'center' });
      doc.restore();
    } else if (opts.sealSlot) {
      doc.save().circle(it.cx, it.cy, it.r).dash(3, { space: 3 }).lineWidth(0.5).strokeColor('#E08080').stroke().undash().restore();
    }
  }
}
