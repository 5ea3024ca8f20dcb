import type { CenterStatus, Grade, IndicatorKey, ReviewOutcome, Settings } from '../../../electron/core/contract/index.js';

/**
 * Labels kept in the renderer (only types come from the contract). INDICATORS and WORK_TASKS mirror
 * electron/core/contract/centers-annual.ts; the `satisfies` checks keep the keys in step with the contract.
 */
export const INDICATORS = [
  { key: 'trainings', task: 1, label: '公益培训场次', unit: '场', decimals: 0 },
  { key: 'trainingAttendees', task: 1, label: '培训人次', unit: '人次', decimals: 0 },
  { key: 'assistanceCases', task: 2, label: '维权援助案件', unit: '件', decimals: 0 },
  { key: 'disputesMediated', task: 3, label: '纠纷化解', unit: '件', decimals: 0 },
  { key: 'allianceMembers', task: 4, label: '产业知识产权联盟成员单位', unit: '家', decimals: 0 },
  { key: 'transfersLicences', task: 5, label: '知识产权转让许可', unit: '件', decimals: 0 },
  { key: 'pledgeFinancing', task: 6, label: '质押融资金额', unit: '万元', decimals: 2 },
  { key: 'navigationProjects', task: 7, label: '专利导航项目', unit: '项', decimals: 0 },
  { key: 'trademarkGuidance', task: 8, label: '商标品牌与地理标志指导服务', unit: '次', decimals: 0 },
] as const satisfies readonly { key: IndicatorKey; task: number; label: string; unit: string; decimals: number }[];

export const WORK_TASKS = ['宣传培训', '维权援助', '协同保护与纠纷化解', '产业知识产权联盟', '转化运用', '知识产权金融', '高价值专利培育', '商标品牌与地理标志'] as const;

export const GRADE_LABELS: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };
export const GRADE_COLORS: Record<Grade, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };

export const OUTCOME_LABELS: Record<ReviewOutcome, string> = { retain: '保留', rectify: '限期整改', revoke: '撤销' };
export const OUTCOME_COLORS: Record<ReviewOutcome, string> = { retain: 'green', rectify: 'gold', revoke: 'red' };
export const REVIEW_KIND_LABELS: Record<'triennial' | 'followUp', string> = { triennial: '三年期满', followUp: '整改期满' };

const STATUS_WORDS: Record<CenterStatus, string> = { active: '有效', rectifying: '限期整改', revoked: '已撤销' };
export const statusWord = (s: string): string => STATUS_WORDS[s as CenterStatus] ?? s;

export type SummaryDue = NonNullable<Settings['annualSummaryDue']>;
export const DEFAULT_SUMMARY_DUE: SummaryDue = { yearOffset: 1, month: 1, day: 31 };

const pad = (n: number): string => String(n).padStart(2, '0');

/** Due date (YYYY-MM-DD) of the summaries for `year` (day clamped to the month's end), as the contract states. */
export function summaryDueOn(year: number, due: SummaryDue = DEFAULT_SUMMARY_DUE): string {
  const y = year + due.yearOffset;
  const last = new Date(Date.UTC(y, due.month, 0)).getUTCDate();
  return `${y}-${pad(due.month)}-${pad(Math.min(due.day, last))}`;
}

/** The year the page opens on: last year while its summaries are not yet due, otherwise this year. */
export function defaultSummaryYear(todayIso: string, due: SummaryDue | undefined): number {
  const thisYear = Number(todayIso.slice(0, 4));
  return todayIso <= summaryDueOn(thisYear - 1, due) ? thisYear - 1 : thisYear;
}

/** Whole days from `fromIso` to `toIso`. */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}
