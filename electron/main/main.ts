/**
 * Electron main process: lifecycle only. Everything that matters lives in electron/core.
 * Bundled to dist-electron/main.cjs by build/build-electron.mjs.
 *
 * Which folder opens follows this computer's role (core/launcher.ts): the Start-menu entry's `--role=expert`, else
 * the role file in userData, else the first-start question in the window. A file double-clicked (its path in argv,
 * macOS `open-file`, or a second launch forwarded through the single-instance lock) goes to the launcher, which
 * checks and stages it; the window is told by the `openFile` event and asks for it (`setup.takeOpenFile`).
 */
import path from 'node:path';
import { app, dialog, protocol, session, type BrowserWindow } from 'electron';
import { openDesk, type Desk, type DeskOptions } from '../core/app.js';
import { createLauncher, type Launcher } from '../core/launcher.js';
import { recoveryOffer, restoreSnapshotOffline } from '../core/recovery.js';
import { APP_SCHEME } from './policy.js';
import { filesFromArgv, hostOptionsFrom } from './host-options.js';
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

const opts = hostOptionsFrom(process.argv, process.env);
let launcher: Launcher | null = null;
let win: BrowserWindow | null = null;
let quitting = false;
/** Files handed over before the launcher is up (argv, and macOS open-file before ready). */
const early: string[] = [...opts.files];

/** Hand a file to the launcher (or keep it until it is up) and bring the window forward. */
function deliver(file: string): void {
  if (!launcher) {
    early.push(file);
    return;
  }
  launcher.openFile(file).catch((err: unknown) => console.error('[desk] 打开文件失败：', err));
  showWindow();
}

function showWindow(): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.focus();
}

// macOS: a document opened from Finder (also before ready).
app.on('open-file', (event, file) => {
  event.preventDefault();
  deliver(file);
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch (double-click while running) forwards its files here and quits.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const file of filesFromArgv(argv, workingDirectory)) deliver(file);
    showWindow();
  });
  app.whenReady().then(start, (err: unknown) => fail(err));
}

/** openDesk with the damaged-store dialog: show what happened and offer the newest good snapshot (quit is the default). */
async function openWithRecovery(deskOpts: DeskOptions): Promise<Desk> {
  for (;;) {
    try {
      return await openDesk(deskOpts);
    } catch (err) {
      const offer = recoveryOffer(err);
      if (!offer) throw err;
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
      if (response !== 1) throw err;
      await restoreSnapshotOffline(deskOpts.dataDir, offer.backup);
    }
  }
}

async function start(): Promise<void> {
  // Chromium keeps its caches in userData; each role's data folder and the role file sit beside them.
  const userData = app.getPath('userData');
  const dataDirOf = (): string => launcher?.desk?.dataDir ?? '';
  hardenSession(session.defaultSession);
  registerAppProtocol(session.defaultSession, rendererDir);
  const l = createLauncher({
    host: 'electron',
    demo: opts.demo,
    argRole: opts.role,
    dataDir: opts.dataDir,
    roleFile: path.join(userData, 'role.json'),
    dataDirFor: (role) => path.join(userData, role === 'expert' ? 'expert-data' : 'data'),
    hostServices: systemOpener(dataDirOf),
    open: openWithRecovery,
  });
  let state;
  try {
    state = await l.start();
  } catch (err) {
    return fail(err);
  }
  launcher = l;
  for (const file of early.splice(0)) await l.openFile(file);
  setExportOpener((rel) => {
    void openInsideDataDir(path.join(dataDirOf(), 'exports'), rel).then((err) => err && dialog.showErrorBox('打开文件', err));
  });
  win = createMainWindow(preloadPath, !app.isPackaged, state.role ? `#${state.startRoute}` : undefined);
  registerIpc(l, () => win);
  registerPrint(() => win);
  installMenu({ dataDir: dataDirOf, isDev: !app.isPackaged, getWindow: () => win });
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
  if (quitting || !launcher) return;
  event.preventDefault();
  quitting = true;
  const l = launcher;
  launcher = null;
  l.close()
    .catch((err: unknown) => console.error('[desk] 关闭数据时出错：', err))
    .finally(() => app.quit());
});
