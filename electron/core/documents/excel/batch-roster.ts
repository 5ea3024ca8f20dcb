/** 申报批次一览表 (Excel): the same content as the PDF, with real date cells. */
import { BATCH_STATUS_LABELS, type Batch } from '../../contract/batches.js';
import type { Settings } from '../../contract/settings.js';
import { batchSequenceText, formatChineseDate } from '../../domain/batches.js';
import { buildRoster, workbookToBuffer, type RosterColumn } from './style.js';

export interface BatchRosterInput {
  batches: Batch[];
  settings: Settings;
  year?: number;
  /** YYYY-MM-DD */
  generatedOn: string;
}

export const BATCH_ROSTER_COLUMNS: RosterColumn[] = [
  { header: '序号', key: 'no', width: 6, kind: 'number' },
  { header: '年度', key: 'year', width: 8, kind: 'number' },
  { header: '批次', key: 'batch', width: 8 },
  { header: '名称', key: 'title', width: 40 },
  { header: '受理开始', key: 'opensOn', width: 16, kind: 'date' },
  { header: '受理截止', key: 'closesOn', width: 16, kind: 'date' },
  { header: '状态', key: 'status', width: 10 },
  { header: '备注', key: 'reason', width: 36 },
];

export async function renderBatchRosterXlsx(input: BatchRosterInput): Promise<Buffer> {
  const list = input.batches
    .filter((b) => input.year === undefined || b.year === input.year)
    .sort((a, b) => a.year - b.year || a.sequence - b.sequence);
  const title = input.year === undefined ? '申报批次一览表' : `${input.year}年度申报批次一览表`;
  const wb = buildRoster({
    sheetName: '申报批次',
    title,
    subtitle: `制表单位：${input.settings.bureauName}\u3000\u3000生成日期：${formatChineseDate(input.generatedOn)}`,
    columns: BATCH_ROSTER_COLUMNS,
    rows: list.map((b, i) => ({
      no: i + 1,
      year: b.year,
      batch: batchSequenceText(b.sequence),
      title: b.title,
      opensOn: b.opensOn,
      closesOn: b.closesOn,
      status: BATCH_STATUS_LABELS[b.status],
      reason: b.extraBatchReason ?? '',
    })),
    orientation: 'landscape',
  });
  wb.title = title;
  wb.company = input.settings.bureauName;
  const created = new Date(`${input.generatedOn.slice(0, 10)}T00:00:00Z`);
  wb.created = created;
  wb.modified = created;
  return workbookToBuffer(wb);
}
