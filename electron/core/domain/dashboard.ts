/**
 * 首页/统计 (dashboard) figures. Pure: the handler reads the store and passes plain records in.
 *
 * - Applications are counted by their batch's year; district/industry counts may be limited to one year.
 * - A batch's pass rate = passed / scored, where scored = results with a final score (0–1, null when
 *   nothing is scored yet).
 * - Deadlines are listed from 30 days ago to `horizonDays` ahead, soonest first; daysLeft counts calendar
 *   days from today (negative: overdue).
 * - Reminders are short Chinese sentences for the home screen, errors first.
 */
import type { Deadline, DeadlineKind } from '../contract/dashboard.js';
import type { CenterStatus } from '../contract/designation.js';
import { CENTER_STATUS_LABELS } from '../contract/designation-labels.js';
import type { AnnualSummary } from '../contract/centers/annual.js';
import { INDICATORS } from '../contract/centers-labels.js';
import { formatChineseDate } from './batches.js';
import { daysBetween } from './dates.js';

export { daysBetween } from './dates.js';
export { summaryYears } from './summary-due.js';

/** How far back the deadline list reaches. */
export const DEADLINES_LOOKBACK_DAYS = 30;
/** Supplement deadlines this close count as “soon”. */
export const SUPPLEMENT_SOON_DAYS = 7;

export interface NamedCount {
  name: string;
  count: number;
}

export type ReminderLevel = 'info' | 'warning' | 'error';
export interface Reminder {
  text: string;
  route: string;
  level: ReminderLevel;
}

/** Count values by name, largest first (ties by name); empty values count as “未填写”. */
export function countByName(values: readonly string[], emptyLabel = '未填写'): NamedCount[] {
  const counts = new Map<string, number>();
  for (const raw of values) {
    const name = raw.trim() || emptyLabel;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Applications per batch year, every year that has a batch (zero included), oldest first. */
export function applicationsByYear(
  batches: readonly { id: string; year: number }[],
  apps: readonly { batchId: string }[],
): { year: number; count: number }[] {
  const yearOf = new Map(batches.map((b) => [b.id, b.year]));
  const counts = new Map<number, number>();
  for (const b of batches) counts.set(b.year, 0);
  for (const a of apps) {
    const year = yearOf.get(a.batchId);
    if (year !== undefined) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts].map(([year, count]) => ({ year, count })).sort((a, b) => a.year - b.year);
}

/** scored = results with a final score; rate = passed / scored (null when nothing is scored). */
export function passRate(rows: readonly { final: number | null; passed: boolean }[]): {
  scored: number;
  passed: number;
  rate: number | null;
} {
  const scored = rows.filter((r) => r.final !== null);
  const passed = scored.filter((r) => r.passed).length;
  return { scored: scored.length, passed, rate: scored.length ? Math.round((passed / scored.length) * 10_000) / 10_000 : null };
}

/** Every status, zero counts included, in the order active, rectifying, revoked. */
export function centersByStatus(centers: readonly { status: CenterStatus }[]): { status: CenterStatus; label: string; count: number }[] {
  return (Object.keys(CENTER_STATUS_LABELS) as CenterStatus[]).map((status) => ({
    status,
    label: CENTER_STATUS_LABELS[status],
    count: centers.filter((c) => c.status === status).length,
  }));
}

/** Number of summaries of a year and the sum of each indicator (money to 2 decimals). */
export function indicatorTotals(
  year: number,
  summaries: readonly Pick<AnnualSummary, 'indicators'>[],
): { year: number; summaries: number; totals: Record<string, number> } {
  const totals: Record<string, number> = {};
  for (const ind of INDICATORS) {
    const sum = summaries.reduce((s, x) => s + (Number((x.indicators as Record<string, number>)[ind.key]) || 0), 0);
    totals[ind.key] = Math.round(sum * 10 ** ind.decimals) / 10 ** ind.decimals;
  }
  return { year, summaries: summaries.length, totals };
}

export interface DeadlineItem {
  kind: DeadlineKind;
  dueOn: string;
  title: string;
  route: string;
}

const KIND_ORDER: DeadlineKind[] = ['rectifyDue', 'reviewDue', 'summaryDue', 'supplement', 'publicityEnd', 'batchCloses'];

/** Deadlines from 30 days ago to `horizonDays` ahead, soonest first (then by kind and title). */
export function deadlineWindow(items: readonly DeadlineItem[], today: string, horizonDays: number): Deadline[] {
  return items
    .map((i) => {
      const daysLeft = daysBetween(today, i.dueOn);
      return { kind: i.kind, dueOn: i.dueOn, title: i.title, route: i.route, daysLeft, overdue: daysLeft < 0 };
    })
    .filter((d) => d.daysLeft >= -DEADLINES_LOOKBACK_DAYS && d.daysLeft <= horizonDays)
    .sort(
      (a, b) =>
        a.dueOn.localeCompare(b.dueOn) ||
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        a.title.localeCompare(b.title, 'zh-CN'),
    );
}

/**
 * The summary years worth a reminder: the previous year while its due date has not passed (else the
 * current year) is the “current summary year”; the previous year is also reported when it is overdue.
 */
export interface ReminderFacts {
  today: string;
  horizonDays: number;
  /** Summary years with the due date and how many centers owe one and have none. */
  summaries: readonly { year: number; dueOn: string; missing: number }[];
  /** Due re-reviews (overdue ones included), as from reviewDueList. */
  reviews: readonly { dueOn: string; kind: 'triennial' | 'followUp' }[];
  /** Deadlines of open supplement rounds. */
  supplements: readonly string[];
  /** Running publicities (batch label, last day). */
  publicities: readonly { label: string; endsOn: string }[];
  /** Batches still open for applications. */
  openBatches: readonly { label: string; closesOn: string }[];
}

const LEVEL_ORDER: ReminderLevel[] = ['error', 'warning', 'info'];

/** The home screen's reminders, most urgent first. */
export function buildReminders(f: ReminderFacts): Reminder[] {
  const out: Reminder[] = [];
  const left = (d: string) => daysBetween(f.today, d);

  for (const s of f.summaries) {
    if (s.missing <= 0) continue;
    const days = left(s.dueOn);
    if (days < 0) {
      out.push({
        text: `${s.year}年度工作总结已于${formatChineseDate(s.dueOn)}截止，尚有${s.missing}个中心未提交。`,
        route: '/centers/summaries',
        level: 'error',
      });
    } else {
      out.push({
        text: `${s.year}年度工作总结截止${formatChineseDate(s.dueOn)}，尚有${s.missing}个中心未提交。`,
        route: '/centers/summaries',
        level: days <= 30 ? 'warning' : 'info',
      });
    }
  }

  const triennial = f.reviews.filter((r) => r.kind === 'triennial');
  const followUp = f.reviews.filter((r) => r.kind === 'followUp');
  const dueNow = (list: typeof triennial) => list.filter((r) => left(r.dueOn) <= 0).length;
  const dueSoon = (list: typeof triennial) => list.filter((r) => left(r.dueOn) > 0 && left(r.dueOn) <= f.horizonDays).length;
  if (dueNow(triennial)) out.push({ text: `${dueNow(triennial)}个中心三年复核已到期。`, route: '/centers/reviews', level: 'error' });
  if (dueNow(followUp)) out.push({ text: `${dueNow(followUp)}个中心整改期限已满，待复核。`, route: '/centers/reviews', level: 'error' });
  if (dueSoon(triennial))
    out.push({ text: `${dueSoon(triennial)}个中心三年复核将在${f.horizonDays}天内到期。`, route: '/centers/reviews', level: 'warning' });
  if (dueSoon(followUp))
    out.push({ text: `${dueSoon(followUp)}个中心整改期限将在${f.horizonDays}天内届满。`, route: '/centers/reviews', level: 'info' });

  const overdueSupplements = f.supplements.filter((d) => left(d) < 0).length;
  const soonSupplements = f.supplements.filter((d) => left(d) >= 0 && left(d) <= SUPPLEMENT_SOON_DAYS).length;
  if (overdueSupplements)
    out.push({
      text: `${overdueSupplements}件申报补正期限已过，请核对补正材料或作出不予受理决定。`,
      route: '/applications',
      level: 'error',
    });
  if (soonSupplements)
    out.push({ text: `${soonSupplements}件申报补正期限将在${SUPPLEMENT_SOON_DAYS}天内届满。`, route: '/applications', level: 'warning' });

  for (const p of f.publicities) {
    const days = left(p.endsOn);
    if (days < 0)
      out.push({
        text: `${p.label}公示已于${formatChineseDate(p.endsOn)}期满，可处理异议并作出认定。`,
        route: '/designation',
        level: 'warning',
      });
    else
      out.push({
        text: `${p.label}公示${days === 0 ? '今天' : `将于${formatChineseDate(p.endsOn)}`}期满。`,
        route: '/designation',
        level: 'info',
      });
  }

  for (const b of f.openBatches) {
    const days = left(b.closesOn);
    if (days < 0)
      out.push({
        text: `${b.label}已于${formatChineseDate(b.closesOn)}截止受理，批次仍为“受理中”，请更新批次状态。`,
        route: '/batches',
        level: 'warning',
      });
    else if (days <= f.horizonDays)
      out.push({ text: `${b.label}申报将于${formatChineseDate(b.closesOn)}截止（剩余${days}天）。`, route: '/batches', level: 'info' });
  }

  return out
    .map((r, i) => ({ r, i }))
    .sort((a, b) => LEVEL_ORDER.indexOf(a.r.level) - LEVEL_ORDER.indexOf(b.r.level) || a.i - b.i)
    .map((x) => x.r);
}

/** `${title}-${YYYYMMDD}.png` */
export function pngFileName(title: string, today: string): string {
  return `${title}-${today.replaceAll('-', '')}.png`;
}

export const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(data: Uint8Array): boolean {
  return data.length > PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => data[i] === b);
}
