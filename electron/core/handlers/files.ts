/**
 * Files crossing the host boundary: staging bytes sent by the desktop app, opening stored attachments, and what
 * the preview does with an export (read a PDF or a roster's first rows, open it, show it in its folder, save a copy).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DeskError } from '../contract/errors.js';
import { READ_EXPORT_MAX_BYTES, READ_TABLE_MAX_BYTES } from '../contract/files.js';
import { readXlsxHead } from '../documents/excel/xlsx-head.js';
import { copyExportTo, findExport, readExport } from '../store/export-access.js';
import { safeFileName } from '../store/exports.js';
import { stageUpload, uploadCapFor } from '../store/uploads.js';
import type { AreaHandlers } from './types.js';

export const filesHandlers: AreaHandlers<
  | 'files.stage'
  | 'files.open'
  | 'files.readExport'
  | 'files.readExportTable'
  | 'files.openExport'
  | 'files.revealExport'
  | 'files.saveExportAs'
> = {
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

  'files.readExport': async (input, ctx) => {
    const r = await readExport(ctx.store.dirs.exports, input.path, 'pdf', READ_EXPORT_MAX_BYTES);
    return { fileName: r.fileName, size: r.size, base64: r.data.toString('base64') };
  },

  'files.readExportTable': async (input, ctx) => {
    const r = await readExport(ctx.store.dirs.exports, input.path, 'xlsx', READ_TABLE_MAX_BYTES);
    return { fileName: r.fileName, size: r.size, ...(await readXlsxHead(r.data, r.fileName, input.maxRows)) };
  },

  'files.openExport': async (input, ctx) => {
    const found = await findExport(ctx.store.dirs.exports, input.path);
    if (!ctx.hostServices) return { opened: false };
    await ctx.hostServices.openPath(found.file);
    return { opened: true };
  },

  'files.revealExport': async (input, ctx) => {
    const found = await findExport(ctx.store.dirs.exports, input.path);
    if (!ctx.hostServices?.showInFolder) return { shown: false };
    ctx.hostServices.showInFolder(found.file);
    return { shown: true };
  },

  'files.saveExportAs': async (input, ctx) => {
    const found = await findExport(ctx.store.dirs.exports, input.path);
    return { path: await copyExportTo(found, input.targetDir) };
  },
};
