/** Store reads shared by several areas: the operator, batches and applications. */
import { DeskError } from '../contract/errors.js';
import type { Application } from '../contract/applications/entities.js';
import type { Batch } from '../contract/batches.js';
import type { ServiceContext } from './context.js';

const APP_ID = /^(\d{4}-\d+)-(\d+)$/;

export function operator(ctx: ServiceContext): string {
  return ctx.store.read('settings').settings.operatorName || '未署名';
}

export function findBatch(ctx: ServiceContext, batchId: string): Batch {
  const batch = ctx.store.read('batches').batches.find((b) => b.id === batchId);
  if (!batch) throw new DeskError('NOT_FOUND', `找不到编号为 ${batchId} 的申报批次，请先在“申报批次”中新建，或刷新后重试。`);
  return batch;
}

/** The batches of a year (or all), newest first. */
export function listBatches(ctx: ServiceContext, year?: number): Batch[] {
  return ctx.store
    .read('batches')
    .batches.filter((b) => year === undefined || b.year === year)
    .slice()
    .sort((a, b) => b.year - a.year || b.sequence - a.sequence);
}

/** 2026年第一批 (domain/batches.ts, the one form screens and documents use too). */
export { batchLabel } from '../domain/batches.js';

/** The batch id of an application id (2026-1-0003 → 2026-1); NOT_FOUND for anything else. */
export function batchOf(id: string): string {
  const m = APP_ID.exec(id);
  if (!m) throw new DeskError('NOT_FOUND', `找不到编号为 ${id} 的申报，请刷新列表后重试。`);
  return m[1]!;
}

export async function findApplication(ctx: ServiceContext, id: string): Promise<Application> {
  const part = await ctx.store.readKeyed('batch', batchOf(id));
  const app = part.applications.find((a) => a.id === id);
  if (!app) throw new DeskError('NOT_FOUND', `找不到编号为 ${id} 的申报，可能已被删除。请刷新列表。`);
  return app;
}

/** Every application, of one batch or of all batches (keyed parts stay in memory once read). */
export async function allApplications(ctx: ServiceContext, batchId?: string): Promise<Application[]> {
  const ids = batchId ? [batchId] : ctx.store.read('batches').batches.map((b) => b.id);
  const out: Application[] = [];
  for (const id of ids) out.push(...(await ctx.store.readKeyed('batch', id)).applications);
  return out;
}
