/** The one IPC channel: desk:invoke, answered only for our window's main app:// frame. */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Desk } from '../core/app.js';
import type { Envelope } from '../core/contract/index.js';
import { isTrustedSender } from './policy.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL, isForwardedEvent, validateInvokePayload } from './invoke-payload.js';

/** True when the request comes from our window's main app:// frame (desk:invoke and desk:print). */
export function isTrustedEvent(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  return isTrustedSender({
    frameUrl: frame?.url,
    isMainFrame: frame !== null && win !== null && frame === win.webContents.mainFrame,
    fromOurWindow: win !== null && !win.isDestroyed() && event.sender === win.webContents,
  });
}

/** Registers the handler and the event forwarding; returns a function that undoes both. */
export function registerIpc(desk: Desk, getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, raw: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedEvent(event, getWindow())) {
      console.warn('[desk] 拒绝来自未知页面的请求：', event.senderFrame?.url);
      return { ok: false, error: { code: 'INVALID_INPUT', message: '请求来源不被信任。' } };
    }
    const payload = validateInvokePayload(raw);
    if (!payload.ok) return payload;
    return desk.invoke(payload.value.name, payload.value.input);
  });
  const stopEvents = desk.onEvent((name, payload) => {
    const win = getWindow();
    if (!isForwardedEvent(name) || !win || win.isDestroyed()) return;
    win.webContents.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    stopEvents();
  };
}
