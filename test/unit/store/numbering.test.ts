import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../../electron/core/store/store.js';
import { currentNumber, docNumberSeries, issueDocNumbered, issueNumbered } from '../../../electron/core/store/numbering.js';
import { tempDir, testClock } from '../../helpers/temp.js';

const audit = { method: 'test.number' };

/** Take the next number of `series` for a document that renders fine and keeps nothing. */
async function nextNumber(store: Store, series: string, a: { method: string; entity?: string; summary?: string } = audit): Promise<number> {
  const issued = await issueNumbered(store, {
    claims: [{ series }],
    audit: a,
    render: async ([c]) => c!.first,
    commit: async (_c, n) => n,
  });
  return issued!.result;
}

describe('numbering', () => {
  let t: ReturnType<typeof tempDir>;
  let clock: ReturnType<typeof testClock>;
  beforeEach(() => {
    t = tempDir();
    clock = testClock();
  });
  afterEach(() => t.cleanup());

  it('50 concurrent calls give 50 distinct consecutive numbers', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    const got = await Promise.all(Array.from({ length: 50 }, () => nextNumber(store, 'cert:2026', audit)));
    expect(new Set(got).size).toBe(50);
    expect([...got].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(currentNumber(store, 'cert:2026')).toBe(50);
    // other series are independent
    expect(await nextNumber(store, 'cert:2027', audit)).toBe(1);
    await store.close();
  });

  it('is durable and audited before it returns', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    const n = await nextNumber(store, 'x', { method: 'decisions.issue', entity: 'decision:1', summary: '认定通知取号' });
    const onDisk = JSON.parse(readFileSync(path.join(t.dir, 'store', 'counters.json'), 'utf8'));
    expect(onDisk.counters.x).toBe(n);
    const [entry] = await store.audit.list(1);
    expect(entry).toMatchObject({
      method: 'decisions.issue',
      entity: 'decision:1',
      summary: '认定通知取号：编号序列“x”发出第1号',
      before: 0,
      after: 1,
    });
    await store.close();
  });

  it('renders before it takes: a failed render or commit check takes nothing, the next document gets the number', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    expect(await nextNumber(store, 's')).toBe(1);
    const counters = readFileSync(path.join(t.dir, 'store', 'counters.json'));
    const entries = (await store.audit.list(100)).length;
    const seen: number[] = [];
    await expect(
      issueNumbered(store, {
        claims: [{ series: 's' }],
        audit,
        render: async ([c]) => {
          seen.push(c!.first);
          throw new Error('no glyph');
        },
        commit: async () => 0,
      }),
    ).rejects.toThrow('no glyph');
    await expect(
      issueNumbered(store, {
        claims: [{ series: 's' }],
        audit,
        render: async ([c]) => c!.first,
        check: () => {
          throw new Error('sealed');
        },
        commit: async () => 0,
      }),
    ).rejects.toThrow('sealed');
    expect(seen).toEqual([2]);
    expect(readFileSync(path.join(t.dir, 'store', 'counters.json'))).toEqual(counters);
    expect((await store.audit.list(100)).length).toBe(entries);
    expect(await nextNumber(store, 's')).toBe(2);
    await store.close();
  });

  it('writes the export file before the commit and removes it when the commit fails', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    const dir = store.dirs.exports;
    let written = '';
    await expect(
      issueNumbered(store, {
        claims: [{ series: 's' }],
        audit,
        render: async ([c]) => Buffer.from(`doc ${c!.first}`),
        exportFile: (data, [c]) => ({ dir, name: [`通知-`, { shorten: '某'.repeat(100) }, `-${c!.first}号.txt`], data }),
        commit: async () => {
          written = readdirSync(dir).join();
          throw new Error('record refused');
        },
      }),
    ).rejects.toThrow('record refused');
    expect(written).toMatch(/^通知-某+…-1号\.txt$/);
    expect(readdirSync(dir)).toEqual([]);
    expect(currentNumber(store, 's')).toBe(1); // the counter was committed: the number is skipped, never reused
    await store.close();
  });

  it('serialises a series: renders never share a would-be number; several series and counts in one claim', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    const rendered: number[] = [];
    const got = await Promise.all(
      Array.from({ length: 10 }, () =>
        issueNumbered(store, {
          claims: [{ series: 'doc' }, { series: 'cert', count: 3 }],
          audit,
          render: async ([d, c]) => {
            rendered.push(d!.first);
            await new Promise((r) => setImmediate(r));
            return [d!.first, ...c!.numbers];
          },
          commit: async (_c, doc) => doc,
        }),
      ),
    );
    expect(new Set(rendered).size).toBe(10);
    expect(got.map((g) => g!.result[0]).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(got.flatMap((g) => g!.result.slice(1)).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(currentNumber(store, 'cert')).toBe(30);
    await store.close();
  });

  it('a record numbered by a concurrent print is not numbered again', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    let stored: number | undefined;
    const print = () =>
      issueNumbered(store, {
        claims: [{ series: 's' }],
        locks: ['record:1'],
        audit,
        alreadyNumbered: () => stored !== undefined,
        render: async ([c]) => c!.first,
        commit: async (_c, n) => (stored = n),
      });
    const [a, b] = await Promise.all([print(), print()]);
    expect([a?.result, b?.result].filter((x) => x !== undefined)).toEqual([1]);
    expect(currentNumber(store, 's')).toBe(1);
    await store.close();
  });

  it('continues after close and reopen', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    for (let i = 0; i < 3; i++) await nextNumber(store, 's', audit);
    await store.close();
    const again = await Store.open(t.dir, { clock: clock.now });
    expect(await nextNumber(again, 's', audit)).toBe(4);
    await again.close();
  });

  it('never repeats a number after a crash-like reopen (store abandoned without close)', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    const handed = await Promise.all(Array.from({ length: 5 }, () => nextNumber(store, 's', audit)));
    // in-flight calls at the moment of the "crash": their numbers may or may not be on disk
    const inflight = Array.from({ length: 5 }, () => nextNumber(store, 's', audit).catch(() => 0));
    // abandon `store` (no close, lock left behind) and reopen as the next process would
    const again = await Store.open(t.dir, { clock: clock.now });
    const next = await nextNumber(again, 's', audit);
    const settled = await Promise.all(inflight);
    const everything = [...handed, ...settled.filter((n) => n > 0)];
    expect(next).toBeGreaterThan(Math.max(...handed));
    // a number handed out before the crash is never handed out again
    expect(handed).not.toContain(next);
    expect(everything.filter((n) => n === next).length).toBeLessThanOrEqual(1);
    await again.close();
  });

  it('never repeats a number after the process is killed mid-stream', async () => {
    const script = path.join(t.dir, 'child.mts');
    const storeModule = path.resolve('electron/core/store/store.ts');
    const numberingModule = path.resolve('electron/core/store/numbering.ts');
    writeFileSync(
      script,
      `
      import { Store } from ${JSON.stringify(storeModule)};
      import { issueNumbered } from ${JSON.stringify(numberingModule)};
      const store = await Store.open(${JSON.stringify(path.join(t.dir, 'data'))}, { clock: () => new Date('2026-11-24T02:00:00Z') });
      for (;;) {
        const issued = await issueNumbered(store, { claims: [{ series: 's' }], audit: { method: 'child' }, render: async ([c]) => c.first, commit: async (_c, n) => n });
        process.stdout.write(issued.result + '\\n');
      }
    `,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    // until the killed child is reaped its pid still answers kill(pid, 0), and its lock looks held
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.split('\n').length > 30) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => resolve());
      setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`child did not produce numbers: ${err}`));
      }, 30_000);
    });
    await exited;
    const printed = out.split('\n').filter(Boolean).map(Number);
    expect(printed.length, err).toBeGreaterThan(29);
    // the dead process's lock is taken over (same host, pid not alive)
    const again = await Store.open(path.join(t.dir, 'data'), { clock: clock.now });
    const next = await nextNumber(again, 's', audit);
    expect(next).toBeGreaterThan(Math.max(...printed));
    await again.close();
  });

  it('formats document numbers from their own series', async () => {
    const store = await Store.open(t.dir, { clock: clock.now });
    expect(docNumberSeries('榕市监知', 2026)).toBe('doc:榕市监知:2026');
    const doc = (year: number) =>
      issueDocNumbered(store, {
        prefix: '榕市监知',
        year,
        audit,
        render: async (docNumber, sequence) => ({ docNumber, sequence }),
        commit: async (_n, _s, d) => d,
      });
    expect((await doc(2026))!.result).toEqual({ sequence: 1, docNumber: '榕市监知〔2026〕1号' });
    expect((await doc(2026))!.result).toEqual({ sequence: 2, docNumber: '榕市监知〔2026〕2号' });
    expect((await doc(2027))!.result).toEqual({ sequence: 1, docNumber: '榕市监知〔2027〕1号' });
    await expect(nextNumber(store, ' ', audit)).rejects.toThrow(RangeError);
    await store.close();
  });
});
