import { z } from 'zod';
import { Settings } from '../contract/settings.js';
import { Batch } from '../contract/batches.js';
import { Application } from '../contract/applications/entities.js';
import { Expert } from '../contract/expert-review/experts.js';
import { ReviewPart } from '../contract/expert-review/scoring.js';
import { ExpertWorkspacePart } from './expert-workspace.js';
import { CentersPart, DesignationPart } from '../contract/designation.js';
import { CenterYearPart, TriennialReview } from '../contract/centers/annual.js';
import { ArchivesPart } from '../contract/archive.js';
import { TemplatesPart } from '../contract/templates.js';

/**
 * 中心名录 and every 三年复核 record in one part: a re-review changes the center and adds its record in one
 * durable write (never one without the other). Records are never deleted.
 */
const CentersPartWithReviews = CentersPart.extend({ reviews: z.array(TriennialReview).default([]) });
type CentersPartWithReviews = z.infer<typeof CentersPartWithReviews>;

/** The schema version this build of the app reads and writes. */
export const SCHEMA_VERSION = 1;

export const MetaPart = z.object({
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  /** Bureau date (YYYY-MM-DD) of the last daily snapshot. */
  lastDailyBackup: z.string().optional(),
});

export const SettingsPart = z.object({ settings: Settings });
export const BatchesPart = z.object({ batches: z.array(Batch) });
/** 专家库 */
export const ExpertsPart = z.object({ experts: z.array(Expert) });
/** Numbering series: key -> last number issued (never reused). */
export const CountersPart = z.object({ counters: z.record(z.string(), z.number().int().nonnegative()) });

export const DEFAULT_SETTINGS: Settings = {
  bureauName: '福州市市场监督管理局',
  operatorName: '',
  docNumberPrefix: '榕市监知',
  certNumberPrefix: 'FZIPC',
};

/**
 * The store is split into small JSON parts so each write stringifies only what it touches.
 * Fixed parts are listed here; later areas add keyed parts (e.g. `batch-2026-1`, `centers-2026`).
 */
export const partSpecs = {
  meta: {
    schema: MetaPart,
    initial: (): z.infer<typeof MetaPart> => ({ schemaVersion: SCHEMA_VERSION, createdAt: new Date(0).toISOString() }),
  },
  settings: { schema: SettingsPart, initial: (): z.infer<typeof SettingsPart> => ({ settings: { ...DEFAULT_SETTINGS } }) },
  batches: { schema: BatchesPart, initial: (): z.infer<typeof BatchesPart> => ({ batches: [] }) },
  counters: { schema: CountersPart, initial: (): z.infer<typeof CountersPart> => ({ counters: {} }) },
  experts: { schema: ExpertsPart, initial: (): z.infer<typeof ExpertsPart> => ({ experts: [] }) },
  /** 中心名录 (every designated center, never deleted; revoked ones keep their certificate number). */
  centers: { schema: CentersPartWithReviews, initial: (): CentersPartWithReviews => ({ centers: [], reviews: [] }) },
  /** 年度档案: every seal and unseal of a year. */
  archives: { schema: ArchivesPart, initial: (): ArchivesPart => ({ seals: [] }) },
  /** 文书模板: every version of every template saved or used (an issued document names its version). */
  templates: { schema: TemplatesPart, initial: (): TemplatesPart => ({ templates: [] }) },
  /** 专家模式 (only used in an expert's own data folder). */
  expertWorkspace: { schema: ExpertWorkspacePart, initial: (): ExpertWorkspacePart => ({ drafts: {}, exportedVersions: 0 }) },
} as const;

export type PartName = keyof typeof partSpecs;
export type PartData<P extends PartName> = z.infer<(typeof partSpecs)[P]['schema']>;
export const partNames = Object.keys(partSpecs) as PartName[];

export function partFileName(part: PartName): string {
  return `${part}.json`;
}

/**
 * Keyed parts: one file per batch, per year, … loaded on first use so opening stays fast however many
 * years the folder holds. Their record schemas are owned by the areas that fill them (intake, review,
 * centers); until an area lands its part holds an empty list.
 */
export const keyedPartSpecs = {
  /** Applications of one batch: batch-2026-1.json */
  batch: {
    pattern: /^\d{4}-\d+$/,
    schema: z.object({ applications: z.array(Application) }),
    initial: (): { applications: Application[] } => ({ applications: [] }),
  },
  /** Expert review of one batch (template versions, panel, assignments, score sheets with history): scores-2026-1.json */
  scores: {
    pattern: /^\d{4}-\d+$/,
    schema: ReviewPart,
    initial: (): ReviewPart => ({ templates: [], panel: { expertIds: [] }, assignments: [], scoreSheets: [], issuedPackages: [] }),
  },
  /** 公示、异议与认定 of one batch: designation-2026-1.json */
  designation: {
    pattern: /^\d{4}-\d+$/,
    schema: DesignationPart,
    initial: (): DesignationPart => ({ objections: [], publicityHistory: [] }),
  },
  /** Centers' yearly records (annual summaries, mid-term assessments, the assessment template): centers-2026.json */
  centers: {
    pattern: /^\d{4}$/,
    schema: CenterYearPart,
    initial: (): CenterYearPart => ({ summaries: [], assessments: [], assessmentTemplates: [] }),
  },
} as const;

export type KeyedKind = keyof typeof keyedPartSpecs;
export type KeyedData<K extends KeyedKind> = z.infer<(typeof keyedPartSpecs)[K]['schema']>;

export function keyedFileName(kind: KeyedKind, key: string): string {
  if (!keyedPartSpecs[kind].pattern.test(key)) throw new Error(`bad ${kind} key ${key}`);
  return `${kind}-${key}.json`;
}
