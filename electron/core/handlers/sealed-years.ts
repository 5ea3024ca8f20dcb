/**
 * 年度封存: whether a year is sealed (read-only) and the check every write into a year goes through (driven by
 * each method's declared year lock, handlers/year-lock.ts, and by the store for year-keyed parts).
 */
import { DeskError } from '../contract/errors.js';
import type { YearSeal } from '../contract/archive.js';
import type { Store } from '../store/store.js';
import type { HandlerContext } from './types.js';

/** The newest seal record of a year (undefined: never sealed). */
export function latestSealIn(store: Store, year: number): YearSeal | undefined {
  const seals = store.read('archives').seals.filter((s) => s.year === year);
  return seals.reduce<YearSeal | undefined>((a, b) => (!a || b.version > a.version ? b : a), undefined);
}

export function latestSeal(ctx: HandlerContext, year: number): YearSeal | undefined {
  return latestSealIn(ctx.store, year);
}

export function isYearSealed(ctx: HandlerContext, year: number): boolean {
  return latestSeal(ctx, year)?.state === 'sealed';
}

export function yearSealedError(year: number): DeskError {
  return new DeskError('YEAR_SEALED', `${year}年度档案已封存，不能修改该年度的数据。如确需更正，请先在“年度档案”中解除封存并填写理由。`, {
    year,
  });
}

/** Years being sealed right now, per store: writes into them wait for the seal (the archive must match the records). */
const sealing = new WeakMap<Store, Set<number>>();

export function beginSealing(store: Store, year: number): void {
  if (sealingYears(store).has(year)) throw new DeskError('CONFLICT', `${year}年度档案正在封存中，请等待完成。`);
  sealingYears(store).add(year);
}

export function endSealing(store: Store, year: number): void {
  sealingYears(store).delete(year);
}

function sealingYears(store: Store): Set<number> {
  let set = sealing.get(store);
  if (!set) sealing.set(store, (set = new Set()));
  return set;
}

/** Refuse a write into `year` when it is sealed (or being sealed). */
export function assertStoreYearOpen(store: Store, year: number): void {
  if (latestSealIn(store, year)?.state === 'sealed') throw yearSealedError(year);
  if (sealingYears(store).has(year)) {
    throw new DeskError(
      'YEAR_SEALED',
      `${year}年度档案正在封存，暂时不能修改该年度的数据。请等封存完成后再试（封存后如需更正，须先解除封存）。`,
      { year, sealing: true },
    );
  }
}

/** Store-level guard: keyed parts of a sealed year (batch-, scores-, designation-2026-n, centers-2026) refuse writes. */
export function installYearGuard(store: Store): void {
  store.setYearGuard((year) => assertStoreYearOpen(store, year));
}
