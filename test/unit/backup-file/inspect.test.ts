/** The backup file checker on hand-made zips: every kind of problem is found and named, none throws. */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zipToBuffer } from '../../../electron/core/exchange/zip-write.js';
import { checkBackupFile, inspectBackupFile } from '../../../electron/core/backup-file/inspect.js';
import { backupFileName, describeContents, partOf } from '../../../electron/core/backup-file/manifest.js';
import { formatBytes } from '../../../electron/core/domain/sizes.js';
import { tempDir } from '../../helpers/temp.js';

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const json = (v: unknown): Buffer => Buffer.from(`${JSON.stringify(v)}\n`);
const ATTACHMENT = Buffer.from('%PDF-1.4 附件内容');
const A_PATH = `files/${sha(ATTACHMENT).slice(0, 2)}/${sha(ATTACHMENT)}`;

function goodEntries(): Map<string, Buffer> {
  return new Map<string, Buffer>([
    ['store/meta.json', json({ schemaVersion: 1, createdAt: '2026-01-01T00:00:00.000Z' })],
    ['store/batches.json', json({ batches: [] })],
    ['store/experts.json', json({ experts: [] })],
    ['store/centers-2026.json', json({ summaries: [], assessments: [], assessmentTemplates: [] })],
    [A_PATH, ATTACHMENT],
    ['audit/2026-11.jsonl', Buffer.from('{"at":"2026-11-25T02:00:00.000Z"}\n')],
  ]);
}

describe('backup file checker', () => {
  const t = tempDir('desk-backup-unit-');
  afterAll(() => t.cleanup());
  let n = 0;

  /** Write a backup zip from entries; the manifest lists `listed` (default: all entries, hashed). */
  async function write(entries: Map<string, Buffer>, edit: (m: Record<string, unknown>) => void = () => undefined): Promise<string> {
    const manifest: Record<string, unknown> = {
      format: 'ipc-desk-backup',
      version: 1,
      createdAt: '2026-11-25T02:30:00.000Z',
      createdBy: '测试',
      appVersion: '1.0.0',
      schemaVersion: 1,
      files: [...entries].map(([p, d]) => ({ path: p, sha256: sha(d), size: d.length })),
    };
    edit(manifest);
    const file = path.join(t.dir, `b${n++}.ipcdesk-backup`);
    writeFileSync(
      file,
      await zipToBuffer([...[...entries].map(([p, data]) => ({ path: p, data })), { path: 'manifest.json', data: json(manifest) }]),
    );
    return file;
  }

  it('passes a well-formed backup and counts what it holds', async () => {
    const report = await inspectBackupFile(await write(goodEntries()), { schemaVersion: 1 });
    expect(report).toMatchObject({ ok: true, problems: [], files: 6, schemaVersion: 1, appVersion: '1.0.0' });
    expect(report.contents).toEqual(['批次0个', '申报0份', '专家0名', '中心0个', '年度工作总结0份', '附件1个（共21 字节）']);
  });

  it('names a missing entry and an extra one', async () => {
    const entries = goodEntries();
    const file = await write(entries, (m) => {
      (m.files as { path: string }[]).push({ path: 'audit/2026-10.jsonl', sha256: 'a'.repeat(64), size: 3 } as never);
      m.files = (m.files as { path: string }[]).filter((f) => f.path !== 'store/experts.json');
    });
    const { problems } = await inspectBackupFile(file, { schemaVersion: 1 });
    expect(problems).toEqual(['缺少文件 audit/2026-10.jsonl（清单中有，备份里没有）。', '多出文件 store/experts.json（清单中没有）。']);
  });

  it('finds a size and a hash that differ from the manifest', async () => {
    const file = await write(goodEntries(), (m) => {
      const files = m.files as { path: string; sha256: string; size: number }[];
      files.find((f) => f.path === 'store/batches.json')!.size += 1;
      files.find((f) => f.path === 'audit/2026-11.jsonl')!.sha256 = 'b'.repeat(64);
    });
    const { problems } = await inspectBackupFile(file, { schemaVersion: 1 });
    const real = json({ batches: [] }).length;
    expect(problems).toContain(`文件 store/batches.json 已损坏（大小不符：清单记录 ${real + 1} 字节，备份中为 ${real} 字节）。`);
    expect(problems).toContain('文件 audit/2026-11.jsonl 已损坏（内容的 sha256 校验值与清单不符）。');
  });

  it('refuses parts that do not fit their schema, unknown parts, and an attachment whose name is not its hash', async () => {
    const entries = goodEntries();
    entries.set('store/batches.json', json({ batches: [{ id: 1 }] }));
    entries.set('store/mystery.json', json({}));
    entries.set(`files/ab/ab${'0'.repeat(62)}`, Buffer.from('not this hash'));
    const { problems } = await inspectBackupFile(await write(entries), { schemaVersion: 1 });
    expect(problems.some((p) => p.startsWith('数据文件 store/batches.json 内容不符合数据格式（batches.0'))).toBe(true);
    expect(problems).toContain('数据文件 store/mystery.json 不是本程序认识的数据部分。');
    expect(problems).toContain(`附件 files/ab/ab${'0'.repeat(62)} 的内容与其文件名（校验值）不符。`);
  });

  it('reports a manifest that is not a backup manifest, and a missing meta part', async () => {
    const entries = goodEntries();
    entries.delete('store/meta.json');
    const noMeta = await inspectBackupFile(await write(entries), { schemaVersion: 1 });
    expect(noMeta.problems).toEqual(['备份中缺少 store/meta.json（数据版本信息）。']);
    const archive = await inspectBackupFile(await write(goodEntries(), (m) => (m.format = 'ipc-desk-archive')), { schemaVersion: 1 });
    expect(archive.ok).toBe(false);
    expect(archive.problems[0]).toMatch(/^manifest\.json 不符合备份文件格式（format/);
  });

  it('keeps parts and audit bytes for restore, and stages only attachments the folder lacks', async () => {
    const file = await write(goodEntries());
    const stage = { dir: path.join(t.dir, 'staging'), filesDir: path.join(t.dir, 'files') };
    const checked = await checkBackupFile(file, { schemaVersion: 1, stage });
    expect([...checked.parts.keys()].sort()).toEqual(['batches', 'centers-2026', 'experts', 'meta']);
    expect(checked.audit.get('2026-11.jsonl')!.toString()).toContain('2026-11-25');
    expect([...checked.staged.keys()]).toEqual([A_PATH.slice('files/'.length)]);
  });

  it('names files, formats sizes and describes contents', () => {
    expect(backupFileName(new Date('2026-11-25T02:30:00.000Z'))).toBe('福州市产业知识产权中心数据备份-20261125-103000.ipcdesk-backup');
    expect(backupFileName(new Date('2026-11-24T16:00:01.000Z'))).toBe('福州市产业知识产权中心数据备份-20261125-000001.ipcdesk-backup');
    expect(partOf('batch-2026-1')).toEqual({ kind: 'keyed', keyed: 'batch', key: '2026-1' });
    expect(partOf('centers-2026')).toEqual({ kind: 'keyed', keyed: 'centers', key: '2026' });
    expect(partOf('centers')).toEqual({ kind: 'fixed', name: 'centers' });
    expect(partOf('batch-x')).toBeUndefined();
    expect(formatBytes(1024 ** 3)).toBe('1.00 GB');
    expect(formatBytes(5 * 1048576 + 1)).toBe('5.0 MB');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(describeContents(new Map(), { count: 0, bytes: 0 }).at(-1)).toBe('附件0个');
    const parts = new Map<string, unknown>([
      ['batches', { batches: [{}, {}] }],
      ['batch-2026-1', { applications: [{}, {}, {}] }],
      ['batch-2026-2', { applications: [{}] }],
      ['experts', { experts: [{}] }],
      ['centers', { centers: [{}, {}] }],
      ['centers-2026', { summaries: [{}, {}] }],
      ['centers-2027', { summaries: [{}] }],
    ]);
    expect(describeContents(parts, { count: 40, bytes: 3 * 1048576 })).toEqual([
      '批次2个',
      '申报4份',
      '专家1名',
      '中心2个',
      '年度工作总结3份',
      '附件40个（共3.0 MB）',
    ]);
  });
});
