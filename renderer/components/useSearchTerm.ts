import { useEffect, useState } from 'react';

/**
 * The search box of a list (申报登记, 中心名录): what is typed, and the term sent to the API once typing pauses.
 * The matching itself (name, code, pinyin initials) is the core's (domain/name-search.ts).
 */
export function useSearchTerm(delayMs = 250): { typed: string; setTyped: (v: string) => void; search: string } {
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const t = window.setTimeout(() => setSearch(typed.trim()), delayMs);
    return () => window.clearTimeout(t);
  }, [typed, delayMs]);
  return { typed, setTyped, search };
}
