/** The clock is passed in (never Date.now() in domain code). */
export type Clock = () => Date;

/** Local calendar date (YYYY-MM-DD) of an instant, in the bureau's time zone (UTC+8, no DST). */
export function bureauDate(at: Date): string {
  const shifted = new Date(at.getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 10);
}
