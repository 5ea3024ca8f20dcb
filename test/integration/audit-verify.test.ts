import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { tempDir, testClock } from '../helpers/temp.js';

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

function verifyScript(dir: string): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('scripts/verify-audit.ts'), dir], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('audit log verifier (设置 › 操作日志 › 校验日志, npm run verify-audit)', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  beforeEach(async () => {
    t = tempDir();
    const clock = testClock('2026-11-24T02:00:00.000Z');
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    for (const name of ['甲', '乙', '丙', '丁']) {
      await ok(
        desk.invoke('experts.create', {
          name: `专家${name}`,
          organisation: '福州大学',
          title: '教授',
          field: '电子信息',
          phone: '13800000000',
        }),
      );
      clock.advance(3600_000);
    }
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  const monthFile = () =>
    path.join(
      t.dir,
      'audit',
      readdirSync(path.join(t.dir, 'audit')).find((f) => f.endsWith('.jsonl'))!,
    );

  it('says the log is whole, in the app and from the command line', async () => {
    const r = await desk.call('audit.verify', {});
    expect(r).toMatchObject({ ok: true, entries: 4, lastSeq: 4 });
    expect(r.message).toContain('操作日志完整');
    const cli = verifyScript(t.dir);
    expect(cli.code).toBe(0);
    expect(cli.out).toContain('共4条记录');
  });

  it('names the edited line by file and line, in the app and from the command line', async () => {
    const file = monthFile();
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = lines[2]!.replace('专家丙', '专家戊');
    writeFileSync(file, lines.join('\n'));
    const r = await desk.call('audit.verify', {});
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ kind: 'edited', file: path.basename(file), line: 3 });
    expect(r.message).toContain(`${path.basename(file)} 第3行被改动`);
    const cli = verifyScript(t.dir);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`${path.basename(file)} 第3行被改动`);
  });

  it('names a deleted line, and the entries cut from the end (against the part manifest)', async () => {
    const file = monthFile();
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [lines[0], lines[2], lines[3], ''].join('\n'));
    expect((await desk.call('audit.verify', {})).problem).toMatchObject({ kind: 'deleted', line: 2 });
    writeFileSync(file, [lines[0], lines[1], ''].join('\n'));
    const cut = await desk.call('audit.verify', {});
    expect(cut.problem).toMatchObject({ kind: 'truncated', line: 3 });
    // the command line reads the manifest the app writes (at the latest when it closes)
    await desk.close();
    expect(verifyScript(t.dir).out).toContain('第3–4条缺失');
    desk = await openDesk({ dataDir: t.dir, host: 'test', log: () => undefined });
  });
});
