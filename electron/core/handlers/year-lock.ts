/**
 * 年度封存, method level, derived from the contract: each write method declares its `yearLock`
 * (contract/define.ts) and this guard applies it to the handler table — no list of method names.
 *
 * - 'byInput': the years its parsed input names (`years`) must be open;
 * - 'print': a first print must not number a document into a sealed year (the print area's `FirstPrintYears`
 *   reads the stored record); reprints pass;
 * - 'byPart': refused by the store-level guard on the year-keyed parts it writes (installYearGuard), which
 *   also stays behind every other write as the last line of defence;
 * - 'none': not bound to a year.
 *
 * A refused call fails with YEAR_SEALED before its handler runs. The handler gets `ctx.recheckYearLock` to run
 * the same check again later (numbering does, right before a number is committed).
 */
import { contract, methodNames, type MethodName } from '../contract/index.js';
import { yearsOfWrite } from '../archive/years.js';
import { assertStoreYearOpen } from './sealed-years.js';
import { formalReviewFirstPrints } from './formal-review.js';
import { centerDocumentFirstPrints } from './centers/documents.js';
import type { FirstPrintYears, HandlerContext, HandlerTable, PrintMethod } from './types.js';

type AnyHandler = (input: unknown, ctx: HandlerContext) => unknown;

/** One check against the stored record per method the contract declares 'print' (the type requires them all). */
export const firstPrintYears: FirstPrintYears<PrintMethod> = { ...formalReviewFirstPrints, ...centerDocumentFirstPrints };

const YEAR_LOCKS: readonly string[] = ['none', 'byInput', 'print', 'byPart'];

/**
 * Startup check (the types already require it): every write method declares a known year lock ('byInput'
 * with its `years`, 'print' with a first-print check), and no read method declares one.
 */
export function assertYearLocksDeclared(
  specs: Record<string, { writes: boolean; yearLock?: string; years?: unknown }> = contract,
  prints: Record<string, unknown> = firstPrintYears,
): void {
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    if (!spec.writes) {
      if (spec.yearLock !== undefined) problems.push(`${name} reads but declares yearLock '${spec.yearLock}'`);
    } else if (spec.yearLock === undefined || !YEAR_LOCKS.includes(spec.yearLock)) {
      problems.push(`${name} writes but declares no yearLock`);
    } else if (spec.yearLock === 'byInput' && typeof spec.years !== 'function') {
      problems.push(`${name} is locked by input but has no years()`);
    } else if (spec.yearLock === 'print' && typeof prints[name] !== 'function') {
      problems.push(`${name} prints but has no first-print check`);
    }
  }
  for (const name of Object.keys(prints))
    if (specs[name]?.yearLock !== 'print') problems.push(`${name} has a first-print check but is not declared 'print'`);
  if (problems.length) throw new Error(`Sealed-year policy is incomplete: ${problems.join('; ')}`);
}

/** The years a call of a write method writes into, by its declared year lock (empty: none the guard checks). */
export async function lockedYears(name: MethodName, input: unknown, ctx: HandlerContext): Promise<number[]> {
  const spec = contract[name];
  if (!spec.writes) return [];
  switch (spec.yearLock) {
    case 'byInput':
      return yearsOfWrite(name, input);
    case 'print':
      return (firstPrintYears[name as PrintMethod] as (input: unknown, ctx: HandlerContext) => Promise<number[]>)(input, ctx);
    case 'byPart':
    case 'none':
      return [];
  }
}

/** Wrap every write method the contract locks by input or as a print with its sealed-year check. */
export function guardSealedYears(table: HandlerTable): HandlerTable {
  assertYearLocksDeclared();
  const out = { ...table } as Record<MethodName, AnyHandler>;
  for (const name of methodNames) {
    const spec = contract[name];
    if (!spec.writes || spec.yearLock === 'none' || spec.yearLock === 'byPart') continue;
    const inner = table[name] as AnyHandler;
    out[name] = async (input: unknown, ctx: HandlerContext) => {
      const check = async (): Promise<void> => {
        for (const year of await lockedYears(name, input, ctx)) assertStoreYearOpen(ctx.store, year);
      };
      await check();
      return inner(input, { ...ctx, recheckYearLock: check });
    };
  }
  return out as HandlerTable;
}
