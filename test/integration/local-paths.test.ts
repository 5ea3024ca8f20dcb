/**
 * 本机路径 (the “浏览…” picker): a real temp tree with Chinese names, a hidden file, backups, zips and other
 * files, listed through the API table: folders first, zh-CN name order, filtering by extension, a file's
 * folder with `selected`, the root's null parent, Chinese errors for a missing or unreadable folder, and
 * the starting places.
 */
import { chmodSync, mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { contract } from '../../electron/core/contract/index.js';
import type { LocalListing } from '../../electron/core/contract/local-paths.js';
import { fail } from '../helpers/applications.js';
import { tempDir, testClock } from '../helpers/temp.js';

describe('localPaths.places / localPaths.list', () => {
  const t = tempDir('desk-local-paths-');
  const data = path.join(t.dir, 'data');
  const usb = path.join(t.dir, 'U盘');
  let desk: Desk;

  const list = (input: { path: string; pick: 'folder' | 'file'; extensions?: string[] }) => desk.call('localPaths.list', input);
  const names = (l: LocalListing) => l.entries.map((e) => e.name);

  beforeAll(async () => {
    desk = await openDesk({ dataDir: data, host: 'test', clock: testClock().now, log: () => undefined });
    for (const dir of ['账目', '档案', '备份', 'Zeta', 'alpha', '档案/2026年', '.隐藏文件夹'])
      mkdirSync(path.join(usb, dir), { recursive: true });
    const files: Record<string, string> = {
      '福州备份-20261125.ipcdesk-backup': 'backup-1',
      '旧备份.IPCDESK-BACKUP': 'backup-2',
      '2026年度档案.zip': 'zip-zip-zip',
      '说明.txt': 'text',
      '.隐藏.ipcdesk-backup': 'hidden',
      '档案/2026年/2026年度档案-第2版.zip': 'zip2',
    };
    for (const [name, body] of Object.entries(files)) writeFileSync(path.join(usb, name), body);
    utimesSync(path.join(usb, '2026年度档案.zip'), new Date('2026-11-24T13:30:00Z'), new Date('2026-11-24T13:30:00Z'));
    symlinkSync(path.join(usb, '档案'), path.join(usb, '链接到档案'));
    symlinkSync(path.join(usb, '不存在的目标.zip'), path.join(usb, '断开的链接.zip'));
  });
  afterAll(async () => {
    await desk.close();
    chmodSync(path.join(usb, '账目'), 0o755);
    t.cleanup();
  });

  it('are reads (never year-guarded or audited)', () => {
    expect(contract['localPaths.places'].writes).toBe(false);
    expect(contract['localPaths.list'].writes).toBe(false);
  });

  it('lists folders first, then matching files, each group by name in zh-CN order; hidden entries left out', async () => {
    const out = await list({ path: usb, pick: 'file', extensions: ['.ipcdesk-backup'] });
    expect(out.path).toBe(usb);
    expect(out.parent).toBe(t.dir);
    expect(out.truncated).toBe(false);
    expect(out.selected).toBeUndefined();
    const folders = ['账目', '档案', '备份', 'Zeta', 'alpha', '链接到档案'].sort((a, b) => a.localeCompare(b, 'zh-CN'));
    expect(folders).toEqual(['备份', '档案', '链接到档案', '账目', 'alpha', 'Zeta']); // pinyin order, Chinese before Latin
    // the extension is compared without regard to case; .txt, .zip and the hidden backup are not offered
    expect(names(out)).toEqual([...folders, '福州备份-20261125.ipcdesk-backup', '旧备份.IPCDESK-BACKUP']);
    expect(out.entries.slice(0, folders.length).every((e) => e.kind === 'folder' && e.size === undefined)).toBe(true);
    const backup = out.entries.find((e) => e.name === '福州备份-20261125.ipcdesk-backup')!;
    expect(backup).toMatchObject({ kind: 'file', path: path.join(usb, backup.name), size: 'backup-1'.length });
    expect(backup.modifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(out.crumbs.at(-1)).toEqual({ name: 'U盘', path: usb });
    expect(out.crumbs[0]!.path).toBe(path.parse(usb).root);
  });

  it('filters by another extension, and lists every file when none is given', async () => {
    const zips = await list({ path: usb, pick: 'file', extensions: ['.zip'] });
    // the broken link cannot be stat'ed: skipped, not fatal
    expect(zips.entries.filter((e) => e.kind === 'file')).toEqual([
      {
        name: '2026年度档案.zip',
        path: path.join(usb, '2026年度档案.zip'),
        kind: 'file',
        size: 11,
        modifiedAt: '2026-11-24T13:30:00.000Z',
      },
    ]);
    const all = await list({ path: usb, pick: 'file' });
    expect(all.entries.filter((e) => e.kind === 'file').map((e) => e.name)).toEqual(
      ['2026年度档案.zip', '福州备份-20261125.ipcdesk-backup', '旧备份.IPCDESK-BACKUP', '说明.txt'].sort((a, b) =>
        a.localeCompare(b, 'zh-CN'),
      ),
    );
  });

  it('shows folders only when picking a folder; a link to a folder is a folder', async () => {
    const out = await list({ path: usb, pick: 'folder', extensions: ['.zip'] });
    expect(out.entries.every((e) => e.kind === 'folder')).toBe(true);
    expect(names(out)).toContain('链接到档案');
    const nested = await list({ path: path.join(usb, '链接到档案'), pick: 'file', extensions: ['.zip'] });
    expect(names(nested)).toEqual(['2026年']);
    expect(names(await list({ path: path.join(usb, '档案', '2026年'), pick: 'file', extensions: ['.zip'] }))).toEqual([
      '2026年度档案-第2版.zip',
    ]);
  });

  it('a file given: lists its folder with that file selected', async () => {
    const file = path.join(usb, '福州备份-20261125.ipcdesk-backup');
    const out = await list({ path: file, pick: 'file', extensions: ['.ipcdesk-backup'] });
    expect(out.path).toBe(usb);
    expect(out.selected).toBe(file);
    expect(names(out)).toContain('福州备份-20261125.ipcdesk-backup');
    // trailing separators and `..` are resolved
    expect((await list({ path: `${path.join(usb, '档案', '..')}${path.sep}`, pick: 'folder' })).path).toBe(usb);
  });

  it('at a root the parent is null', async () => {
    const root = path.parse(usb).root;
    const out = await list({ path: root, pick: 'folder' });
    expect(out.path).toBe(root);
    expect(out.parent).toBeNull();
    expect(out.crumbs).toEqual([{ name: root, path: root }]);
  });

  it('a missing folder is NOT_FOUND with a Chinese sentence naming it; bad input is refused', async () => {
    const missing = path.join(usb, '没有这个文件夹');
    const err = await fail(desk.invoke('localPaths.list', { path: missing, pick: 'folder' }));
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: `找不到文件夹：${missing}` });
    expect((await fail(desk.invoke('localPaths.list', { path: '   ', pick: 'folder' }))).code).toBe('INVALID_INPUT');
    expect((await fail(desk.invoke('localPaths.list', { path: usb, pick: 'file', extensions: ['zip'] }))).code).toBe('INVALID_INPUT');
  });

  it.skipIf(process.platform === 'win32')('a folder that cannot be read says so', async (ctx) => {
    // As root (CI) chmod does not lock anything out; /proc/1/map_files refuses even root without CAP_SYS_ADMIN.
    const asRoot = process.getuid?.() === 0;
    const locked = asRoot ? '/proc/1/map_files' : path.join(usb, '账目');
    if (asRoot) {
      const refused = await readdir(locked).then(
        () => false,
        (e: NodeJS.ErrnoException) => e.code === 'EACCES' || e.code === 'EPERM',
      );
      if (!refused) ctx.skip('running as root with no folder that refuses root here');
    } else chmodSync(locked, 0o000);
    try {
      const err = await fail(desk.invoke('localPaths.list', { path: locked, pick: 'folder' }));
      expect(err.message).toBe(`没有权限读取文件夹：${locked}`);
    } finally {
      if (!asRoot) chmodSync(locked, 0o755);
    }
  });

  it('caps a huge folder at 2,000 entries and says truncated', async () => {
    const big = path.join(t.dir, '很多文件');
    mkdirSync(big);
    for (let i = 0; i < 2005; i++) writeFileSync(path.join(big, `f${String(i).padStart(4, '0')}.zip`), '');
    const out = await list({ path: big, pick: 'file', extensions: ['.zip'] });
    expect(out.entries).toHaveLength(2000);
    expect(out.truncated).toBe(true);
    expect(out.entries[0]!.name).toBe('f0000.zip');
  });

  it('places: the home folder and the exports folder first, then any drives', async () => {
    const places = await desk.call('localPaths.places', {});
    expect(places[0]).toEqual({ label: '本机用户文件夹', path: os.homedir(), kind: 'home' });
    expect(places).toContainEqual({ label: '工作台导出文件夹', path: path.join(data, 'exports'), kind: 'exports' });
    const kinds = places.map((p) => p.kind);
    expect(kinds.indexOf('exports')).toBeLessThan(kinds.indexOf('drive') === -1 ? Infinity : kinds.indexOf('drive'));
    for (const p of places) expect(path.isAbsolute(p.path)).toBe(true);
  });
});
