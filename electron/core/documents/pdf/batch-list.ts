/** 申报批次一览表 (PDF): title, issuing bureau and date, a ruled table of batches, page numbers. */
import { BATCH_STATUS_LABELS, type Batch } from '../../contract/batches.js';
import type { Settings } from '../../contract/settings.js';
import { batchSequenceText, formatChineseDate } from '../../domain/batches.js';
import { assertGlyphs } from '../fonts/glyphs.js';
import { loadFontSet, type FontSet } from '../fonts/registry.js';
import { GbDocument } from './document.js';
import { drawTable, type TableColumn } from './table.js';
import { FONT_SIZES, GB, LINE_PITCH } from './units.js';

export interface BatchListInput {
  batches: Batch[];
  settings: Settings;
  /** Only this year's batches; all years when omitted. */
  year?: number;
  /** YYYY-MM-DD, printed and used as the PDF creation date. */
  generatedOn: string;
  fonts?: FontSet;
}

export const BATCH_LIST_COLUMNS: TableColumn[] = [
  { header: '序号', width: 12, align: 'center' },
  { header: '年度', width: 13, align: 'center' },
  { header: '批次', width: 14, align: 'center' },
  { header: '名称', width: 42 },
  { header: '受理期限', width: 33 },
  { header: '状态', width: 16, align: 'center' },
  { header: '备注', width: 26 },
];

/** Pure: the title and table cells (shared with the Excel roster). */
export function batchListContent(input: Pick<BatchListInput, 'batches' | 'year'>): { title: string; rows: string[][] } {
  const list = input.batches
    .filter((b) => input.year === undefined || b.year === input.year)
    .sort((a, b) => a.year - b.year || a.sequence - b.sequence);
  const title = input.year === undefined ? '申报批次一览表' : `${input.year}年度申报批次一览表`;
  const rows = list.map((b, i) => [
    String(i + 1),
    String(b.year),
    batchSequenceText(b.sequence),
    b.title,
    `${formatChineseDate(b.opensOn)}至\n${formatChineseDate(b.closesOn)}`,
    BATCH_STATUS_LABELS[b.status],
    b.extraBatchReason ?? '',
  ]);
  return { title, rows };
}

export function isoToDate(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export async function renderBatchListPdf(input: BatchListInput): Promise<Buffer> {
  const fonts = input.fonts ?? loadFontSet();
  const { title, rows } = batchListContent(input);
  const empty = rows.length === 0 ? [['', '', '', '（暂无申报批次）', '', '', '']] : rows;
  const bureau = `制表单位：${input.settings.bureauName}`;
  const date = formatChineseDate(input.generatedOn);
  assertGlyphs([title, bureau, date, ...BATCH_LIST_COLUMNS.map((c) => c.header), ...empty.flat(), '— 0123456789 —'], fonts);

  const g = new GbDocument({
    fonts,
    title,
    author: input.settings.bureauName,
    subject: title,
    creationDate: isoToDate(input.generatedOn),
  });
  g.title(title);
  g.y += LINE_PITCH / 2;
  const info = { role: 'fangsong' as const, size: FONT_SIZES.四号 };
  g.drawAt(bureau, GB.left, g.y, info);
  const dw = g.widthOf(date, info);
  g.drawAt(date, GB.left + GB.width - dw, g.y, info);
  g.y += LINE_PITCH;
  drawTable(g, { columns: BATCH_LIST_COLUMNS, rows: empty });
  return g.finish();
}
