/** Store access shared by the intake and formal-review handlers. */
import { DeskError } from '../../contract/errors.js';
import type { Application, HistoryEntry } from '../../contract/applications/entities.js';
import type { Batch } from '../../contract/batches.js';
import { checkUscc } from '../../domain/uscc.js';
import { formatChineseDate } from '../../domain/batches.js';
import { bureauDate } from '../../domain/clock.js';
import type { BatchOperation } from '../../domain/batch-lifecycle.js';
import { assertBatchAllows } from '../batch-state.js';
import type { HandlerContext } from '../types.js';
import { batchLabel, batchOf, findApplication, operator } from '../../services/records.js';

const APP_ID = /^(\d{4}-\d+)-(\d+)$/;

// The reads shared with other areas live in services/records.ts.
export { allApplications, batchLabel, findApplication, findBatch, operator } from '../../services/records.js';

export function nextApplicationId(batchId: string, existing: readonly Pick<Application, 'id'>[], offset = 0): string {
  const max = existing.reduce((m, a) => Math.max(m, Number(APP_ID.exec(a.id)?.[2] ?? 0)), 0);
  return `${batchId}-${String(max + 1 + offset).padStart(4, '0')}`;
}

/** Normalise and check a USCC; INVALID_INPUT naming the field and the wrong position. */
export function validUscc(raw: string): string {
  const r = checkUscc(raw);
  if (!r.ok) throw new DeskError('INVALID_INPUT', `统一社会信用代码：${r.message}。`, { field: 'uscc', position: r.position });
  return r.value;
}

export function duplicateMessage(existing: Application, batch: Pick<Batch, 'year' | 'sequence'>): string {
  return `统一社会信用代码 ${existing.applicant.uscc} 已在${batchLabel(batch)}中申报（“${existing.applicant.name}”，编号 ${existing.id}）。同一单位在一个批次只能申报一次，请打开已有的申报继续填写。`;
}

/** Today outside the batch window: NEEDS_REASON unless a reason is given (then it is recorded). */
export function checkWindow(ctx: HandlerContext, batch: Batch, reason: string | undefined): string | undefined {
  const today = bureauDate(ctx.clock());
  if (today >= batch.opensOn && today <= batch.closesOn) return undefined;
  const when =
    today < batch.opensOn ? `尚未开始（${formatChineseDate(batch.opensOn)}开始受理）` : `已于${formatChineseDate(batch.closesOn)}截止`;
  if (!reason?.trim()) {
    throw new DeskError(
      'NEEDS_REASON',
      `${batchLabel(batch)}受理期${when}。如确需在受理期外登记，请填写理由，理由将记入申报记录和操作日志。`,
      {
        opensOn: batch.opensOn,
        closesOn: batch.closesOn,
        today,
      },
    );
  }
  return reason.trim();
}

export function historyEntry(ctx: HandlerContext, action: string, note?: string): HistoryEntry {
  return { at: ctx.clock().toISOString(), by: operator(ctx), action, ...(note ? { note } : {}) };
}

/**
 * Change one application in one durable write: `mutate` gets the stored record (throw to change
 * nothing); a history entry and an audit entry are added. The batch's status must allow `op`.
 */
export async function updateApplication(
  ctx: HandlerContext,
  id: string,
  method: string,
  op: BatchOperation,
  /** `coalesce`: fold into the last history entry when it is the same action by the same person (autosave). */
  mutate: (app: Application) => { action: string; note?: string; coalesce?: boolean },
): Promise<Application> {
  assertBatchAllows(ctx, batchOf(id), op);
  const before = structuredClone(await findApplication(ctx, id));
  return ctx.store
    .writeKeyed(
      'batch',
      batchOf(id),
      (draft) => {
        assertBatchAllows(ctx, batchOf(id), op);
        const app = draft.applications.find((a) => a.id === id);
        if (!app) throw new DeskError('NOT_FOUND', `找不到编号为 ${id} 的申报，可能已被删除。请刷新列表。`);
        const { action, note, coalesce } = mutate(app);
        const entry = historyEntry(ctx, action, note);
        const last = app.history.at(-1);
        if (coalesce && last && last.action === entry.action && last.by === entry.by) last.at = entry.at;
        else app.history.push(entry);
        app.updatedAt = ctx.clock().toISOString();
        return { app: structuredClone(app), action, note };
      },
      (r) => ({
        method,
        entity: `application:${id}`,
        summary: `${r.action}：${r.app.applicant.name}${r.note ? `（${r.note}）` : ''}`,
        before,
        after: r.app,
      }),
    )
    .then((r) => r.app);
}
