/** The year a record id or a date belongs to (pure; used by the methods' declared `years`, see define.ts). */

/** A batch (2026-1), application (2026-1-0003) or objection (2026-1-O2) id → its year. */
export function yearOfRef(id: unknown): number | null {
  if (typeof id !== 'string') return null;
  const m = /^(\d{4})-\d+(?:-\d+|-O\d+)?$/.exec(id.trim());
  return m ? Number(m[1]) : null;
}

/** A date (YYYY-MM-DD) → its year. */
export function yearOfDate(date: unknown): number | null {
  return typeof date === 'string' && /^\d{4}-/.test(date) ? Number(date.slice(0, 4)) : null;
}

/** The year in a 发文字号 (榕市监知〔2026〕3号 → 2026), or null. */
export function yearOfDocNumber(docNumber: unknown): number | null {
  if (typeof docNumber !== 'string') return null;
  const m = /〔(\d{4})〕/.exec(docNumber);
  return m ? Number(m[1]) : null;
}
