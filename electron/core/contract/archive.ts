/**
 * 年度档案: sealing a year into one archive zip, verifying it.
 *
 * Archive zip layout (paths in Chinese, `/` separators, UTF-8 names):
 *   manifest.json                       format `ipc-desk-archive`, version 1, year, sealedAt, sealedBy,
 *                                       appVersion, files: [{ path, sha256, size, kind }] (every other entry)
 *   说明.txt                            what the archive holds, how to verify it
 *   00-档案目录.xlsx / .json / .csv       the catalogue (档号, 保管期限, 题名, 责任者, 文号, 日期, 页数, format, size,
 *                                       SHA-256, SM3 of every item) to print and file, and its machine-readable twins
 *   00-四性检测报告.pdf / .json           the 四性检测 made at seal (真实性, 完整性, 可用性, 安全性)
 *   数据/…json                          the year's records as stored (batches, applications, review, designation,
 *                                       centers, summaries, assessments, re-reviews), canonical JSON
 *   01-申报批次/ 02-申报与形式审查/ 03-专家评审/ 04-公示与认定/ 05-中心管理/ …   PDFs and xlsx
 *   附件/<申报或中心>/…                  every attachment of the year's applications and summaries
 * A year is sealed while its newest seal record has state `sealed`; writes that touch a sealed year are
 * refused with YEAR_SEALED until it is unsealed with a reason (logged).
 * The whole-folder backup file is in backup-file.ts.
 */
import { z } from 'zod';
import { method, IsoDate, IsoTime, NoInput } from './define.js';
import { Text } from './text.js';
import { ExportedFile, VoidRecord } from './common.js';
import { yearOfDate, yearOfDocNumber, yearOfRef } from './years.js';
import { Year } from './batches.js';
import { FOUR_CHECKS } from './archive-labels.js';

const TaskId = z.string().min(1).max(300);
const LocalPath = z.string().trim().min(1, '请填写文件或文件夹路径').max(1000, '路径过长');
const Reason = Text({ label: '理由', min: 2, max: 500, multiline: true });

export const ManifestFile = z.object({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  kind: z.string().optional(),
  /** SM3 (GB/T 32905-2016) of the file, hex; archives sealed before SM3 was added have none. */
  sm3: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

export const ArchiveManifest = z.object({
  format: z.literal('ipc-desk-archive'),
  version: z.literal(1),
  year: z.number().int(),
  /** Seal version of this year (1, 2, … after unseal and re-seal). */
  sealVersion: z.number().int().positive(),
  sealedAt: IsoTime,
  sealedBy: z.string(),
  bureauName: z.string(),
  appVersion: z.string(),
  files: z.array(ManifestFile),
});
export type ArchiveManifest = z.infer<typeof ArchiveManifest>;

/** One finding of the 四性检测 (DA/T 70-2018): which check, which archive entry ('' for the archive as a whole), what. */
export const FourChecksProblem = z.object({ check: z.enum(FOUR_CHECKS), path: z.string(), message: z.string() });
export type FourChecksProblem = z.infer<typeof FourChecksProblem>;

/** The 四性检测 report (00-四性检测报告.json in the archive; the verifier makes a fresh one). */
export const FourChecksReport = z.object({
  format: z.literal('ipc-desk-four-checks'),
  version: z.literal(1),
  stage: z.enum(['seal', 'verify']),
  checkedAt: IsoTime,
  year: z.number().int(),
  sealVersion: z.number().int().positive(),
  /** Items checked (every archive entry except the report itself, the catalogue and manifest.json). */
  items: z.number().int().nonnegative(),
  /** Documents and attachments the year's records call for, and those in the archive (完整性). */
  counts: z.object({
    plannedDocuments: z.number().int().nonnegative(),
    documents: z.number().int().nonnegative(),
    plannedAttachments: z.number().int().nonnegative(),
    attachments: z.number().int().nonnegative(),
  }),
  ok: z.boolean(),
  checks: z.array(
    z.object({
      check: z.enum(FOUR_CHECKS),
      ok: z.boolean(),
      /** What was checked, in Chinese (one line each). */
      criteria: z.array(z.string()),
      problems: z.array(FourChecksProblem),
    }),
  ),
  /** One Chinese sentence. */
  summary: z.string(),
});
export type FourChecksReport = z.infer<typeof FourChecksReport>;

/** What the seal record keeps of its 四性检测 (shown on the year card). */
export const FourChecksSummary = z.object({ ok: z.boolean(), summary: z.string(), problems: z.array(FourChecksProblem) });
export type FourChecksSummary = z.infer<typeof FourChecksSummary>;

/** One seal of a year (kept forever; the newest decides whether the year is sealed). */
export const YearSeal = z.object({
  year: z.number().int(),
  version: z.number().int().positive(),
  state: z.enum(['sealed', 'unsealed']),
  sealedAt: IsoTime,
  sealedBy: z.string(),
  /** The archive written (under exports/). */
  file: ExportedFile,
  manifestSha256: z.string(),
  fileCount: z.number().int().nonnegative(),
  /** Total bytes of the files listed in the manifest. */
  contentBytes: z.number().int().nonnegative(),
  /** Open items acknowledged when sealing (e.g. centers without a summary). */
  acknowledged: z.array(z.string()).default([]),
  /** What went into the archive other than planned (a document that could not be generated, an attachment whose content no longer matches its hash), in Chinese. */
  warnings: z.array(z.string()).default([]),
  /** The 四性检测 at seal (archives sealed before it was added have none). */
  fourChecks: FourChecksSummary.optional(),
  unsealed: z.object({ at: IsoTime, by: z.string(), reason: z.string() }).optional(),
});
export type YearSeal = z.infer<typeof YearSeal>;

/** The fixed part `archives`. */
export const ArchivesPart = z.object({ seals: z.array(YearSeal).default([]) });
export type ArchivesPart = z.infer<typeof ArchivesPart>;

export const ArchiveYearStatus = z.object({
  year: z.number().int(),
  sealed: z.boolean(),
  seals: z.array(YearSeal),
  counts: z.object({
    batches: z.number().int(),
    applications: z.number().int(),
    centersDesignated: z.number().int(),
    summaries: z.number().int(),
    assessments: z.number().int(),
    reviews: z.number().int(),
    attachments: z.number().int(),
  }),
  /** Unfinished work of the year, in Chinese (sealing asks to acknowledge them). */
  openItems: z.array(z.string()),
});
export type ArchiveYearStatus = z.infer<typeof ArchiveYearStatus>;

export const VerifyProblem = z.object({
  /** The entry path inside the zip ('' for the zip as a whole). */
  path: z.string(),
  kind: z.enum(['missing', 'extra', 'hash', 'size', 'unreadable', 'manifest', 'seal']),
  message: z.string(),
});
export type VerifyProblem = z.infer<typeof VerifyProblem>;

export const VerifyReport = z.object({
  file: z.string(),
  ok: z.boolean(),
  /** Files checked against the manifest. */
  checked: z.number().int(),
  bytes: z.number().int(),
  year: z.number().int().nullable(),
  sealVersion: z.number().int().nullable(),
  sealedAt: z.string().nullable(),
  problems: z.array(VerifyProblem),
  /** One Chinese sentence: 档案完好 / 发现N处问题… */
  summary: z.string(),
  /** The verifier's own 四性检测 (null: the archive could not be read far enough). */
  fourChecks: FourChecksReport.nullable().default(null),
  /** Whether it names the same problems as the report made at seal (null: the archive holds no such report). */
  fourChecksMatchSeal: z.boolean().nullable().default(null),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

// ───────────────────────────── 发文登记 (register of numbered documents) and 作废 ─────────────────────────────

/** Where a numbered document's number is kept (one record per document). */
export const DocumentRef = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('formalReviewNotice'),
    applicationId: z.string().regex(/^\d{4}-\d+-\d+$/, '申报编号无效，请刷新后重试'),
    round: z.number().int().positive(),
  }),
  z.object({ kind: z.literal('designationNotice'), batchId: z.string().regex(/^\d{4}-\d+$/, '批次编号无效，请刷新后重试') }),
  z.object({ kind: z.literal('assessmentNotice'), year: Year }),
  z.object({ kind: z.literal('reviewDecision'), reviewId: z.string().regex(/^C\d+-R\d+$/, '复核编号无效，请刷新后重试') }),
]);
export type DocumentRef = z.infer<typeof DocumentRef>;

/** One numbered document as the register lists it. */
export const IssuedDocumentRow = z.object({
  ref: DocumentRef,
  /** The year whose archive holds it. */
  year: z.number().int(),
  docNumber: z.string(),
  /** 受理通知书 / 认定通知 / … */
  typeLabel: z.string(),
  /** What it concerns: the unit, the batch, the center. */
  subject: z.string(),
  issuedOn: IsoDate,
  voided: VoidRecord.optional(),
  /** What voiding it leaves unchanged (domain/voiding.ts). */
  voidConsequence: z.string(),
});
export type IssuedDocumentRow = z.infer<typeof IssuedDocumentRow>;

const DocNumber = z
  .string()
  .trim()
  .regex(/^[^\s〔〕]{1,40}〔\d{4}〕\d{1,6}号$/, '文号格式无效，请刷新后重试');

export const VoidDocumentInput = z
  .object({
    ref: DocumentRef,
    /** The number the clerk saw (must match the record: guards against voiding another document). */
    docNumber: DocNumber,
    reason: Text({ label: '作废理由', min: 2, max: 200, multiline: true, minMessage: '请填写作废理由（至少2个字）' }),
  })
  .strict();

/** The archive year a reference names, where the reference itself says (a review's lives in the stored record). */
function yearOfDocumentRef(ref: DocumentRef): number | null {
  switch (ref.kind) {
    case 'formalReviewNotice':
      return yearOfRef(ref.applicationId);
    case 'designationNotice':
      return yearOfRef(ref.batchId);
    case 'assessmentNotice':
      return yearOfDate(`${ref.year}-01-01`);
    case 'reviewDecision':
      return null;
  }
}

export const archiveContract = {
  'archive.issuedDocuments': method({
    input: z.object({ year: Year.optional() }).strict(),
    output: z.array(IssuedDocumentRow),
    writes: false,
    summary: '发文登记（已编号的文书及作废情况）',
  }),
  'archive.voidDocument': method({
    input: VoidDocumentInput,
    output: IssuedDocumentRow,
    writes: true,
    // The record's year and the number's year; a review's record year is checked again by the handler.
    yearLock: 'byInput',
    years: (i) => [yearOfDocumentRef(i.ref), yearOfDocNumber(i.docNumber)],
    summary: '作废已编号的文书（文号不再使用）',
  }),
  'archive.years': method({ input: NoInput, output: z.array(ArchiveYearStatus), writes: false, summary: '年度档案（各年度封存情况）' }),
  'archive.sealedYears': method({ input: NoInput, output: z.array(z.number().int()), writes: false, summary: '已封存（只读）的年度' }),
  'archive.seal': method({
    input: z.object({ year: Year, taskId: TaskId, acknowledgeOpenItems: z.boolean().default(false) }).strict(),
    output: YearSeal,
    writes: true,
    yearLock: 'none',
    summary: '封存年度档案',
  }),
  'archive.unseal': method({
    input: z.object({ year: Year, reason: Reason }).strict(),
    output: YearSeal,
    writes: true,
    yearLock: 'none',
    summary: '解除年度封存',
  }),
  'archive.verify': method({
    input: z
      .object({ year: Year.optional(), path: LocalPath.optional(), taskId: TaskId.optional() })
      .strict()
      .refine((v) => (v.year === undefined) !== (v.path === undefined), '请选择要校验的年度档案，或填写档案文件路径'),
    output: VerifyReport,
    writes: false,
    summary: '校验年度档案',
  }),
};
