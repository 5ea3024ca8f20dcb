/**
 * 备份文件: real data built through the API (three designated centers, an application with two attached
 * files, settings, an expert, writes in several months), backed up to one file, restored into a new
 * empty data folder and compared record by record; a damaged copy, a backup from a newer schema, a
 * restore over existing data, and the offline restore from the command line.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import type { Application } from '../../electron/core/contract/applications/entities.js';
import type { BackupFileInfo, BackupManifest, RestoreReport } from '../../electron/core/contract/backup-file.js';
import { readZip } from '../../electron/core/base/zip-read.js';
import { zipToBuffer } from '../../electron/core/exchange/zip-write.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, fullApplicant, ok } from '../helpers/applications.js';
import { designatedCenters } from '../helpers/centers.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n% 备份测试用的申请表\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR 备份测试图片 '.repeat(40))]);

/** Every file under `dir` (relative, `/`) → sha256, optionally skipping some top-level folders. */
function tree(dir: string, skip: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      if (!rel && skip.includes(name)) continue;
      const full = path.join(dir, r);
      if (statSync(full).isDirectory()) walk(r);
      else out[r] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  if (existsSync(dir)) walk('');
  return out;
}

/** The store's part files (no .bak, no temp files) → text. */
function parts(dataDir: string): Record<string, string> {
  const dir = path.join(dataDir, 'store');
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
    .sort())
    out[f] = readFileSync(path.join(dir, f), 'utf8');
  return out;
}

async function reads(desk: Desk) {
  const batches = await desk.call('batches.list', {});
  const applications: Record<string, unknown> = {};
  for (const b of batches) applications[b.id] = await ok(desk.invoke('applications.list', { batchId: b.id }));
  return {
    batches,
    applications,
    centers: await ok(desk.invoke('centers.list', {})),
    experts: await ok(desk.invoke('experts.list', {})),
    settings: await ok(desk.invoke('settings.get', {})),
  };
}

describe('backup file: create, inspect, restore', () => {
  const t = tempDir('desk-backup-');
  const src = path.join(t.dir, 'src');
  const clock = testClock('2026-03-10T02:00:00.000Z');
  let desk: Desk;
  let backup: BackupFileInfo;
  let app: Application;
  const srcTree = (): Record<string, string> => tree(src, ['backups', 'exports', 'desk.lock', 'opened', 'uploads']);

  beforeAll(async () => {
    desk = await openDesk({ dataDir: src, host: 'test', clock: clock.now, log: () => undefined });
    await designatedCenters(desk, clock);
    clock.set('2026-11-20T02:00:00.000Z');
    await ok(desk.invoke('settings.update', { operatorName: '林备份' }));
    await ok(
      desk.invoke('experts.create', {
        name: '郑研究员',
        organisation: '福州大学',
        title: '研究员',
        field: '知识产权',
        phone: '13800000009',
      }),
    );
    app = await desk.call('applications.create', {
      batchId: '2025-1',
      applicant: fullApplicant('福州备份测试科技有限公司', 77),
      windowOverrideReason: '补录纸质申报材料',
    });
    for (const [itemNo, name, data] of [
      [1, '申请表（盖章）.pdf', PDF],
      [2, '营业执照.png', PNG],
    ] as const) {
      const staged = await desk.call('files.stage', { name, data: new Uint8Array(data) });
      app = await desk.call('applications.attachFile', { applicationId: app.id, itemNo, uploadId: staged.uploadId, fileName: name });
    }
    clock.set('2026-11-25T02:30:00.000Z');
    const progress: { done: number; total: number }[] = [];
    desk.onEvent((event, payload) => {
      if (event === 'progress' && (payload as { taskId: string }).taskId === 'backup-1')
        progress.push(payload as { done: number; total: number });
    });
    backup = await desk.call('backupFile.create', { taskId: 'backup-1' });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
  });
  afterAll(async () => {
    await desk.close();
    t.cleanup();
  });

  it('writes one file named with the bureau time under exports/备份/, listing its contents in Chinese', () => {
    expect(backup.fileName).toBe('福州市产业知识产权中心数据备份-20261125-103000.ipcdesk-backup');
    expect(backup.path).toBe(path.join(src, 'exports', '备份', backup.fileName));
    const bytes = readFileSync(backup.path);
    expect(backup.size).toBe(bytes.length);
    expect(backup.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(backup.contents).toEqual([
      '批次2个',
      '申报4份',
      '专家4名',
      '中心3个',
      '年度工作总结0份',
      expect.stringMatching(/^附件2个（共\d+(\.\d)? KB）$/),
    ]);
    // No temp file left beside it.
    expect(readdirSync(path.dirname(backup.path))).toEqual([backup.fileName]);
  });

  it('holds manifest.json, every part, attachment and audit month with sha256 and size — and nothing else', async () => {
    const entries = await readZip(readFileSync(backup.path));
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as BackupManifest;
    expect(manifest).toMatchObject({
      format: 'ipc-desk-backup',
      version: 1,
      createdAt: '2026-11-25T02:30:00.000Z',
      createdBy: '林备份',
      schemaVersion: 1,
    });
    // Part files only: the .bak copies the store keeps beside each part are not data, and the part
    // manifest is rebuilt from the restored files (with an audit entry) when the backup is restored.
    // digests/ holds the attachments' remembered SM3, a cache rebuilt at the next seal (store/digests.ts).
    const expected = Object.keys(srcTree())
      .filter((p) => !p.endsWith('.json.bak') && p !== 'store/parts.manifest' && !p.startsWith('digests/'))
      .sort();
    expect(manifest.files.map((f) => f.path).sort()).toEqual(expected);
    expect([...entries.keys()].sort()).toEqual([...expected, 'manifest.json'].sort());
    for (const f of manifest.files) {
      const data = entries.get(f.path)!;
      expect(f.size).toBe(data.length);
      expect(f.sha256).toBe(createHash('sha256').update(data).digest('hex'));
      expect(data.equals(readFileSync(path.join(src, f.path)))).toBe(true);
    }
    expect(expected.filter((p) => p.startsWith('audit/'))).toEqual([
      'audit/2026-03.jsonl',
      'audit/2026-09.jsonl',
      'audit/2026-10.jsonl',
      'audit/2026-11.jsonl',
    ]);
    expect(expected.filter((p) => p.startsWith('files/'))).toHaveLength(2);
  });

  it('inspects a good file as ok', async () => {
    const report = await desk.call('backupFile.inspect', { path: backup.path });
    expect(report).toMatchObject({
      ok: true,
      problems: [],
      createdAt: '2026-11-25T02:30:00.000Z',
      schemaVersion: 1,
      contents: backup.contents,
    });
    expect(report.files).toBe(backup.files);
  });

  it('restores into a new empty data folder: every part, attachment and audit entry is the same', async () => {
    const dst = path.join(t.dir, 'empty');
    const target = await openDesk({ dataDir: dst, host: 'test', clock: testClock('2026-11-25T03:00:00.000Z').now, log: () => undefined });
    try {
      const report = await target.call('backupFile.restore', { path: backup.path, taskId: 'restore-1' });
      expect(report).toMatchObject({
        restoredFrom: backup.path,
        attachmentsAdded: 2,
        auditFiles: 4,
        parts: Object.keys(parts(src)).length,
      });
      expect(report.contents).toEqual(
        expect.arrayContaining([...backup.contents, '新增附件2个', `恢复前的数据已另存为备份“${report.safetyBackup}”`]),
      );

      // Every JSON part, byte for byte, and no other part.
      expect(parts(dst)).toEqual(parts(src));
      // Every attachment.
      expect(tree(path.join(dst, 'files'))).toEqual(tree(path.join(src, 'files')));
      // Every audit month: the source's lines, then (this month) the restore's own entry.
      for (const month of readdirSync(path.join(src, 'audit'))) {
        const before = readFileSync(path.join(src, 'audit', month), 'utf8');
        expect(readFileSync(path.join(dst, 'audit', month), 'utf8').startsWith(before)).toBe(true);
      }
      // API reads, from the reloaded store.
      expect(await reads(target)).toEqual(await reads(desk));
      const restoredApp = await target.call('applications.get', { id: app.id });
      expect(restoredApp).toEqual(await desk.call('applications.get', { id: app.id }));
      const srcAudit = await desk.call('audit.list', { limit: 1000 });
      const dstAudit = await target.call('audit.list', { limit: 1000 });
      expect(dstAudit.slice(1)).toEqual(srcAudit);
      expect(dstAudit[0]).toMatchObject({ method: 'backupFile.restore', operator: '林备份' });
      expect(dstAudit[0]!.summary).toContain(backup.fileName);
      expect(dstAudit[0]!.summary).toContain(report.safetyBackup);
      // The replaced (empty) store is kept as a before-restore snapshot.
      const snaps = await target.call('backups.list', {});
      expect(snaps.find((b) => b.name === report.safetyBackup)).toMatchObject({ kind: 'before-restore' });
      // No staging folder or marker left; the desk keeps working on the restored data.
      expect(existsSync(path.join(dst, '.restore-staging'))).toBe(false);
      expect(existsSync(path.join(dst, 'restore-in-progress.json'))).toBe(false);
      await ok(
        target.invoke('experts.create', {
          name: '恢复后新增专家',
          organisation: '福建师范大学',
          title: '教授',
          field: '知识产权',
          phone: '13800000010',
        }),
      );
      expect((await target.call('experts.list', {})).length).toBe(5);
    } finally {
      await target.close();
    }
  });

  it('rejects a copy with one flipped byte, naming the damaged entry, and leaves the target folder untouched', async () => {
    const bytes = readFileSync(backup.path);
    const at = bytes.indexOf(PNG.subarray(20, 60)); // attachments are stored, not deflated
    expect(at).toBeGreaterThan(0);
    bytes[at + 5]! ^= 0x01;
    const damaged = path.join(t.dir, '损坏的备份.ipcdesk-backup');
    writeFileSync(damaged, bytes);
    const pngEntry = `files/${app.materials.find((m) => m.no === 2)!.files[0]!.sha256.slice(0, 2)}/${app.materials.find((m) => m.no === 2)!.files[0]!.sha256}`;

    const report = await desk.call('backupFile.inspect', { path: damaged });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([`文件 ${pngEntry} 已损坏（内容的 sha256 校验值与清单不符）。`]);

    const dst = path.join(t.dir, 'untouched');
    const target = await openDesk({ dataDir: dst, host: 'test', clock: testClock('2026-11-25T03:00:00.000Z').now, log: () => undefined });
    try {
      await ok(target.invoke('settings.update', { operatorName: '本机操作员' }));
      const before = tree(dst);
      const err = await fail(target.invoke('backupFile.restore', { path: damaged, taskId: 'restore-bad' }));
      expect(err.code).toBe('FILE_REJECTED');
      expect(err.message).toContain('没有做任何改动');
      expect(err.message).toContain(pngEntry);
      expect(tree(dst)).toEqual(before);
      expect((await target.call('settings.get', {})).operatorName).toBe('本机操作员');
    } finally {
      await target.close();
    }
  });

  it('refuses a backup written by a newer schema version', async () => {
    const entries = await readZip(readFileSync(backup.path));
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as BackupManifest;
    const meta = JSON.parse(entries.get('store/meta.json')!.toString('utf8')) as { schemaVersion: number };
    const newMeta = Buffer.from(JSON.stringify({ ...meta, schemaVersion: 2 }));
    entries.set('store/meta.json', newMeta);
    const files = manifest.files.map((f) =>
      f.path === 'store/meta.json' ? { ...f, size: newMeta.length, sha256: createHash('sha256').update(newMeta).digest('hex') } : f,
    );
    entries.set('manifest.json', Buffer.from(JSON.stringify({ ...manifest, schemaVersion: 2, files })));
    const newer = path.join(t.dir, '新版本备份.ipcdesk-backup');
    writeFileSync(newer, await zipToBuffer([...entries].map(([p, data]) => ({ path: p, data }))));

    const report = await desk.call('backupFile.inspect', { path: newer });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(['备份由较新版本的程序生成（数据版本 2，本程序只支持到 1）。请先安装新版程序再恢复。']);
    const dst = path.join(t.dir, 'older-app');
    const target = await openDesk({ dataDir: dst, host: 'test', clock: clock.now, log: () => undefined });
    try {
      const before = tree(dst);
      const err = await fail(target.invoke('backupFile.restore', { path: newer, taskId: 'restore-newer' }));
      expect(err.code).toBe('FILE_REJECTED');
      expect(err.message).toContain('较新版本');
      expect(tree(dst)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  it('reports a file that is not a backup, and throws only for a path that cannot be read', async () => {
    const notZip = path.join(t.dir, '随便的文件.ipcdesk-backup');
    writeFileSync(notZip, 'not a zip at all');
    const report = await desk.call('backupFile.inspect', { path: notZip });
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toContain('不是有效的备份文件');
    expect((await fail(desk.invoke('backupFile.inspect', { path: path.join(t.dir, '不存在.ipcdesk-backup') }))).code).toBe('NOT_FOUND');
    const noDir = await fail(desk.invoke('backupFile.create', { taskId: 'b-x', targetDir: path.join(t.dir, '没有这个U盘') }));
    expect(noDir).toMatchObject({ code: 'INVALID_INPUT' });
    expect(noDir.message).toContain('找不到文件夹');
  });

  it('cancelling a backup leaves no file; cancelling a restore changes nothing', async () => {
    const usb = path.join(t.dir, 'cancel-usb');
    mkdirSync(usb);
    const off = desk.onEvent((event, payload) => {
      const { taskId } = payload as { taskId: string };
      if (event === 'progress' && (taskId === 'b-cancel' || taskId === 'r-cancel')) void desk.invoke('tasks.cancel', { taskId });
    });
    try {
      const err = await fail(desk.invoke('backupFile.create', { taskId: 'b-cancel', targetDir: usb }));
      expect(err.code).toBe('CANCELLED');
      expect(readdirSync(usb)).toEqual([]);
      const before = tree(src, ['desk.lock']);
      const r = await fail(desk.invoke('backupFile.restore', { taskId: 'r-cancel', path: backup.path }));
      expect(r).toMatchObject({ code: 'CANCELLED', message: '已取消恢复，数据没有任何改动。' });
      expect(tree(src, ['desk.lock'])).toEqual(before);
    } finally {
      off();
    }
  });

  it('restoring over existing data keeps the replaced data as a before-restore snapshot', async () => {
    const dst = path.join(t.dir, 'existing');
    const target = await openDesk({ dataDir: dst, host: 'test', clock: testClock('2026-11-25T04:00:00.000Z').now, log: () => undefined });
    try {
      await ok(target.invoke('settings.update', { operatorName: '本机操作员' }));
      await ok(target.invoke('batches.create', { year: 2027, title: '2027年第一批', opensOn: '2027-03-01', closesOn: '2027-03-31' }));
      const old = parts(dst);
      const report = await target.call('backupFile.restore', { path: backup.path, taskId: 'restore-2' });
      expect(parts(dst)).toEqual(parts(src));
      const snaps = await target.call('backups.list', {});
      expect(snaps.find((b) => b.name === report.safetyBackup)).toMatchObject({ kind: 'before-restore', parts: Object.keys(old).length });
      for (const [f, text] of Object.entries(old))
        expect(readFileSync(path.join(dst, 'backups', report.safetyBackup, f), 'utf8')).toBe(text);
      // The audit month both have: the local file stays, the backup's copy is kept beside it.
      const aside = readdirSync(path.join(dst, 'audit')).find((n) => n.startsWith('restored-'))!;
      expect(readFileSync(path.join(dst, 'audit', aside, '2026-11.jsonl'), 'utf8')).toBe(
        readFileSync(path.join(src, 'audit', '2026-11.jsonl'), 'utf8'),
      );
      expect(readFileSync(path.join(dst, 'audit', '2026-11.jsonl'), 'utf8')).toContain('本机操作员');
      expect(report.contents.join('；')).toContain(`audit/${aside}/`);
      expect((await target.call('settings.get', {})).operatorName).toBe('林备份');
      // …and that snapshot brings the old data back.
      await ok(target.invoke('backups.restore', { name: report.safetyBackup }));
      expect((await target.call('settings.get', {})).operatorName).toBe('本机操作员');
    } finally {
      await target.close();
    }
  });

  it('restores offline from the command line into an empty folder', async () => {
    const dst = path.join(t.dir, 'cli-empty');
    mkdirSync(dst);
    const copy = path.join(t.dir, 'U盘', path.basename(backup.path));
    mkdirSync(path.dirname(copy));
    copyFileSync(backup.path, copy);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/core/cli.ts', '--restore-backup-file', copy, '--data', dst], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { ok: true; value: RestoreReport };
    expect(out.value).toMatchObject({ restoredFrom: copy, attachmentsAdded: 2, auditFiles: 4 });
    // The folder never had a store: every part comes from the backup.
    expect(parts(dst)).toEqual(parts(src));
    expect(tree(path.join(dst, 'files'))).toEqual(tree(path.join(src, 'files')));
    expect(existsSync(path.join(dst, 'desk.lock'))).toBe(false);
    const target = await openDesk({ dataDir: dst, host: 'test', clock: clock.now, log: () => undefined });
    try {
      expect(await reads(target)).toEqual(await reads(desk));
      const log = await target.call('audit.list', { limit: 1 });
      expect(log[0]).toMatchObject({ method: 'backupFile.restore', operator: '命令行' });
      expect(log[0]!.summary).toContain('离线恢复');
    } finally {
      await target.close();
    }
    // A damaged file is refused from the command line too (exit 1, nothing written).
    const bad = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'electron/core/cli.ts',
        '--restore-backup-file',
        path.join(t.dir, '随便的文件.ipcdesk-backup'),
        '--data',
        path.join(t.dir, 'cli-2'),
      ],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, error: { code: 'FILE_REJECTED' } });
  });
});
