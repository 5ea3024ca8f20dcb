/**
 * The statutory holiday tables shipped with the app (data, not code: the bureau edits or adds a year in
 * 设置 → 节假日安排 each December when the State Council publishes the next year's arrangement).
 *
 * `offDays` are the days off of each holiday as the notice states them (a day that falls on a weekend
 * may be listed; it is off either way). `makeUpWorkDays` are the weekend days that are working days
 * (调休上班).
 *
 * Sources: the State Council General Office notices, typed in by hand and checked in
 * test/unit/domain/working-days.test.ts against DOMAIN.md (2026) and the `chinese-days` package.
 */

export type HolidayTable = {
  year: number;
  /** Where the table comes from (printed when a document relies on it). */
  source: string;
  /** Days off (YYYY-MM-DD). */
  offDays: string[];
  /** Weekend days that are working days (YYYY-MM-DD). */
  makeUpWorkDays: string[];
};

/** Every date from `from` to `to` inclusive (same month or across months; YYYY-MM-DD). */
function span(from: string, to: string): string[] {
  const out: string[] = [];
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  for (let t = Date.UTC(y, m - 1, d); ; t += 86_400_000) {
    const iso = new Date(t).toISOString().slice(0, 10);
    out.push(iso);
    if (iso >= to) break;
  }
  return out;
}

export const HOLIDAYS_2025: HolidayTable = {
  year: 2025,
  source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
  offDays: [
    '2025-01-01', // 元旦
    ...span('2025-01-28', '2025-02-04'), // 春节
    ...span('2025-04-04', '2025-04-06'), // 清明节
    ...span('2025-05-01', '2025-05-05'), // 劳动节
    ...span('2025-05-31', '2025-06-02'), // 端午节
    ...span('2025-10-01', '2025-10-08'), // 国庆节、中秋节
  ],
  makeUpWorkDays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
};

export const HOLIDAYS_2026: HolidayTable = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
  offDays: [
    ...span('2026-01-01', '2026-01-03'), // 元旦
    ...span('2026-02-15', '2026-02-23'), // 春节
    ...span('2026-04-04', '2026-04-06'), // 清明节
    ...span('2026-05-01', '2026-05-05'), // 劳动节
    ...span('2026-06-19', '2026-06-21'), // 端午节
    ...span('2026-09-25', '2026-09-27'), // 中秋节
    ...span('2026-10-01', '2026-10-07'), // 国庆节
  ],
  makeUpWorkDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

/** The tables the app ships with. */
export const DEFAULT_HOLIDAY_TABLES: readonly HolidayTable[] = [HOLIDAYS_2025, HOLIDAYS_2026];
