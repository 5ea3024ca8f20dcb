import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileDurable } from '../../../electron/core/store/durable-file.js';

describe('writeFileDurable', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'durable-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the previous version as .bak and leaves no temp files', async () => {
    const file = path.join(dir, 'part.json');
    await writeFileDurable(file, '{"v":1}', { keepBackup: true });
    await writeFileDurable(file, '{"v":2}', { keepBackup: true });
    expect(readFileSync(file, 'utf8')).toBe('{"v":2}');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('{"v":1}');
    expect(readdirSync(dir).sort()).toEqual(['part.json', 'part.json.bak']);
  });

  it('survives many concurrent writers of one file in one process (a store reopened while the old one still writes)', async () => {
    const file = path.join(dir, 'counters.json');
    await writeFileDurable(file, '{"v":0}', { keepBackup: true });
    const writes = Array.from({ length: 40 }, (_, i) => writeFileDurable(file, `{"v":${i + 1}}`, { keepBackup: true }));
    const results = await Promise.allSettled(writes);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const final = JSON.parse(readFileSync(file, 'utf8')) as { v: number };
    expect(final.v).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(`${file}.bak`, 'utf8'))).toHaveProperty('v');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
