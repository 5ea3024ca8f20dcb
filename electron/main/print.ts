/**
 * desk:print — print the window's page through the system print dialog. Answered, like desk:invoke, only for our
 * window's main app:// frame; the payload is checked (print-payload.ts) before webContents.print is called.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import type { Envelope } from '../core/contract/index.js';
import { isTrustedEvent } from './ipc.js';
import { PRINT_CHANNEL, printOptionsFor, printResult, validatePrintPayload, type PrintResult } from './print-payload.js';

/** Registers the handler; returns a function that removes it. */
export function registerPrint(getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(PRINT_CHANNEL, async (event, raw: unknown): Promise<Envelope<PrintResult>> => {
    const win = getWindow();
    if (!win || !isTrustedEvent(event, win)) {
      console.warn('[desk] 拒绝来自未知页面的打印请求：', event.senderFrame?.url);
      return { ok: false, error: { code: 'INVALID_INPUT', message: '请求来源不被信任。' } };
    }
    const payload = validatePrintPayload(raw);
    if (!payload.ok) return payload;
    const options = printOptionsFor(payload.value);
    const value = await new Promise<PrintResult>((resolve) => {
      win.webContents.print(options, (success, failureReason) => resolve(printResult(success, failureReason)));
    });
    return { ok: true, value };
  });
  return () => ipcMain.removeHandler(PRINT_CHANNEL);
}
