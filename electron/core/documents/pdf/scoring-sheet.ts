/**
 * 专家评分表 (PDF, A4 portrait, one page per sheet): header block, ruled criteria table, totals,
 * recommendation boxes, comment box, signature line and — on filled sheets — the 校验码 that ties
 * the signed paper to the stored score file. Blank sheets are printed per application × expert for
 * paper review (`renderScoringSheets`).
 */
import { DeskError } from '../../contract/errors.js';
import { formatChineseDate } from '../../domain/batches.js';
import { bureauDate } from '../../domain/bureau-time.js';
import { assertGlyphs } from '../fonts/glyphs.js';
import { loadFontSet, type FontSet } from '../fonts/registry.js';
import { verificationCode as computeCode } from '../verification-code.js';
import { isoToDate } from './batch-list.js';
import { GbDocument, PAGE, type TextStyle } from './document.js';
import { drawRow, layRow, PAD_X, type GridCell, type LaidRow } from './grid.js';
import { breakTokens, type Token } from './layout.js';
import { FONT_SIZES, GB, mm } from './units.js';

// ---------------------------------------------------------------------------------------------
// Input types (plain: the API maps its entities onto these)

export interface ScoringCriterion {
  key: string;
  title: string;
  max: number;
  step: number;
  description?: string;
}

export interface ScoringTemplate {
  version: number;
  criteria: ScoringCriterion[];
  passLine: number;
}

export interface ApplicationSummary {
  id: string;
  unitName: string;
  centerName: string;
  district: string;
  industry: string;
}

export interface ExpertSummary {
  id: string;
  name: string;
  organisation: string;
  title: string;
}

export type Recommendation = '推荐' | '不推荐';

export interface FilledSheet {
  scores: Record<string, number>;
  total: number;
  recommendation: Recommendation;
  comment: string;
  /** YYYY-MM-DD */
  signedOn: string;
}

export interface ScoringSheetInput {
  bureauName: string;
  batchLabel: string;
  template: ScoringTemplate;
  application: ApplicationSummary;
  expert: ExpertSummary;
  mode: 'blank' | 'filled';
  /** Required when mode is 'filled'. */
  sheet?: FilledSheet;
  /** Printed on filled sheets; computed from the sheet when omitted. */
  verificationCode?: string;
  /** YYYY-MM-DD for the PDF metadata; defaults to the signing date, else today. */
  generatedOn?: string;
}

export interface RenderOptions {
  fonts?: FontSet;
}

export interface BatchRenderOptions extends RenderOptions {
  /** Called after each page with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export const SCORING_SHEET_TITLE = '福州市产业知识产权协同保护与运营中心专家评分表';

// ---------------------------------------------------------------------------------------------
// Pure helpers

/** 12 → "12", 12.5 → "12.5", 12.25 → "12.25" (never float noise). */
export function formatScore(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export const templateMaxTotal = (t: ScoringTemplate): number => t.criteria.reduce((s, c) => s + c.max, 0);

/** The note under the table: the step rule, once if all criteria share it. */
export function stepNote(t: ScoringTemplate): string {
  const steps = [...new Set(t.criteria.map((c) => c.step))];
  const rule = steps.length === 1 ? `以${formatScore(steps[0]!)}分为单位` : '按各项规定的分值单位';
  return `注：各项得分在0分至该项分值之间，${rule}；合计${formatScore(templateMaxTotal(t))}分，${formatScore(t.passLine)}分及以上为合格。`;
}

/** 林晓明（福州大学知识产权学院 教授） */
export function expertLine(e: ExpertSummary): string {
  const about = [e.organisation, e.title].filter((x) => x.trim() !== '').join('\u3000');
  return about ? `${e.name}（${about}）` : e.name;
}

function checkInput(input: ScoringSheetInput): FilledSheet | null {
  if (input.template.criteria.length === 0) throw new DeskError('INVALID_INPUT', '评分模板没有评分项目，无法生成评分表。');
  if (input.mode === 'blank') return null;
  if (!input.sheet) throw new DeskError('INVALID_INPUT', '已填评分表缺少评分记录。');
  return input.sheet;
}

/** The code printed on a filled sheet (given, or computed from the stored scores). */
export function sheetCode(input: ScoringSheetInput, sheet: FilledSheet): string {
  return (
    input.verificationCode ??
    computeCode({
      applicationId: input.application.id,
      expertId: input.expert.id,
      templateVersion: input.template.version,
      scores: sheet.scores,
      total: sheet.total,
      recommendation: sheet.recommendation,
      signedOn: sheet.signedOn,
    })
  );
}

/** Every string a sheet prints, for the glyph check. */
export function scoringSheetStrings(input: ScoringSheetInput): string[] {
  const t = input.template;
  return [
    SCORING_SHEET_TITLE,
    input.batchLabel,
    input.bureauName,
    input.application.unitName,
    input.application.centerName,
    input.application.district,
    input.application.industry,
    input.expert.name,
    input.expert.organisation,
    input.expert.title,
    ...t.criteria.flatMap((c) => [c.title, c.description ?? '']),
    stepNote(t),
    input.sheet?.comment ?? '',
    input.verificationCode ?? '',
    '评审批次：申报单位拟建中心名称所属产业县(市)区评审专家（）序号评分项目评分要点分值得分合计评审结论推荐不推荐评审意见',
    '专家签名：日期：年月日本表得分与系统记录一致，校验码：0123456789ABCDEFGHJKMNPQRSTVWXYZ.√—',
  ];
}

// ---------------------------------------------------------------------------------------------
// Layout

const INFO_WIDTHS = [mm(28), mm(50), mm(28), mm(50)];
const TABLE_WIDTHS = [mm(11), mm(40), mm(75), mm(14), mm(16)];
/**
 * A form uses more of the sheet than the GB/T 9704 text block (same left/right edges, 22 mm from
 * the top, 20 mm from the bottom) so the expert has room to write.
 */
const SHEET_TOP = mm(22);
const SHEET_BOTTOM = PAGE.height - mm(20);
const LABEL_FILL = '#F2F2F2';
/** Table font sizes tried in turn until the sheet fits one page. */
const SIZES = [FONT_SIZES.五号, 10, 9.5, 9, 8.5, 8];
const COMMENT_PITCHES = [mm(8), mm(7), mm(6)];
const SIGNATURE_BLOCK = mm(15);
const CODE_BLOCK = mm(8);

interface SheetPlan {
  size: number;
  info: LaidRow[];
  table: LaidRow[];
  total: LaidRow;
  decision: LaidRow;
  commentLines: Token[][];
  commentPitch: number;
  commentHeight: number;
}

const commentStyle = (size: number): TextStyle => ({ role: 'kaiti', size: Math.min(FONT_SIZES.小四, size + 1.5) });

function plan(g: GbDocument, input: ScoringSheetInput, sheet: FilledSheet | null, top: number): SheetPlan | null {
  const { application: a, expert: e, template: t } = input;
  for (const commentPitch of COMMENT_PITCHES) {
    for (const size of SIZES) {
      const label = (text: string): GridCell => ({ text, role: 'heiti', align: 'center', fill: LABEL_FILL });
      const infoMin = mm(8);
      const info = [
        { cells: [label('申报单位'), { text: a.unitName, span: 3 }] },
        { cells: [label('拟建中心名称'), { text: a.centerName, span: 3 }] },
        { cells: [label('所属产业'), { text: a.industry }, label('县(市)区'), { text: a.district }] },
        { cells: [label('评审专家'), { text: expertLine(e), span: 3 }] },
      ].map((r) => layRow(g, GB.left, INFO_WIDTHS, { ...r, size, minHeight: infoMin }));

      const head = (text: string): GridCell => ({ text, role: 'heiti', align: 'center', fill: LABEL_FILL });
      const scoreMin = sheet ? mm(8) : mm(11);
      const table = [
        layRow(g, GB.left, TABLE_WIDTHS, { cells: ['序号', '评分项目', '评分要点', '分值', '得分'].map(head), size, minHeight: mm(8) }),
        ...t.criteria.map((c, i) =>
          layRow(g, GB.left, TABLE_WIDTHS, {
            size,
            minHeight: scoreMin,
            cells: [
              { text: String(i + 1), align: 'center' },
              { text: c.title, role: 'heiti' },
              { text: c.description ?? '', size: Math.max(8, size - 0.5) },
              { text: formatScore(c.max), align: 'center' },
              { text: sheet?.scores[c.key] !== undefined ? formatScore(sheet.scores[c.key]!) : '', align: 'center', size: size + 1.5 },
            ],
          }),
        ),
      ];
      const total = layRow(g, GB.left, TABLE_WIDTHS, {
        size,
        minHeight: scoreMin,
        cells: [
          { text: '分值合计\u3000／\u3000得分合计', span: 3, role: 'heiti', align: 'center' },
          { text: formatScore(templateMaxTotal(t)), align: 'center', role: 'heiti' },
          { text: sheet ? formatScore(sheet.total) : '', align: 'center', role: 'heiti', size: size + 1.5 },
        ],
      });
      const decision = layRow(g, GB.left, INFO_WIDTHS, { size, minHeight: mm(10), cells: [label('评审结论'), { text: '', span: 3 }] });

      const cs = commentStyle(size);
      g.use(cs);
      const cInner = INFO_WIDTHS.slice(1).reduce((x, y) => x + y, 0) - 2 * PAD_X;
      const commentLines = sheet
        ? sheet.comment
            .split(/\r\n?|\n/)
            .flatMap((p) =>
              breakTokens(p, { charsPerLine: cInner / (cs.size ?? 12), measureLatin: (s) => g.doc.widthOfString(s) / (cs.size ?? 12) }),
            )
        : [];
      const noteH = mm(7);
      const fixed =
        info.reduce((s, r) => s + r.height, 0) +
        mm(3) +
        table.reduce((s, r) => s + r.height, 0) +
        total.height +
        noteH +
        decision.height +
        SIGNATURE_BLOCK +
        (sheet ? CODE_BLOCK : 0);
      const room = SHEET_BOTTOM - top - fixed;
      const needLines = Math.max(3, commentLines.length);
      const need = needLines * commentPitch + mm(4);
      if (room >= need) {
        // The comment box takes what is left (handwriting room), in whole ruled lines.
        const lines = Math.floor((room - mm(4)) / commentPitch);
        return { size, info, table, total, decision, commentLines, commentPitch, commentHeight: lines * commentPitch + mm(4) };
      }
    }
  }
  return null;
}

function drawCheckbox(g: GbDocument, x: number, top: number, side: number, ticked: boolean): void {
  g.doc.save().lineWidth(0.8).strokeColor('#000000').rect(x, top, side, side).stroke().restore();
  if (ticked) g.drawAt('√', x + side * 0.12, top + side * 0.1, { role: 'heiti', size: side * 0.8 });
}

/** Draws one sheet on the current page of `g` (which must be empty). */
function drawSheet(g: GbDocument, input: ScoringSheetInput): void {
  const sheet = checkInput(input);
  g.y = SHEET_TOP;
  const title = { role: 'xiaobiaosong' as const, size: FONT_SIZES.小二 };
  const tw = g.widthOf(SCORING_SHEET_TITLE, title);
  const titleSize = tw > GB.width ? (FONT_SIZES.小二 * GB.width) / tw : FONT_SIZES.小二;
  const t2 = { ...title, size: titleSize };
  g.drawAt(SCORING_SHEET_TITLE, GB.left + (GB.width - g.widthOf(SCORING_SHEET_TITLE, t2)) / 2, g.y, t2);
  g.y += mm(10);
  const sub = `评审批次：${input.batchLabel}`;
  const subStyle = { role: 'kaiti' as const, size: FONT_SIZES.小四 };
  const subW = Math.min(g.widthOf(sub, subStyle), GB.width);
  g.drawAt(sub, GB.left + (GB.width - subW) / 2, g.y, subStyle);
  g.y += mm(8);

  const p = plan(g, input, sheet, g.y);
  if (!p) throw new DeskError('INVALID_INPUT', '评分表内容过多（评分要点或评审意见过长），一页放不下。请精简后再打印。');
  for (const r of p.info) drawRow(g, r);
  g.y += mm(3);
  for (const r of p.table) drawRow(g, r);
  drawRow(g, p.total);
  const note = stepNote(input.template);
  const noteStyle = { role: 'kaiti' as const, size: Math.min(9, p.size) };
  const noteScale = Math.min(1, GB.width / g.widthOf(note, noteStyle));
  g.drawAt(note, GB.left, g.y + mm(1.5), { ...noteStyle, size: noteStyle.size * noteScale });
  g.y += mm(7);

  // 评审结论: two boxes in the value cell.
  const decisionTop = g.y;
  drawRow(g, p.decision);
  const side = mm(4.2);
  const boxTop = decisionTop + (p.decision.height - side) / 2;
  const text = { role: 'song' as const, size: FONT_SIZES.小四 };
  let x = GB.left + INFO_WIDTHS[0]! + mm(8);
  for (const option of ['推荐', '不推荐'] as const) {
    drawCheckbox(g, x, boxTop, side, sheet?.recommendation === option);
    g.drawAt(option, x + side + mm(1.5), boxTop + (side - text.size) / 2, text);
    x += side + mm(1.5) + g.widthOf(option, text) + mm(16);
  }

  // 评审意见: a label cell and a box of ruled lines (the comment written on them when filled).
  const ctop = g.y;
  const h = p.commentHeight;
  const d = g.doc;
  d.save().rect(GB.left, ctop, INFO_WIDTHS[0]!, h).fill(LABEL_FILL).restore();
  d.save()
    .lineWidth(0.6)
    .strokeColor('#000000')
    .rect(GB.left, ctop, INFO_WIDTHS[0]!, h)
    .stroke()
    .rect(GB.left + INFO_WIDTHS[0]!, ctop, GB.width - INFO_WIDTHS[0]!, h)
    .stroke()
    .restore();
  const lab = { role: 'heiti' as const, size: p.size };
  const labW = g.widthOf('评审意见', lab);
  g.drawAt('评审意见', GB.left + (INFO_WIDTHS[0]! - labW) / 2, ctop + h / 2 - p.size / 2, lab);
  const lx = GB.left + INFO_WIDTHS[0]! + PAD_X;
  const lw = GB.width - INFO_WIDTHS[0]! - 2 * PAD_X;
  const lines = Math.floor((h - mm(4)) / p.commentPitch);
  d.save().lineWidth(0.4).strokeColor('#9A9A9A');
  for (let i = 1; i <= lines; i++) {
    const ly = ctop + mm(2) + i * p.commentPitch;
    d.moveTo(lx, ly)
      .lineTo(lx + lw, ly)
      .stroke();
  }
  d.restore();
  const cs = commentStyle(p.size);
  p.commentLines.forEach((tokens, i) => {
    const baseline = ctop + mm(2) + (i + 1) * p.commentPitch - mm(1.2);
    g.y = baseline - 0.88 * (cs.size ?? 12);
    g.placeLine(tokens, lx, lw, 'left', cs.size ?? 12, cs);
  });
  g.y = ctop + h;

  // 专家签名 and 日期 with underlines to write on.
  const sig = { role: 'fangsong' as const, size: FONT_SIZES.四号 };
  const sy = g.y + mm(7);
  const underline = (x0: number, w: number): void => {
    d.save()
      .lineWidth(0.6)
      .strokeColor('#000000')
      .moveTo(x0, sy + sig.size + 1.5)
      .lineTo(x0 + w, sy + sig.size + 1.5)
      .stroke()
      .restore();
  };
  // Laid out as pieces (text, or a blank to write on), the whole line flush with the right edge.
  type Piece = { text: string } | { blank: number; text?: string };
  const pieces: Piece[] = [{ text: '专家签名：' }, { blank: mm(40) }, { blank: 0 }, { text: '\u3000\u3000日期：' }];
  if (sheet) {
    const date = formatChineseDate(sheet.signedOn);
    pieces.push({ blank: g.widthOf(date, sig) + mm(2), text: date });
  } else {
    pieces.push({ blank: mm(14) }, { text: '年' }, { blank: mm(9) }, { text: '月' }, { blank: mm(9) }, { text: '日' });
  }
  const widthOf = (p: Piece): number => ('blank' in p ? p.blank : g.widthOf(p.text, sig));
  let sx = GB.left + GB.width - mm(2) - pieces.reduce((sum, p) => sum + widthOf(p), 0);
  for (const p of pieces) {
    if ('blank' in p) {
      if (p.blank > 0) underline(sx, p.blank);
      if (p.text) g.drawAt(p.text, sx + mm(1), sy, sig);
    } else {
      g.drawAt(p.text, sx, sy, sig);
    }
    sx += widthOf(p);
  }
  g.y = sy + SIGNATURE_BLOCK - mm(7);

  if (sheet) {
    const code = sheetCode(input, sheet);
    const line = `本表得分与系统记录一致，校验码：${code}`;
    g.drawAt(line, GB.left, g.y + mm(2), { role: 'kaiti', size: FONT_SIZES.五号 });
    g.y += CODE_BLOCK;
  }
}

function newDocument(fonts: FontSet, first: ScoringSheetInput, title: string): GbDocument {
  const on = first.generatedOn ?? first.sheet?.signedOn ?? bureauDate(new Date());
  return new GbDocument({
    fonts,
    title,
    author: first.bureauName,
    subject: first.batchLabel,
    creationDate: isoToDate(on),
    pageNumbers: false,
  });
}

/** One sheet on one A4 page. */
export async function renderScoringSheet(input: ScoringSheetInput, opts: RenderOptions = {}): Promise<Buffer> {
  const fonts = opts.fonts ?? loadFontSet();
  checkInput(input);
  assertGlyphs(scoringSheetStrings(input), fonts);
  const g = newDocument(fonts, input, `${SCORING_SHEET_TITLE}（${input.application.unitName}，${input.expert.name}）`);
  drawSheet(g, input);
  return g.finish();
}

/** Many sheets (e.g. every application × expert for paper review) in one PDF, one page each. */
export async function renderScoringSheets(list: ScoringSheetInput[], opts: BatchRenderOptions = {}): Promise<Buffer> {
  if (list.length === 0) throw new DeskError('INVALID_INPUT', '没有需要打印的评分表。');
  const fonts = opts.fonts ?? loadFontSet();
  for (const input of list) checkInput(input);
  assertGlyphs(list.flatMap(scoringSheetStrings), fonts);
  const g = newDocument(fonts, list[0]!, SCORING_SHEET_TITLE);
  for (let i = 0; i < list.length; i++) {
    if (i > 0) g.newPage();
    drawSheet(g, list[i]!);
    opts.onProgress?.(i + 1, list.length);
    // Let the event loop breathe on long runs (the main process also serves the window).
    if (i % 20 === 19) await new Promise<void>((r) => setImmediate(r));
  }
  return g.finish();
}
