import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it, afterAll } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'electron/core/cli.ts', ...args], { encoding: 'utf8' });

describe('desk CLI', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  it('--list prints every method with its input as JSON Schema', () => {
    const out = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'electron/core/cli.ts', '--list'], { encoding: 'utf8' }));
    const create = out.find((m: { name: string }) => m.name === 'batches.create');
    expect(create.input.type).toBe('object');
    expect(create.input.required).toEqual(expect.arrayContaining(['year', 'title', 'opensOn', 'closesOn']));
    expect(out.map((m: { name: string }) => m.name)).toContain('settings.update');
  });

  it('prints the envelope and exits 0 on ok, 1 on error', () => {
    const ok = run([
      'batches.create',
      JSON.stringify({ year: 2026, title: '命令行批次', opensOn: '2026-03-01', closesOn: '2026-03-31' }),
      '--data',
      t.dir,
    ]);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, value: { id: '2026-1' } });
    const bad = run(['batches.create', '{"year":2026}', '--data', t.dir]);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const notJson = run(['batches.list', '{nope', '--data', t.dir]);
    expect(notJson.status).toBe(1);
    const listed = run(['batches.list', '{}', '--data', t.dir]);
    expect(JSON.parse(listed.stdout).value).toHaveLength(1);
  });
});
