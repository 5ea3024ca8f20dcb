/** 署名与成文日期: authority name centred above the date; date four characters in from the right. */
import { formatChineseDate } from '../../domain/batches.js';
import type { GbDocument } from './document.js';
import { CHAR_PITCH, GB, LINE_PITCH, TEXT_RIGHT, mm } from './units.js';

export interface SignatureInput {
  /** 发文机关署名 */
  signer: string;
  /** YYYY-MM-DD */
  date: string;
  /** Draw a light dashed circle where the seal goes (previews only). */
  sealSlot?: boolean;
}

/** x of the date's left edge and width, and x of the signer's left edge (pure geometry). */
export function signatureGeometry(dateWidth: number, signerWidth: number): { dateX: number; signerX: number } {
  const dateRight = TEXT_RIGHT - 4 * CHAR_PITCH;
  const dateX = dateRight - dateWidth;
  const centre = dateX + dateWidth / 2;
  // Centred on the date, but never closer than two characters to the right edge.
  const signerX = Math.min(centre - signerWidth / 2, TEXT_RIGHT - 2 * CHAR_PITCH - signerWidth);
  return { dateX, signerX: Math.max(GB.left, signerX) };
}

/** Leaves room for the seal (two lines), then prints signer and date. */
export function drawSignature(g: GbDocument, input: SignatureInput): void {
  g.ensure(4);
  g.y += 2 * LINE_PITCH;
  const date = formatChineseDate(input.date);
  const { dateX, signerX } = signatureGeometry(g.widthOf(date), g.widthOf(input.signer));
  g.drawAt(input.signer, signerX, g.y);
  g.drawAt(date, dateX, g.y + LINE_PITCH);
  if (input.sealSlot) {
    const cx = dateX + g.widthOf(date) / 2;
    const cy = g.y + LINE_PITCH * 0.3;
    g.doc.save().circle(cx, cy, mm(21)).dash(3, { space: 3 }).lineWidth(0.5).strokeColor('#E08080').stroke().undash().restore();
  }
  g.y += 2 * LINE_PITCH;
}
