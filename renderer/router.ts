import { useEffect, useState } from 'react';

/** Current route from location.hash: '#/settings/audit' -> '/settings/audit'. */
export function currentRoute(): string {
  const raw = window.location.hash.replace(/^#/, '');
  return raw.startsWith('/') ? raw.split('?')[0]! : '/';
}

export function navigate(route: string): void {
  window.location.hash = route;
}

/** A page form with unsaved changes (see components/dirtyGuard.ts `useLeaveGuard`). */
export interface LeaveGuard {
  dirty: () => Promise<boolean>;
  /** Asks the clerk; true to leave and drop the changes. */
  ask: () => Promise<boolean>;
}

const guards = new Set<LeaveGuard>();
const listeners = new Set<(route: string) => void>();
let shown = currentRoute();
let shownHash = window.location.hash;

/** Registers a guard; returns its removal (for an effect's cleanup). */
export function setLeaveGuard(guard: LeaveGuard): () => void {
  guards.add(guard);
  return () => void guards.delete(guard);
}

async function anyDirty(): Promise<LeaveGuard | undefined> {
  for (const g of guards) if (await g.dirty()) return g;
  return undefined;
}

/**
 * One listener for the whole page: a route change is shown only once no page form holds unsaved work, or the
 * clerk chose to drop it. While asking, the address goes back to the page being left.
 */
window.addEventListener('hashchange', () => {
  const next = currentRoute();
  const nextHash = window.location.hash;
  if (next === shown) {
    shownHash = nextHash;
    return;
  }
  void (async () => {
    const guard = await anyDirty();
    if (guard) {
      history.replaceState(history.state, '', shownHash || '#/');
      if (!(await guard.ask())) return;
      guards.clear();
      shown = next;
      shownHash = nextHash;
      history.replaceState(history.state, '', nextHash);
    } else {
      shown = next;
      shownHash = nextHash;
    }
    for (const l of listeners) l(next);
  })();
});

/** A tiny hash router: re-renders on a route change (after any page form's leave check). */
export function useRoute(): string {
  const [route, setRoute] = useState(shown);
  useEffect(() => {
    listeners.add(setRoute);
    setRoute(shown);
    return () => void listeners.delete(setRoute);
  }, []);
  return route;
}
