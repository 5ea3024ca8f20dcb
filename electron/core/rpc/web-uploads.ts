/**
 * Web host routes for files too big for the JSON RPC body:
 *   POST /upload?name=<file name>  (application/octet-stream, streamed into the staging area, 413 past the cap)
 *   GET  /files/<sha256>?name=…    (an attachment shown inline in the browser)
 * The token and origin checks happen in web-host.ts before these are called.
 */
import { createReadStream, promises as fs } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { sniffFileKind, type FileKind } from '../domain/file-types.js';
import { UploadTooLarge, stageUpload, uploadCapFor } from '../store/uploads.js';
import { toApiError } from './errors.js';
import { SECURITY_HEADERS, send, sendJson } from './http-util.js';

const INLINE_MIME: Record<FileKind, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

export async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  dataDir: string,
  capOverride?: number,
): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, '上传只接受 POST。', undefined, { Allow: 'POST' });
  if (!(req.headers['content-type'] ?? '').startsWith('application/octet-stream'))
    return send(res, 415, '上传内容须为 application/octet-stream。');
  const name = url.searchParams.get('name')?.trim();
  if (!name) return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '上传时须给出文件名（?name=…）。' } });
  const cap = capOverride ?? uploadCapFor(name);
  // 413 with Connection: close; node discards the rest of the body once the answer is sent.
  const tooLarge = () =>
    send(
      res,
      413,
      JSON.stringify({ ok: false, error: { code: 'FILE_REJECTED', message: new UploadTooLarge(name, cap).message } }),
      'application/json; charset=utf-8',
      { Connection: 'close' },
    );
  if (Number(req.headers['content-length'] ?? 0) > cap) return tooLarge();
  // Staging reads through a pass-through so a refused upload does not reset the socket before the answer.
  const body = new PassThrough();
  req.pipe(body);
  try {
    sendJson(res, 200, { ok: true, value: await stageUpload(dataDir, body, name, cap) });
  } catch (err) {
    if (err instanceof UploadTooLarge) return tooLarge();
    const error = toApiError(err);
    sendJson(res, error.code === 'INTERNAL' ? 500 : 400, { ok: false, error });
  }
}

export async function serveAttachment(res: ServerResponse, url: URL, sha256: string, dataDir: string): Promise<void> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return send(res, 404, '找不到该文件。');
  const file = path.join(dataDir, 'files', sha256.slice(0, 2), sha256);
  let size: number;
  let kind: FileKind | null;
  try {
    const stat = await fs.stat(file);
    size = stat.size;
    const handle = await fs.open(file, 'r');
    const head = Buffer.alloc(4096);
    try {
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
    kind = sniffFileKind(head);
  } catch {
    return send(res, 404, '找不到该文件，可能已被清理。');
  }
  const name = (url.searchParams.get('name') ?? `${sha256.slice(0, 12)}.${kind ?? 'bin'}`).replace(/[\u0000-\u001f"\\]/g, '_');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    // A PDF viewer needs to run in the page; the file itself is never HTML (type comes from its content).
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'",
    'Content-Type': kind ? INLINE_MIME[kind] : 'application/octet-stream',
    'Content-Length': String(size),
    'Content-Disposition': `${kind === 'pdf' || kind === 'jpg' || kind === 'png' ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Cache-Control': 'private, max-age=3600, immutable',
  });
  createReadStream(file).pipe(res);
}
