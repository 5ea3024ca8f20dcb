/** Files crossing the host boundary: staging bytes sent by the desktop app, opening stored attachments, reading an export for the preview. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DeskError } from '../contract/errors.js';
import { READ_EXPORT_MAX_BYTES } from '../contract/files.js';
import { safeFileName } from '../store/exports.js';
import { stageUpload, uploadCapFor } from '../store/uploads.js';
import type { AreaHandlers } from './types.js';

/** True when `child` is `dir` itself or below it (lexically; both absolute). */
function isBelow(dir: string, child: string): boolean {
  const rel = path.relative(dir, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

const OUTSIDE = '只能预览数据文件夹“exports”中导出的文件。';

/**
 * An exported PDF's bytes, for the in-app preview. Only a regular file inside <data>/exports (also after
 * following links), a PDF by its first bytes, at most READ_EXPORT_MAX_BYTES.
 */
async function readExportPdf(exportsDir: string, requested: string): Promise<{ fileName: string; size: number; base64: string }> {
  const root = path.resolve(exportsDir);
  const target = path.isAbsolute(requested) ? path.resolve(requested) : path.resolve(root, requested);
  if (requested.includes('\0') || !isBelow(root, target)) throw new DeskError('INVALID_INPUT', OUTSIDE, { field: 'path' });
  const name = path.basename(target);
  let real: string;
  try {
    real = await fs.realpath(target);
  } catch {
    throw new DeskError('NOT_FOUND', `文件“${name}”在导出文件夹中找不到，可能已被移走或删除。请重新生成。`);
  }
  if (!isBelow(await fs.realpath(root), real)) throw new DeskError('INVALID_INPUT', OUTSIDE, { field: 'path' });
  const handle = await fs.open(real, 'r');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new DeskError('INVALID_INPUT', `“${name}”不是文件，无法预览。`, { field: 'path' });
    if (stat.size > READ_EXPORT_MAX_BYTES)
      throw new DeskError(
        'FILE_REJECTED',
        `文件“${name}”有 ${(stat.size / 1048576).toFixed(1)} MB，超过预览上限 ${READ_EXPORT_MAX_BYTES / 1048576} MB。请用系统程序打开。`,
      );
    const data = Buffer.alloc(stat.size);
    const { bytesRead } = await handle.read(data, 0, stat.size, 0);
    if (bytesRead !== stat.size || data.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new DeskError('FILE_REJECTED', `文件“${name}”不是 PDF 文件，无法预览。`);
    return { fileName: name, size: stat.size, base64: data.toString('base64') };
  } finally {
    await handle.close();
  }
}

export const filesHandlers: AreaHandlers<'files.stage' | 'files.open' | 'files.readExport'> = {
  'files.stage': (input, ctx) => stageUpload(ctx.store.dirs.root, input.data, input.name, uploadCapFor(input.name)),

  'files.open': async (input, ctx) => {
    const stored = ctx.store.attachments.pathOf(input.sha256);
    try {
      await fs.access(stored);
    } catch {
      throw new DeskError('NOT_FOUND', `附件“${input.name}”在数据文件夹中找不到，可能已被清理。请重新上传。`);
    }
    if (!ctx.hostServices) return { opened: false, url: `/files/${input.sha256}?name=${encodeURIComponent(input.name)}` };
    // The system viewer needs a real file name and extension: open a copy under <data>/opened/.
    const dir = path.join(ctx.store.dirs.root, 'opened', input.sha256.slice(0, 12));
    await fs.mkdir(dir, { recursive: true });
    const copy = path.join(dir, safeFileName(input.name));
    await fs.copyFile(stored, copy);
    await ctx.hostServices.openPath(copy);
    return { opened: true };
  },

  'files.readExport': (input, ctx) => readExportPdf(ctx.store.dirs.exports, input.path),
};
