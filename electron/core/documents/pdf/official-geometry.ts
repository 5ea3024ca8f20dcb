/** The distances of the official kinds (文件格式, 信函格式) in mm from GB/T 9704-2012. */
import { A4, FONT_SIZES, mm } from './units.js';

export const KIND_GEOMETRY = {
  /** §7.2.4: the mark's top edge 35 mm below the text block's top (37 + 35). */
  fileMarkTop: mm(72),
  /** §10.1: the mark's top edge 30 mm from the page top. */
  letterMarkTop: mm(30),
  /** §7.2.7 / §10.1: 4 mm between the number (文件) or the mark (信函) and the red line. */
  redLineGap: mm(4),
  /** §10.1: both double rules 170 mm long, centred; the lower one 20 mm above the page bottom. */
  letterRuleLength: mm(170),
  letterBottomRule: A4.height - mm(20),
  /** The standard gives no widths for the letter's double rules: a heavy line over a hairline, 0.8 mm apart. */
  letterThick: mm(0.6),
  letterThin: mm(0.2),
  letterRuleGap: mm(0.8),
  /** §10.1: the number's distance below the first double rule is 7/8 of a 3号 character. */
  letterNumberGap: (7 / 8) * FONT_SIZES.三号,
  /** §7.4.1: first and last rules of the 版记 0.35 mm, the ones between 0.25 mm. */
  colophonThick: mm(0.35),
  colophonThin: mm(0.25),
  /** §7.5: page numbers 4号, 7 mm below the text block, one character in from the edge. */
  pageNumberGap: mm(7),
  sealRadius: mm(21),
} as const;
