import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { assertHandlersComplete, areaTables } from '../../electron/core/handlers/index.js';
import { tempDir, testClock } from '../helpers/temp.js';

type Ok<T> = { ok: true; value: T };

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return (r as Ok<T>).value;
}

describe('dispatch on a real data folder', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  const clock = testClock('2026-11-24T02:00:00.000Z');
  beforeEach(async () => {
    t = tempDir();
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  it('every contract method has exactly one handler', () => {
    expect(() => assertHandlersComplete()).not.toThrow();
    expect(() => assertHandlersComplete({ ...areaTables, extra: { 'settings.get': () => null } })).toThrow(/handled by both/);
    const { batches: _b, ...missing } = areaTables;
    expect(() => assertHandlersComplete(missing)).toThrow(/batches.create has no handler/);
  });

  it('refuses unknown methods, including inherited property names', async () => {
    for (const name of ['nope.nothing', 'toString', '__proto__', 'constructor']) {
      const r = await desk.invoke(name, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('validates input and answers in Chinese naming the field', async () => {
    const r = await desk.invoke('batches.create', { year: 2026, title: '', opensOn: '2026-02-30', closesOn: '2026-03-01' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toContain('批次名称');
    expect(r.error.message).toContain('开始日期：日期不存在');
    const extra = await desk.invoke('batches.create', {
      year: 2026,
      title: '二〇二六年第一批',
      opensOn: '2026-03-01',
      closesOn: '2026-03-31',
      admin: true,
    });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(extra)).toContain('admin');
  });

  it('creates, lists, updates batches and audits each write', async () => {
    const b1 = await desk.call('batches.create', { year: 2026, title: '2026年第一批', opensOn: '2026-03-01', closesOn: '2026-03-31' });
    expect(b1).toMatchObject({ id: '2026-1', sequence: 1 });
    const b2 = await desk.call('batches.create', { year: 2026, title: '2026年第二批', opensOn: '2026-09-01', closesOn: '2026-09-30' });
    expect(b2.id).toBe('2026-2');
    const list = await desk.call('batches.list', { year: 2026 });
    expect(list.map((b) => b.id)).toEqual(['2026-2', '2026-1']);
    await ok(desk.invoke('batches.update', { id: '2026-1', title: '2026年第一批（更正）' }));
    expect(await desk.call('batches.get', { id: '2026-1' })).toMatchObject({ title: '2026年第一批（更正）' });
    const audit = await desk.call('audit.list', { limit: 10 });
    expect(audit.map((a) => a.method)).toEqual(['batches.update', 'batches.create', 'batches.create']);
    expect(audit[0]!.entity).toBe('batch:2026-1');
  });

  it('a third batch in a year needs a recorded reason', async () => {
    for (const n of ['一', '二'])
      await ok(desk.invoke('batches.create', { year: 2026, title: `第${n}批`, opensOn: '2026-03-01', closesOn: '2026-03-31' }));
    const quota = await desk.call('batches.quota', { year: 2026 });
    expect(quota).toMatchObject({ needsReason: true, count: 2 });
    const refused = await desk.invoke('batches.create', { year: 2026, title: '第三批', opensOn: '2026-11-01', closesOn: '2026-11-30' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NEEDS_REASON' } });
    expect(await desk.call('batches.list', {})).toHaveLength(2);
    const third = await desk.call('batches.create', {
      year: 2026,
      title: '第三批',
      opensOn: '2026-11-01',
      closesOn: '2026-11-30',
      extraBatchReason: '省局专项部署',
    });
    expect(third).toMatchObject({ id: '2026-3', extraBatchReason: '省局专项部署' });
    const audit = await desk.call('audit.list', { limit: 1 });
    expect(audit[0]!.summary).toContain('理由：省局专项部署');
  });

  it('refuses a closing date before the opening date and changes nothing', async () => {
    const r = await desk.invoke('batches.create', { year: 2026, title: '倒序批次', opensOn: '2026-05-01', closesOn: '2026-04-01' });
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    if (!r.ok) expect(r.error.message).toContain('截止日期（2026年4月1日）早于开始日期（2026年5月1日）');
    expect(await desk.call('batches.list', {})).toHaveLength(0);
    expect(await desk.call('audit.list', {})).toHaveLength(0);
  });

  it('settings round-trip and survive reopening', async () => {
    await ok(desk.invoke('settings.update', { operatorName: '林晓', docNumberPrefix: '榕市监知' }));
    await desk.close();
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now });
    expect(await ok(desk.invoke('settings.get', {}))).toMatchObject({ operatorName: '林晓' });
    const info = await desk.call('system.info', {});
    expect(info.schemaVersion).toBe(1);
    expect(info.dataDir).toBe(t.dir);
  });
});
