/**
 * The one guard every write into a batch goes through (its applications, formal review, scores, publicity,
 * the batch record itself): the batch's state machine (domain/batch-lifecycle.ts) allows the operation or
 * the write is refused with INVALID_STATE naming the state. Call it before any work and again inside the
 * store's mutate function (it runs on the write queue, so a status change cannot slip in between).
 */
import { DeskError } from '../contract/errors.js';
import { BATCH_STATUS_LABELS, type Batch, type BatchView } from '../contract/batches.js';
import { allowedBatchOperations, batchStep, type BatchOperation } from '../domain/batch-lifecycle.js';
import { batchLabel } from '../domain/batches.js';
import type { HandlerContext } from './types.js';

export function batchStateError(batch: Batch, op: BatchOperation, message: string): DeskError {
  return new DeskError('INVALID_STATE', message, { batchId: batch.id, status: batch.status, operation: op });
}

/** The batch as stored now, when its status allows `op`; INVALID_STATE otherwise. */
export function assertBatchAllows(ctx: HandlerContext, batchId: string, op: BatchOperation): Batch {
  const batch = ctx.store.read('batches').batches.find((b) => b.id === batchId);
  if (!batch) throw new DeskError('NOT_FOUND', `找不到编号为 ${batchId} 的申报批次，请刷新后重试。`);
  const step = batchStep(batch, op);
  if (!step.ok) throw batchStateError(batch, op, step.message);
  return batch;
}

/**
 * Run a status-changing operation on the batch record (截止受理, 恢复受理, 开始评审, 公示, 认定): checked and
 * written in one step on the write queue. Returns the batch after the change; an operation that leaves the
 * status as it is (e.g. a second 评审分配) writes nothing.
 */
export async function moveBatch(ctx: HandlerContext, batchId: string, op: BatchOperation, method: string): Promise<Batch> {
  const current = assertBatchAllows(ctx, batchId, op);
  const planned = batchStep(current, op);
  if (planned.ok && !planned.changes) return current;
  return ctx.store
    .write(
      'batches',
      (draft) => {
        const b = draft.batches.find((x) => x.id === batchId);
        if (!b) throw new DeskError('NOT_FOUND', `找不到编号为 ${batchId} 的申报批次，请刷新后重试。`);
        const step = batchStep(b, op);
        if (!step.ok) throw batchStateError(b, op, step.message);
        const before = b.status;
        b.status = step.to;
        b.updatedAt = ctx.clock().toISOString();
        return { before, after: { ...b } };
      },
      (r) => ({
        method,
        entity: `batch:${batchId}`,
        summary: `${batchLabel(r.after)}“${r.after.title}”状态：${BATCH_STATUS_LABELS[r.before]} → ${BATCH_STATUS_LABELS[r.after.status]}`,
        before: { status: r.before },
        after: { status: r.after.status },
      }),
    )
    .then((r) => r.after);
}

/** The API's view of a batch: the record plus what its status allows. */
export function batchView(batch: Batch): BatchView {
  return { ...batch, operations: allowedBatchOperations(batch.status) };
}
