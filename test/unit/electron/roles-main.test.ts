/**
 * Two roles and open-by-double-click, through the BUILT main bundle with the stand-in 'electron' module
 * (fake-electron.cjs; no Electron binary can be downloaded here): the first start asks for the role and keeps it in
 * userData/role.json, each role opens its own folder, a .ipcdpkg in argv / open-file / a second launch lands staged
 * for the expert import, and a file of the wrong kind is refused in Chinese.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const mainCjs = path.join(root, 'dist-electron', 'main.cjs');

function newestSource(): number {
  let newest = 0;
  for (const dir of ['electron/main', 'electron/preload', 'electron/core']) {
    for (const f of readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) {
      if (f.endsWith('.ts')) newest = Math.max(newest, statSync(path.join(root, dir, f)).mtimeMs);
    }
  }
  return newest;
}

type Envelope = { ok: true; value: Record<string, unknown> | null } | { ok: false; error: { code: string; message: string } };
interface Report {
  loadedUrl?: string;
  steps: unknown[];
  sent: unknown[][];
  closed?: boolean;
  window?: boolean;
  ipc?: boolean;
  quitCalls: string[];
}

let tmp: string;

/** One launch of the bundle: argv (after the executable), steps, env. */
function launch(userData: string, argv: string[], steps: unknown[], env: Record<string, string> = {}): Report {
  const out = execFileSync(process.execPath, [path.join(here, 'drive-roles.cjs'), mainCjs, JSON.stringify(steps)], {
    cwd: root,
    env: {
      ...process.env,
      DESK_DATA_DIR: '',
      DESK_DEMO: '',
      DESK_EXPERT: '',
      FAKE_USER_DATA: userData,
      DRIVE_ARGV: JSON.stringify(argv),
      ...env,
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = out.split('\n').find((l) => l.startsWith('REPORT '));
  if (!line) throw new Error(`no report:\n${out}`);
  return JSON.parse(line.slice('REPORT '.length)) as Report;
}

const call = (name: string, input: unknown = {}) => ({ call: [name, input] });
const env = (r: Report, i: number): Envelope => r.steps[i] as Envelope;

/** A file that is a review package by name and first bytes (the launcher checks no more: the import decrypts it). */
function packageFile(dir: string, name = '评审包-张三-2026-1.ipcdpkg'): string {
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.concat([Buffer.from('IPCDPKG1', 'latin1'), Buffer.alloc(200, 7)]));
  return file;
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(() => {
  if (!existsSync(mainCjs) || statSync(mainCjs).mtimeMs < newestSource())
    execFileSync(process.execPath, [path.join(root, 'build', 'build-electron.mjs')], { cwd: root, stdio: 'pipe' });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'desk-roles-main-'));
}, 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('roles through the built main bundle', () => {
  it('first start asks for the role, refuses everything else, and stores the choice in userData/role.json', () => {
    const userData = path.join(tmp, 'first');
    const r = launch(
      userData,
      [root],
      [call('setup.role'), call('system.info'), call('setup.chooseRole', { role: 'expert' }), call('system.info'), call('batches.list')],
    );
    expect(r.loadedUrl).toBe('app://desk/index.html'); // no role yet: the renderer shows the question
    expect(env(r, 0)).toMatchObject({ ok: true, value: { role: null, source: 'unset', changeable: true } });
    expect(env(r, 1)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('请先选择这台电脑的用途') },
    });
    expect(env(r, 2)).toMatchObject({ ok: true, value: { role: 'expert', source: 'file', startRoute: '/expert' } });
    expect(JSON.parse(readFileSync(path.join(userData, 'role.json'), 'utf8'))).toMatchObject({ role: 'expert' });
    expect(env(r, 3)).toMatchObject({ ok: true, value: { dataDir: path.join(userData, 'expert-data') } });
    // 专家模式: the secretariat's areas are refused at the API, not only hidden.
    expect(env(r, 4)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('不能使用秘书处的功能') },
    });
    expect(existsSync(path.join(userData, 'data'))).toBe(false);
    expect(r.closed).toBe(true);

    // The next start remembers it and opens 专家模式 straight away.
    const again = launch(userData, [root], [call('setup.role')]);
    expect(again.loadedUrl).toBe('app://desk/index.html#/expert');
    expect(env(again, 0)).toMatchObject({
      ok: true,
      value: { role: 'expert', source: 'file', dataDir: path.join(userData, 'expert-data') },
    });
  });

  it('each role opens its own folder; a change needs the confirmation, and --role=expert (the second Start-menu entry) wins', () => {
    const userData = path.join(tmp, 'switch');
    const r = launch(
      userData,
      [root],
      [
        call('setup.chooseRole', { role: 'secretariat' }),
        call('system.info'),
        call('setup.chooseRole', { role: 'expert' }),
        call('setup.chooseRole', { role: 'expert', confirmSwitch: true }),
        call('system.info'),
      ],
    );
    expect(env(r, 1)).toMatchObject({ ok: true, value: { dataDir: path.join(userData, 'data') } });
    expect(env(r, 2)).toMatchObject({
      ok: false,
      error: { code: 'NEEDS_ACKNOWLEDGEMENT', message: expect.stringContaining('另一个数据文件夹') },
    });
    expect(env(r, 4)).toMatchObject({ ok: true, value: { dataDir: path.join(userData, 'expert-data') } });
    for (const dir of ['data', 'expert-data']) expect(existsSync(path.join(userData, dir, 'store')), dir).toBe(true);

    const viaEntry = launch(
      userData,
      [root, '--role=secretariat'],
      [call('setup.role'), call('setup.chooseRole', { role: 'expert', confirmSwitch: true })],
    );
    expect(viaEntry.loadedUrl).toBe('app://desk/index.html#/home');
    expect(env(viaEntry, 0)).toMatchObject({
      ok: true,
      value: { role: 'secretariat', source: 'argument', changeable: false, dataDir: path.join(userData, 'data') },
    });
    expect(env(viaEntry, 1)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    // The older --expert flag still opens 专家模式.
    const legacy = launch(userData, [root, '--expert'], [call('setup.role')]);
    expect(env(legacy, 0)).toMatchObject({ ok: true, value: { role: 'expert', dataDir: path.join(userData, 'expert-data') } });
  });

  it('a .ipcdpkg in argv lands staged for the expert import (route, upload with the same bytes); the code is still to be typed', () => {
    const userData = path.join(tmp, 'argv');
    const pkg = packageFile(tmp);
    const r = launch(userData, [root, '--role=expert', pkg], [call('setup.takeOpenFile'), call('setup.takeOpenFile')]);
    const first = env(r, 0);
    expect(first).toMatchObject({
      ok: true,
      value: { status: 'ready', kind: 'expertPackage', route: '/expert', fileName: path.basename(pkg) },
    });
    const uploadId = (first as unknown as { value: { uploadId: string } }).value.uploadId;
    const staged = path.join(userData, 'expert-data', 'uploads', uploadId);
    expect(sha(staged)).toBe(sha(pkg));
    expect(env(r, 1)).toEqual({ ok: true, value: null }); // handed out once
    // Staged before the window existed: the renderer asks for it when it starts (no event needed).
    expect(r.loadedUrl).toBe('app://desk/index.html#/expert');
  });

  it('macOS open-file and a second launch forward the file to the running window', () => {
    const userData = path.join(tmp, 'forward');
    const pkg = packageFile(tmp, '评审包-李四-2026-1.ipcdpkg');
    const r = launch(
      userData,
      [root, '--role=expert'],
      [
        { openFile: pkg },
        call('setup.takeOpenFile'),
        { secondInstance: [['/opt/IP Center Desk/ip-center-desk', '--role=expert', path.basename(pkg)], tmp] },
        call('setup.takeOpenFile'),
      ],
    );
    expect(r.steps[0]).toMatchObject({ prevented: true, sent: [['desk:event', 'openFile', { status: 'ready' }]] });
    expect(env(r, 1)).toMatchObject({ ok: true, value: { status: 'ready', kind: 'expertPackage', route: '/expert' } });
    expect(r.steps[2]).toMatchObject({ sent: [['desk:event', 'openFile', { fileName: path.basename(pkg), status: 'ready' }]] });
    expect(env(r, 3)).toMatchObject({ ok: true, value: { status: 'ready', kind: 'expertPackage', fileName: path.basename(pkg) } });

    // The second launch itself: it does not get the lock, quits, and opens no folder or window.
    const second = launch(path.join(tmp, 'second'), [root, pkg], [], { FAKE_NO_LOCK: '1' });
    expect(second).toMatchObject({ window: false, ipc: false });
    expect(second.quitCalls).toContain('quit');
    expect(existsSync(path.join(tmp, 'second'))).toBe(false);
  });

  it('a file of the wrong kind for this role is refused in Chinese, and a yearly archive zip is not opened', () => {
    const userData = path.join(tmp, 'wrong');
    const pkg = packageFile(tmp, '评审包-王五-2026-1.ipcdpkg');
    const zip = path.join(tmp, '2026年度档案.zip');
    writeFileSync(zip, Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(40)]));
    const renamed = path.join(tmp, '改名的.ipcdres');
    writeFileSync(renamed, Buffer.concat([Buffer.from('IPCDPKG1', 'latin1'), Buffer.alloc(40)]));
    const r = launch(
      userData,
      [root, '--role=secretariat', pkg, zip, renamed],
      [call('setup.takeOpenFile'), call('setup.takeOpenFile'), call('setup.takeOpenFile')],
    );
    expect(env(r, 0)).toMatchObject({
      ok: true,
      value: { status: 'refused', fileName: path.basename(pkg), message: expect.stringContaining('要在评审专家的电脑上（专家模式）导入') },
    });
    expect(env(r, 1)).toMatchObject({ ok: true, value: { status: 'refused', message: expect.stringContaining('年度档案') } });
    expect(env(r, 2)).toMatchObject({ ok: true, value: { status: 'refused', message: expect.stringContaining('不是其中之一') } });
    expect(existsSync(path.join(userData, 'data', 'uploads'))).toBe(false); // nothing staged
  });
});
