/**
 * Which year a write touches (年度封存). Pure: used by the store guard (keyed parts) and the method-level
 * check in front of every write method.
 */

/** Keyed parts whose key names a year: batch-2026-1, scores-2026-1, designation-2026-1, centers-2026. */
export function yearOfKeyedPart(key: string): number | null {
  const m = /^(\d{4})(?:-\d+)?$/.exec(key);
  return m ? Number(m[1]) : null;
}

/** A batch (2026-1), application (2026-1-0003) or objection (2026-1-O2) id → its year. */
export function yearOfRef(id: unknown): number | null {
  if (typeof id !== 'string') return null;
  const m = /^(\d{4})-\d+(?:-\d+|-O\d+)?$/.exec(id.trim());
  return m ? Number(m[1]) : null;
}

/** Fields of a write method's input that name a record of a year. */
const REF_FIELDS = ['batchId', 'applicationId', 'objectionId', 'id'] as const;

/** Write methods never locked by a year (numbering, settings, the archive itself, the calendar, whole-folder work). */
export const NEVER_YEAR_LOCKED: ReadonlySet<string> = new Set([
  'archive.seal', 'archive.unseal', 'backupFile.restore', 'backups.restore', 'settings.update', 'settings.setSeal', 'calendar.saveYear',
  'experts.create', 'experts.update', 'experts.retire', 'experts.importXlsx', 'expert.importPackage', 'expert.saveDraft', 'expert.exportResult', 'expert.wipe',
  'tasks.cancel',
]);

/**
 * Writes that print a numbered document: a reprint (number already assigned) must work in a sealed year, so
 * they are checked by the caller against the stored record, not by their input.
 */
export const PRINT_METHODS: ReadonlySet<string> = new Set(['review.notice', 'assessments.noticePdf', 'triennial.decisionPdf']);

/** The years a write method's input touches (empty: not year-bound). */
export function yearsOfWrite(method: string, input: unknown): number[] {
  if (NEVER_YEAR_LOCKED.has(method) || PRINT_METHODS.has(method)) return [];
  if (!input || typeof input !== 'object') return [];
  const rec = input as Record<string, unknown>;
  const years = new Set<number>();
  for (const field of REF_FIELDS) {
    const y = yearOfRef(rec[field]);
    if (y !== null) years.add(y);
  }
  if (typeof rec.year === 'number' && Number.isInteger(rec.year)) years.add(rec.year);
  // 复核 decided in a year, and a 共建协议 signed in a year, belong to that year's archive.
  const dated = method === 'triennial.decide' ? rec.decidedOn : method === 'agreements.record' ? rec.signedOn : undefined;
  if (typeof dated === 'string' && /^\d{4}-/.test(dated)) years.add(Number(dated.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}
