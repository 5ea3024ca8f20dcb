/** Units and the GB/T 9704-2012 page geometry (A4, 22 lines × 28 characters). */

export const PT_PER_MM = 72 / 25.4;
export const mm = (v: number): number => v * PT_PER_MM;
export const ptToMm = (v: number): number => v / PT_PER_MM;

/** Chinese point-size names (字号) in points. */
export const FONT_SIZES = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
} as const;
export type FontSizeName = keyof typeof FONT_SIZES;

export const A4 = { width: mm(210), height: mm(297) } as const;

/** The text block (版心) and its grid. */
export const GB = {
  top: mm(37),
  left: mm(28),
  width: mm(156),
  height: mm(225),
  linesPerPage: 22,
  charsPerLine: 28,
  bodySize: FONT_SIZES.三号,
  titleSize: FONT_SIZES.二号,
  pageNumberSize: FONT_SIZES.四号,
  /** Page number's top edge below the text block. */
  pageNumberGap: mm(7),
  /** Red line below the document number. */
  redLineGap: mm(4),
  red: '#E60012',
} as const;

/** Distance between two baselines. */
export const LINE_PITCH = GB.height / GB.linesPerPage;
/** Width of one grid cell. */
export const CHAR_PITCH = GB.width / GB.charsPerLine;
export const TEXT_RIGHT = GB.left + GB.width;
export const TEXT_BOTTOM = GB.top + GB.height;
/** Share of the em box above the baseline for CJK faces (ideographic em box). */
export const CJK_ASCENT = 0.88;
