/**
 * The void mark (作废) on page 1 of a voided numbered document: a red box in the top margin (above the 版头 of
 * every kind: the 信函格式 mark starts at 30 mm, GB/T 9704-2012 §10.1; 文件格式 and 公示 lower), with 作废 in
 * large 黑体 and the reason, time and operator beside it. Drawn on reprints and archive copies alike.
 */
import type { PageItem } from './page-model.js';
import type { Measure } from './table.js';
import { GB, mm } from './units.js';

export interface VoidStamp {
  /** 作废 */
  mark: string;
  /** 作废理由 / 作废时间 / 经办人 lines (domain/voiding.ts voidStampLines). */
  lines: string[];
}

const BOX = { x: mm(104), y: mm(5), w: mm(86), h: mm(22) };
const MARK_SIZE = 26;
const LINE_SIZE = 8;
const LINE_PITCH = LINE_SIZE * 1.45;

/** Cut `text` so that it fits `width` at the line size (ending in …). */
function fit(text: string, width: number, measure: Measure): string {
  if (measure(text, 'heiti', LINE_SIZE) <= width) return text;
  let cut = text;
  while (cut.length > 1 && measure(`${cut}…`, 'heiti', LINE_SIZE) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** `text` broken into at most `max` lines of `width` (the last cut with … when it still does not fit). */
function wrap(text: string, width: number, max: number, measure: Measure): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest && out.length < max - 1 && measure(rest, 'heiti', LINE_SIZE) > width) {
    let n = rest.length;
    while (n > 1 && measure(rest.slice(0, n), 'heiti', LINE_SIZE) > width) n--;
    out.push(rest.slice(0, n));
    rest = rest.slice(n);
  }
  if (rest) out.push(fit(rest, width, measure));
  return out;
}

/** The stamp's page items (page 1): the reason may take two lines. */
export function voidStampItems(stamp: VoidStamp, measure: Measure): PageItem[] {
  const red = GB.red;
  const markWidth = measure(stamp.mark, 'heiti', MARK_SIZE);
  const pad = mm(3);
  const textX = BOX.x + pad + markWidth + mm(4);
  const textWidth = BOX.x + BOX.w - pad - textX;
  const [reason = '', ...others] = stamp.lines;
  const lines = [...wrap(reason, textWidth, 2, measure), ...others.slice(0, 2)];
  const blockTop = BOX.y + (BOX.h - lines.length * LINE_PITCH) / 2;
  return [
    { kind: 'rect', x: BOX.x, y: BOX.y, w: BOX.w, h: BOX.h, stroke: red, lineWidth: 1.5 },
    { kind: 'text', x: BOX.x + pad, top: BOX.y + (BOX.h - MARK_SIZE) / 2, text: stamp.mark, role: 'heiti', size: MARK_SIZE, color: red },
    ...lines.map((line, i): PageItem => ({
      kind: 'text',
      x: textX,
      top: blockTop + i * LINE_PITCH,
      text: fit(line, textWidth, measure),
      role: 'heiti',
      size: LINE_SIZE,
      color: red,
    })),
  ];
}
