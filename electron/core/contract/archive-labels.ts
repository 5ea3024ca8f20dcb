/**
 * 年度档案 record classes and 保管期限, with their labels. Zod-free: the screens import it by value. Which
 * class keeps how long is a setting (contract/settings.ts `retentionPeriods`; defaults in domain/archival-code.ts).
 */

/** 保管期限 (国家档案局令第8号《机关文件材料归档范围和文书档案保管期限规定》: 永久、定期30年、定期10年). */
export const RETENTION_PERIODS = ['permanent', 'y30', 'y10'] as const;
export type RetentionPeriod = (typeof RETENTION_PERIODS)[number];
export const RETENTION_LABELS: Record<RetentionPeriod, string> = { permanent: '永久', y30: '30年', y10: '10年' };

/** What kind of record an archived file is, for its 保管期限. */
export const RECORD_KINDS = [
  'decisionNotice',
  'certificate',
  'reviewDecision',
  'assessmentNotice',
  'publicityNotice',
  'formalReviewNotice',
  'reviewRecords',
  'plaqueSheet',
  'roster',
  'applicationMaterials',
  'summaryMaterials',
  'records',
  'archiveNotes',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  decisionNotice: '认定通知',
  certificate: '证书',
  reviewDecision: '复核决定',
  assessmentNotice: '中期考核结果通知',
  publicityNotice: '公示通知',
  formalReviewNotice: '形式审查通知书',
  reviewRecords: '评审汇总表与评分表',
  plaqueSheet: '牌匾内容确认单',
  roster: '名册、一览表与汇总表',
  applicationMaterials: '申报材料（附件）',
  summaryMaterials: '年度工作总结材料（附件）',
  records: '业务数据（JSON）',
  archiveNotes: '档案说明与四性检测报告',
};

/** The four checks of an archive (DA/T 70-2018 文书类电子档案检测一般要求: 真实性、完整性、可用性、安全性). */
export const FOUR_CHECKS = ['authenticity', 'integrity', 'usability', 'security'] as const;
export type FourCheck = (typeof FOUR_CHECKS)[number];
export const FOUR_CHECK_LABELS: Record<FourCheck, string> = {
  authenticity: '真实性',
  integrity: '完整性',
  usability: '可用性',
  security: '安全性',
};
