/**
 * Bureau time: UTC+8 (China Standard Time, no daylight saving), whatever the machine's time zone.
 * Every date or time shown, printed or put in a file name goes through these functions. Pure (the instant is
 * passed in, no imports), so core and renderer both import this one module.
 */

/** The bureau's offset from UTC. */
export const BUREAU_UTC_OFFSET_MS = 8 * 3_600_000;

export interface BureauParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Calendar and clock fields of an instant as read on a wall clock in the bureau. */
export function bureauParts(at: Date): BureauParts {
  const s = new Date(at.getTime() + BUREAU_UTC_OFFSET_MS);
  return {
    year: s.getUTCFullYear(),
    month: s.getUTCMonth() + 1,
    day: s.getUTCDate(),
    hour: s.getUTCHours(),
    minute: s.getUTCMinutes(),
    second: s.getUTCSeconds(),
  };
}

/** A stored timestamp (ISO string) as an instant, or undefined when it is not one. */
export function parseInstant(iso: string): Date | undefined {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Bureau calendar date: 2026-11-25. */
export function bureauDate(at: Date): string {
  const p = bureauParts(at);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Bureau calendar date of a stored timestamp (the timestamp itself when it is not one). */
export function bureauDateOf(iso: string): string {
  const at = parseInstant(iso);
  return at ? bureauDate(at) : iso;
}

/** Bureau calendar year. */
export function bureauYear(at: Date): number {
  return bureauParts(at).year;
}

/** Bureau wall-clock time: 10:30 (or 10:30:05 with seconds). */
export function bureauClock(at: Date, withSeconds = false): string {
  const p = bureauParts(at);
  return `${pad(p.hour)}:${pad(p.minute)}${withSeconds ? `:${pad(p.second)}` : ''}`;
}

/** 2026年11月25日 (from a bureau calendar date YYYY-MM-DD). */
export function chineseDateText(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2026年11月25日 10:30 of an instant, in bureau time. */
export function bureauDateTimeText(at: Date): string {
  return `${chineseDateText(bureauDate(at))} ${bureauClock(at)}`;
}

/** 2026年11月25日 10:30 of a stored timestamp (the text itself when it is not a timestamp). */
export function bureauDateTimeTextOf(iso: string): string {
  const at = parseInstant(iso);
  return at ? bureauDateTimeText(at) : iso;
}

/** File-name-safe bureau stamp: 20261125-103000 (sorts in time order; no characters a file system refuses). */
export function bureauStamp(at: Date): string {
  const p = bureauParts(at);
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}-${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}
