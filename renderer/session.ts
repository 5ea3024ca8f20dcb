/**
 * Whether the loopback web host still accepts this page: a 401/403 from it means the access token is gone
 * (expired, never set, or the host was restarted), which must never look like empty data.
 * Only the web transport sets it; the desktop app is never signed out.
 */
import { useSyncExternalStore } from 'react';

export const SIGNED_OUT_MESSAGE = '登录已失效，请重新打开启动时打印的地址';

let signedOut = false;
const listeners = new Set<() => void>();

/** Called by the web transport on a 401/403 answer; the app then shows only the signed-out page. */
export function markSignedOut(): void {
  if (signedOut) return;
  signedOut = true;
  for (const l of listeners) l();
}

export function isSignedOut(): boolean {
  return signedOut;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSignedOut(): boolean {
  return useSyncExternalStore(subscribe, isSignedOut);
}
