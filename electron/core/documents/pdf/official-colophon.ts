import type { DocumentKind } from '../../contract/document-labels.js';
import { formatChineseDate } from '../../domain/batches.js';
import type { OfficialFormat } from '../../domain/document-kinds.js';
import { breakTokens } from './layout.js';
import { EPS, type Cursor, type FlowBuilder, type FlowLine } from './official-flow.js';
import { KIND_GEOMETRY } from './official-geometry.js';
import type { PageSpec } from './page-model.js';
import { FONT_SIZES, GB, LINE_PITCH, TEXT_BOTTOM, TEXT_RIGHT } from './units.js';

/**
 * 版记 (§7.4): 抄送 (4号仿宋, one character in on each side, wrapped lines under the first organ) and, for
 * 文件格式, 印发机关 + 印发日期 between a thick first and last rule with thin rules between, the last rule on
 * the text block's bottom edge, on the last page, which must be even (a blank page before it if needed; both
 * then unnumbered, §7.5). 信函格式: 抄送 only, no rules (§10.1).
 */
export function placeColophon(
  format: OfficialFormat,
  kind: DocumentKind,
  end: Cursor,
  b: FlowBuilder,
  pages: PageSpec[],
  newPage: (role?: PageSpec['role']) => PageSpec,
): void {
  const c = format.colophon;
  if (!c || kind === 'announcement') return;
  const withPrinter = kind === 'file' && !!c.issuingOffice;
  const copy = c.copyTo.filter((s) => s.trim());
  if (!withPrinter && copy.length === 0) return;
  const size = FONT_SIZES.四号;
  const inner = GB.width - 2 * size;
  const groups: FlowLine[][] = [];
  if (copy.length > 0) {
    const text = `抄送：${copy.join('，')}。`;
    const cells = Math.floor(inner / size + EPS);
    const lines = breakTokens(text, {
      charsPerLine: cells - 3,
      firstLineIndent: -3,
      measureLatin: (r) => b.width(r, 'fangsong', size) / size,
    });
    groups.push(
      lines.map((tokens, i) => ({
        kind: 'body' as const,
        end: i === lines.length - 1,
        draw: b.placeTokens(
          tokens,
          GB.left + size + (i === 0 ? 0 : 3 * size),
          inner - (i === 0 ? 0 : 3 * size),
          i === lines.length - 1 ? 'left' : 'justify',
          size,
          'fangsong',
          size,
        ),
      })),
    );
  }
  if (withPrinter) {
    const printed = `${formatChineseDate(c.printedOn!)}印发`;
    const pw = b.width(printed, 'fangsong', size);
    groups.push([
      {
        kind: 'body',
        end: true,
        draw: (top) => [
          { kind: 'text', x: GB.left + size, top, text: c.issuingOffice!, role: 'fangsong', size },
          { kind: 'text', x: TEXT_RIGHT - size - pw, top, text: printed, role: 'fangsong', size },
        ],
      },
    ]);
  }
  const rowsCount = groups.reduce((s, g) => s + g.length, 0);
  const height = rowsCount * LINE_PITCH;
  const fits = end.y <= TEXT_BOTTOM - height + EPS;
  let target: PageSpec;
  if (kind === 'file') {
    const lastNo = pages.length;
    if (lastNo % 2 === 0 && fits) target = end.page;
    else if (lastNo % 2 === 1) target = newPage('colophon');
    else {
      newPage('blank');
      target = newPage('colophon');
    }
  } else target = fits ? end.page : newPage('colophon');
  const G = KIND_GEOMETRY;
  let y = TEXT_BOTTOM - height;
  const rule = (at: number, width: number): void => {
    if (kind === 'file') target.items.push({ kind: 'rule', x1: GB.left, x2: TEXT_RIGHT, y: at, width, color: '#000000' });
  };
  rule(y, G.colophonThick);
  groups.forEach((g, gi) => {
    if (gi > 0) rule(y, G.colophonThin);
    for (const l of g) {
      target.items.push(...l.draw(y + (LINE_PITCH - size) / 2));
      y += LINE_PITCH;
    }
  });
  rule(TEXT_BOTTOM, G.colophonThick);
}
