/**
 * Sandboxed preload: exposes window.desk = { invoke, on, print } and nothing else.
 * The method and event names are bundled in at build time (build/build-electron.mjs
 * defines them from electron/core/contract), so zod never reaches the preload.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

declare const __DESK_METHOD_NAMES__: readonly string[];
declare const __DESK_EVENT_NAMES__: readonly string[];

const INVOKE_CHANNEL = 'desk:invoke';
const EVENT_CHANNEL = 'desk:event';
const PRINT_CHANNEL = 'desk:print';
const methods = new Set<string>(__DESK_METHOD_NAMES__);
const events = new Set<string>(__DESK_EVENT_NAMES__);

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

function invoke(name: unknown, input?: unknown): Promise<Envelope> {
  if (typeof name !== 'string' || !methods.has(name)) {
    return Promise.resolve({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: `未知的操作：${String(name)}` },
    });
  }
  return ipcRenderer.invoke(INVOKE_CHANNEL, { name, input }) as Promise<Envelope>;
}

function on(event: unknown, cb: unknown): () => void {
  if (typeof event !== 'string' || !events.has(event)) throw new Error(`未知的事件：${String(event)}`);
  if (typeof cb !== 'function') throw new TypeError('on(event, cb): cb 必须是函数');
  const listener = (_e: IpcRendererEvent, name: unknown, payload: unknown): void => {
    if (name === event) (cb as (payload: unknown) => void)(payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, listener);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, listener);
  };
}

/**
 * Print this page (the preview's print-only container) through the system dialog, on paper of the given size
 * (the PDF's first page, mm). Only the two numbers cross; the main process checks them again and picks the options.
 */
function print(size: unknown): Promise<Envelope> {
  const s = (size ?? {}) as { widthMm?: unknown; heightMm?: unknown };
  if (typeof s.widthMm !== 'number' || typeof s.heightMm !== 'number') {
    return Promise.resolve({ ok: false, error: { code: 'INVALID_INPUT', message: '打印请求格式不正确。' } });
  }
  return ipcRenderer.invoke(PRINT_CHANNEL, { widthMm: s.widthMm, heightMm: s.heightMm }) as Promise<Envelope>;
}

contextBridge.exposeInMainWorld('desk', Object.freeze({ invoke, on, print }));
