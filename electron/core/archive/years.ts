/**
 * Which year a write touches (年度封存). Pure: used by the store guard (keyed parts) and by the method-level
 * guard, which reads each method's declared `yearLock` from the contract (contract/define.ts).
 */
import { contract, type MethodName } from '../contract/index.js';

export { yearOfRef } from '../contract/years.js';

/** Keyed parts whose key names a year: batch-2026-1, scores-2026-1, designation-2026-1, centers-2026. */
export function yearOfKeyedPart(key: string): number | null {
  const m = /^(\d{4})(?:-\d+)?$/.exec(key);
  return m ? Number(m[1]) : null;
}

/** The years a write method's input names, as its contract entry declares them (empty: none named by the input). */
export function yearsOfWrite(method: MethodName, input: unknown): number[] {
  const spec = contract[method];
  if (!spec.writes || spec.yearLock !== 'byInput' || !input || typeof input !== 'object') return [];
  const years = new Set<number>();
  for (const y of spec.years(input as never)) if (y !== null && Number.isInteger(y)) years.add(y);
  return [...years].sort((a, b) => a - b);
}
