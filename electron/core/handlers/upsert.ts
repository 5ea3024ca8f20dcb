/**
 * Replace the record with `id` in `list` by what `build` makes of it (or add a new one), inside a store
 * draft. Returns copies of the record before and after, for the audit log.
 */
export function upsertById<T extends { id: string }>(
  list: T[],
  id: string,
  build: (existing: T | undefined) => T,
): { before: T | undefined; after: T } {
  const i = list.findIndex((r) => r.id === id);
  const existing = i >= 0 ? list[i] : undefined;
  const before = existing ? structuredClone(existing) : undefined;
  const next = build(existing);
  if (i >= 0) list[i] = next;
  else list.push(next);
  return { before, after: structuredClone(next) };
}
