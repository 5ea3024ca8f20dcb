/**
 * The 节假日安排 as the bureau types it: dates and ranges one per line (or separated by commas/、), written as
 * 2026-10-01, 2026/10/1, 20261001 or 2026年10月1日, ranges with ~ ～ or 至. Pure: no clock, calendar dates only.
 */
const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (t: number) => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const ms = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));

/** Sorted dates as lines, consecutive days folded into ranges: 2026-10-01~2026-10-08. */
export function datesToText(dates: readonly string[]): string {
  const sorted = [...new Set(dates)].sort();
  const lines: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && ms(sorted[j + 1]!) - ms(sorted[j]!) === DAY_MS) j++;
    lines.push(i === j ? sorted[i]! : `${sorted[i]}~${sorted[j]}`);
    i = j + 1;
  }
  return lines.join('\n');
}

/** One date: 2026-10-01, 2026/10/1, 20261001. */
export function parseDate(s: string): string | null {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(s.trim());
  if (!m) return null;
  const d = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  return iso(ms(d)) === d ? d : null;
}

/** Lines (or items separated by commas/、) of dates and ranges → sorted dates, or the first problem in Chinese. */
export function textToDates(text: string, year: number, what: string): { dates: string[] } | { error: string } {
  const out = new Set<string>();
  for (const item of text
    .split(/[\n,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const parts = item.split(/~|～|至/);
    const from = parseDate(parts[0] ?? '');
    const to = parts.length > 1 ? parseDate(parts[1] ?? '') : from;
    if (!from || !to || parts.length > 2)
      return { error: `${what}中的“${item}”不是有效日期，请写成 2026-10-01 或 2026-10-01~2026-10-08。` };
    if (to < from) return { error: `${what}中的“${item}”起止颠倒。` };
    for (let t = ms(from); t <= ms(to); t += DAY_MS) {
      const d = iso(t);
      if (Number(d.slice(0, 4)) !== year) return { error: `${what}中的${d}不在${year}年内。` };
      out.add(d);
    }
  }
  return { dates: [...out].sort() };
}
