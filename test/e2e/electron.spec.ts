/**
 * The real Electron app: window title, and the renderer sees window.desk but no Node.
 * Skipped (with the reason printed) where no Electron binary is installed — this build machine
 * cannot download one; `npx install-electron` / `node node_modules/electron/install.js` does it elsewhere.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TITLE = '产业知识产权中心认定工作台';

/** Electron executable from node_modules/electron/path.txt, without require('electron'). */
function electronBinary(): { exe: string | null; reason: string } {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathTxt = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathTxt)) return { exe: null, reason: `no ${path.relative(root, pathTxt)} (Electron binary never downloaded)` };
  const exe = path.join(pkgDir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  if (!existsSync(exe)) return { exe: null, reason: `Electron binary missing at ${path.relative(root, exe)}` };
  if (!existsSync(path.join(root, 'dist-electron', 'main.cjs'))) {
    return { exe: null, reason: 'dist-electron/main.cjs missing: run npm run build first' };
  }
  return { exe, reason: '' };
}

const { exe, reason } = electronBinary();
const skipReason = `Electron e2e skipped: ${reason}`;
if (!exe) console.log(skipReason);

test.describe('Electron host', () => {
  test.skip(!exe, skipReason);

  let app: ElectronApplication;
  let dataDir: string;

  test.beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-electron-'));
    const args = [root];
    // Chromium refuses to run as root without this (CI containers); the page stays sandboxed by Electron.
    if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
    app = await electron.launch({
      executablePath: exe!,
      args,
      cwd: root,
      env: { ...env, DESK_DATA_DIR: dataDir, DESK_DEMO: '' },
    });
  });

  test.afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens one window with the Chinese title', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toBe(TITLE);
    expect(page.url()).toMatch(/^app:\/\/desk\//);
  });

  test('renderer has window.desk but no Node', async () => {
    const page = await app.firstWindow();
    const probe = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const desk = w.desk as Record<string, unknown> | undefined;
      return {
        desk: typeof desk,
        keys: desk ? Object.keys(desk).sort() : [],
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
      };
    });
    expect(probe).toEqual({ desk: 'object', keys: ['invoke', 'on'], require: 'undefined', process: 'undefined', module: 'undefined' });
  });

  test('window.desk.invoke reaches the core; unknown names are refused', async () => {
    const page = await app.firstWindow();
    const res = await page.evaluate(async () => {
      const desk = (window as unknown as { desk: { invoke(n: string, i?: unknown): Promise<{ ok: boolean; error?: { code: string } }> } })
        .desk;
      return { info: await desk.invoke('system.info', {}), bad: await desk.invoke('no.such', {}) };
    });
    expect(res.info.ok).toBe(true);
    expect(res.bad).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});
