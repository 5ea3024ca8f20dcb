/** 年度封存: whether a year is sealed (read-only) and the check every write into a year goes through. */
import { DeskError } from '../contract/errors.js';
import type { YearSeal } from '../contract/archive.js';
import type { HandlerContext } from './types.js';

/** The newest seal record of a year (undefined: never sealed). */
export function latestSeal(ctx: HandlerContext, year: number): YearSeal | undefined {
  const seals = ctx.store.read('archives').seals.filter((s) => s.year === year);
  return seals.reduce<YearSeal | undefined>((a, b) => (!a || b.version > a.version ? b : a), undefined);
}

export function isYearSealed(ctx: HandlerContext, year: number): boolean {
  return latestSeal(ctx, year)?.state === 'sealed';
}

export function yearSealedError(year: number): DeskError {
  return new DeskError(
    'YEAR_SEALED',
    `${year}年度档案已封存，不能修改该年度的数据。如确需更正，请先在“年度档案”中解除封存并填写理由。`,
    { year },
  );
}

/** Refuse a write that changes data of a sealed year. */
export function assertYearOpen(ctx: HandlerContext, year: number): void {
  if (isYearSealed(ctx, year)) throw yearSealedError(year);
}
