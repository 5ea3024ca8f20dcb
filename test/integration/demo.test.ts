import { afterAll, describe, expect, it } from 'vitest';
import { openDesk } from '../../electron/core/app.js';
import { tempDir, testClock } from '../helpers/temp.js';

describe('--demo data set', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  it('seeds batches and applications through the API once, into an empty folder only', async () => {
    const clock = testClock('2026-11-24T02:00:00.000Z');
    let desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, demo: true, log: () => undefined });
    const batches = await desk.invoke('batches.list', {});
    expect(batches.ok && (batches.value as unknown[]).length).toBe(4);
    const apps = await desk.invoke('applications.list', { batchId: '2026-2' });
    expect(apps.ok).toBe(true);
    const rows = (apps as { value: { rows: { status: string }[] } }).value.rows;
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.status).sort()).toEqual(['accepted', 'accepted', 'draft', 'draft', 'submitted', 'supplementRequired']);
    const audit = await desk.invoke('audit.list', { limit: 1000 });
    expect(audit.ok && (audit.value as unknown[]).length).toBeGreaterThan(10);
    await desk.close();
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, demo: true, log: () => undefined });
    const again = await desk.invoke('batches.list', {});
    expect(again.ok && (again.value as unknown[]).length).toBe(4);
    await desk.close();
  });
});
