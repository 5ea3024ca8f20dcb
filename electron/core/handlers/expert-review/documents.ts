/** Review documents: scoring sheets and the 评审汇总表 (rendered by services/documents/expert-review.ts). */
import { saveDocument } from '../../services/documents/generated.js';
import { reviewSummaryPdfDocument, reviewSummaryXlsxDocument, scoringSheetsDocument } from '../../services/documents/expert-review.js';
import type { AreaHandlers } from '../types.js';

type Methods = 'scoring.sheetsPdf' | 'scoring.summaryPdf' | 'scoring.summaryXlsx';

export const reviewDocumentHandlers: AreaHandlers<Methods> = {
  'scoring.sheetsPdf': async (input, ctx) => {
    const taskId = `scoring.sheetsPdf:${input.batchId}:${input.mode}:${ctx.clock().toISOString()}`;
    const taskLabel = input.mode === 'blank' ? '生成空白评分表' : '生成已填评分表';
    const doc = await scoringSheetsDocument(ctx, input, {
      onProgress: (done, total) => ctx.emit('progress', { taskId, label: taskLabel, done, total }),
    });
    return saveDocument(ctx.store.dirs.exports, doc);
  },

  'scoring.summaryPdf': async (input, ctx) => saveDocument(ctx.store.dirs.exports, await reviewSummaryPdfDocument(ctx, input.batchId)),

  'scoring.summaryXlsx': async (input, ctx) => saveDocument(ctx.store.dirs.exports, await reviewSummaryXlsxDocument(ctx, input.batchId)),
};
