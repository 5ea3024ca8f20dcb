/** 版头 of an official document: the 发文机关标志, 发文字号 and red rules of 文件格式 (§7.2) and 信函格式 (§10.1). */
import type { DocumentKind } from '../../contract/document-labels.js';
import type { OfficialFormat } from '../../domain/document-kinds.js';
import type { FlowBuilder } from './official-flow.js';
import { KIND_GEOMETRY } from './official-geometry.js';
import type { PageSpec } from './page-model.js';
import { A4, FONT_SIZES, GB, LINE_PITCH, TEXT_RIGHT } from './units.js';

/** Size of a mark: 初号 at most, smaller so it fits the text block with some air (信函: 小初 at most). */
export function markSize(mark: string, kind: DocumentKind): number {
  const chars = Math.max([...mark].length, 1);
  const cap = kind === 'letter' ? FONT_SIZES.小初 : FONT_SIZES.初号;
  return Math.min(cap, (GB.width * 0.92) / chars);
}

/** Draws the 版头 on page 1; returns where the title may start (before snapping to the grid). */
export function drawHeader(page: PageSpec, format: OfficialFormat, docNumber: string | undefined, b: FlowBuilder): number {
  const { kind, mark } = format;
  const G = KIND_GEOMETRY;
  if (kind === 'announcement') return GB.top;
  const size = markSize(mark, kind);
  const markStyle = { role: 'xiaobiaosong' as const, size, color: GB.red };
  const w = b.width(mark, 'xiaobiaosong', size);
  if (kind === 'file') {
    page.items.push({ kind: 'text', x: GB.left + (GB.width - w) / 2, top: G.fileMarkTop, text: mark, ...markStyle });
    let ruleY = G.fileMarkTop + size + G.redLineGap;
    if (docNumber) {
      const top = G.fileMarkTop + size + 2 * LINE_PITCH; // 发文字号: two blank lines below the mark (§7.2.5)
      const nw = b.width(docNumber, 'fangsong', GB.bodySize);
      page.items.push({ kind: 'text', x: GB.left + (GB.width - nw) / 2, top, text: docNumber, role: 'fangsong', size: GB.bodySize });
      ruleY = top + GB.bodySize + G.redLineGap;
    }
    page.items.push({ kind: 'rule', x1: GB.left, x2: TEXT_RIGHT, y: ruleY, width: 1, color: GB.red });
    return ruleY + 2 * LINE_PITCH - LINE_PITCH / 2; // title two blank lines below the rule (§7.3.1)
  }
  // 信函格式
  page.items.push({ kind: 'text', x: GB.left + (GB.width - w) / 2, top: G.letterMarkTop, text: mark, ...markStyle });
  const x1 = (A4.width - G.letterRuleLength) / 2;
  const x2 = x1 + G.letterRuleLength;
  const thick = G.letterMarkTop + size + G.redLineGap;
  const thin = thick + G.letterRuleGap + (G.letterThick + G.letterThin) / 2;
  page.items.push({ kind: 'rule', x1, x2, y: thick, width: G.letterThick, color: GB.red });
  page.items.push({ kind: 'rule', x1, x2, y: thin, width: G.letterThin, color: GB.red });
  const bottomThick = G.letterBottomRule;
  const bottomThin = bottomThick - G.letterRuleGap - (G.letterThick + G.letterThin) / 2;
  page.items.push({ kind: 'rule', x1, x2, y: bottomThin, width: G.letterThin, color: GB.red });
  page.items.push({ kind: 'rule', x1, x2, y: bottomThick, width: G.letterThick, color: GB.red });
  let last = thin;
  if (docNumber) {
    const top = thin + G.letterNumberGap;
    const nw = b.width(docNumber, 'fangsong', GB.bodySize);
    page.items.push({ kind: 'text', x: TEXT_RIGHT - nw, top, text: docNumber, role: 'fangsong', size: GB.bodySize });
    last = top + GB.bodySize;
  }
  return last + 2 * LINE_PITCH - LINE_PITCH / 2; // title two lines below the last element (§10.1)
}
