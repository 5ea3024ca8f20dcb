import { DeskError } from '../contract/errors.js';
import type { Batch } from '../contract/batches.js';
import { batchQuota, batchWindowProblems, nextBatchSequence, batchId, formatChineseDate } from '../domain/batches.js';
import { bureauDate } from '../domain/clock.js';
import { writeExport } from '../store/exports.js';
import { renderBatchRosterXlsx } from '../documents/excel/batch-roster.js';
import { renderBatchListPdf } from '../documents/pdf/batch-list.js';
import type { AreaHandlers, HandlerContext } from './types.js';

type BatchMethods = 'batches.list' | 'batches.get' | 'batches.quota' | 'batches.create' | 'batches.update' | 'batches.exportXlsx' | 'batches.exportPdf';

function listBatches(ctx: HandlerContext, year?: number): Batch[] {
  return ctx.store
    .read('batches')
    .batches.filter((b) => year === undefined || b.year === year)
    .slice()
    .sort((a, b) => b.year - a.year || b.sequence - a.sequence);
}

function findBatch(ctx: HandlerContext, id: string): Batch {
  const batch = ctx.store.read('batches').batches.find((b) => b.id === id);
  if (!batch) throw new DeskError('NOT_FOUND', `找不到编号为 ${id} 的申报批次，可能已被删除。请刷新列表。`);
  return batch;
}

function assertWindow(year: number, opensOn: string, closesOn: string): void {
  const problems = batchWindowProblems(year, opensOn, closesOn);
  if (problems.length) throw new DeskError('RULE_VIOLATION', problems.join(''), { problems });
}

export const batchHandlers: AreaHandlers<BatchMethods> = {
  'batches.list': (input, ctx) => listBatches(ctx, input.year),
  'batches.get': (input, ctx) => findBatch(ctx, input.id),
  'batches.quota': (input, ctx) => batchQuota(ctx.store.read('batches').batches, input.year),

  'batches.create': (input, ctx) => {
    assertWindow(input.year, input.opensOn, input.closesOn);
    return ctx.store.write(
      'batches',
      (draft) => {
        const quota = batchQuota(draft.batches, input.year);
        const reason = input.extraBatchReason?.trim();
        if (quota.needsReason && !reason) throw new DeskError('NEEDS_REASON', `${quota.message}`, quota);
        if (draft.batches.some((b) => b.year === input.year && b.title === input.title)) {
          throw new DeskError('CONFLICT', `${input.year}年已有名为“${input.title}”的批次，请换一个名称。`);
        }
        const sequence = nextBatchSequence(draft.batches, input.year);
        const now = ctx.clock().toISOString();
        const batch: Batch = {
          id: batchId(input.year, sequence),
          year: input.year,
          sequence,
          title: input.title,
          opensOn: input.opensOn,
          closesOn: input.closesOn,
          status: 'open',
          ...(quota.needsReason && reason ? { extraBatchReason: reason } : {}),
          createdAt: now,
          updatedAt: now,
        };
        draft.batches.push(batch);
        return batch;
      },
      (batch) => ({
        method: 'batches.create',
        entity: `batch:${batch.id}`,
        summary: batch.extraBatchReason
          ? `新建${batch.year}年第${batch.sequence}批“${batch.title}”（超出每年两次，理由：${batch.extraBatchReason}）`
          : `新建${batch.year}年第${batch.sequence}批“${batch.title}”`,
        after: batch,
      }),
    );
  },

  'batches.update': (input, ctx) => {
    const current = findBatch(ctx, input.id);
    assertWindow(current.year, input.opensOn ?? current.opensOn, input.closesOn ?? current.closesOn);
    return ctx.store.write(
      'batches',
      (draft) => {
        const batch = draft.batches.find((b) => b.id === input.id);
        if (!batch) throw new DeskError('NOT_FOUND', `找不到编号为 ${input.id} 的申报批次。`);
        const { id: _id, ...changes } = input;
        Object.assign(batch, changes, { updatedAt: ctx.clock().toISOString() });
        return { ...batch };
      },
      (after) => ({ method: 'batches.update', entity: `batch:${after.id}`, summary: `修改批次“${after.title}”`, before: current, after }),
    );
  },

  'batches.exportXlsx': async (input, ctx) => {
    const generatedOn = bureauDate(ctx.clock());
    const data = await renderBatchRosterXlsx({ batches: listBatches(ctx, input.year), settings: ctx.store.read('settings').settings, generatedOn, ...(input.year ? { year: input.year } : {}) });
    return writeExport(ctx.store.dirs.exports, `申报批次一览表${input.year ? `-${input.year}年` : ''}-${formatChineseDate(generatedOn)}.xlsx`, data);
  },

  'batches.exportPdf': async (input, ctx) => {
    const generatedOn = bureauDate(ctx.clock());
    const data = await renderBatchListPdf({ batches: listBatches(ctx, input.year), settings: ctx.store.read('settings').settings, generatedOn, ...(input.year ? { year: input.year } : {}) });
    return writeExport(ctx.store.dirs.exports, `申报批次一览表${input.year ? `-${input.year}年` : ''}-${formatChineseDate(generatedOn)}.pdf`, data);
  },
};
