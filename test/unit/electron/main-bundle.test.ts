/**
 * Smoke test of the built Electron main + preload bundles in plain node, with a fake 'electron'
 * module (no Electron binary can be downloaded here). Checks the wiring, not Chromium itself.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP, WINDOW_TITLE } from '../../../electron/main/policy.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const mainCjs = path.join(root, 'dist-electron', 'main.cjs');
const preloadCjs = path.join(root, 'dist-electron', 'preload.cjs');

/** Newest modification time of the sources that go into the bundles. */
function newestSource(): number {
  let newest = 0;
  for (const dir of ['electron/main', 'electron/preload', 'electron/core']) {
    for (const f of readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) {
      if (f.endsWith('.ts')) newest = Math.max(newest, statSync(path.join(root, dir, f)).mtimeMs);
    }
  }
  return newest;
}

let dataDir: string;
let report: Record<string, unknown>;

beforeAll(() => {
  const stale = !existsSync(mainCjs) || !existsSync(preloadCjs) || statSync(mainCjs).mtimeMs < newestSource();
  if (stale) {
    execFileSync(process.execPath, [path.join(root, 'build', 'build-electron.mjs')], { cwd: root, stdio: 'pipe' });
  }
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'desk-main-bundle-'));
  const env = { ...process.env, DESK_DATA_DIR: dataDir, DESK_DEMO: '' };
  const out = execFileSync(process.execPath, [path.join(here, 'drive-main.cjs'), mainCjs, preloadCjs], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = out.split('\n').find((l) => l.startsWith('REPORT '));
  if (!line) throw new Error(`no report from drive-main.cjs:\n${out}`);
  report = JSON.parse(line.slice('REPORT '.length)) as Record<string, unknown>;
}, 120_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('dist-electron bundles (fake electron)', () => {
  it('creates the secure window', () => {
    expect(report.title).toBe(WINDOW_TITLE);
    expect(report.webPreferences).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      webviewTag: false,
      preload: preloadCjs,
    });
  });

  it('serves app:// with the CSP and refuses traversal', () => {
    expect(report.csp).toBe(CSP);
    expect(report.traversal).toBe(403);
  });

  it('answers desk:invoke from the core and refuses bad payloads and foreign frames', () => {
    expect(report.info).toMatchObject({ ok: true, value: { host: 'electron', dataDir } });
    expect(report.badPayload).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(report.foreignFrame).toMatchObject({ ok: false });
  });

  it('denies permissions, foreign navigation and new windows', () => {
    expect(report.permission).toBe(false);
    expect(report.navigationBlocked).toBe(true);
    expect(report.frameNavigationBlocked).toBe(true);
    expect(report.windowOpen).toEqual({ action: 'deny' });
    expect(report.windowOpenBlob).toEqual({ action: 'deny' });
  });

  it('desk:print opens the system dialog on the paper of the PDF’s first page', () => {
    const printed = report.printed as Record<string, unknown>[];
    const common = { silent: false, printBackground: true, margins: { marginType: 'none' } };
    expect(report.printA4).toEqual({ ok: true, value: { printed: true } });
    expect(printed[0]).toMatchObject({ ...common, pageSize: 'A4', landscape: false });
    expect(report.printA3Landscape).toEqual({ ok: true, value: { printed: true } });
    expect(printed[1]).toMatchObject({ ...common, pageSize: 'A3', landscape: true });
    // Not a named sheet: the size in microns, portrait.
    expect(report.printOdd).toEqual({ ok: true, value: { printed: true } });
    expect(printed[2]).toMatchObject({ ...common, pageSize: { width: 100_000, height: 150_000 }, landscape: false });
    // The clerk cancelled the system dialog: not printed, the reason passed on.
    expect(report.printCancelled).toEqual({ ok: true, value: { printed: false, reason: 'Print job canceled' } });
  });

  it('desk:print refuses bad payloads, foreign frames and sub-frames without printing', () => {
    for (const r of report.printBad as unknown[]) expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(report.printForeign).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(report.printSubFrame).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(report.printedAfterBad).toBe(0);
  });

  it('preload exposes only window.desk = { invoke, on, print }, checked against the contract', () => {
    expect(report.exposed).toEqual(['desk']);
    expect(report.deskKeys).toEqual(['invoke', 'on', 'print']);
    // print passes only the page size on; the main process picks every other option.
    expect(report.printViaPreload).toEqual({ ok: true, value: { printed: true } });
    expect(report.printedViaPreload).toEqual([expect.objectContaining({ pageSize: 'A3', landscape: true, silent: false })]);
    expect(report.printBadViaPreload).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(report.viaPreload).toMatchObject({ ok: true, value: { host: 'electron' } });
    expect(report.unknownViaPreload).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('seals and verifies a year, with SM3 and the 四性检测 on worker threads from dist-electron/digest-worker.cjs', () => {
    expect(existsSync(path.join(root, 'dist-electron', 'digest-worker.cjs'))).toBe(true);
    // The bundle starts its workers from beside itself, never through tsx (not loaded in the desktop app).
    const main = readFileSync(mainCjs, 'utf8');
    expect(main).toContain('"digest-worker.cjs"');
    expect(main).not.toContain('tsx/package.json');
    expect(report.seal).toMatchObject({ ok: true, fourChecks: { ok: true, problems: [] } });
    expect((report.seal as { fileCount: number }).fileCount).toBeGreaterThan(3);
    expect(report.verify).toMatchObject({ ok: true, fourChecksOk: true, matchSeal: true });
  });

  it('closes the desk on quit', () => {
    expect(report.closed).toBe(true);
  });
});
