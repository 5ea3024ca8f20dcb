/**
 * Electron main process: lifecycle only. Everything that matters lives in electron/core.
 * Bundled to dist-electron/main.cjs by build/build-electron.mjs.
 */
import path from 'node:path';
import { app, dialog, protocol, session, type BrowserWindow } from 'electron';
import { openDesk, type Desk } from '../core/app.js';
import { recoveryOffer, restoreSnapshotOffline } from '../core/recovery.js';
import { APP_SCHEME } from './policy.js';
import { hostOptionsFrom } from './host-options.js';
import { createMainWindow } from './window.js';
import { hardenApp, hardenSession, setExportOpener } from './security.js';
import { openInsideDataDir, systemOpener } from './open-path.js';
import { registerAppProtocol } from './protocol.js';
import { registerIpc } from './ipc.js';
import { registerPrint } from './print.js';
import { installMenu } from './menu.js';

// dist-electron/main.cjs -> app root (also inside app.asar).
const appRoot = path.resolve(__dirname, '..');
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();
hardenApp();

let desk: Desk | null = null;
let win: BrowserWindow | null = null;
let quitting = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.whenReady().then(start, (err: unknown) => fail(err));
}

async function start(): Promise<void> {
  const opts = hostOptionsFrom(process.argv, process.env);
  // Chromium keeps its caches in userData; the desk's data folder is a sub-folder of it.
  const dataDir = opts.dataDir ?? path.join(app.getPath('userData'), 'data');
  hardenSession(session.defaultSession);
  registerAppProtocol(session.defaultSession, rendererDir);
  for (;;) {
    try {
      desk = await openDesk({
        dataDir,
        host: 'electron',
        demo: opts.demo,
        expert: opts.expert,
        hostServices: systemOpener(() => desk?.dataDir ?? dataDir),
      });
      break;
    } catch (err) {
      // A damaged or missing part: show what happened and offer the newest good snapshot (quit is the default).
      const offer = recoveryOffer(err);
      if (!offer) return fail(err);
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: offer.title,
        message: offer.message,
        detail: offer.detail,
        buttons: offer.buttons,
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      });
      if (response !== 1) return fail(err);
      try {
        await restoreSnapshotOffline(dataDir, offer.backup);
      } catch (restoreErr) {
        return fail(restoreErr);
      }
    }
  }
  const exportsDir = path.join(desk.dataDir, 'exports');
  setExportOpener((rel) => {
    void openInsideDataDir(exportsDir, rel).then((err) => err && dialog.showErrorBox('打开文件', err));
  });
  win = createMainWindow(preloadPath, !app.isPackaged, opts.expert ? '#/expert' : undefined);
  registerIpc(desk, () => win);
  registerPrint(() => win);
  installMenu({ dataDir, isDev: !app.isPackaged, getWindow: () => win });
  win.on('closed', () => {
    win = null;
  });
}

function fail(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  console.error('[desk] 启动失败：', message);
  dialog.showErrorBox('启动失败', `工作台无法打开数据文件夹：\n${message}`);
  app.exit(1);
}

app.on('window-all-closed', () => app.quit());

app.on('before-quit', (event) => {
  if (quitting || !desk) return;
  event.preventDefault();
  quitting = true;
  const d = desk;
  desk = null;
  d.close()
    .catch((err: unknown) => console.error('[desk] 关闭数据时出错：', err))
    .finally(() => app.quit());
});
