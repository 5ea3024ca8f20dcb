/**
 * The one numbering service: document numbers (发文字号), certificate numbers, … all come from
 * `nextNumber`, which increments `counters[series]` in the `counters` part through `Store.write`.
 *
 * Guarantees:
 * - A number is durable on disk (and audited) before `nextNumber` resolves, so it is never handed out
 *   twice, even after a crash or a restart.
 * - Calls are serialised by the store's write queue: concurrent calls get distinct consecutive numbers.
 * - A number handed out and then not used (the document was not issued, the app crashed before the
 *   document was saved) is simply skipped; numbers are never reused or given back.
 */
import { formatDocNumber } from '../documents/pdf/header.js';
import type { AuditInfo, Store } from './store.js';

/** What the audit entry of a numbering says; `summary`/`entity` default to a sentence naming the number. */
export type NumberingAudit = Pick<AuditInfo, 'method'> & Partial<Pick<AuditInfo, 'entity' | 'summary'>>;

/** The counter series of documents numbered `prefix〔year〕n号`, e.g. `doc:榕市监知:2026`. */
export function docNumberSeries(prefix: string, year: number): string {
  return `doc:${prefix}:${year}`;
}

/** The last number handed out in `series` (0 if none yet). */
export function currentNumber(store: Store, series: string): number {
  return store.read('counters').counters[series] ?? 0;
}

/** Hand out the next number of `series` (1, 2, …), durably recorded before it returns. */
export function nextNumber(store: Store, series: string, audit: NumberingAudit): Promise<number> {
  if (series.trim() === '') return Promise.reject(new RangeError('numbering series must not be empty'));
  return store.write(
    'counters',
    (draft) => {
      const n = (draft.counters[series] ?? 0) + 1;
      draft.counters[series] = n;
      return n;
    },
    (n) => ({
      method: audit.method,
      entity: audit.entity ?? `counter:${series}`,
      summary: audit.summary ?? `编号序列“${series}”发出第${n}号`,
      before: n - 1,
      after: n,
    }),
  );
}

/** The next document number of `prefix` in `year`: { sequence: 3, docNumber: '榕市监知〔2026〕3号' }. */
export async function nextDocNumber(store: Store, prefix: string, year: number, audit: NumberingAudit): Promise<{ sequence: number; docNumber: string }> {
  const series = docNumberSeries(prefix, year);
  const sequence = await nextNumber(store, series, audit);
  return { sequence, docNumber: formatDocNumber(prefix, year, sequence) };
}
