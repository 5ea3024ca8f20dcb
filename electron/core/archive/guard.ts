/**
 * Method-level year lock: every write method whose input names a record of a sealed year is refused with
 * YEAR_SEALED before it runs (fixed parts such as `batches` and `centers` are not keyed by year, so the
 * store-level guard alone would miss them). Printing a numbered document again stays possible.
 */
import { contract, type MethodName } from '../contract/index.js';
import type { HandlerContext, HandlerTable } from '../handlers/types.js';
import { assertYearOpen, isYearSealed, yearSealedError } from '../handlers/sealed-years.js';
import { yearsOfWrite, yearOfRef } from './years.js';

/** First print of a numbered document of a sealed year is refused (it would assign a new number); reprints pass. */
async function checkPrint(method: string, input: Record<string, unknown>, ctx: HandlerContext): Promise<void> {
  if (method === 'review.notice') {
    const id = input.applicationId as string;
    const year = yearOfRef(id);
    if (year === null || !isYearSealed(ctx, year)) return;
    const app = (await ctx.store.readKeyed('batch', id.split('-').slice(0, 2).join('-'))).applications.find((a) => a.id === id);
    const round = input.round === undefined ? app?.formalReviews.at(-1) : app?.formalReviews.find((r) => r.round === input.round);
    if (round && !round.docNumber) throw yearSealedError(year);
  } else if (method === 'assessments.noticePdf') {
    const year = input.year as number;
    if (isYearSealed(ctx, year) && !(await ctx.store.readKeyed('centers', String(year))).resultNotice) throw yearSealedError(year);
  } else if (method === 'triennial.decisionPdf') {
    const review = ctx.store.read('centers').reviews.find((r) => r.id === input.reviewId);
    if (!review || review.notice) return;
    const year = Number(review.decidedOn.slice(0, 4));
    if (isYearSealed(ctx, year)) throw yearSealedError(year);
  }
}

/** Wrap every write method of the table with the sealed-year check. */
export function guardSealedYears(table: HandlerTable): HandlerTable {
  const out = { ...table } as Record<string, (input: unknown, ctx: HandlerContext) => unknown>;
  for (const name of Object.keys(table) as MethodName[]) {
    if (!contract[name].writes) continue;
    const inner = table[name] as (input: unknown, ctx: HandlerContext) => unknown;
    out[name] = async (input: unknown, ctx: HandlerContext) => {
      for (const year of yearsOfWrite(name, input)) assertYearOpen(ctx, year);
      if (input && typeof input === 'object') await checkPrint(name, input as Record<string, unknown>, ctx);
      return inner(input, ctx);
    };
  }
  return out as HandlerTable;
}
