/**
 * Files the desk was asked to open by double-click. The host checks and stages them; here the window asks for
 * each (`setup.takeOpenFile`), keeps the one for a screen until that screen takes it, and goes to its route.
 * A refused file (wrong kind for this computer's role) is shown as a message; no path ever comes from here.
 */
import { useEffect, useRef } from 'react';
import { App } from 'antd';
import type { OpenFileKind, PendingOpenFile } from '../../../electron/core/contract/index.js';
import { desk, errorMessage } from '../../rpc';
import { navigate } from '../../router';

export type StagedOpenFile = Extract<PendingOpenFile, { status: 'ready' }>;

const staged = new Map<OpenFileKind, StagedOpenFile>();
const listeners = new Set<() => void>();

/** The staged file of `kind`, taken (the screen that shows it calls this once). */
export function takeStagedFile(kind: OpenFileKind): StagedOpenFile | null {
  const f = staged.get(kind) ?? null;
  staged.delete(kind);
  return f;
}

/** True while a file of `kind` waits for its screen. */
export function hasStagedFile(kind: OpenFileKind): boolean {
  return staged.has(kind);
}

/** Calls `onFile` with each file of `kind` as it arrives (also one that arrived before the screen opened). */
export function useStagedFile(kind: OpenFileKind, onFile: (file: StagedOpenFile) => void): void {
  const cb = useRef(onFile);
  cb.current = onFile;
  useEffect(() => {
    const check = () => {
      const f = takeStagedFile(kind);
      if (f) cb.current(f);
    };
    check();
    listeners.add(check);
    return () => void listeners.delete(check);
  }, [kind]);
}

/** Re-renders when a file of any kind arrives (e.g. 专家模式 switching to its import screen). */
export function useOpenFileArrivals(onArrival: () => void): void {
  const cb = useRef(onArrival);
  cb.current = onArrival;
  useEffect(() => {
    const l = () => cb.current();
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
}

/** Mounted once (App): asks for waiting files now and whenever the host announces one. */
export function useOpenFileReceiver(enabled: boolean): void {
  const { modal } = App.useApp();
  useEffect(() => {
    if (!enabled) return;
    let busy = false;
    let again = false;
    const drain = async (): Promise<void> => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        for (;;) {
          const f = await desk.call('setup.takeOpenFile', {});
          if (!f) break;
          if (f.status === 'refused') {
            modal.error({ title: `无法打开“${f.fileName}”`, content: f.message, okText: '知道了', width: 520 });
            continue;
          }
          staged.set(f.kind, f);
          navigate(f.route);
          listeners.forEach((l) => l());
        }
      } catch (err) {
        modal.error({ title: '无法打开文件', content: errorMessage(err), okText: '知道了' });
      } finally {
        busy = false;
        if (again) {
          again = false;
          void drain();
        }
      }
    };
    void drain();
    return desk.onEvent('openFile', () => void drain());
  }, [enabled, modal]);
}
