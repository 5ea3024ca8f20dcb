import { describe, expect, it } from 'vitest';
import {
  APP_START_URL,
  CSP,
  SECURITY_HEADERS,
  WINDOW_SIZE,
  isAllowedNavigation,
  isTrustedSender,
  exportRelPath,
} from '../../../electron/main/policy.js';

describe('navigation policy', () => {
  it.each([APP_START_URL, 'app://desk/', 'app://desk/index.html#/batches', 'app://desk/assets/x.js?v=1'])('allows %s', (url) =>
    expect(isAllowedNavigation(url)).toBe(true),
  );

  it.each([
    'https://example.com/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://desk.evil.com/',
    'app://desk:8080/',
    'app://user:pw@desk/',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'not a url',
    '',
  ])('denies %s', (url) => expect(isAllowedNavigation(url)).toBe(false));
});

describe('IPC sender check', () => {
  const ok = { frameUrl: 'app://desk/index.html', isMainFrame: true, fromOurWindow: true };
  it('accepts the main frame of our window on app://desk/', () => {
    expect(isTrustedSender(ok)).toBe(true);
  });
  it.each([
    ['a sub frame', { ...ok, isMainFrame: false }],
    ['another window', { ...ok, fromOurWindow: false }],
    ['a destroyed frame', { ...ok, frameUrl: undefined }],
    ['a remote page', { ...ok, frameUrl: 'https://example.com/' }],
    ['file://', { ...ok, frameUrl: 'file:///work/dist/renderer/index.html' }],
    ['a look-alike host', { ...ok, frameUrl: 'app://desk.evil/' }],
    ['app://desk without slash', { ...ok, frameUrl: 'app://desk' }],
  ])('refuses %s', (_label, s) => expect(isTrustedSender(s)).toBe(false));
});

describe('CSP and window size', () => {
  it('has the agreed directives', () => {
    for (const d of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ]) {
      expect(CSP).toContain(d);
    }
    expect(CSP).not.toContain('unsafe-eval');
    expect(CSP.match(/script-src[^;]*/)?.[0]).not.toContain('unsafe-inline');
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CSP);
  });
  it('fits a 1366×768 screen', () => {
    expect(WINDOW_SIZE.minWidth).toBeLessThanOrEqual(1366);
    expect(WINDOW_SIZE.minHeight).toBeLessThanOrEqual(728);
    expect(WINDOW_SIZE.width).toBeLessThanOrEqual(1366);
    expect(WINDOW_SIZE.height).toBeLessThanOrEqual(728);
  });
});

describe('export links', () => {
  it('extracts the relative path of app://desk/exports/ links', () => {
    expect(exportRelPath('app://desk/exports/%E5%90%8D%E5%8D%95.xlsx')).toBe('名单.xlsx');
    expect(exportRelPath('app://desk/exports/2026/a%20b.pdf')).toBe('2026/a b.pdf');
  });
  it.each([
    'app://desk/index.html',
    'app://desk/exports/',
    'https://x/exports/a.pdf',
    'app://evil/exports/a.pdf',
    'app://desk/exports/%E0',
  ])('ignores %s', (url) => expect(exportRelPath(url)).toBeNull());
});
