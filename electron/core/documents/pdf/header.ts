/** 版头: red issuing-authority marker, document number, red separator line (GB/T 9704 §7.2). */
import type { GbDocument } from './document.js';
import { FONT_SIZES, GB, LINE_PITCH } from './units.js';

export interface RedHeaderInput {
  /** 发文机关标志, e.g. "某市市场监督管理局" or "…文件". */
  authority: string;
  /** 发文字号; omitted for documents without one. */
  docNumber?: string;
}

/** Size of the marker: 初号 at most, smaller so it fits the text block with some air. */
export function markerSize(authority: string): number {
  const chars = Math.max([...authority].length, 1);
  return Math.min(FONT_SIZES.初号, (GB.width * 0.92) / chars);
}

/**
 * Draws the header at the top of the current page and leaves the cursor two blank lines below the
 * red line, where the title goes. Returns the y of the red line.
 */
export function drawRedHeader(g: GbDocument, input: RedHeaderInput): number {
  const size = markerSize(input.authority);
  const marker = { role: 'xiaobiaosong' as const, size, color: GB.red };
  // The marker's em box starts at the top of the text block and takes two grid lines.
  const top = g.y;
  const w = g.widthOf(input.authority, marker);
  g.drawAt(input.authority, GB.left + (GB.width - w) / 2, top, marker);
  g.y += 2 * LINE_PITCH;
  let lineY: number;
  if (input.docNumber) {
    g.y += 2 * LINE_PITCH; // 空二行
    const w2 = g.widthOf(input.docNumber);
    g.drawAt(input.docNumber, GB.left + (GB.width - w2) / 2, g.y);
    lineY = g.y + GB.bodySize + GB.redLineGap;
    g.y += LINE_PITCH;
  } else {
    lineY = g.y + GB.redLineGap;
    g.y += LINE_PITCH;
  }
  g.rule(lineY, GB.red, 1);
  g.y += 2 * LINE_PITCH; // 空二行 before the title
  return lineY;
}
