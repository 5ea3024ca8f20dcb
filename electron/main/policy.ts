/**
 * Security policy of the Electron host as plain data and pure functions.
 * No 'electron' import here: these run (and are unit-tested) in plain Node.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Window title (also kept when the page sets its own <title>). */
export const WINDOW_TITLE = '产业知识产权中心认定工作台';

/** Sizes that fit a 1366×768 screen with a task bar (usable height ≈ 728). */
export const WINDOW_SIZE = { width: 1280, height: 720, minWidth: 1024, minHeight: 640 } as const;

/**
 * Content-Security-Policy sent with every app:// response (the web host sends the same, rpc/http-util.ts, and the
 * page repeats it in a meta tag; test/unit/electron/csp.test.ts keeps the three alike).
 * What the PDF preview and printing need, and no more (renderer/components/pdfjs.ts, printPdf.ts):
 * - pdf.js's worker is a same-origin file Vite emits: worker-src falls back to script-src 'self' (no blob: worker);
 * - `isEvalSupported: false`: PostScript functions are interpreted, so no 'unsafe-eval';
 * - `useWasm: false`: no 'wasm-unsafe-eval' (the wasm decoders are for JPEG 2000 and ICC images our PDFs never have);
 * - embedded fonts are loaded from bytes through the FontFace API (no font URL), nothing is fetched from elsewhere;
 * - the printed pages are PNG pictures behind blob: URLs: img-src blob: (already there for chart export).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Headers added to every app:// response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for URLs inside our own app://desk/ origin (no credentials, no port). */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return (
    u !== null && u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '' && u.password === ''
  );
}

/** The window may only ever navigate within app://desk/. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

export interface SenderInfo {
  /** `event.senderFrame?.url`; undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** The sender frame is the top frame of its page. */
  isMainFrame: boolean;
  /** The sending webContents belongs to our main window. */
  fromOurWindow: boolean;
}

/** IPC is answered only for the main frame of our window showing app://desk/. */
export function isTrustedSender(s: SenderInfo): boolean {
  return (
    s.fromOurWindow && s.isMainFrame && typeof s.frameUrl === 'string' && s.frameUrl.startsWith(`${APP_ORIGIN}/`) && isAppUrl(s.frameUrl)
  );
}

/**
 * `app://desk/exports/<relPath>` (the renderer's link to an exported file, same path as the web
 * host's download URL) -> the decoded relPath, or null. The host opens it with the system viewer.
 */
export function exportRelPath(url: string): string | null {
  if (!isAppUrl(url)) return null;
  const { pathname } = new URL(url);
  if (!pathname.startsWith('/exports/')) return null;
  try {
    const rel = pathname.slice('/exports/'.length).split('/').map(decodeURIComponent).join('/');
    return rel && !rel.includes('\0') ? rel : null;
  } catch {
    return null;
  }
}
