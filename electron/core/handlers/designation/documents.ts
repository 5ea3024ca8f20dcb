/** Documents of publicity and designation: 公示 notice and 认定通知 (rendered by services/documents/designation.ts). */
import { decisionNoticeDocument, publicityNoticeDocument } from '../../services/documents/designation.js';
import { saveDocument } from '../../services/documents/generated.js';
import type { AreaHandlers } from '../types.js';

type Methods = 'publicity.noticePdf' | 'decision.noticePdf';

export const designationDocumentHandlers: AreaHandlers<Methods> = {
  'publicity.noticePdf': async ({ batchId, ...opts }, ctx) =>
    saveDocument(ctx.store.dirs.exports, await publicityNoticeDocument(ctx, batchId, opts)),

  'decision.noticePdf': async (input, ctx) =>
    saveDocument(ctx.store.dirs.exports, await decisionNoticeDocument(ctx, input.batchId, input.fileType)),
};
