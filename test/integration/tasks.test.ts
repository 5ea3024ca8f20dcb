import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, ok } from '../helpers/applications.js';
import { scoredBatch } from '../helpers/designation.js';

describe('cancelling long work (tasks.cancel)', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  const clock = testClock('2026-03-10T02:00:00.000Z');
  beforeEach(async () => {
    t = tempDir();
    clock.set('2026-03-10T02:00:00.000Z');
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  it('cancels a batch certificate print from its first progress event; nothing is written; an unknown task says so', async () => {
    const units = Array.from({ length: 30 }, (_, i) => ({
      name: `福州第${i + 1}号纺织科技有限公司`,
      total: 80 + (i % 10),
      industry: '纺织化纤',
    }));
    await scoredBatch(desk, units);
    clock.set('2026-09-27T02:00:00.000Z');
    await ok(desk.invoke('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28' }));
    clock.set('2026-10-12T02:00:00.000Z');
    const { centers } = await desk.call('decision.create', { batchId: '2026-1', decidedOn: '2026-10-12' });
    expect(centers.length).toBe(30);
    const cancelled: boolean[] = [];
    const endings: string[] = [];
    const off = desk.onEvent((event, payload) => {
      const p = payload as { taskId: string; done: number; ended?: string };
      if (p.ended) endings.push(p.ended);
      if (event === 'progress' && p.taskId.startsWith('centers.certificatesPdf') && cancelled.length === 0) {
        cancelled.push(false);
        void desk
          .invoke('tasks.cancel', { taskId: p.taskId })
          .then((r) => cancelled.splice(0, 1, r.ok && (r.value as { cancelled: boolean }).cancelled));
      }
    });
    const e = await fail(desk.invoke('centers.certificatesPdf', { batchId: '2026-1' }));
    off();
    expect(e.code).toBe('CANCELLED');
    expect(e.message).toContain('已取消');
    expect(cancelled).toEqual([true]);
    expect(endings).toEqual(['cancelled']); // the last progress event says how the task ended (the tray drops it)
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(`${t.dir}/exports`).filter((f) => f.startsWith('证书'))).toEqual([]);
    expect(await ok(desk.invoke('tasks.cancel', { taskId: 'nope' }))).toEqual({ cancelled: false });
    // after a cancel the same print still works
    const ends: string[] = [];
    const off2 = desk.onEvent((event, payload) => {
      if (event === 'progress' && (payload as { ended?: string }).ended) ends.push((payload as { ended: string }).ended);
    });
    expect((await desk.invoke('centers.certificatesPdf', { batchId: '2026-1' })).ok).toBe(true);
    off2();
    expect(ends).toEqual(['done']);
  });
});
