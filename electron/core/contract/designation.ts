/**
 * 公示、认定、授牌与中心名录 (publicity, designation, certificates/plaques, the center registry) and the
 * editable working-day calendar (节假日安排).
 *
 * Conventions (also stated in the records so documents can print them):
 * - A 公示 period counts its start day as day 1 when that day is a working day (2026-09-28 + 5 working
 *   days → 2026-10-09: 9/28, 9/29, 9/30, 10/8, 10/9).
 * - A center's validity is three years: validUntil = designatedOn + 3 years − 1 day.
 * - Certificate numbers come from one never-reused series per prefix: `${certNumberPrefix}-${year}-${NNN}`.
 */
import { z } from 'zod';
import { method, IsoDate, IsoTime, NoInput } from './define.js';
import { Text } from './text.js';
import { ExpectedDocNumber, ExportedFile, ExportFileType, VoidRecord } from './common.js';
import { Year } from './batches.js';
import { HolidayTableSchema, HolidaySourceInput } from './settings.js';
import { yearOfRef } from './years.js';

export { OBJECTION_KIND_LABELS, OBJECTION_OUTCOME_LABELS, OBJECTION_STATUS_LABELS, CENTER_STATUS_LABELS } from './designation-labels.js';

const BatchId = z
  .string()
  .trim()
  .regex(/^\d{4}-\d+$/, '批次编号格式应为“年度-序号”，如 2026-1');
const ApplicationId = z
  .string()
  .trim()
  .regex(/^\d{4}-\d+-\d+$/, '申报编号无效，请刷新后重试');
const ObjectionId = z
  .string()
  .trim()
  .regex(/^\d{4}-\d+-O\d+$/, '异议编号无效，请刷新后重试');
const Reason = Text({ label: '理由', min: 2, max: 500, multiline: true });

// ───────────────────────────── 节假日安排 (working-day calendar) ─────────────────────────────

export { HolidayTableSchema };

/** A year's table in force: `shipped` with the app, or `override` (edited by the bureau in 设置). */
export const CalendarYear = HolidayTableSchema.extend({
  origin: z.enum(['shipped', 'override']),
  /** When an override replaces a shipped table, the shipped table's source (for comparison). */
  shippedSource: z.string().optional(),
  /** Working days in the year under this table. */
  workingDays: z.number().int(),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

export const CalendarView = z.object({
  years: z.array(CalendarYear),
  /** The counting conventions, in Chinese, for display next to the table. */
  conventions: z.array(z.string()),
});
export type CalendarView = z.infer<typeof CalendarView>;

// ───────────────────────────── 公示 (publicity) and 异议 (objections) ─────────────────────────────

export const Publicity = z.object({
  batchId: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  workingDays: z.number().int().positive(),
  /** How the period is counted, printed with both dates (e.g. “自2026年9月28日起（当日计入）…”). */
  convention: z.string(),
  /** Applications on the list as published (in rank order). */
  applicationIds: z.array(z.string()),
  /** Applications withdrawn from the list because an objection was upheld. */
  withdrawn: z.array(z.object({ applicationId: z.string(), objectionId: z.string(), at: IsoTime })),
  calendarWarning: z.string().optional(),
  /** 联系人 printed on the 公示 notice. */
  contact: z.object({ name: z.string(), phone: z.string() }).optional(),
  /** Why the publicity starts before the day it was started (required then; absent otherwise). */
  backdateReason: z.string().optional(),
  /** 文书模板 version of the 公示 notice, fixed when the publicity starts (absent: version 1). */
  templateVersion: z.number().int().positive().optional(),
  /** Source of the holiday table(s) the dates were computed with. */
  calendarSources: z.array(z.string()),
  createdAt: IsoTime,
  createdBy: z.string(),
});
export type Publicity = z.infer<typeof Publicity>;

/** 撤回公示: who withdrew it, when (stored as an instant, shown in bureau time) and why. */
export const PublicityWithdrawal = z.object({ at: IsoTime, by: z.string(), reason: z.string() });
export type PublicityWithdrawal = z.infer<typeof PublicityWithdrawal>;

export const ObjectionKind = z.enum(['unit', 'person']);
export type ObjectionKind = z.infer<typeof ObjectionKind>;

export const ObjectionOutcome = z.enum(['upheld', 'dismissed']);
export type ObjectionOutcome = z.infer<typeof ObjectionOutcome>;

/** Derived: notAccepted (anonymous or late), open (accepted, not yet resolved), upheld, dismissed. */
export const ObjectionStatus = z.enum(['notAccepted', 'open', 'upheld', 'dismissed']);
export type ObjectionStatus = z.infer<typeof ObjectionStatus>;

export const Objection = z.object({
  id: z.string(), // `${batchId}-O${n}`
  batchId: z.string(),
  applicationId: z.string(),
  receivedOn: IsoDate,
  from: z.string(),
  kind: ObjectionKind,
  /** 单位盖章 / 本人签名 given. */
  identityProof: z.boolean(),
  content: z.string(),
  accepted: z.boolean(),
  /** Why it was not accepted (anonymous, late). */
  notAcceptedReason: z.string().optional(),
  status: ObjectionStatus,
  resolution: z.object({ outcome: ObjectionOutcome, reason: z.string(), at: IsoTime, by: z.string() }).optional(),
  recordedAt: IsoTime,
  recordedBy: z.string(),
});
export type Objection = z.infer<typeof Objection>;

// ───────────────────────────── 认定 (decision) and 中心 (centers) ─────────────────────────────

export const Decision = z.object({
  batchId: z.string(),
  /** 榕市监知〔2026〕3号 */
  docNumber: z.string(),
  year: z.number().int(),
  sequence: z.number().int().positive(),
  decidedOn: IsoDate,
  applicationIds: z.array(z.string()),
  centerIds: z.array(z.string()),
  createdAt: IsoTime,
  createdBy: z.string(),
  /** 文书模板 version of the 认定通知 (reprints use it; absent: version 1). */
  templateVersion: z.number().int().positive().optional(),
  /** 作废 of the 认定通知 (archive.voidDocument): the designation itself stands. */
  voided: VoidRecord.optional(),
});
export type Decision = z.infer<typeof Decision>;

/** The keyed part designation-<batchId>. */
export const DesignationPart = z.object({
  publicity: Publicity.optional(),
  objections: z.array(Objection).default([]),
  decision: Decision.optional(),
  /** Withdrawn publicities (撤回公示), oldest first, each with the objections recorded during it; kept forever. */
  publicityHistory: z
    .array(z.object({ publicity: Publicity, objections: z.array(Objection), withdrawal: PublicityWithdrawal }))
    .default([]),
});
export type DesignationPart = z.infer<typeof DesignationPart>;

export const CenterStatus = z.enum(['active', 'rectifying', 'revoked']);
export type CenterStatus = z.infer<typeof CenterStatus>;

/** 共建协议 */
export const CoConstructionAgreement = z.object({
  parties: z.array(z.string()),
  signedOn: IsoDate,
  recordedAt: IsoTime,
  recordedBy: z.string(),
});
export type CoConstructionAgreement = z.infer<typeof CoConstructionAgreement>;

/** 牌匾: the exact inscription the plaque maker receives. */
export const Plaque = z.object({
  /** Same number as the certificate. */
  number: z.string(),
  /** Main line: the center's name. */
  inscription: z.string(),
  /** Authority line under it, e.g. 福州市市场监督管理局（福州市知识产权局）. */
  authority: z.string(),
  /** Date line, e.g. 二〇二六年十月 (as printed). */
  dateLine: z.string(),
});
export type Plaque = z.infer<typeof Plaque>;

/** 中心 */
export const Center = z.object({
  id: z.string(), // C1, C2, …
  name: z.string(),
  hostUnit: z.string(),
  hostUscc: z.string().optional(),
  industry: z.string(),
  district: z.string(),
  batchId: z.string(),
  applicationId: z.string(),
  decisionDocNumber: z.string(),
  designatedOn: IsoDate,
  certificateNumber: z.string(),
  /** 文书模板 “证书” version the certificate was issued with (every reprint uses it; absent: version 1). */
  certificateTemplateVersion: z.number().int().positive().optional(),
  validUntil: IsoDate,
  status: CenterStatus,
  plaque: Plaque,
  agreement: CoConstructionAgreement.optional(),
  createdAt: IsoTime,
  /** Next 三年复核 due date (absent on centers designated before issue 6: designatedOn + 3 years). */
  nextReviewDue: IsoDate.optional(),
  /** 整改期限 while `rectifying`. */
  rectifyDeadline: IsoDate.optional(),
  /** The certificate's validity ended early (revoked) on this date. */
  certificateEndedOn: IsoDate.optional(),
  /**
   * Written at 撤销 by versions before issue 13 (on = the decision date). It never meant the plaque was back:
   * it is read as the return deadline when `plaqueReturn` is absent (domain/center-lifecycle.ts plaqueReturnOf).
   */
  plaqueWithdrawn: z.object({ on: IsoDate, reviewId: z.string() }).optional(),
  /** 牌匾收回: the deadline set at 撤销 and, once recorded (牌匾收回登记), the actual return. */
  plaqueReturn: z
    .object({
      dueOn: IsoDate,
      reviewId: z.string(),
      returnedOn: IsoDate.optional(),
      note: z.string().optional(),
      recordedAt: IsoTime.optional(),
      recordedBy: z.string().optional(),
    })
    .optional(),
  /** Every status change, oldest first (kept forever). */
  statusHistory: z
    .array(
      z.object({ on: IsoDate, at: IsoTime, from: CenterStatus, to: CenterStatus, reason: z.string(), ref: z.string(), by: z.string() }),
    )
    .default([]),
});
export type Center = z.infer<typeof Center>;

/** The fixed part `centers`. */
export const CentersPart = z.object({ centers: z.array(Center) });
export type CentersPart = z.infer<typeof CentersPart>;

/** One row of the publicity list as shown (and printed as the notice's attachment). */
export const PublicityEntry = z.object({
  applicationId: z.string(),
  applicantName: z.string(),
  proposedCenterName: z.string(),
  industry: z.string(),
  district: z.string(),
  rank: z.number().int().nullable(),
  final: z.number().nullable(),
  withdrawn: z.boolean(),
});
export type PublicityEntry = z.infer<typeof PublicityEntry>;

/** Everything about one batch's publicity, objections and decision. */
export const DesignationView = z.object({
  batchId: z.string(),
  publicity: Publicity.nullable(),
  entries: z.array(PublicityEntry),
  objections: z.array(Objection),
  decision: Decision.nullable(),
  /** Withdrawn publicities of the batch (撤回公示), oldest first. */
  withdrawnPublicities: z.array(
    z.object({
      startsOn: IsoDate,
      endsOn: IsoDate,
      listed: z.number().int(),
      objections: z.number().int(),
      withdrawal: PublicityWithdrawal,
    }),
  ),
  /** Why designation cannot happen yet (today), in Chinese; empty when it can. */
  blockers: z.array(z.string()),
});
export type DesignationView = z.infer<typeof DesignationView>;

// ───────────────────────────── inputs ─────────────────────────────

const ByBatch = z.object({ batchId: BatchId }).strict();
const Contact = z
  .object({
    name: Text({ label: '联系人', min: 1, max: 20 }),
    phone: Text({ label: '联系电话', min: 5, max: 40, minMessage: '请填写联系电话' }),
  })
  .strict();

export const SaveCalendarYearInput = z
  .object({
    year: Year,
    offDays: z.array(IsoDate).max(60, '放假日期不超过60天'),
    makeUpWorkDays: z.array(IsoDate).max(20, '调休上班日期不超过20天'),
    source: HolidaySourceInput,
  })
  .strict();

export const CreatePublicityInput = z
  .object({
    batchId: BatchId,
    startsOn: IsoDate,
    workingDays: z.number().int('公示期应为整数个工作日').min(1, '公示期至少1个工作日').max(30, '公示期不超过30个工作日').default(5),
    /** Absent: the applications that passed (scoring.results `passed`), in rank order. */
    applicationIds: z.array(ApplicationId).min(1, '公示名单至少一项').max(200, '公示名单不超过200项').optional(),
    /** 联系人及电话 printed on the notice (can also be given when printing). */
    contact: Contact.optional(),
    /** Required when `startsOn` is before today (bureau time): refused with NEEDS_REASON otherwise; recorded. */
    backdateReason: Text({ label: '开始日期早于今天的理由', min: 2, max: 200, multiline: true }).optional(),
  })
  .strict();

export const PublicityPreviewInput = CreatePublicityInput.omit({ contact: true, backdateReason: true });

/** What 发起公示 would do: the list, both dates by the working-day rule, and whether the start is in the past. */
export const PublicityPreview = z.object({
  entries: z.array(z.object({ applicationId: z.string(), applicantName: z.string(), proposedCenterName: z.string() })),
  startsOn: IsoDate,
  /** The first counted day (startsOn when a working day). */
  firstDay: IsoDate,
  endsOn: IsoDate,
  workingDays: z.number().int(),
  convention: z.string(),
  calendarWarning: z.string().optional(),
  /** Today (bureau time). */
  today: IsoDate,
  /** startsOn is before today: 发起公示 needs `backdateReason`. */
  backdated: z.boolean(),
});
export type PublicityPreview = z.infer<typeof PublicityPreview>;

export const PublicityNoticeInput = z
  .object({
    batchId: BatchId,
    /** Overrides the contact stored with the publicity. */
    contact: Contact.optional(),
    /** 成文日期 (default: the publicity's start date). */
    issuedOn: IsoDate.optional(),
    /** PDF (default) or OFD. */
    fileType: ExportFileType,
  })
  .strict();

export const RecordObjectionInput = z
  .object({
    batchId: BatchId,
    applicationId: ApplicationId,
    receivedOn: IsoDate,
    from: Text({ label: '异议人', max: 60 }).default(''),
    kind: ObjectionKind,
    identityProof: z.boolean(),
    content: Text({ label: '异议内容', min: 2, max: 5000, multiline: true }),
  })
  .strict();

export const ResolveObjectionInput = z.object({ objectionId: ObjectionId, outcome: ObjectionOutcome, reason: Reason }).strict();

export const WithdrawPublicityInput = z.object({ batchId: BatchId, reason: Reason }).strict();

export const CreateDecisionInput = z
  .object({
    batchId: BatchId,
    decidedOn: IsoDate,
    /** The 发文字号 the confirmation showed (`decision.preview`); refused if another would be taken. */
    expectedDocNumber: ExpectedDocNumber.optional(),
  })
  .strict();

/** What 认定发文 would do (nothing taken): the 发文字号, each center with its certificate number, the dates. */
export const DecisionPreview = z.object({
  docNumber: z.string(),
  decidedOn: IsoDate,
  centers: z.array(z.object({ applicationId: z.string(), name: z.string(), hostUnit: z.string(), certificateNumber: z.string() })),
  validUntil: IsoDate,
  firstReviewDue: IsoDate,
});
export type DecisionPreview = z.infer<typeof DecisionPreview>;

export const CreateDecisionOutput = z.object({ decision: Decision, centers: z.array(Center) });

export const designationContract = {
  'calendar.get': method({ input: NoInput, output: CalendarView, writes: false, summary: '读取节假日安排（工作日日历）' }),
  'calendar.saveYear': method({
    input: SaveCalendarYearInput,
    output: CalendarView,
    writes: true,
    yearLock: 'none',
    summary: '保存某年的节假日安排',
  }),

  'publicity.create': method({
    input: CreatePublicityInput,
    output: DesignationView,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.batchId)],
    summary: '发起公示',
  }),
  'publicity.withdraw': method({
    input: WithdrawPublicityInput,
    output: DesignationView,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.batchId)],
    summary: '撤回公示（认定前，须填写理由）',
  }),
  'publicity.preview': method({
    input: PublicityPreviewInput,
    output: PublicityPreview,
    writes: false,
    summary: '发起公示前预览名单与公示期',
  }),
  'publicity.get': method({ input: ByBatch, output: DesignationView, writes: false, summary: '读取公示、异议与认定情况' }),
  'publicity.noticePdf': method({
    input: PublicityNoticeInput,
    output: ExportedFile,
    writes: false,
    summary: '生成公示通知（PDF 或 OFD）',
  }),

  'objections.record': method({
    input: RecordObjectionInput,
    output: Objection,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.batchId), yearOfRef(i.applicationId)],
    summary: '登记公示异议',
  }),
  'objections.resolve': method({
    input: ResolveObjectionInput,
    output: Objection,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.objectionId)],
    summary: '处理公示异议',
  }),

  'decision.create': method({
    input: CreateDecisionInput,
    output: CreateDecisionOutput,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.batchId)],
    summary: '认定发文并建立中心',
  }),
  'decision.preview': method({
    input: CreateDecisionInput.omit({ expectedDocNumber: true }),
    output: DecisionPreview,
    writes: false,
    summary: '认定发文前预览发文字号、证书编号与名单（不取号）',
  }),
  'decision.noticePdf': method({
    input: z.object({ batchId: BatchId, fileType: ExportFileType }).strict(),
    output: ExportedFile,
    writes: false,
    summary: '生成认定通知（PDF 或 OFD）',
  }),
};
