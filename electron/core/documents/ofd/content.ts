/**
 * One page of the page model as an OFD page description (GB/T 33190-2016 §7.7 Pages/Page_N/Content.xml):
 * one body Layer holding a TextObject per text run (§11.2: Font, Size, Boundary, FillColor, TextCode with
 * X/Y of the first character's baseline and DeltaX from the font's advances), a PathObject per rule,
 * rectangle or polyline (§9.1: StrokeColor/FillColor, LineWidth, AbbreviatedData) and an ImageObject per
 * picture (§10: ResourceID, CTM, Alpha). Units are millimetres (§5.3.1); the model's points are converted.
 * Seal slots are preview marks and are not written.
 */
import { CJK_ASCENT, ptToMm } from '../pdf/units.js';
import type { ImageItem, PageItem, PageSpec, PathItem, RectItem, RuleItem, TextRun } from '../pdf/page-model.js';
import type { IdAllocator } from './ids.js';
import { fitBox, imageSize } from './image-size.js';
import { el, num, part, rgb, text as xmlText } from './xml.js';

/** A text run's characters and each character's advance in points (spacing included). */
export interface PlacedText {
  chars: string[];
  advances: number[];
}

export interface ContentContext {
  ids: IdAllocator;
  /** ID of the Font resource of a run's role. */
  fontId(run: TextRun): number;
  /** The run's characters and advances (from the same font the subset is made of). */
  place(run: TextRun): PlacedText;
  /** ID of the MultiMedia resource of a picture. */
  mediaId(data: Buffer): number;
}

const mmOf = ptToMm;
const box = (x: number, y: number, w: number, h: number): string => [x, y, w, h].map((v) => num(mmOf(v))).join(' ');

function textObject(run: TextRun, ctx: ContentContext): string | null {
  const placed = ctx.place(run);
  // Leading spaces move the start, trailing spaces are dropped (XML readers may trim them).
  let first = 0;
  let x = run.x;
  while (first < placed.chars.length && /\s/.test(placed.chars[first]!)) x += placed.advances[first++]!;
  let end = placed.chars.length;
  while (end > first && /\s/.test(placed.chars[end - 1]!)) end--;
  if (end <= first) return null;
  const chars = placed.chars.slice(first, end);
  const advances = placed.advances.slice(first, end);
  const width = advances.reduce((s, a) => s + a, 0);
  // The boundary holds the em box with room above and below for accents and Latin descenders.
  const pad = 0.2 * run.size;
  const top = run.top - pad;
  const deltaX = advances.slice(0, -1).map((a) => num(mmOf(a)));
  return el(
    'TextObject',
    { ID: ctx.ids.next(), Boundary: box(x, top, width + run.size, run.size + 2 * pad), Font: ctx.fontId(run), Size: num(mmOf(run.size)) },
    el('FillColor', { Value: rgb(run.color ?? '#000000') }),
    el(
      'TextCode',
      { X: 0, Y: num(mmOf(pad + CJK_ASCENT * run.size)), ...(deltaX.length ? { DeltaX: deltaX.join(' ') } : {}) },
      xmlText(chars.join('')),
    ),
  );
}

interface PathSpec {
  points: (readonly [number, number])[][];
  closed: boolean;
  stroke?: string;
  fill?: string;
  lineWidth: number;
}

function pathObject(p: PathSpec, ctx: ContentContext): string {
  const all = p.points.flat();
  const pad = p.stroke ? p.lineWidth : 0;
  const minX = Math.min(...all.map((q) => q[0])) - pad;
  const minY = Math.min(...all.map((q) => q[1])) - pad;
  const maxX = Math.max(...all.map((q) => q[0])) + pad;
  const maxY = Math.max(...all.map((q) => q[1])) + pad;
  const at = (q: readonly [number, number]): string => `${num(mmOf(q[0] - minX))} ${num(mmOf(q[1] - minY))}`;
  const data = p.points.map((sub) => sub.map((q, i) => `${i === 0 ? 'M' : 'L'} ${at(q)}`).join(' ') + (p.closed ? ' C' : '')).join(' ');
  return el(
    'PathObject',
    {
      ID: ctx.ids.next(),
      Boundary: box(minX, minY, maxX - minX, maxY - minY),
      ...(p.stroke ? { LineWidth: num(mmOf(p.lineWidth)) } : { Stroke: false }),
      ...(p.fill ? { Fill: true } : {}),
    },
    ...(p.stroke ? [el('StrokeColor', { Value: rgb(p.stroke) })] : []),
    ...(p.fill ? [el('FillColor', { Value: rgb(p.fill) })] : []),
    el('AbbreviatedData', {}, data),
  );
}

const rulePath = (r: RuleItem): PathSpec => ({
  points: [
    [
      [r.x1, r.y],
      [r.x2, r.y],
    ],
  ],
  closed: false,
  stroke: r.color,
  lineWidth: r.width,
});

const rectPath = (r: RectItem): PathSpec => ({
  points: [
    [
      [r.x, r.y],
      [r.x + r.w, r.y],
      [r.x + r.w, r.y + r.h],
      [r.x, r.y + r.h],
    ],
  ],
  closed: true,
  ...(r.stroke ? { stroke: r.stroke } : {}),
  ...(r.fill ? { fill: r.fill } : {}),
  lineWidth: r.lineWidth ?? 0.6,
});

const polyPath = (p: PathItem): PathSpec => ({
  points: [[...p.points]],
  closed: !!p.closed,
  ...(p.stroke ? { stroke: p.stroke } : {}),
  ...(p.fill ? { fill: p.fill } : {}),
  lineWidth: p.lineWidth ?? 0.6,
});

function imageObject(img: ImageItem, ctx: ContentContext): string {
  const b = fitBox(imageSize(img.data), img);
  return el('ImageObject', {
    ID: ctx.ids.next(),
    Boundary: box(b.x, b.y, b.w, b.h),
    // The image fills the unit square; the CTM scales it to the boundary (§10.1).
    CTM: `${num(mmOf(b.w))} 0 0 ${num(mmOf(b.h))} 0 0`,
    ResourceID: ctx.mediaId(img.data),
    ...(img.opacity !== undefined && img.opacity < 1 ? { Alpha: Math.round(img.opacity * 255) } : {}),
  });
}

function itemObject(it: PageItem, ctx: ContentContext): string | null {
  switch (it.kind) {
    case 'text':
      return textObject(it, ctx);
    case 'rule':
      return pathObject(rulePath(it), ctx);
    case 'rect':
      return it.fill || it.stroke ? pathObject(rectPath(it), ctx) : null;
    case 'path':
      return it.points.length > 1 && (it.fill || it.stroke) ? pathObject(polyPath(it), ctx) : null;
    case 'image':
      return imageObject(it, ctx);
    case 'seal':
      return null;
  }
}

/** Content.xml of one page (the page's own ID is given by Document.xml). */
export function pageContent(page: PageSpec, ctx: ContentContext): string {
  const layerId = ctx.ids.next();
  const objects = page.items.map((it) => itemObject(it, ctx)).filter((o): o is string => o !== null);
  return part('Page', {}, el('Content', {}, el('Layer', { ID: layerId, Type: 'Body' }, ...objects)));
}
