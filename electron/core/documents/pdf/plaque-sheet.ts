/**
 * 牌匾内容确认单 for the plaque maker: per plaque the exact text, line by line (e.g. 福州市 /
 * 纺织化纤产业知识产权协同保护与运营中心 / 福州市市场监督管理局 / 二〇二六年十月), a size suggestion,
 * and a cell to sign; a ruled table that continues across pages (header repeated), then the
 * maker's confirmation line. A4 portrait on the GB/T 9704 text block.
 */
import { DeskError } from '../../contract/errors.js';
import { assertGlyphs } from '../fonts/glyphs.js';
import { loadFontSet, type FontSet } from '../fonts/registry.js';
import { isoToDate } from './batch-list.js';
import { GbDocument } from './document.js';
import { drawTable, type TableColumn } from './table.js';
import { breakTokens } from './layout.js';
import { FONT_SIZES, GB, LINE_PITCH } from './units.js';

export interface PlaqueEntry {
  /** e.g. 福州市纺织化纤产业知识产权协同保护与运营中心 */
  centerName: string;
  hostUnit: string;
  certificateNumber?: string;
  /** Exact lines of the plaque; default: plaqueLines(centerName, authority, awardedOn). */
  lines?: string[];
  /** Overrides the sheet's size suggestion for this plaque. */
  sizeSuggestion?: string;
}

export interface PlaqueSheetInput {
  /** 授牌机关, the plaque's signature line, e.g. 福州市市场监督管理局. */
  authority: string;
  /** e.g. 2026年第一批 (printed under the title). */
  batchLabel?: string;
  /** YYYY-MM-DD; the plaque shows year and month in Chinese numerals (二〇二六年十月). */
  awardedOn: string;
  plaques: PlaqueEntry[];
  /** Default: PLAQUE_SIZE_SUGGESTION. */
  sizeSuggestion?: string;
  /** YYYY-MM-DD, the sheet's date. */
  issuedOn: string;
  fonts?: FontSet;
}

export const PLAQUE_SIZE_SUGGESTION = '横式600 mm×400 mm，钛金或不锈钢';
const CN = '〇一二三四五六七八九';
/** U+3000, the full-width space that leaves room to write by hand. */
const IDEO_SPACE = '\u3000';

/** 2026 → 二〇二六 */
export function chineseYear(year: number): string {
  return [...String(year)].map((d) => CN[Number(d)]).join('');
}

/** 1 → 一, 10 → 十, 11 → 十一, 12 → 十二 */
export function chineseMonth(month: number): string {
  if (month <= 10) return month === 10 ? '十' : CN[month]!;
  return `十${CN[month - 10]}`;
}

/** 2026-10-12 → 二〇二六年十月 */
export function chineseYearMonth(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return `${chineseYear(y!)}年${chineseMonth(m!)}月`;
}

/**
 * Pure: the plaque's lines. A center name starting with the city (福州市…) puts the city on its own
 * line above the rest, as plaques are set; the authority and the month follow.
 */
export function plaqueLines(centerName: string, authority: string, awardedOn: string): string[] {
  const name = centerName.trim();
  const m = /^(.{2,4}?市)(.{6,})$/u.exec(name);
  return [...(m ? [m[1]!, m[2]!] : [name]), authority.trim(), chineseYearMonth(awardedOn)];
}

export const PLAQUE_COLUMNS: TableColumn[] = [
  { header: '序号', width: 7, align: 'center' },
  { header: '依托单位\n证书编号、尺寸', width: 24 },
  { header: '牌匾文字（逐行，以此为准）', width: 53, align: 'center', keepLines: true },
  { header: '核对确认\n（签字、日期）', width: 16 },
];

export function plaqueRows(input: PlaqueSheetInput): string[][] {
  return input.plaques.map((p, i) => {
    const lines = p.lines?.length ? p.lines : plaqueLines(p.centerName, input.authority, input.awardedOn);
    return [
      String(i + 1),
      [
        p.hostUnit.trim(),
        p.certificateNumber?.trim() ?? '',
        `尺寸：${p.sizeSuggestion?.trim() || input.sizeSuggestion?.trim() || PLAQUE_SIZE_SUGGESTION}`,
      ]
        .filter(Boolean)
        .join('\n'),
      lines.map((l) => l.trim()).join('\n'),
      '',
    ];
  });
}

export const PLAQUE_NOTES = [
  '说明：',
  '1．请制作单位严格按“牌匾文字”一栏逐行制作（栏内每行即牌匾上的一行），不得增删、改动文字或调换行序。',
  '2．制作前请将本单核对无误后签字确认，制作样稿经我局确认后方可批量制作。',
];

export async function renderPlaqueSheet(input: PlaqueSheetInput): Promise<Buffer> {
  if (input.plaques.length === 0) throw new DeskError('INVALID_INPUT', '没有需要制作的牌匾。');
  if (!input.authority.trim()) throw new DeskError('INVALID_INPUT', '缺少授牌机关。');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.awardedOn) || !/^\d{4}-\d{2}-\d{2}$/.test(input.issuedOn)) {
    throw new DeskError('INVALID_INPUT', '授牌日期或制表日期格式不正确。');
  }
  const fonts = input.fonts ?? loadFontSet();
  const rows = plaqueRows(input);
  const title = '牌匾内容确认单';
  const sub = `${input.batchLabel ? `${input.batchLabel}${IDEO_SPACE}` : ''}共${input.plaques.length}块${IDEO_SPACE}授牌机关：${input.authority.trim()}`;
  const gap = (n: number): string => IDEO_SPACE.repeat(n);
  // Two lines, so the date label never leaves its 年 月 日 (nor the line its label).
  const confirm = [`制作单位（盖章）：${gap(12)}经办人（签字）：`, `日期：${gap(3)}年${gap(2)}月${gap(2)}日`];
  assertGlyphs([title, sub, ...confirm, ...PLAQUE_NOTES, ...PLAQUE_COLUMNS.map((c) => c.header), ...rows.flat(), '— 0123456789'], fonts);
  const g = new GbDocument({ fonts, title, author: input.authority, subject: sub, creationDate: isoToDate(input.issuedOn) });
  g.title(title);
  g.paragraph(sub, { size: FONT_SIZES.小四, align: 'center', indent: 0 });
  g.y += FONT_SIZES.小四 * 0.5;
  // The notes and the confirmation lines follow the last rows on their page (never alone on a page).
  const small = FONT_SIZES.小四;
  const cells = Math.floor(GB.width / small);
  const noteLines = PLAQUE_NOTES.reduce(
    (n, t, i) =>
      n +
      breakTokens(t, { charsPerLine: cells, firstLineIndent: i === 0 ? 0 : 2, measureLatin: (r) => g.widthOf(r, { size: small }) / small })
        .length,
    0,
  );
  const tail = small + (noteLines + 1 + confirm.length) * LINE_PITCH;
  drawTable(g, { columns: PLAQUE_COLUMNS, rows, size: FONT_SIZES.五号, role: 'fangsong', headerRole: 'heiti', tail });
  g.y += small;
  PLAQUE_NOTES.forEach((n, i) => g.paragraph(n, { size: small, indent: i === 0 ? 0 : 2, align: i === 0 ? 'left' : 'justify' }));
  g.y += LINE_PITCH;
  for (const line of confirm) g.paragraph(line, { size: small, indent: 0, align: 'left' });
  return g.finish();
}
