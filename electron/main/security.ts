/** Navigation, new windows, webviews and permissions: all denied except app://desk/. */
import { app, type Session, type WebContents } from 'electron';
import { exportRelPath, isAllowedNavigation } from './policy.js';

let openExport: ((relPath: string) => void) | null = null;

/** Links to app://desk/exports/<file> open the exported file with the system viewer. */
export function setExportOpener(fn: (relPath: string) => void): void {
  openExport = fn;
}

/** True when the URL was an export link (handled here, never navigated to). */
function handledAsExport(url: string): boolean {
  const rel = exportRelPath(url);
  if (rel === null) return false;
  openExport?.(rel);
  return true;
}

function guardContents(contents: WebContents): void {
  // will-frame-navigate fires first for every frame: it alone opens export links; the rest only guard.
  const block = (event: { preventDefault(): void }, url: string, exportLink = false): void => {
    if (exportLink && handledAsExport(url)) event.preventDefault();
    else if (exportRelPath(url) !== null || !isAllowedNavigation(url)) {
      event.preventDefault();
      console.warn('[desk] 已阻止跳转：', url);
    }
  };
  contents.on('will-frame-navigate', (event) => block(event, event.url, true));
  contents.on('will-navigate', (event) => block(event, event.url));
  contents.on('will-redirect', (event) => block(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    handledAsExport(url);
    return { action: 'deny' };
  });
}

/** Call once before ready: guards every webContents ever created. */
export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
}

/** Call once per session after ready. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  // Nothing leaves the machine: refuse every request that is not app://.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = /^(app|devtools|data|blob):/.test(details.url);
    callback({ cancel: !ok });
  });
}
