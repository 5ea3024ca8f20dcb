/** 评分表、评审分配、评分与汇总 (expert review, secretariat side): entities and the scoring.* methods. */
import { z } from 'zod';
import { method, IsoDate, IsoTime } from '../define.js';
import { Text } from '../text.js';
import { IssuedPackageRecord } from './packages.js';
import { yearOfRef } from '../years.js';
import { CONFLICT_REASONS } from '../expert-review-labels.js';

export { RECOMMENDATION_LABELS, ASSIGNMENT_STATUS_LABELS, CONFLICT_REASON_LABELS } from '../expert-review-labels.js';

const BatchId = z
  .string()
  .trim()
  .regex(/^\d{4}-\d+$/, '批次编号格式应为“年度-序号”，如 2026-1');
const AssignmentId = z
  .string()
  .trim()
  .regex(/^\d{4}-\d+-A\d+$/, '评审分配编号无效，请刷新后重试');
/** Optional at the schema level so a missing reason is answered with NEEDS_REASON and a sentence. */
const Reason = Text({ label: '理由', max: 200, multiline: true });
const Comment = Text({ label: '评语', max: 2000, multiline: true });

/** 评分项 */
export const Criterion = z.object({
  key: z.string(),
  title: z.string(),
  max: z.number(),
  step: z.number(),
  description: z.string().default(''),
});
export type Criterion = z.infer<typeof Criterion>;

/** 评分表 (one version) */
export const ScoringTemplate = z.object({
  version: z.number().int().positive(),
  criteria: z.array(Criterion),
  passLine: z.number(),
  quorum: z.number().int().positive(),
  /** Why this version replaced a frozen one. */
  reason: z.string().optional(),
  createdAt: IsoTime,
  createdBy: z.string(),
});
export type ScoringTemplate = z.infer<typeof ScoringTemplate>;

export const Recommendation = z.enum(['recommend', 'notRecommend']);
export type Recommendation = z.infer<typeof Recommendation>;

export const AssignmentStatus = z.enum(['active', 'conflict', 'recused']);
export type AssignmentStatus = z.infer<typeof AssignmentStatus>;

/** The kind of a conflict of interest (labels in expert-review-labels.ts). */
export const ConflictReason = z.enum(CONFLICT_REASONS);
export type ConflictReason = z.infer<typeof ConflictReason>;

const Note = z.object({ reason: z.string(), at: IsoTime, by: z.string() });

/** 评审分配: expert × application, with the conflict check result. */
export const Assignment = z.object({
  id: z.string(),
  applicationId: z.string(),
  expertId: z.string(),
  status: AssignmentStatus,
  /** The conflicts found, as Chinese sentences (documents, messages, the audit log). */
  conflictReasons: z.array(z.string()),
  /** The kind of each conflict, index by index with conflictReasons (the screen words it from the code). Absent in data written before codes: []. */
  conflictCodes: z.array(ConflictReason).default([]),
  override: Note.optional(),
  recusal: Note.optional(),
  createdAt: IsoTime,
});
export type Assignment = z.infer<typeof Assignment>;

export const SheetSource = z.enum(['package', 'secretariat']);
export type SheetSource = z.infer<typeof SheetSource>;

/** 评分 (one version of one expert's sheet for one application; superseded versions are kept). */
export const ScoreSheet = z.object({
  id: z.string(),
  applicationId: z.string(),
  expertId: z.string(),
  templateVersion: z.number().int().positive(),
  /** Version of this expert's sheet for this application (1, 2, …). */
  version: z.number().int().positive(),
  scores: z.record(z.string(), z.number()),
  /** Computed by the domain, never typed. */
  total: z.number(),
  comment: z.string(),
  recommendation: Recommendation,
  signedOn: IsoDate.optional(),
  enteredBy: SheetSource,
  recordedAt: IsoTime,
  recordedBy: z.string(),
  /** Id of the newer sheet that replaced this one. */
  supersededBy: z.string().optional(),
});
export type ScoreSheet = z.infer<typeof ScoreSheet>;

/** What 代录 answers: the current sheet; `unchanged` when the save matched it and no new version was made. */
export const EnteredSheet = ScoreSheet.extend({ unchanged: z.boolean().optional() });
export type EnteredSheet = z.infer<typeof EnteredSheet>;

/** The keyed part scores-<batchId>. */
export const ReviewPart = z.object({
  templates: z.array(ScoringTemplate).default([]),
  panel: z.object({ expertIds: z.array(z.string()), updatedAt: IsoTime.optional() }).default({ expertIds: [] }),
  assignments: z.array(Assignment).default([]),
  scoreSheets: z.array(ScoreSheet).default([]),
  /** 已发出的评审包 (with their secrets, to check result files). */
  issuedPackages: z.array(IssuedPackageRecord).default([]),
});
export type ReviewPart = z.infer<typeof ReviewPart>;

/** One sheet as entered or carried by a result file (total is never part of the input). */
export const SheetSubmission = z
  .object({
    applicationId: z.string().trim().min(1, '请指定申报'),
    templateVersion: z.number().int().positive(),
    version: z.number().int().positive(),
    scores: z.record(z.string(), z.number()),
    comment: Comment.default(''),
    recommendation: Recommendation,
    signedOn: IsoDate.optional(),
  })
  .strict();
export type SheetSubmission = z.infer<typeof SheetSubmission>;

export const ResultFlag = z.object({
  kind: z.enum(['quorum', 'tie', 'outlier', 'disagreement', 'staleTemplate']),
  expertId: z.string().optional(),
  criterionKey: z.string().optional(),
  message: z.string(),
});
export type ResultFlag = z.infer<typeof ResultFlag>;

/** 评审结果 of one application. */
export const ReviewResult = z.object({
  applicationId: z.string(),
  name: z.string(),
  count: z.number().int(),
  totals: z.array(z.object({ expertId: z.string(), total: z.number() })),
  mean: z.number().nullable(),
  trimmedMean: z.number().nullable(),
  final: z.number().nullable(),
  method: z.enum(['mean', 'trimmedMean', 'none']),
  quorumMet: z.boolean(),
  passed: z.boolean(),
  rank: z.number().int().nullable(),
  flags: z.array(ResultFlag),
});
export type ReviewResult = z.infer<typeof ReviewResult>;

const CriterionInput = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,20}$/, '评分项代码只能用字母、数字、下划线，不超过20位')
      .optional(),
    title: Text({ label: '评分项名称', min: 2, max: 40 }),
    max: z.number(),
    step: z.number().default(0.5),
    description: Text({ label: '评分说明', max: 500, multiline: true }).default(''),
  })
  .strict();

export const SaveTemplateInput = z
  .object({
    batchId: BatchId,
    criteria: z.array(CriterionInput).min(1, '至少需要一个评分项').max(30, '评分项不超过30个'),
    passLine: z.number().min(0, '及格线不能为负数'),
    quorum: z.number().int('最少专家人数应为整数').min(1, '最少专家人数至少为1').max(50, '最少专家人数不超过50').default(3),
    /** Required when the current version is frozen (a score was recorded): a new version is made. */
    reason: Reason.optional(),
  })
  .strict();
export type SaveTemplateInput = z.infer<typeof SaveTemplateInput>;

export const TemplateView = z.object({
  batchId: z.string(),
  current: ScoringTemplate,
  versions: z.array(ScoringTemplate),
  frozen: z.boolean(),
  /** true while the batch still uses the built-in default (nothing saved yet). */
  isDefault: z.boolean(),
  warnings: z.array(z.string()),
});

export const AssignInput = z
  .object({
    batchId: BatchId,
    mode: z.enum(['all', 'balanced']),
    perApplication: z.number().int('每个申报的专家人数应为整数').min(1, '每个申报至少1位专家').max(50, '每个申报不超过50位专家').optional(),
  })
  .strict();

export const AssignReport = z.object({
  created: z.number().int(),
  conflicts: z.array(
    z.object({
      assignmentId: z.string(),
      applicationId: z.string(),
      expertId: z.string(),
      reasons: z.array(z.string()),
      codes: z.array(ConflictReason),
    }),
  ),
  shortfalls: z.array(z.object({ applicationId: z.string(), needed: z.number().int(), assigned: z.number().int() })),
  assignments: z.array(Assignment),
  message: z.string(),
});

export const EnterSheetInput = z
  .object({
    applicationId: z
      .string()
      .trim()
      .regex(/^\d{4}-\d+-\d+$/, '申报编号无效，请刷新后重试'),
    expertId: z.string().trim().min(1, '请指定专家'),
    scores: z.record(z.string(), z.number()),
    comment: Comment.default(''),
    recommendation: Recommendation,
    signedOn: IsoDate.optional(),
  })
  .strict();

export const ReviewOverview = z.object({
  batchId: z.string(),
  panel: z.array(z.string()),
  assignments: z.array(Assignment),
  /** Current (not superseded) sheets. */
  sheets: z.array(ScoreSheet),
});

export const ResultsView = z.object({
  batchId: z.string(),
  templateVersion: z.number().int(),
  passLine: z.number(),
  quorum: z.number().int(),
  methodText: z.string(),
  rows: z.array(ReviewResult),
});
export type ResultsView = z.infer<typeof ResultsView>;

export const LeniencyRow = z.object({
  expertId: z.string(),
  name: z.string(),
  applications: z.number().int(),
  expertMean: z.number(),
  panelMean: z.number(),
  delta: z.number(),
});
export type LeniencyRow = z.infer<typeof LeniencyRow>;

const ByBatch = z.object({ batchId: BatchId }).strict();
const AssignmentAction = z.object({ assignmentId: AssignmentId, reason: Reason.optional() }).strict();

export const scoringContract = {
  'scoring.getTemplate': method({ input: ByBatch, output: TemplateView, writes: false, summary: '读取评分表' }),
  'scoring.saveTemplate': method({
    input: SaveTemplateInput,
    output: TemplateView,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.batchId)],
    summary: '保存评分表',
  }),
  'scoring.setPanel': method({
    input: z.object({ batchId: BatchId, expertIds: z.array(z.string().trim().min(1)).max(200, '评审专家不超过200位') }).strict(),
    output: ReviewOverview,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.batchId)],
    summary: '设定评审专家组',
  }),
  'scoring.overview': method({ input: ByBatch, output: ReviewOverview, writes: false, summary: '读取评审分配与评分' }),
  'scoring.assign': method({
    input: AssignInput,
    output: AssignReport,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.batchId)],
    summary: '分配评审任务',
  }),
  'scoring.overrideConflict': method({
    input: AssignmentAction,
    output: Assignment,
    writes: true,
    yearLock: 'byPart',
    summary: '利益冲突例外分配',
  }),
  'scoring.recuse': method({ input: AssignmentAction, output: Assignment, writes: true, yearLock: 'byPart', summary: '专家回避' }),
  'scoring.enterSheet': method({
    input: EnterSheetInput,
    output: EnteredSheet,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.applicationId)],
    summary: '代录评分表',
  }),
  'scoring.results': method({ input: ByBatch, output: ResultsView, writes: false, summary: '评审结果汇总与排名' }),
  'scoring.leniency': method({ input: ByBatch, output: z.array(LeniencyRow), writes: false, summary: '专家评分宽严对比' }),
};
