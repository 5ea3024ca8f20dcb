/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD, the bureau's calendar day). Pure: no clock, no time zone
 * (every step is in UTC on the date's own numbers). Used by the core and, as values, by the renderer.
 */

function parts(iso: string): [number, number, number] {
  return iso.slice(0, 10).split('-').map(Number) as [number, number, number];
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day `years` years on; 29 Feb → 28 Feb in a non-leap year. */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = parts(iso);
  return isoDate(y + years, m, Math.min(d, daysInMonth(y + years, m)));
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier); only the date part of each counts. */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** The year of an ISO date. */
export function yearOf(iso: string): number {
  return parts(iso)[0];
}
