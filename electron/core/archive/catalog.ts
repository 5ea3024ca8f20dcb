/**
 * 档案目录: the archive's catalogue of items, as a print-ready xlsx and its machine-readable twins (JSON, CSV),
 * so the records office can file the archive without opening manifest.json. Per item: 全宗号, 年度, 保管期限,
 * 档号 (domain/archival-code.ts), 题名, 责任者, 文号, 日期 (bureau date), 页数, format, size, SHA-256 and SM3.
 * Written after every other item (it lists their hashes); the catalogue files themselves and manifest.json
 * are not items (manifest.json lists and hashes them).
 */
import { RECORD_KIND_LABELS, RETENTION_LABELS, type RecordKind, type RetentionPeriod } from '../contract/archive-labels.js';
import { buildRoster, workbookToBuffer } from '../documents/excel/style.js';
import { archivalCode, itemNumbers, RETENTION_CODES } from '../domain/archival-code.js';
import type { BufferEntry } from './collect.js';

export const CATALOG_PATH = '00-档案目录.xlsx';
export const CATALOG_JSON = '00-档案目录.json';
export const CATALOG_CSV = '00-档案目录.csv';

export interface CatalogItem {
  path: string;
  title: string;
  recordKind: RecordKind;
  responsible: string;
  docNumber: string;
  /** YYYY-MM-DD, bureau date. */
  date: string;
  pages: number | null;
  format: string;
  size: number;
  sha256: string;
  sm3: string;
  /** The content address the records hold (attachments): lets the verifier repeat the 真实性 check. */
  recordedSha256?: string;
}

export interface CatalogHead {
  year: number;
  sealVersion: number;
  sealedAt: string;
  bureauName: string;
  /** '' when not set: 档号 are then left empty. */
  fondsNumber: string;
  retention: Record<RecordKind, RetentionPeriod>;
}

export interface CatalogRow extends CatalogItem {
  no: number;
  fondsNumber: string;
  year: number;
  retention: string;
  retentionCode: string;
  itemNo: number;
  archivalCode: string;
  recordKindLabel: string;
}

/** The twin's shape (`format` names it for machines). */
export interface CatalogJson {
  format: 'ipc-desk-archive-catalog';
  version: 1;
  year: number;
  sealVersion: number;
  sealedAt: string;
  bureauName: string;
  fondsNumber: string;
  archivalCodeRule: string;
  items: CatalogRow[];
}

export const ARCHIVAL_CODE_RULE =
  '档号 = 全宗号-年度-保管期限代码-件号（DA/T 22-2015、DA/T 13）：保管期限代码 永久Y、30年D30、10年D10，件号为同一保管期限内的4位顺序号';

export function catalogRows(items: readonly CatalogItem[], head: CatalogHead): CatalogRow[] {
  const periods = items.map((i) => head.retention[i.recordKind]);
  const numbers = itemNumbers(periods);
  return items.map((it, i) => {
    const retention = periods[i]!;
    return {
      no: i + 1,
      fondsNumber: head.fondsNumber,
      year: head.year,
      retention: RETENTION_LABELS[retention],
      retentionCode: RETENTION_CODES[retention],
      itemNo: numbers[i]!,
      archivalCode: head.fondsNumber ? archivalCode({ fonds: head.fondsNumber, year: head.year, retention, itemNo: numbers[i]! }) : '',
      recordKindLabel: RECORD_KIND_LABELS[it.recordKind],
      ...it,
    };
  });
}

type Column = { header: string; key: keyof CatalogRow; width: number; kind?: 'number' };
/** Sheet 档案目录: the archival description of each item. */
const COLUMNS: Column[] = [
  { header: '序号', key: 'no', width: 4, kind: 'number' },
  { header: '档号', key: 'archivalCode', width: 17 },
  { header: '全宗号', key: 'fondsNumber', width: 5 },
  { header: '年度', key: 'year', width: 6, kind: 'number' },
  { header: '保管期限', key: 'retention', width: 5 },
  { header: '题名', key: 'title', width: 20 },
  { header: '责任者', key: 'responsible', width: 12 },
  { header: '文号', key: 'docNumber', width: 11 },
  { header: '日期', key: 'date', width: 11 },
  { header: '页数', key: 'pages', width: 4, kind: 'number' },
  { header: '格式', key: 'format', width: 6 },
  { header: '大小（字节）', key: 'size', width: 10, kind: 'number' },
  { header: '档案内位置', key: 'path', width: 24 },
];
/** Sheet 校验值: the two hashes of each item, by 序号 and 档号 (two 64-digit hashes do not print beside the description at 9 pt). */
const HASH_COLUMNS: Column[] = [
  { header: '序号', key: 'no', width: 4, kind: 'number' },
  { header: '档号', key: 'archivalCode', width: 17 },
  { header: 'SHA-256', key: 'sha256', width: 44 },
  { header: 'SM3', key: 'sm3', width: 44 },
];
/** The CSV twin: every column in one row (description, the two hashes, then the place in the archive). */
const CSV_COLUMNS = [...COLUMNS.slice(0, -1), ...HASH_COLUMNS.slice(2), COLUMNS.at(-1)!];

/** A 64-digit hash printed as four groups of 16, so it wraps in two lines (the JSON and CSV keep it whole). */
const grouped = (hex: string): string => hex.replace(/(.{16})(?=.)/g, '$1 ');

const sheetRows = (rows: readonly CatalogRow[], columns: Column[]) =>
  rows.map((r) => ({
    ...Object.fromEntries(columns.map((c) => [c.key, r[c.key] as string | number | null])),
    sha256: grouped(r.sha256),
    sm3: grouped(r.sm3),
  }));

export async function catalogEntries(rows: readonly CatalogRow[], head: CatalogHead & { sealedAtText: string }): Promise<BufferEntry[]> {
  const title = `福州市产业知识产权协同保护与运营中心${head.year}年度档案目录（第${head.sealVersion}版）`;
  const subtitle = `${head.bureauName}\u3000全宗号：${head.fondsNumber || '未设置'}\u3000封存时间：${head.sealedAtText}\u3000共${rows.length}件`;
  const spec = (c: Column) => ({ header: c.header, key: c.key, width: c.width, ...(c.kind ? { kind: c.kind } : {}) });
  const wb = buildRoster({
    sheetName: '档案目录',
    title,
    subtitle,
    orientation: 'landscape',
    columns: COLUMNS.map(spec),
    rows: sheetRows(rows, COLUMNS),
  });
  buildRoster({
    into: wb,
    sheetName: '校验值',
    title: `${head.year}年度档案目录（第${head.sealVersion}版）校验值`,
    subtitle,
    orientation: 'landscape',
    columns: HASH_COLUMNS.map(spec),
    rows: sheetRows(rows, HASH_COLUMNS),
  });
  // Hashes in a monospaced face, so the two groups of 16 digits per line fit the column as measured.
  const hashes = wb.getWorksheet('校验值')!;
  hashes.eachRow((row, n) => {
    if (n <= 3) return;
    for (const col of [3, 4]) row.getCell(col).font = { name: 'Courier New', size: 10 };
  });
  const json: CatalogJson = {
    format: 'ipc-desk-archive-catalog',
    version: 1,
    year: head.year,
    sealVersion: head.sealVersion,
    sealedAt: head.sealedAt,
    bureauName: head.bureauName,
    fondsNumber: head.fondsNumber,
    archivalCodeRule: ARCHIVAL_CODE_RULE,
    items: [...rows],
  };
  const csvCell = (v: unknown): string => {
    const s = v === null || v === undefined ? '' : String(v);
    // Quoted always; a leading formula character gets an apostrophe so a spreadsheet shows it as text.
    return `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
  };
  const csv = [
    CSV_COLUMNS.map((c) => csvCell(c.header)).join(','),
    ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c.key])).join(',')),
  ].join('\r\n');
  return [
    { path: CATALOG_PATH, kind: 'catalog', data: await workbookToBuffer(wb), title: '档案目录' },
    { path: CATALOG_JSON, kind: 'catalog', data: Buffer.from(`${JSON.stringify(json, null, 2)}\n`, 'utf8'), title: '档案目录（JSON）' },
    { path: CATALOG_CSV, kind: 'catalog', data: Buffer.from(`\uFEFF${csv}\r\n`, 'utf8'), title: '档案目录（CSV）' },
  ];
}
