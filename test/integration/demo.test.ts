import { afterAll, describe, expect, it } from 'vitest';
import { openDesk } from '../../electron/core/app.js';
import type { Dashboard } from '../../electron/core/contract/dashboard.js';
import { tempDir, testClock } from '../helpers/temp.js';

describe('--demo data set', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  it('seeds batches, applications, designated centers with summaries and assessments through the API once, into an empty folder only', async () => {
    const clock = testClock('2026-11-24T02:00:00.000Z');
    let desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, demo: true, log: () => undefined });
    const batches = await desk.invoke('batches.list', {});
    expect(batches.ok && (batches.value as unknown[]).length).toBe(4);
    // every status reached through its action: 2025-2 had no applications and was closed (截止受理), never designated
    expect(batches.ok && (batches.value as { id: string; status: string }[]).map((b) => `${b.id}:${b.status}`)).toEqual([
      '2026-2:open',
      '2026-1:designated',
      '2025-2:closed',
      '2025-1:designated',
    ]);
    const apps = await desk.invoke('applications.list', { batchId: '2026-2' });
    expect(apps.ok).toBe(true);
    const rows = (apps as { value: { rows: { status: string }[] } }).value.rows;
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.status).sort()).toEqual(['accepted', 'accepted', 'draft', 'draft', 'submitted', 'supplementRequired']);
    // materials match the statuses: accepted/submitted complete, 补正 lacks the items it was sent back for
    const missingByStatus = (rows as { status: string; missingItems: number[] }[])
      .map((r) => `${r.status}:${r.missingItems.join(',')}`)
      .sort();
    expect(missingByStatus).toEqual(['accepted:', 'accepted:', 'draft:2,3,4,5,6', 'draft:2,4,5,6', 'submitted:', 'supplementRequired:2,5']);
    const designated = await desk.invoke('applications.list', { batchId: '2025-1' });
    expect(
      designated.ok && (designated.value as { rows: { missingItems: number[] }[] }).rows.every((r) => r.missingItems.length === 0),
    ).toBe(true);
    const centers = await desk.invoke('centers.list', {});
    expect(centers.ok).toBe(true);
    const list = (centers as { value: { id: string; status: string; designatedOn: string }[] }).value;
    expect(list.map((c) => `${c.id}:${c.status}:${c.designatedOn}`)).toEqual([
      'C1:active:2025-06-20',
      'C2:active:2025-06-20',
      'C3:rectifying:2025-06-20',
      'C4:active:2026-10-12',
      'C5:active:2026-10-12',
      'C6:active:2026-10-12',
    ]);
    const dash = await desk.invoke('stats.dashboard', {});
    expect(dash.ok).toBe(true);
    const d = (dash as { value: Dashboard }).value;
    expect(d.applicationsByYear).toEqual([
      { year: 2025, count: 3 },
      { year: 2026, count: 10 },
    ]);
    expect(d.passRates.map((p) => [p.batchId, p.scored, p.passed])).toEqual([
      ['2025-1', 3, 3],
      ['2026-1', 4, 3],
    ]);
    expect(d.indicatorTrends.map((t) => [t.year, t.summaries, t.totals.trainings])).toEqual([
      [2025, 3, 24],
      [2026, 2, 20],
    ]);
    expect(d.summaryYear).toEqual({ year: 2026, dueOn: '2027-01-31', required: 6, missing: 4 });
    expect(d.reminders.map((r) => r.text)).toContain('2026年度工作总结截止2027年1月31日，尚有4个中心未提交。');
    expect(d.deadlines.map((x) => x.kind)).toEqual(expect.arrayContaining(['supplement', 'batchCloses', 'rectifyDue']));
    const assessments = await desk.invoke('summaries.year', { year: 2025 });
    expect(
      assessments.ok &&
        (assessments.value as { rows: { assessment: { grade: string } | null }[] }).rows.map((r) => r.assessment?.grade ?? null),
    ).toEqual(['excellent', 'good', 'fail']); // only the 2025 centers owe a 2025 summary
    const audit = await desk.invoke('audit.list', { limit: 1000 });
    expect(audit.ok && (audit.value as unknown[]).length).toBeGreaterThan(10);
    await desk.close();
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, demo: true, log: () => undefined });
    const again = await desk.invoke('batches.list', {});
    expect(again.ok && (again.value as unknown[]).length).toBe(4);
    await desk.close();
  });
});
