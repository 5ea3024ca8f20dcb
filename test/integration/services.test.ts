import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { DeskError } from '../../electron/core/contract/errors.js';
import { scoringResults } from '../../electron/core/services/scoring.js';
import { Store } from '../../electron/core/store/store.js';
import { scoredBatch } from '../helpers/designation.js';
import { tempDir, testClock } from '../helpers/temp.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('Desk.call', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  beforeEach(async () => {
    t = tempDir();
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: testClock('2026-03-10T02:00:00.000Z').now, log: () => undefined });
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  it('resolves to the method output, parsed like invoke', async () => {
    const batch = await desk.call('batches.create', { year: 2026, title: '2026年第一批', opensOn: '2026-03-01', closesOn: '2026-03-31' });
    expect(batch.id).toBe('2026-1');
    const listed = await desk.call('batches.list', {});
    const viaInvoke = await desk.invoke('batches.list', {});
    expect(viaInvoke).toEqual({ ok: true, value: listed });
  });

  it('rejects with a DeskError carrying the code, message and details of { ok: false }', async () => {
    const bad = await desk
      .call('batches.create', { year: 1900, title: '', opensOn: '2026-03-01', closesOn: '2026-03-31' })
      .catch((e: unknown) => e);
    const env = await desk.invoke('batches.create', { year: 1900, title: '', opensOn: '2026-03-01', closesOn: '2026-03-31' });
    expect(bad).toBeInstanceOf(DeskError);
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect({ code: (bad as DeskError).code, message: (bad as DeskError).message, details: (bad as DeskError).details }).toEqual(env.error);
    expect((bad as DeskError).code).toBe('INVALID_INPUT');
    const missing = await desk.call('batches.update', { id: '2030-9', title: '无此批次' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DeskError);
    expect((missing as DeskError).code).toBe('NOT_FOUND');
  });
});

describe('services', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => {
    t = tempDir();
  });
  afterEach(() => t.cleanup());

  it('the store exposes its attachments: stored by sha256 under files/, read back, a missing one is an error', async () => {
    const clock = testClock();
    const store = await Store.open(t.dir, { clock: clock.now, operator: () => '测试' });
    try {
      const stored = await store.attachments.addBuffer(PDF, '营业执照.pdf', ['pdf']);
      expect(store.attachments.pathOf(stored.sha256)).toBe(path.join(store.dirs.files, stored.sha256.slice(0, 2), stored.sha256));
      expect(Buffer.compare(await store.attachments.read(stored.sha256), PDF)).toBe(0);
      await expect(store.attachments.read('0'.repeat(64))).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      await store.close();
    }
  });

  it('scoringResults gives what scoring.results returns', async () => {
    const clock = testClock('2026-03-10T02:00:00.000Z');
    const desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    let viaApi;
    try {
      await scoredBatch(desk, [
        { name: '福州甲有限公司', total: 88 },
        { name: '福州乙有限公司', total: 62 },
      ]);
      viaApi = await desk.call('scoring.results', { batchId: '2026-1' });
    } finally {
      await desk.close();
    }
    const store = await Store.open(t.dir, { clock: clock.now, operator: () => '测试' });
    try {
      const direct = await scoringResults({ store, clock: clock.now }, '2026-1');
      expect(direct).toEqual(viaApi);
      expect(direct.rows.map((r) => r.passed)).toEqual([true, false]);
    } finally {
      await store.close();
    }
  });
});

describe('layers of the yearly archive and the services', () => {
  const core = path.resolve(import.meta.dirname, '../../electron/core');
  const importsOf = (file: string): string[] =>
    [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => path.join(e.parentPath, e.name));

  it('the archive regenerates documents without the handlers or the dispatcher', () => {
    const offenders: string[] = [];
    for (const file of ['documents.ts', 'collect.ts'].map((f) => path.join(core, 'archive', f))) {
      for (const spec of importsOf(file)) if (/\/(handlers|rpc)\//.test(spec)) offenders.push(`${path.basename(file)} → ${spec}`);
    }
    expect(offenders).toEqual([]);
  });

  it('services import no handler, rpc or archive module, and the archive handler does not build the handler table', () => {
    const offenders: string[] = [];
    for (const file of filesUnder(path.join(core, 'services'))) {
      for (const spec of importsOf(file))
        if (/\/(handlers|rpc|archive)\//.test(spec)) offenders.push(`${path.relative(core, file)} → ${spec}`);
    }
    for (const spec of importsOf(path.join(core, 'handlers', 'archive.ts')))
      if (spec === './index.js') offenders.push(`handlers/archive.ts → ${spec}`);
    expect(offenders).toEqual([]);
  });
});
