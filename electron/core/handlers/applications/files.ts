/** Material files of an application: attach a staged upload to an item, remove a file. */
import { DeskError } from '../../contract/errors.js';
import type { FileRef } from '../../contract/applications/entities.js';
import { canEdit, editRefusal } from '../../domain/application-status.js';
import { MATERIAL_ITEMS } from '../../domain/materials.js';
import { discardUpload, findUpload } from '../../store/uploads.js';
import type { AreaHandlers } from '../types.js';
import { findApplication, updateApplication } from './store.js';
import { assertBatchAllows } from '../batch-state.js';
import { rememberAttachmentSm3 } from '../../archive/attachment-sm3.js';

type Methods = 'applications.attachFile' | 'applications.removeFile';

export const MATERIAL_FILE_KINDS = ['pdf', 'jpg', 'png', 'docx', 'xlsx'] as const;

function itemTitle(no: number): string {
  return `第${no}项“${MATERIAL_ITEMS.find((m) => m.no === no)?.title ?? ''}”`;
}

export const applicationFileHandlers: AreaHandlers<Methods> = {
  'applications.attachFile': async (input, ctx) => {
    const current = await findApplication(ctx, input.applicationId);
    assertBatchAllows(ctx, current.batchId, 'editApplication');
    if (!canEdit(current.status)) throw new DeskError('RULE_VIOLATION', editRefusal(current.status));
    const upload = await findUpload(ctx.store.dirs.root, input.uploadId);
    const name = input.fileName ?? upload.fileName;
    let stored;
    try {
      stored = await ctx.store.attachments.addFile(upload.path, name, MATERIAL_FILE_KINDS);
    } finally {
      await discardUpload(ctx.store.dirs.root, input.uploadId); // accepted (now in files/) or refused: either way done
    }
    // Its SM3 for the archive seal, computed now on a worker thread (archive/attachment-sm3.ts).
    await rememberAttachmentSm3(ctx.store, stored.sha256, ctx.log);
    const ref: FileRef = {
      sha256: stored.sha256,
      name,
      size: stored.size,
      kind: stored.kind as FileRef['kind'],
      addedAt: ctx.clock().toISOString(),
    };
    return updateApplication(ctx, input.applicationId, 'applications.attachFile', 'editApplication', (app) => {
      if (!canEdit(app.status)) throw new DeskError('RULE_VIOLATION', editRefusal(app.status));
      let item = app.materials.find((m) => m.no === input.itemNo);
      if (!item) {
        item = { no: input.itemNo, files: [] };
        app.materials.push(item);
        app.materials.sort((a, b) => a.no - b.no);
      }
      if (item.files.some((f) => f.sha256 === ref.sha256)) {
        throw new DeskError('CONFLICT', `文件“${name}”与${itemTitle(input.itemNo)}中已有的文件内容相同，无需重复添加。`);
      }
      item.files.push(ref);
      return { action: `添加材料文件`, note: `${itemTitle(input.itemNo)}：${name}` };
    });
  },

  'applications.removeFile': (input, ctx) =>
    updateApplication(ctx, input.applicationId, 'applications.removeFile', 'editApplication', (app) => {
      if (!canEdit(app.status)) throw new DeskError('RULE_VIOLATION', editRefusal(app.status));
      const item = app.materials.find((m) => m.no === input.itemNo);
      const file = item?.files.find((f) => f.sha256 === input.sha256);
      if (!item || !file) throw new DeskError('NOT_FOUND', `${itemTitle(input.itemNo)}中没有这个文件，可能已被移除。请刷新后重试。`);
      item.files = item.files.filter((f) => f !== file);
      return { action: '移除材料文件', note: `${itemTitle(input.itemNo)}：${file.name}` };
    }),
};
