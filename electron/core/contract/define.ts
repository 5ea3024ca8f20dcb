import { z } from 'zod';

/**
 * How the sealed year (年度封存) applies to a write method, declared next to `writes` in its contract entry.
 * The sealed-year guard (handlers/year-lock.ts) is derived from it; there is no other list of methods.
 */
export type YearLock<In> =
  /** Not bound to a year: settings, the expert library, the calendar, the archive itself, whole-folder work. */
  | { yearLock: 'none' }
  /** The parsed input names the year(s) it writes into (null: names none); a sealed one refuses the call before it runs. */
  | { yearLock: 'byInput'; years: (input: In) => readonly (number | null)[] }
  /**
   * Prints a numbered document: a reprint (number already stored) works in a sealed year; a first print is
   * refused there. Which it is, and the year, come from the stored record (the print area's `firstPrintYears`).
   */
  | { yearLock: 'print' }
  /**
   * The input names no year (a file, an assignment); everything written lives in year-keyed parts
   * (scores-2026-1 …), which the store-level guard refuses in a sealed year.
   */
  | { yearLock: 'byPart' };

export type YearLockKind = YearLock<never>['yearLock'];

interface SpecBase<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** Chinese summary, used in the audit log and `desk --list`. */
  summary: string;
}

/**
 * What a method does to stored data: a read (`writes: false`), or a write (it is then audited) with its
 * sealed-year policy — a write without one does not type-check.
 */
export type WritePolicy<In> = { writes: false; yearLock?: never } | ({ writes: true } & YearLock<In>);

/** One API method: zod schemas for what goes in and what comes out, and its policies. */
export type MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = SpecBase<I, O> & WritePolicy<z.output<I>>;

export function method<I extends z.ZodType, O extends z.ZodType, P extends WritePolicy<z.output<I>>>(
  spec: SpecBase<I, O> & P,
): SpecBase<I, O> & P {
  return spec;
}

/** Empty input object: `{}` (extra keys refused). */
export const NoInput = z.object({}).strict();

/** Calendar date as YYYY-MM-DD (the only date form that crosses the API). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '日期不存在');

/** ISO timestamp with time zone. */
export const IsoTime = z.string().datetime({ offset: true });
