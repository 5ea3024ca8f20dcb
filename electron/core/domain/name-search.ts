/**
 * The one search the lists share (申报登记, 中心名录): a term matches a name (any part), a code such as the USCC
 * (any part, case-insensitive), or the pinyin initials of a name (“fzsk” for 福州数科…). Pure: no I/O.
 */
import { pinyin } from 'pinyin-pro';

const initialsCache = new Map<string, string>();

/** Pinyin initials of a name, lower-case (福州数科… → fzsk…); non-Chinese characters kept as is. */
export function pinyinInitials(name: string): string {
  let hit = initialsCache.get(name);
  if (hit === undefined) {
    hit = pinyin(name, { pattern: 'first', toneType: 'none', separator: '', nonZh: 'consecutive' }).replace(/\s+/g, '').toLowerCase();
    if (initialsCache.size > 50_000) initialsCache.clear();
    initialsCache.set(name, hit);
  }
  return hit;
}

/** Whether `term` finds a record by its names and codes (an empty term finds everything). */
export function matchesNameSearch(term: string, names: readonly string[], codes: readonly (string | undefined)[] = []): boolean {
  const t = term.trim();
  if (!t) return true;
  if (names.some((n) => n.includes(t))) return true;
  const upper = t.toUpperCase();
  if (codes.some((c) => c?.includes(upper))) return true;
  if (/^[a-z]+$/i.test(t)) return names.some((n) => pinyinInitials(n).includes(t.toLowerCase()));
  return false;
}
