/** The fixed part `expertWorkspace` of an expert's own data folder (专家模式): one imported package and its drafts. */
import { z } from 'zod';
import { ExpertDraft, PackagePayload } from '../contract/expert.js';

export const WorkspacePackage = z.object({
  packageId: z.string(),
  /** manifest.createdAt: a package with the same id is replaced only by a newer one. */
  createdAt: z.string(),
  importedAt: z.string(),
  batchId: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  templateVersion: z.number().int().nonnegative(),
  /** Normalised one-time code: the result file is encrypted with it. */
  code: z.string(),
  packageSecret: z.string(),
  payload: PackagePayload,
  /** sha256 of the material files this package brought into <data>/files. */
  fileShas: z.array(z.string()),
});
export type WorkspacePackage = z.infer<typeof WorkspacePackage>;

export const ExpertWorkspacePart = z.object({
  package: WorkspacePackage.optional(),
  drafts: z.record(z.string(), ExpertDraft).default({}),
  exportedVersions: z.number().int().nonnegative().default(0),
});
export type ExpertWorkspacePart = z.infer<typeof ExpertWorkspacePart>;
