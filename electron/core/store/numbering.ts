/**
 * The one numbering service: document numbers (发文字号), certificate numbers, … are handed out only by
 * `issueNumbered`, to a document that was actually produced:
 *
 * 1. under a per-series lock (per store), read the next number(s) the series would give;
 * 2. render the document with them (`render`): nothing is written yet;
 * 3. write the export file, if the document has one, and run the last `check`;
 * 4. commit the counter (`counters[series]`, durable and audited), then the record that keeps the number
 *    (`commit`).
 *
 * A failure in steps 1–3 (a character no font has, a full disk, an exports folder that cannot be written, a
 * record that changed meanwhile) leaves the counter, the record and the audit log as they were, and removes
 * the export file again: the next document takes the same number. Once the counter is committed the number
 * is never handed out again, even after a crash; the only way one is skipped is the record write itself
 * failing (or a kill) between the counter and the record, and then the export file is removed too.
 *
 * Concurrency: everything from reading the counter to committing the record runs under the lock of its series
 * (and of any extra `locks`, e.g. the record being numbered), so two prints never render the same would-be
 * number, and a record printed twice at once is numbered once. The lock is not the store's write queue:
 * `render` may take seconds without holding up other writes, and Store.exclusive() jobs never wait for it.
 */
import { promises as fs } from 'node:fs';
import type { ExportedFile } from '../contract/common.js';
import { DeskError } from '../contract/errors.js';
import { formatDocNumber } from '../domain/doc-number.js';
import { writeExport, type NamePart } from './exports.js';
import type { AuditInfo, Store } from './store.js';

/** What the audit entry of the counter write says; `summary`/`entity` default to a sentence naming the numbers. */
export type NumberingAudit = Pick<AuditInfo, 'method'> & Partial<Pick<AuditInfo, 'entity' | 'summary'>>;

/** The counter series of documents numbered `prefix〔year〕n号`, e.g. `doc:榕市监知:2026`. */
export function docNumberSeries(prefix: string, year: number): string {
  return `doc:${prefix}:${year}`;
}

/** The last number handed out in `series` (0 if none yet). */
export function currentNumber(store: Store, series: string): number {
  return store.read('counters').counters[series] ?? 0;
}

/**
 * The next `prefix〔year〕n号` the series would give, without taking it: what a confirmation shows before a
 * numbered document is issued. Read-only; the act then passes it back (`expectedDocNumber`) and is refused
 * if another document took it meanwhile (`numberChanged`).
 */
export function peekDocNumber(store: Store, prefix: string, year: number): string {
  return formatDocNumber(prefix, year, currentNumber(store, docNumberSeries(prefix, year)) + 1);
}

/** The refusal when the number a confirmation showed is no longer the one the document would take. */
export function numberChanged(expected: string, docNumber: string): DeskError {
  return new DeskError(
    'CONFLICT',
    `发文字号已变化：确认时显示的是${expected}，现在将取用${docNumber}（其间有其他文书取号）。本次未取号，请核对后重新确认。`,
    { field: 'expectedDocNumber', expected, docNumber },
  );
}

/** Numbers wanted from one series: `count` consecutive ones (default 1). */
export interface NumberClaim {
  series: string;
  count?: number;
}

/** The numbers a claim will get: the first, and all of them (first … first + count - 1). */
export interface ClaimedNumbers {
  series: string;
  first: number;
  numbers: number[];
}

/** An export file to write once the document is rendered. */
export interface ExportSpec {
  dir: string;
  /** The file name; give it as parts so only the variable part (a unit name) is shortened. */
  name: string | readonly NamePart[];
  data: Uint8Array;
}

export interface NumberedDocument<D, R> {
  claims: readonly NumberClaim[];
  /** Extra lock keys, e.g. `application:2026-1-0001#1`: first prints of one record are serialised. */
  locks?: readonly string[];
  /**
   * Checked under the locks, before anything is rendered: true when the record got its number meanwhile
   * (another print finished first). Nothing is taken then and `issueNumbered` resolves to null.
   */
  alreadyNumbered?: () => boolean | Promise<boolean>;
  /** Checked under the locks with the numbers the document would get, before rendering: throw to take none (e.g. `numberChanged`). */
  expect?: (claimed: readonly ClaimedNumbers[]) => void;
  /**
   * Checked right before the counter is committed (after rendering and writing the file), e.g. that the
   * year is still open: throwing leaves everything unchanged.
   */
  check?: () => void | Promise<void>;
  /** Produce the document with the numbers it will get (claims in order). Must not write. */
  render: (claimed: readonly ClaimedNumbers[]) => Promise<D>;
  /** The export file of the document (omit for a document printed later from the record, e.g. certificates). */
  exportFile?: (doc: D, claimed: readonly ClaimedNumbers[]) => ExportSpec;
  /** The audit entry of the counter write. */
  audit: NumberingAudit;
  /** Store the numbers in the record (after the counter is committed); runs once. */
  commit: (claimed: readonly ClaimedNumbers[], doc: D) => Promise<R>;
}

export interface Issued<D, R> {
  doc: D;
  result: R;
  claimed: ClaimedNumbers[];
  file?: ExportedFile;
}

/**
 * Render, write and commit a numbered document (see the module comment). Resolves to null when
 * `alreadyNumbered` says the record was numbered by a concurrent print (the caller reprints it).
 */
export async function issueNumbered<D, R>(store: Store, job: NumberedDocument<D, R>): Promise<Issued<D, R> | null> {
  for (const c of job.claims) {
    if (c.series.trim() === '') throw new RangeError('numbering series must not be empty');
    if (c.count !== undefined && (!Number.isInteger(c.count) || c.count < 1))
      throw new RangeError(`numbering count must be a positive integer: ${c.count}`);
  }
  const keys = [...job.claims.map((c) => `series:${c.series}`), ...(job.locks ?? []).map((k) => `record:${k}`)];
  return withLocks(store, keys, async () => {
    if (await job.alreadyNumbered?.()) return null;
    const claimed = claimNumbers(store, job.claims);
    job.expect?.(claimed);
    const doc = await job.render(claimed);
    let file: ExportedFile | undefined;
    if (job.exportFile) {
      const spec = job.exportFile(doc, claimed);
      file = await writeExport(spec.dir, spec.name, spec.data);
    }
    try {
      await job.check?.();
      await commitCounters(store, claimed, job.audit);
      const result = await job.commit(claimed, doc);
      return { doc, result, claimed, ...(file ? { file } : {}) };
    } catch (err) {
      if (file) await fs.rm(file.path, { force: true });
      throw err;
    }
  });
}

/** `issueNumbered` for one `prefix〔year〕n号` document number: render/commit get the formatted number. */
export function issueDocNumbered<D, R>(
  store: Store,
  doc: { prefix: string; year: number } & Omit<NumberedDocument<D, R>, 'claims' | 'render' | 'exportFile' | 'commit'> & {
      render: (docNumber: string, sequence: number) => Promise<D>;
      exportFile?: (rendered: D, docNumber: string) => ExportSpec;
      commit: (docNumber: string, sequence: number, rendered: D) => Promise<R>;
      /** The number a confirmation showed (`peekDocNumber`): refused with `numberChanged` when another would be taken. */
      expectedDocNumber?: string;
    },
): Promise<Issued<D, R> | null> {
  const format = (claimed: readonly ClaimedNumbers[]): [string, number] => [
    formatDocNumber(doc.prefix, doc.year, claimed[0]!.first),
    claimed[0]!.first,
  ];
  return issueNumbered(store, {
    claims: [{ series: docNumberSeries(doc.prefix, doc.year) }],
    ...(doc.locks ? { locks: doc.locks } : {}),
    ...(doc.alreadyNumbered ? { alreadyNumbered: doc.alreadyNumbered } : {}),
    ...(doc.check ? { check: doc.check } : {}),
    ...(doc.expectedDocNumber !== undefined
      ? {
          expect: (claimed: readonly ClaimedNumbers[]) => {
            const [docNumber] = format(claimed);
            if (docNumber !== doc.expectedDocNumber) throw numberChanged(doc.expectedDocNumber!, docNumber);
          },
        }
      : {}),
    audit: doc.audit,
    render: (claimed) => doc.render(...format(claimed)),
    ...(doc.exportFile
      ? { exportFile: (rendered: D, claimed: readonly ClaimedNumbers[]) => doc.exportFile!(rendered, format(claimed)[0]) }
      : {}),
    commit: (claimed, rendered) => doc.commit(...format(claimed), rendered),
  });
}

function claimNumbers(store: Store, claims: readonly NumberClaim[]): ClaimedNumbers[] {
  const next = new Map<string, number>();
  return claims.map((c) => {
    const first = next.get(c.series) ?? currentNumber(store, c.series) + 1;
    const count = c.count ?? 1;
    next.set(c.series, first + count);
    return { series: c.series, first, numbers: Array.from({ length: count }, (_, i) => first + i) };
  });
}

/** Advance every claimed series to its last number, in one durable, audited write of the counters part. */
async function commitCounters(store: Store, claimed: readonly ClaimedNumbers[], audit: NumberingAudit): Promise<void> {
  const before: Record<string, number> = {};
  const after: Record<string, number> = {};
  for (const c of claimed) {
    if (!(c.series in before)) before[c.series] = c.first - 1;
    after[c.series] = c.numbers.at(-1)!;
  }
  const described = claimed
    .map((c) => `编号序列“${c.series}”发出${c.numbers.length === 1 ? `第${c.first}号` : `第${c.first}至${c.numbers.at(-1)!}号`}`)
    .join('；');
  await store.write(
    'counters',
    (draft) => {
      for (const [series, was] of Object.entries(before)) {
        // Only a restore can move a counter while its series is locked: then nothing is taken.
        if ((draft.counters[series] ?? 0) !== was) {
          throw new DeskError('CONFLICT', '编号在生成文书期间被改动（可能刚刚从备份恢复了数据），本次未取号、未保存文书。请重试。', {
            series,
          });
        }
      }
      Object.assign(draft.counters, after);
    },
    () => ({
      method: audit.method,
      entity: audit.entity ?? `counter:${claimed.map((c) => c.series).join(',')}`,
      summary: audit.summary ? `${audit.summary}：${described}` : described,
      before: claimed.length === 1 ? before[claimed[0]!.series] : before,
      after: claimed.length === 1 ? after[claimed[0]!.series] : after,
    }),
  );
}

// ───────────────────────────── locks ─────────────────────────────

/** Per store: the tail of the queue of each lock key. */
const lockTails = new WeakMap<Store, Map<string, Promise<void>>>();

/** Run `job` holding every lock in `keys` (taken in sorted order, so two jobs never wait on each other). */
async function withLocks<R>(store: Store, keys: readonly string[], job: () => Promise<R>): Promise<R> {
  let tails = lockTails.get(store);
  if (!tails) lockTails.set(store, (tails = new Map()));
  const releases: (() => void)[] = [];
  try {
    for (const key of [...new Set(keys)].sort()) releases.push(await acquire(tails, key));
    return await job();
  } finally {
    for (const release of releases.reverse()) release();
  }
}

async function acquire(tails: Map<string, Promise<void>>, key: string): Promise<() => void> {
  const previous = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => mine);
  tails.set(key, tail);
  await previous;
  return () => {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  };
}
