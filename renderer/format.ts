/** Date display in the bureau's style: 2026年11月24日, 2026年11月24日 21:30. */

const pad = (n: number): string => String(n).padStart(2, '0');

/** '2026-11-24' (or any ISO string starting with a date) -> '2026年11月24日'; '' for empty input. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** ISO timestamp -> '2026年11月24日 21:30' in the computer's local time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Two dates as a range: '2026年11月24日 – 2026年12月15日'. */
export function formatDateRange(from: string, to: string): string {
  return `${formatDate(from)} – ${formatDate(to)}`;
}

/** Date -> 'YYYY-MM-DD' in local time (the only date form that crosses the API). */
export function toIsoDate(d: { year(): number; month(): number; date(): number }): string {
  return `${d.year()}-${pad(d.month() + 1)}-${pad(d.date())}`;
}

/** File size for people: 12.3 KB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
