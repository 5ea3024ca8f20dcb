import { useEffect, useState } from 'react';

/** Current route from location.hash: '#/settings/audit' -> '/settings/audit'. */
export function currentRoute(): string {
  const raw = window.location.hash.replace(/^#/, '');
  return raw.startsWith('/') ? raw.split('?')[0]! : '/';
}

export function navigate(route: string): void {
  window.location.hash = route;
}

/** A tiny hash router: re-renders on hashchange. */
export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onChange = (): void => setRoute(currentRoute());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
