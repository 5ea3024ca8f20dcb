/**
 * Date display in the bureau's style: 2026年11月24日, 2026年11月24日 21:30. Every time and every "today" is bureau
 * time (UTC+8), whatever the computer's time zone: the functions come from the core's one pure bureau-time module.
 */
import dayjs, { type Dayjs } from 'dayjs';
import { formatChineseDate } from '../electron/core/domain/batches.js';
import { bureauClock, bureauDate, bureauDateTimeTextOf, bureauYear, parseInstant } from '../electron/core/domain/bureau-time.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** '2026-11-24' (or any ISO string starting with a date) -> '2026年11月24日'; '' for empty input. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? formatChineseDate(iso) : iso;
}

/** ISO timestamp -> '2026年11月24日 21:30' in bureau time. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? bureauDateTimeTextOf(iso) : '';
}

/** An instant (or ISO timestamp) -> '21:30' (with seconds: '21:30:05') in bureau time. */
export function formatTime(at: Date | string, withSeconds = false): string {
  const d = typeof at === 'string' ? parseInstant(at) : at;
  return d ? bureauClock(d, withSeconds) : String(at);
}

/** Today's bureau date, YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return bureauDate(now);
}

/** The bureau's current year (the default for 年度 fields). */
export function thisYear(now: Date = new Date()): number {
  return bureauYear(now);
}

/** Today's bureau date as the value of a date picker (the pickers hold calendar dates, read back with toIsoDate). */
export function todayPicker(now: Date = new Date()): Dayjs {
  return dayjs(todayIso(now));
}

/** Two dates as a range: '2026年11月24日 – 2026年12月15日'. */
export function formatDateRange(from: string, to: string): string {
  return `${formatDate(from)} – ${formatDate(to)}`;
}

/** A date picker's calendar date -> 'YYYY-MM-DD' (the only date form that crosses the API). */
export function toIsoDate(d: { year(): number; month(): number; date(): number }): string {
  return `${d.year()}-${pad(d.month() + 1)}-${pad(d.date())}`;
}

/** File size for people: 12.3 KB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
