/**
 * The renderer's only way to the data: a typed client over one transport.
 * In Electron the preload exposes window.desk; in a browser the loopback web host answers POST /rpc/<name>.
 * Only TYPES come from electron/core/contract, plus its zod-free limits (a lint rule enforces it).
 */
import type {
  ApiError,
  Envelope,
  EventName,
  ExportedFile,
  MethodInput,
  MethodName,
  MethodOutput,
} from '../electron/core/contract/index.js';
import { SIGNED_OUT_MESSAGE, markSignedOut } from './session';
import { uploadCapFor } from '../electron/core/contract/limits.js';

export interface Transport {
  readonly kind: 'electron' | 'web';
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: EventName, cb: (payload: unknown) => void): () => void;
}

interface DeskBridge {
  invoke(name: string, input?: unknown): Promise<Envelope<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    desk?: DeskBridge;
  }
}

/** An `{ ok: false }` answer, thrown by `call`. `message` is a Chinese sentence for the user. */
export class DeskApiError extends Error {
  readonly code: ApiError['code'] | 'NETWORK';
  readonly details: unknown;
  constructor(error: { code: ApiError['code'] | 'NETWORK'; message: string; details?: unknown }) {
    super(error.message);
    this.name = 'DeskApiError';
    this.code = error.code;
    this.details = error.details;
  }
}

/** A Chinese message for anything thrown (API errors keep their own sentence). */
export function errorMessage(err: unknown): string {
  if (err instanceof DeskApiError) return err.message;
  if (err instanceof Error && err.message) return `操作未完成：${err.message}`;
  return '操作未完成，原因不明。请重试。';
}

function electronTransport(bridge: DeskBridge): Transport {
  return {
    kind: 'electron',
    invoke: (name, input) => bridge.invoke(name, input),
    on: (event, cb) => bridge.on(event, cb),
  };
}

/** A non-JSON answer of the web host. 401/403 mean the token is gone: the whole app switches to the signed-out page. */
function httpFailure(status: number, text: string): Envelope<unknown> {
  if (status === 401 || status === 403) {
    markSignedOut();
    return { ok: false, error: { code: 'INTERNAL', message: `${SIGNED_OUT_MESSAGE}。` } };
  }
  return { ok: false, error: { code: 'INTERNAL', message: `工作台服务返回错误（${status}）：${text.slice(0, 120) || '无说明'}` } };
}

/** fetch to the loopback web host (same origin; the HttpOnly cookie carries the token). */
export function webTransport(base = ''): Transport {
  return {
    kind: 'web',
    async invoke(name, input) {
      let res: Response;
      try {
        res = await fetch(`${base}/rpc/${encodeURIComponent(name)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: '无法连接工作台服务：请确认工作台程序仍在运行，然后重试。' } };
      }
      const text = await res.text();
      if ((res.headers.get('content-type') ?? '').includes('application/json')) {
        try {
          return JSON.parse(text) as Envelope<unknown>;
        } catch {
          /* fall through */
        }
      }
      return httpFailure(res.status, text);
    },
    on(event, cb) {
      const source = new EventSource(`${base}/events`, { withCredentials: true });
      const listener = (e: MessageEvent<string>): void => {
        try {
          cb(JSON.parse(e.data));
        } catch {
          /* ignore malformed frames */
        }
      };
      source.addEventListener(event, listener);
      return () => {
        source.removeEventListener(event, listener);
        source.close();
      };
    },
  };
}

export function defaultTransport(): Transport {
  return typeof window !== 'undefined' && window.desk ? electronTransport(window.desk) : webTransport();
}

export interface DeskClient {
  readonly kind: Transport['kind'];
  call<M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  onEvent(event: EventName, cb: (payload: unknown) => void): () => void;
  /** Where the user can download an exported file (web), or null when only the saved path can be shown (Electron). */
  exportUrl(file: ExportedFile): string | null;
}

export function createClient(transport: Transport): DeskClient {
  return {
    kind: transport.kind,
    async call<M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      let envelope: Envelope<unknown>;
      try {
        envelope = await transport.invoke(name, input);
      } catch (err) {
        throw new DeskApiError({ code: 'NETWORK', message: `无法连接工作台服务：${err instanceof Error ? err.message : String(err)}` });
      }
      if (!envelope || typeof envelope !== 'object')
        throw new DeskApiError({ code: 'INTERNAL', message: '工作台服务返回了无法识别的结果。' });
      if (envelope.ok) return envelope.value as MethodOutput<M>;
      throw new DeskApiError(envelope.error);
    },
    onEvent: (event, cb) => transport.on(event, cb),
    exportUrl(file) {
      if (transport.kind !== 'web') return null;
      return `/exports/${file.relPath.split(/[\\/]/).map(encodeURIComponent).join('/')}`;
    },
  };
}

/** The app-wide client. */
export const desk: DeskClient = createClient(defaultTransport());

/** A file staged on the web host (POST /upload); pass `uploadId` to applications.attachFile or importTemplate. */
export interface StagedUpload {
  uploadId: string;
  size: number;
}

/** Sends a picked file to the loopback web host's staging area. Web only for now. */
export async function uploadFile(file: File): Promise<StagedUpload> {
  if (desk.kind !== 'web') {
    // Desktop: the bytes go over IPC (no size-capped JSON body there); the core checks size and type.
    const cap = uploadCapFor(file.name);
    if (file.size > cap)
      throw new DeskApiError({
        code: 'FILE_REJECTED',
        message: `文件“${file.name}”大小为 ${(file.size / 1048576).toFixed(1)} MB，超过上限 ${cap / 1048576} MB，未接收。请压缩或拆分后再上传。`,
      });
    return desk.call('files.stage', { name: file.name, data: new Uint8Array(await file.arrayBuffer()) });
  }
  let res: Response;
  try {
    res = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: file,
    });
  } catch {
    throw new DeskApiError({ code: 'NETWORK', message: `文件“${file.name}”未能上传：无法连接工作台服务，请确认工作台程序仍在运行。` });
  }
  const text = await res.text();
  let envelope: Envelope<StagedUpload> | undefined;
  try {
    envelope = JSON.parse(text) as Envelope<StagedUpload>;
  } catch {
    /* not JSON */
  }
  if (envelope?.ok) return envelope.value;
  if (envelope && !envelope.ok) throw new DeskApiError(envelope.error);
  if (res.status === 413)
    throw new DeskApiError({
      code: 'FILE_REJECTED',
      message: `文件“${file.name}”超过${uploadCapFor(file.name) / 1048576} MB，未接收。请压缩或拆分后再上传。`,
    });
  const failed = httpFailure(res.status, text);
  throw new DeskApiError(failed.ok ? { code: 'INTERNAL', message: '上传失败，原因不明。请重试。' } : failed.error);
}

/** Where a stored attachment opens in the browser (web host), or null in the desktop app (use openStoredFile). */
export function fileUrl(sha256: string, name: string): string | null {
  return desk.kind === 'web' ? `/files/${sha256}?name=${encodeURIComponent(name)}` : null;
}

/** Desktop app: open a stored attachment in the system viewer. */
export async function openStoredFile(sha256: string, name: string): Promise<void> {
  await desk.call('files.open', { sha256, name });
}
