/** Documents of the centers: certificates, plaque sheet, roster (rendered by services/documents/designation.ts). */
import {
  batchCertificates,
  batchTitleLabel,
  certificateDocument,
  centersRosterDocument,
  plaqueSheetDocument,
} from '../../services/documents/designation.js';
import { saveDocument } from '../../services/documents/generated.js';
import { findBatch } from '../applications/store.js';
import type { AreaHandlers } from '../types.js';

type Methods = 'centers.exportRoster' | 'centers.certificatePdf' | 'centers.certificatesPdf' | 'centers.plaqueSheetPdf';

export const centerCertificateHandlers: AreaHandlers<Methods> = {
  'centers.certificatePdf': async (input, ctx) =>
    saveDocument(ctx.store.dirs.exports, await certificateDocument(ctx, input.centerId, input.fileType)),

  'centers.certificatesPdf': async (input, ctx) => {
    const batch = findBatch(ctx, input.batchId);
    const taskId = `centers.certificatesPdf:${batch.id}:${ctx.clock().toISOString()}`;
    const label = `生成证书（${batchTitleLabel(batch)}）`;
    const certificates = await batchCertificates(ctx, batch.id, input.fileType);
    // The task is registered before the first progress event: a cancel from then on lands.
    const doc = await ctx.tasks.run(taskId, label, (signal) =>
      certificates.render({
        signal,
        onProgress: (done, total) => ctx.emit('progress', { taskId, label, done, total }),
      }),
    );
    return saveDocument(ctx.store.dirs.exports, doc);
  },

  'centers.plaqueSheetPdf': async (input, ctx) => saveDocument(ctx.store.dirs.exports, await plaqueSheetDocument(ctx, input.batchId)),

  'centers.exportRoster': async (_input, ctx) => saveDocument(ctx.store.dirs.exports, await centersRosterDocument(ctx)),
};
