/**
 * 公示、异议、认定 rules (pure: dates are YYYY-MM-DD strings, no clock, no store).
 *
 * - The publicity period counts its start day as day 1 when it is a working day (otherwise the first
 *   working day after it is day 1): 2026-09-28 + 5 working days → 2026-10-09.
 * - An objection is accepted only when it is in writing with real identity (单位盖章 / 本人签名) and
 *   received on or before the last day of the period; otherwise it is recorded as not accepted.
 * - Designation waits until the period has ended (the decision date is after the last day) and every
 *   accepted objection has been resolved.
 * - A center is valid three years: designatedOn + 3 years − 1 day.
 */
import type { Objection, ObjectionStatus, Publicity } from '../contract/designation.js';
import { formatChineseDate } from './batches.js';
import { addWorkingDays, calendarWarning, workingDaysBetween, type WorkingCalendar } from './working-days.js';

export const DEFAULT_PUBLICITY_WORKING_DAYS = 5;

export interface PublicityPeriod {
  startsOn: string;
  /** The first counted day (startsOn itself when it is a working day). */
  firstDay: string;
  endsOn: string;
  workingDays: number;
  /** The counting convention in Chinese, with both dates and the count. */
  convention: string;
  warning?: string;
}

/** The publicity period that starts on `startsOn` and lasts `workingDays` working days. */
export function publicityPeriod(startsOn: string, workingDays: number, calendar: WorkingCalendar): PublicityPeriod {
  const endsOn = addWorkingDays(startsOn, workingDays, calendar, { countStart: true });
  const firstDay = addWorkingDays(startsOn, 1, calendar, { countStart: true });
  const startNote = firstDay === startsOn ? '开始当日计入' : `开始当日非工作日，自${formatChineseDate(firstDay)}起计`;
  const convention = `公示期自${formatChineseDate(startsOn)}至${formatChineseDate(endsOn)}（${workingDays}个工作日，${startNote}；工作日扣除周六、周日和法定节假日，计入调休上班日）`;
  const warning = calendarWarning([startsOn, endsOn], calendar);
  return { startsOn, firstDay, endsOn, workingDays, convention, ...(warning ? { warning } : {}) };
}

/**
 * A publicity whose start date is before the day it is started (补登, e.g. a notice already posted on paper)
 * needs a reason, recorded with the publicity. Dates are bureau calendar days (YYYY-MM-DD).
 */
export function publicityBackdated(startsOn: string, today: string): boolean {
  return startsOn < today;
}

/** Check a period stored earlier still counts the same number of working days (used in tests and views). */
export function countedWorkingDays(period: Pick<Publicity, 'startsOn' | 'endsOn'>, calendar: WorkingCalendar): number {
  return workingDaysBetween(period.startsOn, period.endsOn, calendar);
}

export interface ObjectionFacts {
  receivedOn: string;
  from: string;
  identityProof: boolean;
}

export type Acceptance = { accepted: true } | { accepted: false; reason: string };

/** Whether an objection is accepted (受理): anonymous or late ones are not. */
export function objectionAcceptance(o: ObjectionFacts, publicity: Pick<Publicity, 'startsOn' | 'endsOn'>): Acceptance {
  const reasons: string[] = [];
  if (!o.identityProof || o.from.trim() === '') {
    reasons.push('匿名异议（未署真实姓名或名称，或单位未加盖公章、个人未签名），不予受理');
  }
  if (o.receivedOn > publicity.endsOn) {
    reasons.push(
      `逾期提出（收到日期${formatChineseDate(o.receivedOn)}晚于公示期最后一日${formatChineseDate(publicity.endsOn)}），不予受理`,
    );
  }
  if (reasons.length === 0) return { accepted: true };
  return { accepted: false, reason: `${reasons.join('；')}。` };
}

export function objectionStatus(o: Pick<Objection, 'accepted' | 'resolution'>): ObjectionStatus {
  if (!o.accepted) return 'notAccepted';
  return o.resolution ? o.resolution.outcome : 'open';
}

/** Whether the publicity period is over on `day` (the day after its last day onwards): 公示期满 rather than 公示中. */
export function publicityEnded(publicity: Pick<Publicity, 'endsOn'>, day: string): boolean {
  return day > publicity.endsOn;
}

/** Why a decision dated `decidedOn` cannot be made yet (Chinese sentences; empty when it can). */
export function decisionBlockers(
  publicity: Pick<Publicity, 'endsOn'> | undefined,
  objections: readonly Pick<Objection, 'id' | 'accepted' | 'resolution' | 'from'>[],
  decidedOn: string,
  alreadyDecided = false,
): string[] {
  const out: string[] = [];
  if (alreadyDecided) out.push('本批次已作出认定决定，不能重复认定。');
  if (!publicity) {
    out.push('本批次尚未公示。请先发起公示，公示期满且异议处理完毕后再认定。');
    return out;
  }
  if (!publicityEnded(publicity, decidedOn)) {
    out.push(`公示期至${formatChineseDate(publicity.endsOn)}止，尚未期满。认定日期须晚于公示期最后一日。`);
  }
  const open = objections.filter((o) => objectionStatus(o) === 'open');
  if (open.length > 0) {
    out.push(`还有${open.length}件异议未处理（${open.map((o) => `${o.id}，${o.from}`).join('；')}）。请逐件作出处理结论后再认定。`);
  }
  return out;
}

/**
 * The day before the first 三年复核 is due (designatedOn + 3 years, 29 February → 28 February), so the
 * certificate and the re-review cycle agree: 2026-10-12 → 2029-10-11; 2028-02-29 → 2031-02-27.
 */
export function centerValidUntil(designatedOn: string): string {
  const [y, m, d] = designatedOn.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y + 3, m, 0)).getUTCDate();
  const due = Date.UTC(y + 3, m - 1, Math.min(d, lastDay));
  return new Date(due - 86_400_000).toISOString().slice(0, 10);
}

/** FZIPC-2026-001 (three digits at least; more when a year issues over 999). */
export function formatCertificateNumber(prefix: string, year: number, n: number): string {
  return `${prefix}-${year}-${String(n).padStart(3, '0')}`;
}

/** The numbering series of certificate numbers of one prefix (all years: never reused). */
export function certificateSeries(prefix: string): string {
  return `cert:${prefix}`;
}

/** The center's name: what the applicant proposed, else 福州市<industry>产业知识产权协同保护与运营中心. */
export function centerName(proposedCenterName: string, industry: string): string {
  const proposed = proposedCenterName.trim();
  if (proposed) return proposed;
  const ind = industry.trim().replace(/产业$/, '');
  return `福州市${ind || ''}产业知识产权协同保护与运营中心`;
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 2026-10-12 → 二〇二六年十月 (the date line of a plaque). */
export function plaqueDateLine(iso: string): string {
  const [y, m] = iso.split('-') as [string, string];
  const month = Number(m);
  const monthText = month <= 10 ? (month === 10 ? '十' : DIGITS[month]!) : `十${DIGITS[month - 10]!}`;
  return `${[...y].map((c) => DIGITS[Number(c)]!).join('')}年${monthText}月`;
}

/**
 * 撤回公示: a publicity may be withdrawn (with a reason) while the batch is 公示中 and no decision exists; the
 * batch goes back to 评审中 (batch-lifecycle.ts `withdrawPublicity`), the publicity and its objections are kept
 * in `publicityHistory` with who, when and why, and a new publicity can then be started. Returns why it cannot
 * be withdrawn (null: it can).
 */
export function publicityWithdrawalRefusal(part: {
  publicity?: Pick<Publicity, 'startsOn'> | undefined;
  decision?: { docNumber: string } | undefined;
}): string | null {
  if (part.decision) return `已作出认定决定（${part.decision.docNumber}），公示不能再撤回。`;
  if (!part.publicity) return '该批次当前没有进行中的公示，无需撤回。';
  return null;
}
