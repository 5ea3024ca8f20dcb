/** Files crossing the host boundary: staging bytes sent by the desktop app, opening stored attachments. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DeskError } from '../contract/errors.js';
import { safeFileName } from '../store/exports.js';
import { stageUpload, uploadCapFor } from '../store/uploads.js';
import type { AreaHandlers } from './types.js';

export const filesHandlers: AreaHandlers<'files.stage' | 'files.open'> = {
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
};
