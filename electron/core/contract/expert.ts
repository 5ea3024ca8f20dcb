/**
 * 专家模式 (the expert's own laptop, own data folder): import a review package with the one-time code,
 * score with checks while typing, export a signed result file, wipe. The expert sees only the package.
 */
import { z } from 'zod';
import { method, NoInput, IsoTime } from './define.js';
import { Text } from './text.js';
import { ExportedFile } from './common.js';
import { ScoringTemplate, Recommendation } from './expert-review/scoring.js';
import { FileKindCode, IpFigures, TeamMember, Office } from './applications/entities.js';

const UploadId = z.string().regex(/^[0-9a-f]{32}$/, '上传编号无效，请重新上传文件');
const ApplicationId = z.string().trim().min(1, '请指定申报');

export const PackageMaterialFile = z.object({
  sha256: z.string(),
  name: z.string(),
  size: z.number().int().nonnegative(),
  kind: FileKindCode,
});
export type PackageMaterialFile = z.infer<typeof PackageMaterialFile>;

/** One application as carried in a review package (what the expert reads). */
export const PackageApplication = z.object({
  id: z.string(),
  unitName: z.string(),
  centerName: z.string(),
  applicant: z.object({
    name: z.string(),
    uscc: z.string(),
    district: z.string(),
    industry: z.string(),
    address: z.string(),
  }),
  ipFigures: IpFigures,
  team: z.array(TeamMember),
  office: Office,
  narrative: z.string(),
  materials: z.array(z.object({ no: z.number().int(), title: z.string(), files: z.array(PackageMaterialFile) })),
});
export type PackageApplication = z.infer<typeof PackageApplication>;

/** The payload inside a review package (payload.json), checked strictly on import. */
export const PackagePayload = z
  .object({
    batchId: z.string(),
    batchTitle: z.string(),
    expertId: z.string(),
    expertName: z.string(),
    template: ScoringTemplate,
    applications: z.array(PackageApplication),
    deadline: z.string().optional(),
  })
  .strict();
export type PackagePayload = z.infer<typeof PackagePayload>;

/** A draft as saved in expert mode; partial drafts are allowed, `problems` say what is missing or wrong. */
export const ExpertDraft = z.object({
  scores: z.record(z.string(), z.number()),
  comment: z.string(),
  recommendation: Recommendation.optional(),
  savedAt: IsoTime,
  /** Chinese, one per problem (e.g. “创新能力：最高 20 分”); empty when the sheet is complete and valid. */
  problems: z.array(z.string()),
  /** Problems by field: criterion key, `comment` or `recommendation` (for showing next to the input). */
  fieldProblems: z.record(z.string(), z.string()).default({}),
  /** Computed by the domain over the entered scores. */
  total: z.number(),
  complete: z.boolean(),
});
export type ExpertDraft = z.infer<typeof ExpertDraft>;

export const ExpertPackageView = z.object({
  packageId: z.string(),
  batchId: z.string(),
  batchTitle: z.string(),
  expertName: z.string(),
  template: ScoringTemplate,
  importedAt: IsoTime,
  deadline: z.string().optional(),
  applications: z.array(PackageApplication),
});
export type ExpertPackageView = z.infer<typeof ExpertPackageView>;

export const ExpertState = z.object({
  package: ExpertPackageView.optional(),
  drafts: z.record(z.string(), ExpertDraft),
  /** How many result files were exported from this package (the next one is version exportedVersions + 1). */
  exportedVersions: z.number().int().nonnegative(),
});
export type ExpertState = z.infer<typeof ExpertState>;

export const ImportPackageReport = z.object({
  packageId: z.string(),
  applicationCount: z.number().int().nonnegative(),
  materialFileCount: z.number().int().nonnegative(),
  /** true when it replaced an older package with the same id (drafts kept). */
  replaced: z.boolean(),
  message: z.string(),
});
export type ImportPackageReport = z.infer<typeof ImportPackageReport>;

export const SaveExpertDraftInput = z
  .object({
    applicationId: ApplicationId,
    scores: z.record(z.string(), z.number()).default({}),
    comment: Text({ label: '评语', max: 2000, multiline: true }).default(''),
    recommendation: Recommendation.optional(),
  })
  .strict();
export type SaveExpertDraftInput = z.infer<typeof SaveExpertDraftInput>;

export const WipeReport = z.object({
  packages: z.number().int().nonnegative(),
  drafts: z.number().int().nonnegative(),
  /** The package's material files removed. */
  files: z.number().int().nonnegative(),
  /** Other files removed: the drafts' previous version (.bak), snapshot copies, temp files, opened copies, staged uploads. */
  otherFiles: z.number().int().nonnegative(),
  /** Exported result files left in place (encrypted; the expert hands them in and deletes them). */
  keptResults: z.array(z.object({ fileName: z.string(), path: z.string() })),
  /** The exports folder that holds them. */
  exportsDir: z.string(),
  /** Files that could not be removed (e.g. open in another program), relative to the data folder, with the reason. */
  notRemoved: z.array(z.string()),
  message: z.string(),
});
export type WipeReport = z.infer<typeof WipeReport>;

export const expertContract = {
  'expert.importPackage': method({
    input: z
      .object({ uploadId: UploadId, code: z.string().trim().min(1, '请输入评审任务通知单上的一次性口令').max(64, '口令过长') })
      .strict(),
    output: ImportPackageReport,
    writes: true,
    yearLock: 'none',
    summary: '导入评审包',
  }),
  'expert.state': method({ input: NoInput, output: ExpertState, writes: false, summary: '读取评审包与草稿' }),
  'expert.saveDraft': method({ input: SaveExpertDraftInput, output: ExpertDraft, writes: true, yearLock: 'none', summary: '保存评分草稿' }),
  'expert.exportResult': method({ input: NoInput, output: ExportedFile, writes: true, yearLock: 'none', summary: '导出评分结果文件' }),
  'expert.wipe': method({ input: NoInput, output: WipeReport, writes: true, yearLock: 'none', summary: '清除本机评审包与草稿' }),
};
