import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../../electron/core/store/store.js';
import { DeskError } from '../../../electron/core/contract/errors.js';
import { tempDir, testClock } from '../../helpers/temp.js';

const audit = (summary: string) => () => ({ method: 'test.write', entity: 'x', summary });
const expert = (id: string, name: string) => ({
  id,
  name,
  organisation: '福州大学',
  title: '教授',
  field: '电子信息',
  phone: '13800000000',
  declaredConflicts: [] as string[],
  retired: false,
  createdAt: '2026-11-24T02:00:00.000Z',
  updatedAt: '2026-11-24T02:00:00.000Z',
});

/** Every file of the store folder with its bytes (to prove a refusal wrote nothing). */
function storeBytes(dir: string): Record<string, string> {
  const s = path.join(dir, 'store');
  return Object.fromEntries(
    readdirSync(s)
      .sort()
      .map((f) => [f, readFileSync(path.join(s, f), 'utf8')]),
  );
}

describe('part manifest: no part is ever silently empty', () => {
  let t: ReturnType<typeof tempDir>;
  let clock: ReturnType<typeof testClock>;
  beforeEach(() => {
    t = tempDir();
    clock = testClock('2026-11-24T02:00:00.000Z');
  });
  afterEach(() => t.cleanup());

  /** Day 1: two experts and a batch part; day 2: one more write, so the daily snapshot of day 2 holds day 1's data. */
  async function seed(): Promise<void> {
    const store = await Store.open(t.dir, { clock: clock.now });
    await store.write(
      'experts',
      (d) => {
        d.experts.push(expert('e1', '王一'), expert('e2', '李二'));
      },
      audit('experts'),
    );
    await store.writeKeyed(
      'batch',
      '2026-1',
      (d) => {
        (d.applications as unknown[]).length = 0;
      },
      audit('batch part'),
    );
    clock.advance(24 * 3600_000);
    await store.write(
      'settings',
      (d) => {
        d.settings.operatorName = '张三';
      },
      audit('day 2'),
    );
    await store.close();
  }

  for (const withBak of [false, true]) {
    it(`refuses to open when a fixed part the manifest names is missing (${withBak ? 'its .bak left' : 'with its .bak'}), writes nothing, and the restore brings it back`, async () => {
      await seed();
      const file = path.join(t.dir, 'store', 'experts.json');
      rmSync(file);
      if (!withBak) rmSync(`${file}.bak`, { force: true });
      const before = storeBytes(t.dir);
      const err = (await Store.open(t.dir, { clock: clock.now }).catch((e: unknown) => e)) as DeskError;
      expect(err).toBeInstanceOf(DeskError);
      expect(err.code).toBe('STORE_CORRUPT');
      expect(err.message).toContain('experts.json');
      expect(err.message).toContain('文件缺失');
      expect(err.message).toContain('daily-2026-11-25');
      expect(storeBytes(t.dir)).toEqual(before);
      await Store.restoreOffline(t.dir, 'daily-2026-11-25', { clock: clock.now });
      const store = await Store.open(t.dir, { clock: clock.now });
      expect(store.read('experts').experts.map((e) => e.name)).toEqual(['王一', '李二']);
      const last = (await store.audit.list(1))[0]!;
      expect(last).toMatchObject({ method: 'backups.restore' });
      expect(last.parts?.map((p) => p.file)).toContain('experts.json');
      expect((await store.verifyAudit()).ok).toBe(true);
      await store.close();
    });

    it(`refuses to load a keyed part the manifest names that is missing (${withBak ? 'its .bak left' : 'with its .bak'}); the restore brings it back`, async () => {
      await seed();
      const file = path.join(t.dir, 'store', 'batch-2026-1.json');
      rmSync(file);
      if (!withBak) rmSync(`${file}.bak`, { force: true });
      const store = await Store.open(t.dir, { clock: clock.now });
      await expect(store.readKeyed('batch', '2026-1')).rejects.toMatchObject({
        code: 'STORE_CORRUPT',
        message: expect.stringContaining('batch-2026-1.json'),
      });
      // a write to it is refused the same way and does not create the file
      await expect(store.writeKeyed('batch', '2026-1', () => undefined, audit('x'))).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
      expect(existsSync(file)).toBe(false);
      await store.restore('daily-2026-11-25');
      expect((await store.readKeyed('batch', '2026-1')).applications).toEqual([]);
      expect(existsSync(file)).toBe(true);
      await store.close();
    });
  }

  it('refuses a part replaced by an older generation (its .bak copied over it)', async () => {
    await seed();
    const store = await Store.open(t.dir, { clock: clock.now });
    await store.write(
      'settings',
      (d) => {
        d.settings.operatorName = '李四';
      },
      audit('second version'),
    );
    await store.write(
      'experts',
      (d) => {
        d.experts.pop();
      },
      audit('a later write of another part'),
    );
    await store.close();
    const file = path.join(t.dir, 'store', 'settings.json');
    copyFileSync(`${file}.bak`, file);
    await expect(Store.open(t.dir, { clock: clock.now })).rejects.toMatchObject({
      code: 'STORE_CORRUPT',
      message: expect.stringContaining('不符'),
    });
  });

  it('refuses when the whole store folder is gone but the audit log says what it held', async () => {
    await seed();
    rmSync(path.join(t.dir, 'store'), { recursive: true });
    await expect(Store.open(t.dir, { clock: clock.now })).rejects.toMatchObject({
      code: 'STORE_CORRUPT',
      message: expect.stringContaining('文件缺失'),
    });
  });

  it('opens a first start on an empty folder, and a folder of an older version (no manifest) as it is', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    await store.write(
      'experts',
      (d) => {
        d.experts.push(expert('e1', '王一'));
      },
      audit('x'),
    );
    await store.close();
    // an older version's folder: no manifest, unchained audit lines
    rmSync(path.join(t.dir, 'store', 'parts.manifest'));
    const month = path.join(t.dir, 'audit', readdirSync(path.join(t.dir, 'audit'))[0]!);
    writeFileSync(
      month,
      `${JSON.stringify({ at: '2026-11-24T02:00:00.000Z', operator: '', method: 'experts.create', entity: 'expert:e1', summary: '旧版本记录' })}\n`,
    );
    const again = await Store.open(t.dir, { clock: clock.now });
    expect(again.read('experts').experts).toHaveLength(1);
    await again.write(
      'settings',
      (d) => {
        d.settings.operatorName = '新';
      },
      audit('after upgrade'),
    );
    expect(await again.verifyAudit()).toMatchObject({ ok: true, legacy: 1, entries: 1 });
    await again.close();
  });

  it('names the OS account and the machine beside the operator on every entry, with the part version it wrote', async () => {
    const store = await Store.open(t.dir, { clock: clock.now, operator: () => '张三' });
    await store.write(
      'settings',
      (d) => {
        d.settings.operatorName = '张三';
      },
      audit('x'),
    );
    const [e] = await store.audit.list(1);
    expect(e!.operator).toBe('张三');
    expect(e!.osUser).toBeTruthy();
    expect(e!.machine).toBeTruthy();
    expect(e!.parts).toEqual([{ file: 'settings.json', generation: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(e).toMatchObject({ seq: 1, prev: '0'.repeat(64) });
    await store.close();
  });
});
