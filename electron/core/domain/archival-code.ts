/**
 * 档号 and 保管期限 of the yearly archive's items (pure).
 *
 * 档号 = 全宗号-年度-保管期限代码-件号, e.g. J001-2026-Y-0001, after DA/T 22-2015《归档文件整理规则》§5.4 (档号结构
 * 全宗号-档案门类代码·年度-保管期限代码-机构（问题）代码-件号; the desk files one 门类 (文书) of one office, so the
 * 门类 and 机构 codes are left out, as the standard allows for elements not used) and DA/T 13《档号编制规则》:
 * - 全宗号: 4 digits or capital letters and digits, given by the archives (e.g. J001);
 * - 年度: 4 digits;
 * - 保管期限代码: 永久 Y, 定期30年 D30, 定期10年 D10;
 * - 件号: 4 digits, zero-padded, numbered from 0001 within each 年度 and 保管期限, in archive order;
 * - parts joined by "-".
 */
import { RECORD_KINDS, type RecordKind, type RetentionPeriod } from '../contract/archive-labels.js';

export const RETENTION_CODES: Record<RetentionPeriod, string> = { permanent: 'Y', y30: 'D30', y10: 'D10' };

/** Default 保管期限 per record class: decisions and the records themselves forever, notices and review records 30 years, lists 10. */
export const DEFAULT_RETENTION: Record<RecordKind, RetentionPeriod> = {
  decisionNotice: 'permanent',
  certificate: 'permanent',
  reviewDecision: 'permanent',
  assessmentNotice: 'y30',
  publicityNotice: 'y30',
  formalReviewNotice: 'y30',
  reviewRecords: 'y30',
  plaqueSheet: 'y30',
  roster: 'y10',
  applicationMaterials: 'y30',
  summaryMaterials: 'y30',
  records: 'permanent',
  archiveNotes: 'permanent',
};

/** The 保管期限 table in force: the defaults with the bureau's changes (settings.retentionPeriods). */
export function retentionTable(overrides: Partial<Record<RecordKind, RetentionPeriod>> = {}): Record<RecordKind, RetentionPeriod> {
  const out = { ...DEFAULT_RETENTION };
  for (const k of RECORD_KINDS) {
    const v = overrides[k];
    if (v) out[k] = v;
  }
  return out;
}

export const FONDS_NUMBER_PATTERN = /^[0-9A-Z]{4}$/;
export const FONDS_NUMBER_MESSAGE = '全宗号应为4位数字或大写字母与数字的组合（如 J001），由档案馆给定';

/** Why a 全宗号 cannot be used (null: it can). */
export function fondsNumberProblem(value: string): string | null {
  return FONDS_NUMBER_PATTERN.test(value) ? null : FONDS_NUMBER_MESSAGE;
}

export function archivalCode(parts: { fonds: string; year: number; retention: RetentionPeriod; itemNo: number }): string {
  return `${parts.fonds}-${parts.year}-${RETENTION_CODES[parts.retention]}-${String(parts.itemNo).padStart(4, '0')}`;
}

/** 件号 of each item in order: numbered from 1 within its 保管期限. */
export function itemNumbers(retentions: readonly RetentionPeriod[]): number[] {
  const next: Record<RetentionPeriod, number> = { permanent: 0, y30: 0, y10: 0 };
  return retentions.map((r) => ++next[r]);
}
