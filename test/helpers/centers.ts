/**
 * Setup for dynamic-management tests: batch 2026-1 scored (scoredBatch), published on 2026-09-28 and
 * designated on 2026-10-12, so the centers C1…Cn exist. The clock is left at 2026-10-12 10:00 (UTC+8).
 */
import type { Desk } from '../../electron/core/app.js';
import type { Center, Decision } from '../../electron/core/contract/designation.js';
import { ok } from './applications.js';
import { scoredBatch, type ScoredUnit } from './designation.js';

export const CENTER_UNITS: ScoredUnit[] = [
  {
    name: '福州纺织化纤科技有限公司',
    total: 90,
    proposedCenterName: '福州市纺织化纤产业知识产权协同保护与运营中心',
    industry: '纺织化纤',
    district: '长乐区',
  },
  {
    name: '福州软件园运营有限公司',
    total: 85,
    proposedCenterName: '福州市软件信息产业知识产权协同保护与运营中心',
    industry: '软件信息',
    district: '鼓楼区',
  },
  {
    name: '福州榕城新材料有限公司',
    total: 80,
    proposedCenterName: '福州市化工新材料产业知识产权协同保护与运营中心',
    industry: '化工新材料',
    district: '福清市',
  },
];

export interface TestClock {
  now: () => Date;
  set(iso: string): void;
}

/** Designates every unit (all must score ≥ 70). Expects a fresh desk whose clock is at or before 2026-09-27. */
export async function designatedCenters(
  desk: Desk,
  clock: TestClock,
  units: readonly ScoredUnit[] = CENTER_UNITS,
): Promise<{ decision: Decision; centers: Center[] }> {
  clock.set('2026-03-10T02:00:00.000Z');
  await scoredBatch(desk, units);
  clock.set('2026-09-27T02:00:00.000Z');
  await ok(
    desk.invoke('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28', contact: { name: '陈科长', phone: '0591-87600000' } }),
  );
  clock.set('2026-10-12T02:00:00.000Z');
  return desk.call('decision.create', { batchId: '2026-1', decidedOn: '2026-10-12' });
}
