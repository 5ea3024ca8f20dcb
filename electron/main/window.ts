/** The one secure BrowserWindow. */
import { BrowserWindow } from 'electron';
import { APP_START_URL, WINDOW_SIZE, WINDOW_TITLE } from './policy.js';

/** `startRoute`: a hash route to open first, e.g. `#/expert` for 专家模式. */
export function createMainWindow(preloadPath: string, isDev: boolean, startRoute?: string): BrowserWindow {
  const win = new BrowserWindow({
    ...WINDOW_SIZE,
    title: WINDOW_TITLE,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: isDev,
    },
  });
  // Keep our Chinese title even when the page sets its own <title>.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => {
    win.show();
    win.focus();
  });
  void win.loadURL(startRoute ? `${APP_START_URL}${startRoute}` : APP_START_URL);
  return win;
}
