import { DeskError } from '../contract/errors.js';
import type { Batch } from '../contract/batches.js';
import { batchLabel, batchQuota, batchWindowProblems, nextBatchSequence, batchId } from '../domain/batches.js';
import { batchDeletionBlockers, batchName, batchStep, BATCH_STATE_PHRASES, directStatusRefusal } from '../domain/batch-lifecycle.js';
import { operator } from '../services/records.js';
import { batchStateError, batchView, moveBatch } from './batch-state.js';
import { listBatches } from '../services/records.js';
import { batchListPdfDocument, batchRosterXlsxDocument } from '../services/documents/batches.js';
import { saveDocument } from '../services/documents/generated.js';
import type { AreaHandlers, HandlerContext } from './types.js';

type BatchMethods =
  | 'batches.list'
  | 'batches.get'
  | 'batches.quota'
  | 'batches.create'
  | 'batches.update'
  | 'batches.close'
  | 'batches.reopen'
  | 'batches.delete'
  | 'batches.exportXlsx'
  | 'batches.exportPdf';

function findBatch(ctx: HandlerContext, id: string): Batch {
  const batch = ctx.store.read('batches').batches.find((b) => b.id === id);
  if (!batch) throw new DeskError('NOT_FOUND', `找不到编号为 ${id} 的申报批次，可能已被删除。请刷新列表。`);
  return batch;
}

/** The fields of an update that differ from the stored batch (an unchanged form saves nothing). */
function detailChanges(
  current: Batch,
  input: { title?: string | undefined; opensOn?: string | undefined; closesOn?: string | undefined },
): Partial<Pick<Batch, 'title' | 'opensOn' | 'closesOn'>> {
  const out: Partial<Pick<Batch, 'title' | 'opensOn' | 'closesOn'>> = {};
  for (const key of ['title', 'opensOn', 'closesOn'] as const) {
    const value = input[key];
    if (value !== undefined && value !== current[key]) out[key] = value;
  }
  return out;
}

/** Once the expert review has started, the batch's name and window are corrected with a reason (not edited). */
function detailsNeedReason(batch: Batch): boolean {
  return !batchStep(batch, 'editDetails').ok;
}

function assertWindow(year: number, opensOn: string, closesOn: string): void {
  const problems = batchWindowProblems(year, opensOn, closesOn);
  if (problems.length) throw new DeskError('RULE_VIOLATION', problems.join(''), { problems });
}

/** What stops the deletion of a batch, from its stored parts (domain/batch-lifecycle.ts batchDeletionBlockers). */
async function deletionBlockers(ctx: HandlerContext, id: string): Promise<string[]> {
  const apps = await ctx.store.readKeyed('batch', id);
  const review = await ctx.store.readKeyed('scores', id);
  const designation = await ctx.store.readKeyed('designation', id);
  return batchDeletionBlockers({
    applications: apps.applications.length,
    assignments: review.assignments.length,
    scoreSheets: review.scoreSheets.length,
    issuedPackages: review.issuedPackages.length,
    publicity: !!designation.publicity || designation.publicityHistory.length > 0,
    decision: !!designation.decision,
  });
}

export const batchHandlers: AreaHandlers<BatchMethods> = {
  'batches.list': (input, ctx) => listBatches(ctx, input.year).map(batchView),
  'batches.get': (input, ctx) => batchView(findBatch(ctx, input.id)),
  'batches.quota': (input, ctx) => batchQuota(ctx.store.read('batches').batches, input.year),

  'batches.create': (input, ctx) => {
    assertWindow(input.year, input.opensOn, input.closesOn);
    return ctx.store
      .write(
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
            ? `新建${batchLabel(batch)}“${batch.title}”（超出每年两次，理由：${batch.extraBatchReason}）`
            : `新建${batchLabel(batch)}“${batch.title}”`,
          after: batch,
        }),
      )
      .then(batchView);
  },

  'batches.update': (input, ctx) => {
    const current = findBatch(ctx, input.id);
    const changes = detailChanges(current, input);
    // The status is not edited: it changes only through its actions (截止受理, 恢复受理, 评审分配, 公示, 认定).
    if (input.status) {
      const refusal = directStatusRefusal(current, input.status);
      if (refusal) throw batchStateError(current, 'editDetails', refusal);
    }
    if (Object.keys(changes).length === 0) return batchView(current);
    assertWindow(current.year, changes.opensOn ?? current.opensOn, changes.closesOn ?? current.closesOn);
    const reason = input.reason?.trim();
    const correction = detailsNeedReason(current);
    if (correction && !reason)
      throw new DeskError(
        'NEEDS_REASON',
        `${batchName(current)}${BATCH_STATE_PHRASES[current.status]}，修改批次名称或受理期限属于更正，请填写更正理由（记入操作日志）。`,
        { batchId: current.id, status: current.status },
      );
    return ctx.store
      .write(
        'batches',
        (draft) => {
          const batch = draft.batches.find((b) => b.id === input.id);
          if (!batch) throw new DeskError('NOT_FOUND', `找不到编号为 ${input.id} 的申报批次。`);
          if (detailsNeedReason(batch) && !reason)
            throw new DeskError(
              'NEEDS_REASON',
              `${batchName(batch)}${BATCH_STATE_PHRASES[batch.status]}，修改批次名称或受理期限须填写更正理由。`,
            );
          const op = detailsNeedReason(batch) ? 'correctDetails' : 'editDetails';
          const step = batchStep(batch, op);
          if (!step.ok) throw batchStateError(batch, op, step.message);
          Object.assign(batch, changes, { updatedAt: ctx.clock().toISOString() });
          return { ...batch };
        },
        (after) => ({
          method: 'batches.update',
          entity: `batch:${after.id}`,
          summary: reason && correction ? `更正批次“${after.title}”（理由：${reason}）` : `修改批次“${after.title}”`,
          before: current,
          after,
        }),
      )
      .then(batchView);
  },

  'batches.close': async (input, ctx) => batchView(await moveBatch(ctx, input.id, 'closeIntake', 'batches.close')),
  'batches.reopen': async (input, ctx) => batchView(await moveBatch(ctx, input.id, 'reopenIntake', 'batches.reopen')),

  // 删除空批次: only a batch that holds nothing (no application, no review work, no publicity); the id may be
  // given again to the next batch of the year (its label stays 第N批 without a gap).
  'batches.delete': async (input, ctx) => {
    const current = findBatch(ctx, input.id);
    const step = batchStep(current, 'deleteBatch');
    if (!step.ok) throw batchStateError(current, 'deleteBatch', step.message);
    const blockers = await deletionBlockers(ctx, current.id);
    if (blockers.length)
      throw new DeskError(
        'INVALID_STATE',
        `${batchName(current)}不能删除：${blockers.join('；')}。只有没有任何申报、未发文的空批次可以删除。`,
        {
          batchId: current.id,
          blockers,
        },
      );
    // Review settings made for the empty batch (panel, scoring template) go with it, so a batch that takes the id later starts clean.
    const review = await ctx.store.readKeyed('scores', current.id);
    if (review.templates.length || review.panel.expertIds.length) {
      await ctx.store.writeKeyed(
        'scores',
        current.id,
        (draft) => {
          draft.templates = [];
          draft.panel = { expertIds: [] };
        },
        () => ({
          method: 'batches.delete',
          entity: `batch:${current.id}`,
          summary: `删除${batchLabel(current)}前清空其评审设置（专家组、评分表）`,
        }),
      );
    }
    const reason = input.reason;
    return ctx.store
      .write(
        'batches',
        (draft) => {
          const i = draft.batches.findIndex((b) => b.id === input.id);
          if (i < 0) throw new DeskError('NOT_FOUND', `找不到编号为 ${input.id} 的申报批次，可能已被删除。请刷新列表。`);
          const again = batchStep(draft.batches[i]!, 'deleteBatch');
          if (!again.ok) throw batchStateError(draft.batches[i]!, 'deleteBatch', again.message);
          const [removed] = draft.batches.splice(i, 1);
          return removed!;
        },
        (removed) => ({
          method: 'batches.delete',
          entity: `batch:${removed.id}`,
          summary: `删除空批次${batchLabel(removed)}“${removed.title}”（${operator(ctx)}）。理由：${reason}`,
          before: removed,
        }),
      )
      .then((removed) => ({ deleted: removed.id }));
  },

  'batches.exportXlsx': async (input, ctx) => saveDocument(ctx.store.dirs.exports, await batchRosterXlsxDocument(ctx, input.year)),

  'batches.exportPdf': async (input, ctx) => saveDocument(ctx.store.dirs.exports, await batchListPdfDocument(ctx, input.year)),
};
