/** Setup for designation tests: a batch (2026-1) with accepted applications scored by three experts. */
import type { Desk } from '../../electron/core/app.js';
import type { Application } from '../../electron/core/contract/applications/entities.js';
import type { Expert } from '../../electron/core/contract/expert-review/experts.js';
import { fullApplicant, ok, seedBatches } from './applications.js';

/** Scores of the default template adding up to `total`. */
export function withTotal(total: number): Record<string, number> {
  const out: Record<string, number> = {};
  let deficit = 100 - total;
  [15, 15, 10, 15, 15, 15, 15].forEach((max, i) => {
    const cut = Math.min(deficit, max);
    out[`c${i + 1}`] = max - cut;
    deficit -= cut;
  });
  return out;
}

export interface ScoredUnit {
  name: string;
  total: number;
  proposedCenterName?: string;
  industry?: string;
  district?: string;
}

/**
 * Seeds the batches, creates and accepts one application per unit, sets a panel of three experts,
 * assigns them all and enters each unit's total for every expert. Returns the applications in order.
 */
export async function scoredBatch(
  desk: Desk,
  units: readonly ScoredUnit[],
  opts: { batchId?: string; seed?: boolean; usccOffset?: number } = {},
): Promise<Application[]> {
  const batchId = opts.batchId ?? '2026-1';
  if (opts.seed ?? true) {
    await seedBatches(desk);
    await ok(desk.invoke('settings.update', { operatorName: '王秘书' }));
  }
  const apps: Application[] = [];
  for (const [i, u] of units.entries()) {
    const applicant = {
      ...fullApplicant(u.name, i + 1 + (opts.usccOffset ?? 0)),
      ...(u.industry ? { industry: u.industry } : {}),
      ...(u.district ? { district: u.district } : {}),
    };
    const app = await desk.call('applications.create', {
      batchId,
      applicant,
      proposedCenterName: u.proposedCenterName ?? `${u.name}知识产权中心`,
    });
    await ok(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    apps.push(await desk.call('formalReview.accept', { applicationId: app.id }));
  }
  const experts: Expert[] = await desk.call('experts.list', {});
  if (experts.length === 0)
    for (const [i, name] of ['林教授', '陈研究员', '黄高工'].entries()) {
      experts.push(
        await desk.call('experts.create', {
          name,
          organisation: `专家单位${i + 1}`,
          title: '教授',
          field: '知识产权',
          phone: '13800000001',
        }),
      );
    }
  await ok(desk.invoke('scoring.setPanel', { batchId, expertIds: experts.map((e) => e.id) }));
  await ok(desk.invoke('scoring.assign', { batchId, mode: 'all' }));
  for (const [i, app] of apps.entries()) {
    for (const e of experts) {
      await ok(
        desk.invoke('scoring.enterSheet', {
          applicationId: app.id,
          expertId: e.id,
          scores: withTotal(units[i]!.total),
          ...(units[i]!.total < 70
            ? { comment: '综合条件不足，不予推荐。', recommendation: 'notRecommend' }
            : { comment: '', recommendation: 'recommend' }),
          signedOn: '2026-04-10',
        }),
      );
    }
  }
  return apps;
}
