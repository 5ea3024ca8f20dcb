/** app:// serves the built renderer (no file://); CSP on every response. */
import type { Session } from 'electron';
import { APP_SCHEME, SECURITY_HEADERS } from './policy.js';
import { readAppFile } from './app-files.js';

export function registerAppProtocol(ses: Session, rendererDir: string): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method Not Allowed', { status: 405, headers: { ...SECURITY_HEADERS } });
    }
    const r = await readAppFile(request.url, rendererDir);
    const headers = { ...r.headers, ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' };
    const body = request.method === 'HEAD' ? null : new Uint8Array(Buffer.from(r.body));
    return new Response(body, { status: r.status, headers });
  });
}
