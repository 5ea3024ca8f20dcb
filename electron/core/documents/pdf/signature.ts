/** 署名与成文日期 (GB/T 9704 §7.3.5.1): authority name centred above the date; date four characters in from the right. */
import { CHAR_PITCH, GB, TEXT_RIGHT } from './units.js';

/** x of the date's left edge and width, and x of the signer's left edge (pure geometry). */
export function signatureGeometry(dateWidth: number, signerWidth: number): { dateX: number; signerX: number } {
  const dateRight = TEXT_RIGHT - 4 * CHAR_PITCH;
  const dateX = dateRight - dateWidth;
  const centre = dateX + dateWidth / 2;
  // Centred on the date, but never closer than two characters to the right edge.
  const signerX = Math.min(centre - signerWidth / 2, TEXT_RIGHT - 2 * CHAR_PITCH - signerWidth);
  return { dateX, signerX: Math.max(GB.left, signerX) };
}
