/**
 * 档案目录: the archive's own catalogue as a print-ready xlsx (序号, 类别, 题名, 档案内位置, 大小), so the
 * records office can file the archive without opening manifest.json. The sha256 of every file stays in
 * manifest.json (the catalogue is itself listed there).
 */
import path from 'node:path';
import { buildRoster, workbookToBuffer } from '../documents/excel/style.js';
import type { ArchiveEntry, BufferEntry } from './collect.js';

export const CATALOG_PATH = '00-档案目录.xlsx';

const KIND_LABELS: Record<string, string> = { readme: '说明', data: '数据', document: '文书', attachment: '附件' };

function sizeOf(e: ArchiveEntry): number {
  return 'data' in e ? e.data.length : e.size;
}

/** What kind of record a file is, as a clerk files it: rosters (xlsx) apart from documents (PDF). */
function kindLabel(e: ArchiveEntry): string {
  if (e.kind === 'document' && /\.xlsx$/i.test(e.path)) return '名册';
  return KIND_LABELS[e.kind] ?? e.kind;
}

export async function catalogEntry(
  entries: readonly ArchiveEntry[],
  head: { year: number; sealVersion: number; bureauName: string; sealedAtText: string },
): Promise<BufferEntry> {
  const wb = buildRoster({
    sheetName: '档案目录',
    title: `福州市产业知识产权协同保护与运营中心${head.year}年度档案目录（第${head.sealVersion}版）`,
    subtitle: `${head.bureauName}\u3000封存时间：${head.sealedAtText}\u3000共${entries.length}个文件（各文件的SHA-256校验值见 manifest.json）`,
    orientation: 'landscape',
    columns: [
      { header: '序号', key: 'no', width: 6, kind: 'number' },
      { header: '类别', key: 'kind', width: 8 },
      { header: '题名', key: 'title', width: 44 },
      { header: '档案内位置', key: 'path', width: 70 },
      { header: '大小（字节）', key: 'size', width: 14, kind: 'number' },
    ],
    rows: entries.map((e, i) => ({
      no: i + 1,
      kind: kindLabel(e),
      title: e.title ?? path.posix.basename(e.path).replace(/\.[^.]+$/, ''),
      path: e.path,
      size: sizeOf(e),
    })),
  });
  return { path: CATALOG_PATH, kind: 'catalog', data: await workbookToBuffer(wb), title: '档案目录' };
}
