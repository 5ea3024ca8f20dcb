/**
 * Reading back what the desk exported (preview, open, show in folder, save a copy): only a regular file inside
 * <data>/exports, also after following links, and of the kind the caller expects by its first bytes.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DeskError } from '../contract/errors.js';

/** True when `child` is strictly below `dir` (lexically; both absolute). */
function isBelow(dir: string, child: string): boolean {
  const rel = path.relative(dir, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** What an export is, by its first bytes: PDF (`%PDF-`), xlsx (a zip, `PK\x03\x04`), or anything else. */
export type ExportKind = 'pdf' | 'xlsx' | 'other';

export function exportKindOf(head: Uint8Array, fileName: string): ExportKind {
  const text = Buffer.from(head.subarray(0, 5)).toString('latin1');
  if (text === '%PDF-') return 'pdf';
  if (text.startsWith('PK\x03\x04') && /\.xlsx$/i.test(fileName)) return 'xlsx';
  return 'other';
}

export interface ExportFile {
  /** The file's real path (links followed), inside the exports folder. */
  file: string;
  fileName: string;
  size: number;
}

/**
 * Finds an exported file by the ExportedFile's `path` (absolute) or `relPath`. Refuses (INVALID_INPUT, field
 * `path`) anything outside <data>/exports, also through `..` and links; NOT_FOUND when it is gone.
 */
export async function findExport(exportsDir: string, requested: string, verb = '打开'): Promise<ExportFile> {
  const OUTSIDE = `只能${verb}数据文件夹“exports”中导出的文件。`;
  const root = path.resolve(exportsDir);
  const target = path.isAbsolute(requested) ? path.resolve(requested) : path.resolve(root, requested);
  if (requested.includes('\0') || !isBelow(root, target)) throw new DeskError('INVALID_INPUT', OUTSIDE, { field: 'path' });
  const fileName = path.basename(target);
  let real: string;
  try {
    real = await fs.realpath(target);
  } catch {
    throw new DeskError('NOT_FOUND', `文件“${fileName}”在导出文件夹中找不到，可能已被移走或删除。请重新生成。`);
  }
  if (!isBelow(await fs.realpath(root), real)) throw new DeskError('INVALID_INPUT', OUTSIDE, { field: 'path' });
  const stat = await fs.stat(real);
  if (!stat.isFile()) throw new DeskError('INVALID_INPUT', `“${fileName}”不是文件。`, { field: 'path' });
  return { file: real, fileName, size: stat.size };
}

/**
 * The bytes of an export of the given kind, at most `maxBytes`: FILE_REJECTED naming the file when it is
 * larger or of another kind.
 */
export async function readExport(
  exportsDir: string,
  requested: string,
  want: Exclude<ExportKind, 'other'>,
  maxBytes: number,
): Promise<ExportFile & { data: Buffer }> {
  const found = await findExport(exportsDir, requested, '预览');
  const what = want === 'pdf' ? 'PDF' : 'Excel（.xlsx）';
  const handle = await fs.open(found.file, 'r');
  try {
    const stat = await handle.stat();
    if (stat.size > maxBytes)
      throw new DeskError(
        'FILE_REJECTED',
        `文件“${found.fileName}”有 ${(stat.size / 1048576).toFixed(1)} MB，超过预览上限 ${maxBytes / 1048576} MB。请用系统程序打开。`,
      );
    const data = Buffer.alloc(stat.size);
    const { bytesRead } = await handle.read(data, 0, stat.size, 0);
    if (bytesRead !== stat.size || exportKindOf(data, found.fileName) !== want)
      throw new DeskError('FILE_REJECTED', `文件“${found.fileName}”不是 ${what} 文件，无法预览。`);
    return { ...found, size: stat.size, data };
  } finally {
    await handle.close();
  }
}

/**
 * Copies an export into `folder` (另存为…) under its own name, never over an existing file: a taken name gets
 * “（2）”, “（3）”… before the extension. The folder must exist. Returns the new file's path.
 */
export async function copyExportTo(source: ExportFile, folder: string): Promise<string> {
  const dir = path.resolve(folder);
  let stat;
  try {
    stat = await fs.stat(dir);
  } catch {
    throw new DeskError('INVALID_INPUT', `保存位置“${folder}”不存在，请重新选择文件夹。`, { field: 'targetDir' });
  }
  if (!stat.isDirectory()) throw new DeskError('INVALID_INPUT', `保存位置“${folder}”不是文件夹，请重新选择。`, { field: 'targetDir' });
  const ext = path.extname(source.fileName);
  const base = source.fileName.slice(0, source.fileName.length - ext.length);
  for (let n = 1; n < 1000; n++) {
    const candidate = path.join(dir, n === 1 ? source.fileName : `${base}（${n}）${ext}`);
    if (candidate === source.file) continue;
    try {
      await fs.copyFile(source.file, candidate, fs.constants.COPYFILE_EXCL);
      return candidate;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
        throw new DeskError('INVALID_INPUT', `没有写入“${folder}”的权限，请换一个文件夹。`, { field: 'targetDir' });
      if (code === 'ENOSPC') throw new DeskError('INVALID_INPUT', `“${folder}”所在的磁盘空间不足。`, { field: 'targetDir' });
      throw err;
    }
  }
  throw new DeskError('INVALID_INPUT', `“${folder}”中同名文件过多，请换一个文件夹。`, { field: 'targetDir' });
}
