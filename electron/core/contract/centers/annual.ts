/**
 * 动态管理 (managing centers after designation): 年度工作总结 (annual summaries), 中期考核 (mid-term
 * assessment) and 每三年复核 (triennial re-review).
 *
 * Rules (pure functions in domain/center-lifecycle.ts, stated here so documents and the UI can print them):
 * - A center owes a summary for year Y when it was designated on or before Y-12-31 and was not revoked
 *   before the due date. The due date is `settings.annualSummaryDue` (default: 次年1月31日).
 * - The first re-review is due on designatedOn + 3 years (29 Feb → 28 Feb). 保留 (retain) starts a new cycle on
 *   the decision date: the next re-review is due on decidedOn + 3 years and the certificate runs to the day
 *   before it. A review decided more than 90 days before the due date is 提前复核 (early).
 *   限期整改 (rectify) sets status `rectifying` and a deadline; a rectifying center's follow-up re-review
 *   is due on that deadline and may only retain or revoke. 撤销 (revoke) sets status `revoked`, ends the
 *   certificate's validity on the decision date and records the plaque return deadline (the actual return is
 *   recorded later, 牌匾收回登记). Revoked is final.
 * - A mid-term grade comes from the assessment total and the template's grade bands (优秀 ≥ excellent,
 *   良好 ≥ good, 合格 ≥ pass, otherwise 不合格).
 */
import { z } from 'zod';
import { method, IsoDate, IsoTime } from '../define.js';
import { Text } from '../text.js';
import { ExpectedDocNumber, ExportedFile, ExportFileType, NumberPreview, VoidRecord } from '../common.js';
import { Year } from '../batches.js';
import { FileRef } from '../applications/entities.js';
import { Center } from '../designation.js';
import { Criterion } from '../expert-review/scoring.js';
import { INDICATORS, type IndicatorKey } from '../centers-labels.js';
import { yearOfDate } from '../years.js';

export { INDICATORS, WORK_TASKS, GRADE_LABELS, REVIEW_OUTCOME_LABELS, REVIEW_KIND_LABELS, type IndicatorKey } from '../centers-labels.js';

const CenterId = z
  .string()
  .trim()
  .regex(/^C\d+$/, '中心编号无效，请刷新后重试');
const UploadId = z.string().regex(/^[0-9a-f]{32}$/, '上传编号无效，请重新上传文件');
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, '文件编号无效，请刷新后重试');
const ReviewId = z
  .string()
  .trim()
  .regex(/^C\d+-R\d+$/, '复核编号无效，请刷新后重试');
const Opinion = Text({ label: '意见', min: 2, max: 2000, multiline: true });
const Reason = Text({ label: '理由', max: 200, multiline: true });

// ───────────────────────────── 年度工作总结 (annual summaries) ─────────────────────────────

export const INDICATOR_KEYS = INDICATORS.map((i) => i.key) as [IndicatorKey, ...IndicatorKey[]];

const count = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(1_000_000, `${label}过大，请核对`);
const money = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .min(0, `${label}不能为负数`)
    .max(100_000_000, `${label}过大，请核对`)
    .refine((v) => Math.round(v * 100) === Math.round(v * 100 * 1e6) / 1e6, `${label}最多保留两位小数`);

export const Indicators = z.object({
  trainings: count('公益培训场次'),
  trainingAttendees: count('培训人次'),
  assistanceCases: count('维权援助案件数'),
  disputesMediated: count('纠纷化解件数'),
  allianceMembers: count('联盟成员单位数'),
  transfersLicences: count('转让许可件数'),
  pledgeFinancing: money('质押融资金额（万元）'),
  navigationProjects: count('专利导航项目数'),
  trademarkGuidance: count('商标品牌与地理标志指导服务次数'),
});
export type Indicators = z.infer<typeof Indicators>;

/** 年度工作总结: one per center per year. id = `${year}-${centerId}`. */
export const AnnualSummary = z.object({
  id: z.string(),
  centerId: z.string(),
  year: z.number().int(),
  submittedOn: IsoDate,
  indicators: Indicators,
  narrative: z.string(),
  files: z.array(FileRef),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  updatedBy: z.string(),
});
export type AnnualSummary = z.infer<typeof AnnualSummary>;

// ───────────────────────────── 中期考核 (mid-term assessment) ─────────────────────────────

export const Grade = z.enum(['excellent', 'good', 'pass', 'fail']);
export type Grade = z.infer<typeof Grade>;

/** Lowest total for each grade (不合格 below `pass`). */
export const GradeBands = z.object({ excellent: z.number(), good: z.number(), pass: z.number() });
export type GradeBands = z.infer<typeof GradeBands>;

/** 中期考核表 (one version per year; frozen once an assessment uses it, like the scoring template). */
export const AssessmentTemplate = z.object({
  version: z.number().int().positive(),
  criteria: z.array(Criterion),
  bands: GradeBands,
  reason: z.string().optional(),
  createdAt: IsoTime,
  createdBy: z.string(),
});
export type AssessmentTemplate = z.infer<typeof AssessmentTemplate>;

/** 中期考核: one per summary. id = `${year}-${centerId}` (same as its summary). */
export const MidtermAssessment = z.object({
  id: z.string(),
  centerId: z.string(),
  year: z.number().int(),
  templateVersion: z.number().int().positive(),
  scores: z.record(z.string(), z.number()),
  total: z.number(),
  grade: Grade,
  comments: z.string(),
  assessedOn: IsoDate,
  /** 考核人员 */
  assessors: z.array(z.string()),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  updatedBy: z.string(),
  /** Changes made after the year's result notice was issued, each with its reason. */
  corrections: z.array(z.object({ at: IsoTime, by: z.string(), reason: z.string() })).optional(),
});
export type MidtermAssessment = z.infer<typeof MidtermAssessment>;

/** A notice issued from a year's records (number assigned on first print, kept for reprints). */
export const IssuedNotice = z.object({
  docNumber: z.string(),
  issuedOn: IsoDate,
  firstPrintedAt: IsoTime,
  /** 文书模板 version the notice was first printed with (reprints use it; absent: version 1). */
  templateVersion: z.number().int().positive().optional(),
  /** 作废 of the notice (archive.voidDocument); the number stays taken. */
  voided: VoidRecord.optional(),
});
export type IssuedNotice = z.infer<typeof IssuedNotice>;

/** 中期考核结果通知: the issued notice, with the submitted summaries still unassessed that the clerk acknowledged. */
export const ResultNotice = IssuedNotice.extend({
  unassessedAcknowledged: z.array(z.object({ centerId: z.string(), centerName: z.string() })).optional(),
});
export type ResultNotice = z.infer<typeof ResultNotice>;

/** The keyed part centers-<year>. Extra keys of older files (e.g. `records`) are dropped. */
export const CenterYearPart = z.object({
  summaries: z.array(AnnualSummary).default([]),
  assessments: z.array(MidtermAssessment).default([]),
  assessmentTemplates: z.array(AssessmentTemplate).default([]),
  /** 中期考核结果通知 of this year. */
  resultNotice: ResultNotice.optional(),
});
export type CenterYearPart = z.infer<typeof CenterYearPart>;

// ───────────────────────────── 复核 (triennial re-review) ─────────────────────────────

export const ReviewOutcome = z.enum(['retain', 'rectify', 'revoke']);
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;

/** 三年期满 (regular), 整改期满 (follow-up of a rectification), 提前复核 (early: more than REVIEW_WINDOW_DAYS before the due date). */
export const ReviewKind = z.enum(['triennial', 'followUp', 'early']);
export type ReviewKind = z.infer<typeof ReviewKind>;

/** 复核: id = `${centerId}-R${n}`. Never deleted (history is kept forever). */
export const TriennialReview = z.object({
  id: z.string(),
  centerId: z.string(),
  /** The due date this review answers (三年期满 or 整改期满; for 提前复核 the due date it came ahead of). */
  dueOn: IsoDate,
  kind: ReviewKind,
  outcome: ReviewOutcome,
  decidedOn: IsoDate,
  opinion: z.string(),
  /** For `rectify`. */
  rectifyDeadline: IsoDate.optional(),
  /** For `retain` (recorded since issue 13): the next re-review, decidedOn + 3 years. */
  nextReviewDue: IsoDate.optional(),
  /** For `revoke` (recorded since issue 13): the date by which certificate and plaque are to be handed back. */
  plaqueReturnDueOn: IsoDate.optional(),
  /** 复核决定 document number, assigned on first print. */
  notice: IssuedNotice.optional(),
  /** The center's status before and after. */
  statusBefore: z.string(),
  statusAfter: z.string(),
  createdAt: IsoTime,
  createdBy: z.string(),
});
export type TriennialReview = z.infer<typeof TriennialReview>;

/** One due re-review (the 复核 due list). */
export const ReviewDue = z.object({
  center: Center,
  dueOn: IsoDate,
  kind: z.enum(['triennial', 'followUp']),
  /** Days from today (negative: overdue). */
  daysLeft: z.number().int(),
  overdue: z.boolean(),
});
export type ReviewDue = z.infer<typeof ReviewDue>;

// ───────────────────────────── views ─────────────────────────────

export const SummaryRow = z.object({
  center: Center,
  /** Whether a summary is owed for the year (see the rule above). */
  required: z.boolean(),
  summary: AnnualSummary.nullable(),
  assessment: MidtermAssessment.nullable(),
});
export type SummaryRow = z.infer<typeof SummaryRow>;

export const SummaryYearView = z.object({
  year: z.number().int(),
  dueOn: IsoDate,
  overdue: z.boolean(),
  rows: z.array(SummaryRow),
  /** Centers that owe a summary and have none. */
  missing: z.array(Center),
  /** The year is sealed (read-only). */
  sealed: z.boolean(),
  /** The year's 中期考核结果通知 once numbered (with its 作废, if voided); null before. */
  resultNotice: ResultNotice.nullable(),
});
export type SummaryYearView = z.infer<typeof SummaryYearView>;

export const AssessmentTemplateView = z.object({
  year: z.number().int(),
  current: AssessmentTemplate,
  versions: z.array(AssessmentTemplate),
  frozen: z.boolean(),
  isDefault: z.boolean(),
});
export type AssessmentTemplateView = z.infer<typeof AssessmentTemplateView>;

export const CenterHistory = z.object({
  center: Center,
  reviews: z.array(TriennialReview),
  summaries: z.array(AnnualSummary),
  assessments: z.array(MidtermAssessment),
});
export type CenterHistory = z.infer<typeof CenterHistory>;

// ───────────────────────────── inputs ─────────────────────────────

const ByYear = z.object({ year: Year }).strict();
const ByCenterYear = z.object({ year: Year, centerId: CenterId }).strict();

export const SaveSummaryInput = z
  .object({
    year: Year,
    centerId: CenterId,
    submittedOn: IsoDate,
    indicators: Indicators,
    narrative: Text({ label: '工作总结正文', max: 20000, multiline: true }).default(''),
  })
  .strict();

const AssessmentCriterionInput = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,20}$/, '考核项代码只能用字母、数字、下划线，不超过20位')
      .optional(),
    title: Text({ label: '考核项名称', min: 2, max: 40 }),
    max: z.number().positive('满分应大于0').max(100, '单项满分不超过100'),
    step: z.number().positive().default(0.5),
    description: Text({ label: '考核说明', max: 500, multiline: true }).default(''),
  })
  .strict();

export const SaveAssessmentTemplateInput = z
  .object({
    year: Year,
    criteria: z.array(AssessmentCriterionInput).min(1, '至少需要一个考核项').max(30, '考核项不超过30个'),
    bands: GradeBands,
    /** Required when the current version is frozen: a new version is made. */
    reason: Reason.optional(),
  })
  .strict();

export const SaveAssessmentInput = z
  .object({
    year: Year,
    centerId: CenterId,
    scores: z.record(z.string(), z.number({ error: '请填写分数' })),
    comments: Text({ label: '考核意见', max: 2000, multiline: true }).default(''),
    assessedOn: IsoDate,
    assessors: z
      .array(Text({ label: '考核人员姓名', min: 1, max: 20 }))
      .max(20, '考核人员不超过20人')
      .default([]),
    /** Required once the year's result notice is issued (NEEDS_REASON otherwise). */
    reason: Reason.optional(),
  })
  .strict();

export const NoticeInput = z
  .object({
    year: Year,
    issuedOn: IsoDate.optional(),
    /** Issue the first print although submitted summaries are unassessed (the list is recorded with the notice). */
    acknowledgeUnassessed: z.boolean().optional(),
    /** The 发文字号 the confirmation showed (`assessments.previewNotice`). */
    expectedDocNumber: ExpectedDocNumber.optional(),
    /** PDF (default) or OFD; the OFD of a numbered notice is a reprint (no new 发文字号). */
    fileType: ExportFileType,
  })
  .strict();

/** What the first print of a year's 中期考核结果通知 will do: its number, the centers listed and those left out. */
export const AssessmentNoticePreview = NumberPreview.extend({
  listed: z.array(z.object({ centerId: z.string(), centerName: z.string(), grade: Grade })),
  /** Submitted summaries not yet assessed (not in the notice; issuing acknowledges them). */
  unassessed: z.array(z.object({ centerId: z.string(), centerName: z.string() })),
});
export type AssessmentNoticePreview = z.infer<typeof AssessmentNoticePreview>;

export const DecideReviewInput = z
  .object({
    centerId: CenterId,
    outcome: ReviewOutcome,
    decidedOn: IsoDate,
    opinion: Opinion,
    rectifyDeadline: IsoDate.optional(),
  })
  .strict();

export const centersAnnualContract = {
  'summaries.year': method({ input: ByYear, output: SummaryYearView, writes: false, summary: '年度工作总结提交情况' }),
  'summaries.get': method({ input: ByCenterYear, output: AnnualSummary.nullable(), writes: false, summary: '读取年度工作总结' }),
  'summaries.save': method({
    input: SaveSummaryInput,
    output: AnnualSummary,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [i.year],
    summary: '登记年度工作总结',
  }),
  'summaries.attachFile': method({
    input: z
      .object({
        year: Year,
        centerId: CenterId,
        uploadId: UploadId,
        fileName: Text({ label: '文件名', min: 1, max: 200, printed: false }).optional(),
      })
      .strict(),
    output: AnnualSummary,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [i.year],
    summary: '上传年度工作总结附件',
  }),
  'summaries.removeFile': method({
    input: z.object({ year: Year, centerId: CenterId, sha256: Sha256 }).strict(),
    output: AnnualSummary,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [i.year],
    summary: '删除年度工作总结附件',
  }),
  'summaries.exportRoster': method({ input: ByYear, output: ExportedFile, writes: false, summary: '导出年度工作总结汇总表（Excel）' }),

  'assessments.template': method({ input: ByYear, output: AssessmentTemplateView, writes: false, summary: '读取中期考核表' }),
  'assessments.saveTemplate': method({
    input: SaveAssessmentTemplateInput,
    output: AssessmentTemplateView,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [i.year],
    summary: '修改中期考核表',
  }),
  'assessments.save': method({
    input: SaveAssessmentInput,
    output: MidtermAssessment,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [i.year],
    summary: '登记中期考核结果',
  }),
  'assessments.noticePdf': method({
    input: NoticeInput,
    output: ExportedFile,
    writes: true,
    yearLock: 'print',
    summary: '生成中期考核结果通知（PDF 或 OFD）',
  }),
  'assessments.previewNotice': method({
    input: z.object({ year: Year, issuedOn: IsoDate.optional() }).strict(),
    output: AssessmentNoticePreview,
    writes: false,
    summary: '中期考核结果通知将取用的发文字号与名单（不取号）',
  }),
  'assessments.exportRoster': method({ input: ByYear, output: ExportedFile, writes: false, summary: '导出中期考核汇总表（Excel）' }),

  'triennial.due': method({
    input: z.object({ horizonDays: z.number().int().min(0).max(3650).default(90) }).strict(),
    output: z.array(ReviewDue),
    writes: false,
    summary: '待复核中心',
  }),
  'triennial.decide': method({
    input: DecideReviewInput,
    output: z.object({ review: TriennialReview, center: Center }),
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfDate(i.decidedOn)],
    summary: '作出复核结论',
  }),
  'triennial.preview': method({
    input: DecideReviewInput,
    output: z.object({ review: TriennialReview, center: Center }),
    writes: false,
    summary: '复核结论的后果（不保存）',
  }),
  'triennial.list': method({
    input: z.object({ centerId: CenterId.optional(), year: Year.optional() }).strict(),
    output: z.array(TriennialReview),
    writes: false,
    summary: '复核记录',
  }),
  'triennial.previewDecision': method({
    input: z.object({ reviewId: ReviewId, issuedOn: IsoDate.optional() }).strict(),
    output: NumberPreview,
    writes: false,
    summary: '复核决定将取用的发文字号（不取号）',
  }),
  'triennial.decisionPdf': method({
    input: z
      .object({
        reviewId: ReviewId,
        issuedOn: IsoDate.optional(),
        expectedDocNumber: ExpectedDocNumber.optional(),
        /** PDF (default) or OFD; the OFD of a numbered decision is a reprint (no new 发文字号). */
        fileType: ExportFileType,
      })
      .strict(),
    output: ExportedFile,
    writes: true,
    yearLock: 'print',
    summary: '生成复核决定（PDF 或 OFD）',
  }),
  'centers.history': method({
    input: z.object({ centerId: CenterId }).strict(),
    output: CenterHistory,
    writes: false,
    summary: '中心全部记录（总结、考核、复核）',
  }),
};
