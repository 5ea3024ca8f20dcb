import { promises as fs, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../../electron/core/store/store.js';
import { DeskError } from '../../../electron/core/contract/errors.js';
import { tempDir, testClock } from '../../helpers/temp.js';

const audit = (summary: string) => () => ({ method: 'test.write', entity: 'settings', summary });
/** One audited write of the settings part that sets the operator's name. */
const setOperator = (store: Store, name: string, summary: string) =>
  store.write(
    'settings',
    (d) => {
      d.settings.operatorName = name;
    },
    audit(summary),
  );

describe('Store', () => {
  let t: ReturnType<typeof tempDir>;
  let clock: ReturnType<typeof testClock>;
  beforeEach(() => {
    t = tempDir();
    clock = testClock();
  });
  afterEach(() => t.cleanup());

  it('creates a fresh data folder with defaults and the schema version', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    expect(store.read('settings').settings.bureauName).toBe('福州市市场监督管理局');
    expect(store.schemaVersion).toBe(1);
    const meta = JSON.parse(readFileSync(path.join(t.dir, 'store', 'meta.json'), 'utf8'));
    expect(meta.schemaVersion).toBe(1);
    for (const d of ['store', 'files', 'backups', 'audit', 'exports']) expect(existsSync(path.join(t.dir, d))).toBe(true);
    await store.close();
  });

  it('persists writes, keeps the previous version as .bak, and audits every write', async () => {
    const store = await Store.open(t.dir, { clock: clock.now, operator: () => '张三' });
    await setOperator(store, '张三', 'first');
    await setOperator(store, '李四', 'second');
    await store.close();
    const file = path.join(t.dir, 'store', 'settings.json');
    expect(JSON.parse(readFileSync(file, 'utf8')).settings.operatorName).toBe('李四');
    expect(JSON.parse(readFileSync(`${file}.bak`, 'utf8')).settings.operatorName).toBe('张三');
    const reopened = await Store.open(t.dir, { clock: clock.now });
    expect(reopened.read('settings').settings.operatorName).toBe('李四');
    const entries = await reopened.audit.list(10);
    expect(entries.map((e) => e.summary)).toEqual(['second', 'first']);
    expect(entries[0]!.operator).toBe('张三');
    await reopened.close();
  });

  it('changes nothing when the mutation throws', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    await expect(
      store.write(
        'settings',
        (d) => {
          d.settings.operatorName = 'x';
          throw new DeskError('RULE_VIOLATION', '不行');
        },
        audit('no'),
      ),
    ).rejects.toThrow('不行');
    expect(store.read('settings').settings.operatorName).toBe('');
    expect(await store.audit.list(10)).toHaveLength(0);
    await store.close();
  });

  it('serialises concurrent writes through one queue (no lost update)', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        store.write(
          'counters',
          (d) => {
            d.counters.n = (d.counters.n ?? 0) + 1;
            return i;
          },
          audit(`w${i}`),
        ),
      ),
    );
    expect(store.read('counters').counters.n).toBe(40);
    await store.close();
    const again = await Store.open(t.dir, { clock: clock.now });
    expect(again.read('counters').counters.n).toBe(40);
    await again.close();
  });

  it('refuses a truncated part, names the newest backup, leaves the file untouched, and restores offline', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    await setOperator(store, '王五', 'good');
    await store.close();
    const file = path.join(t.dir, 'store', 'settings.json');
    const broken = readFileSync(file, 'utf8').slice(0, 20);
    writeFileSync(file, broken);
    const err = await Store.open(t.dir, { clock: clock.now }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeskError);
    expect((err as DeskError).code).toBe('STORE_CORRUPT');
    expect((err as DeskError).message).toContain('daily-2026-11-24');
    expect(readFileSync(file, 'utf8')).toBe(broken);
    // the lock was released: a second attempt says the same, not "locked"
    await expect(Store.open(t.dir, { clock: clock.now })).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    const result = await Store.restoreOffline(t.dir, 'daily-2026-11-24', { clock: clock.now });
    expect(result.restored).toBe('daily-2026-11-24');
    const reopened = await Store.open(t.dir, { clock: clock.now });
    expect(reopened.read('settings').settings.bureauName).toBe('福州市市场监督管理局');
    await reopened.close();
  });

  it('refuses a NUL-filled part (what a power cut can leave)', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    await store.write('batches', () => undefined, audit('x'));
    await store.close();
    writeFileSync(path.join(t.dir, 'store', 'batches.json'), Buffer.alloc(64));
    await expect(Store.open(t.dir, { clock: clock.now })).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
  });

  it('refuses a part that parses but breaks the schema', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    await store.close();
    writeFileSync(path.join(t.dir, 'store', 'batches.json'), JSON.stringify({ batches: [{ id: 1 }] }));
    await expect(Store.open(t.dir, { clock: clock.now })).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
  });

  it('refuses a store written by a newer version and leaves it untouched', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    await store.close();
    const metaFile = path.join(t.dir, 'store', 'meta.json');
    writeFileSync(metaFile, JSON.stringify({ schemaVersion: 99, createdAt: '2030-01-01T00:00:00.000Z' }));
    const before = readFileSync(metaFile, 'utf8');
    const err = (await Store.open(t.dir, { clock: clock.now }).catch((e: unknown) => e)) as DeskError;
    expect(err.code).toBe('STORE_TOO_NEW');
    expect(err.message).toContain('较新版本');
    expect(readFileSync(metaFile, 'utf8')).toBe(before);
  });

  it('runs migrations in order after a snapshot', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    await setOperator(store, 'old', 'x');
    await store.close();
    const seen: number[] = [];
    const migrations = [
      {
        from: 1,
        to: 2,
        describe: 'rename',
        migrate: (p: Record<string, unknown>) => {
          seen.push(1);
          const s = p.settings as { settings: { operatorName: string } };
          s.settings.operatorName = 'v2';
          return p;
        },
      },
      {
        from: 2,
        to: 3,
        describe: 'again',
        migrate: (p: Record<string, unknown>) => {
          seen.push(2);
          const s = p.settings as { settings: { operatorName: string } };
          s.settings.operatorName += '-v3';
          return p;
        },
      },
    ];
    const migrated = await Store.open(t.dir, { clock: clock.now, schemaVersion: 3, migrations });
    expect(seen).toEqual([1, 2]);
    expect(migrated.read('settings').settings.operatorName).toBe('v2-v3');
    expect(migrated.schemaVersion).toBe(3);
    expect((await migrated.backups.list()).some((b) => b.kind === 'before-migration')).toBe(true);
    await migrated.close();
  });

  it('takes one snapshot on the first write of each day and keeps the last 30', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    for (let day = 0; day < 33; day++) {
      clock.set(new Date(Date.UTC(2026, 9, 1 + day, 2)).toISOString());
      await store.write(
        'counters',
        (d) => {
          d.counters.n = day;
        },
        audit(`d${day}`),
      );
      await store.write(
        'counters',
        (d) => {
          d.counters.m = day;
        },
        audit(`e${day}`),
      );
    }
    const daily = (await store.backups.list()).filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(30);
    expect(daily[0]!.name).toBe('daily-2026-11-02');
    expect(daily.at(-1)!.name).toBe('daily-2026-10-04');
    // the snapshot holds the data as it was before that day's first write
    const snap = JSON.parse(readFileSync(path.join(t.dir, 'backups', 'daily-2026-11-02', 'counters.json'), 'utf8'));
    expect(snap.counters.n).toBe(31);
    await store.close();
  });

  it('restores a snapshot in-app and keeps the replaced data as a before-restore snapshot', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    await setOperator(store, '甲', 'a');
    clock.advance(86_400_000);
    await setOperator(store, '乙', 'b');
    const result = await store.restore('daily-2026-11-25');
    expect(store.read('settings').settings.operatorName).toBe('甲');
    expect(result.safetyBackup).toMatch(/^before-restore-/);
    const safety = JSON.parse(readFileSync(path.join(t.dir, 'backups', result.safetyBackup, 'settings.json'), 'utf8'));
    expect(safety.settings.operatorName).toBe('乙');
    await expect(store.restore('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await store.close();
  });

  it('refuses a restore from a damaged snapshot and changes nothing', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    await setOperator(store, '甲', 'a');
    await fs.writeFile(path.join(t.dir, 'backups', 'daily-2026-11-24', 'settings.json'), '{"settings": ');
    await expect(store.restore('daily-2026-11-24')).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    expect(store.read('settings').settings.operatorName).toBe('甲');
    await store.close();
  });

  it('lets one process own a data folder at a time and explains a live lock', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    writeFileSync(path.join(t.dir, 'desk.lock'), JSON.stringify({ pid: 1, host: (await import('node:os')).hostname(), startedAt: 'x' }));
    await expect(Store.open(t.dir, { clock: clock.now })).rejects.toMatchObject({ code: 'STORE_LOCKED' });
    await store.close();
  });

  it('takes over a stale lock left by a dead process', async () => {
    writeFileSync(
      path.join(t.dir, 'desk.lock'),
      JSON.stringify({ pid: 999_999_999, host: (await import('node:os')).hostname(), startedAt: 'x' }),
    );
    const store = await Store.open(t.dir, { clock: clock.now });
    expect(store.read('settings').settings).toBeTruthy();
    await store.close();
  });

  it('loads keyed parts on first use and writes them durably', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    expect((await store.readKeyed('batch', '2026-1')).applications).toEqual([]);
    // The generic keyed-part behaviour is checked on `centers` (the assessment templates list).
    const template = {
      version: 1,
      criteria: [],
      bands: { excellent: 90, good: 80, pass: 60 },
      createdAt: '2026-11-25T00:00:00.000Z',
      createdBy: '福州数科',
    };
    await store.writeKeyed(
      'centers',
      '2026',
      (d) => {
        d.assessmentTemplates.push(template);
      },
      audit('add'),
    );
    await store.close();
    expect(JSON.parse(readFileSync(path.join(t.dir, 'store', 'centers-2026.json'), 'utf8')).assessmentTemplates).toHaveLength(1);
    const again = await Store.open(t.dir, { clock: clock.now });
    expect((await again.readKeyed('centers', '2026')).assessmentTemplates[0]).toMatchObject({ createdBy: '福州数科' });
    expect(await again.keyedKeys('centers')).toEqual(['2026']);
    expect(await again.keyedKeys('scores')).toEqual([]);
    await expect(again.readKeyed('batch', '../x')).rejects.toThrow();
    writeFileSync(path.join(t.dir, 'store', 'scores-2026-1.json'), '{"scoreSheets": [');
    await expect(again.readKeyed('scores', '2026-1')).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    await again.close();
  });
});
