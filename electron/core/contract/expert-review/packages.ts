/**
 * 离线评审包与评分结果（秘书处一侧）: export a review package per expert, print the 评审任务通知单,
 * preview and apply result files; plus the review documents (scoring sheets, 评审汇总表).
 */
import { z } from 'zod';
import { method, IsoDate, IsoTime } from '../define.js';
import { ExportedFile, ExportFileType } from '../common.js';
import { yearOfRef } from '../years.js';

const BatchId = z
  .string()
  .trim()
  .regex(/^\d{4}-\d+$/, '批次编号格式应为“年度-序号”，如 2026-1');
const ExpertId = z.string().trim().min(1, '请指定专家');
const PackageId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '评审包编号无效，请刷新后重试');
const UploadId = z.string().regex(/^[0-9a-f]{32}$/, '上传编号无效，请重新上传文件');
const UploadIds = z.array(UploadId).min(1, '请选择至少一个评分结果文件').max(200, '一次最多导入200个文件');

/** Stored per batch (review part, `issuedPackages`): what was handed out. Holds the secret; never sent whole to the renderer. */
export const IssuedPackageRecord = z.object({
  packageId: z.string(),
  expertId: z.string(),
  batchId: z.string(),
  templateVersion: z.number().int().nonnegative(),
  /** The one-time code (formatted, e.g. K7QM-3XTR-9PWD); printed on the letter. */
  code: z.string(),
  /** Per-package HMAC secret (hex). */
  secret: z.string(),
  issuedAt: IsoTime,
  issuedBy: z.string().default(''),
  applicationIds: z.array(z.string()).default([]),
  /** 文书模板 version of its 评审任务通知单, fixed when the package is issued (absent: version 1). */
  letterTemplateVersion: z.number().int().positive().optional(),
  /** Version of the last result file applied from this package (0 = none yet). */
  lastResultVersion: z.number().int().nonnegative().default(0),
  /** scrypt(code, resultSalt(packageId)) in hex, derived once at issue so each result file decrypts without scrypt. */
  resultKey: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  /** sha256 of the last applied result file (so the same file twice is a no-op). */
  lastResultSha256: z.string().optional(),
  lastResultAt: IsoTime.optional(),
});
export type IssuedPackageRecord = z.infer<typeof IssuedPackageRecord>;

/** What packages.export answers: the file, and the code the secretariat must pass on separately. */
export const PackageExportResult = z.object({
  file: ExportedFile,
  /** One-time code, grouped for reading aloud (e.g. K7QM-3XTR-9PWD). */
  oneTimeCode: z.string(),
  packageId: z.string(),
  applicationCount: z.number().int().nonnegative(),
  materialFileCount: z.number().int().nonnegative(),
});
export type PackageExportResult = z.infer<typeof PackageExportResult>;

/** One issued package as listed for the secretariat (no secret). */
export const IssuedPackageView = z.object({
  packageId: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  batchId: z.string(),
  templateVersion: z.number().int().nonnegative(),
  oneTimeCode: z.string(),
  issuedAt: IsoTime,
  applicationCount: z.number().int().nonnegative(),
  lastResultVersion: z.number().int().nonnegative(),
  lastResultAt: IsoTime.optional(),
  /** false when a newer package was issued to the same expert in this batch (results from it still verify). */
  latest: z.boolean(),
});
export type IssuedPackageView = z.infer<typeof IssuedPackageView>;

export const FieldChange = z.object({ label: z.string(), before: z.string(), after: z.string() });
export type FieldChange = z.infer<typeof FieldChange>;

/** The difference one result file would make for one application. */
export const SheetChange = z.object({
  applicationId: z.string(),
  unitName: z.string(),
  kind: z.enum(['new', 'unchanged', 'changed']),
  changes: z.array(FieldChange),
});
export type SheetChange = z.infer<typeof SheetChange>;

/** One result file checked on its own (a bad file never blocks the good ones). */
export const ResultFilePreview = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  ok: z.boolean(),
  packageId: z.string().optional(),
  expertId: z.string().optional(),
  expertName: z.string().optional(),
  batchId: z.string().optional(),
  /** The file's version (each export from expert mode is one higher). */
  version: z.number().int().optional(),
  /** The version already applied from this package (0 = none). */
  storedVersion: z.number().int().optional(),
  /** true when this very file was applied before (applying it again changes nothing). */
  alreadyApplied: z.boolean().default(false),
  /** Chinese: a summary when ok, the reason (naming the file) when refused. */
  message: z.string(),
  /** Refusal code when not ok, e.g. wrongCode, tampered, foreign, version, badShape, invalidScores. */
  reason: z.string().optional(),
  changes: z.array(SheetChange),
});
export type ResultFilePreview = z.infer<typeof ResultFilePreview>;

export const ResultFileApplied = ResultFilePreview.extend({
  /** true when sheets were recorded by this call. */
  applied: z.boolean(),
  /** Number of sheets newly recorded (0 when unchanged or refused). */
  recorded: z.number().int().nonnegative(),
});
export type ResultFileApplied = z.infer<typeof ResultFileApplied>;

export const ApplyResultsReport = z.object({
  files: z.array(ResultFileApplied),
  applied: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  message: z.string(),
});
export type ApplyResultsReport = z.infer<typeof ApplyResultsReport>;

export const SheetsPdfInput = z
  .object({
    batchId: BatchId,
    /** blank: one sheet per application × panel expert for paper review; filled: the stored current sheets with verification codes. */
    mode: z.enum(['blank', 'filled']),
    /** Only this expert's sheets. */
    expertId: ExpertId.optional(),
  })
  .strict();

const ByBatch = z.object({ batchId: BatchId }).strict();
const ByExpert = z.object({ batchId: BatchId, expertId: ExpertId }).strict();

export const reviewPackagesContract = {
  'packages.export': method({
    input: ByExpert,
    output: PackageExportResult,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.batchId)],
    summary: '导出专家评审包',
  }),
  'packages.list': method({ input: ByBatch, output: z.array(IssuedPackageView), writes: false, summary: '已发出的评审包' }),
  'packages.letter': method({
    input: z
      .object({
        batchId: BatchId,
        expertId: ExpertId,
        packageId: PackageId,
        deadline: IsoDate.optional(),
        /** PDF (default) or OFD. */
        fileType: ExportFileType,
      })
      .strict(),
    output: ExportedFile,
    writes: false,
    summary: '打印评审任务通知单（PDF 或 OFD）',
  }),
  'results.preview': method({
    input: z.object({ uploadIds: UploadIds }).strict(),
    output: z.array(ResultFilePreview),
    writes: false,
    summary: '预览评分结果文件',
  }),
  'results.apply': method({
    input: z.object({ uploadIds: UploadIds }).strict(),
    output: ApplyResultsReport,
    writes: true,
    yearLock: 'byPart',
    summary: '导入评分结果文件',
  }),
  'scoring.sheetsPdf': method({ input: SheetsPdfInput, output: ExportedFile, writes: false, summary: '打印评分表' }),
  'scoring.summaryPdf': method({ input: ByBatch, output: ExportedFile, writes: false, summary: '打印评审汇总表（PDF）' }),
  'scoring.summaryXlsx': method({ input: ByBatch, output: ExportedFile, writes: false, summary: '导出评审汇总表（Excel）' }),
};
