import type { z } from 'zod';
import { settingsContract } from './settings.js';
import { batchesContract } from './batches.js';
import { systemContract } from './system.js';
import { filesContract } from './files.js';
import { applicationsContract } from './applications/methods.js';
import { formalReviewContract } from './formal-review.js';
import { expertsContract } from './expert-review/experts.js';
import { scoringContract } from './expert-review/scoring.js';
import { reviewPackagesContract } from './expert-review/packages.js';
import { expertContract } from './expert.js';
import { designationContract } from './designation.js';
import { centerRecordsContract } from './centers/centers.js';
import { centersAnnualContract } from './centers/annual.js';
import { archiveContract } from './archive.js';
import { backupFileContract } from './backup-file.js';
import { dashboardContract } from './dashboard.js';
import { localPathsContract } from './local-paths.js';
import { templatesContract } from './templates.js';
import { setupContract } from './setup.js';

/**
 * The API by area. An area has one name in every layer: its methods are declared here in contract/<area>.ts (or
 * contract/<area>/), handled in handlers/<area>.ts (or handlers/<area>/), and shown in renderer/pages/<area>/
 * (kebab-case of the key; handlers/index.ts checks that each area's handlers cover exactly its methods).
 */
export const contractAreas = {
  system: systemContract,
  files: filesContract,
  settings: settingsContract,
  batches: batchesContract,
  applications: applicationsContract,
  formalReview: formalReviewContract,
  expertReview: { ...expertsContract, ...scoringContract, ...reviewPackagesContract },
  expert: expertContract,
  designation: designationContract,
  centers: { ...centerRecordsContract, ...centersAnnualContract },
  archive: archiveContract,
  backupFile: backupFileContract,
  dashboard: dashboardContract,
  localPaths: localPathsContract,
  templates: templatesContract,
  setup: setupContract,
};
export type AreaName = keyof typeof contractAreas;

/** The one API table: method name (`area.verb`) -> { input, output } zod schemas. */
export const contract = {
  ...systemContract,
  ...filesContract,
  ...settingsContract,
  ...batchesContract,
  ...applicationsContract,
  ...formalReviewContract,
  ...expertsContract,
  ...scoringContract,
  ...reviewPackagesContract,
  ...expertContract,
  ...designationContract,
  ...centerRecordsContract,
  ...centersAnnualContract,
  ...archiveContract,
  ...backupFileContract,
  ...dashboardContract,
  ...localPathsContract,
  ...templatesContract,
  ...setupContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events the core pushes to the renderer: progress of long work; a file to open arrived (ask `setup.takeOpenFile`). */
export const eventNames = ['progress', 'openFile'] as const;
export type EventName = (typeof eventNames)[number];
export interface ProgressEvent {
  taskId: string;
  label: string;
  done: number;
  total: number;
  /** Set on the last event of a task: how it ended. */
  ended?: 'done' | 'failed' | 'cancelled';
}

export * from './errors.js';
export * from './define.js';
export * from './common.js';
export * from './settings.js';
export * from './batches.js';
export * from './system.js';
export * from './files.js';
export * from './applications/entities.js';
export * from './applications/methods.js';
export * from './formal-review.js';
export * from './expert-review/experts.js';
export * from './expert-review/scoring.js';
export * from './expert-review/packages.js';
export * from './expert.js';
export * from './designation.js';
export * from './centers/centers.js';
export * from './centers/annual.js';
export * from './archive.js';
export * from './backup-file.js';
export * from './dashboard.js';
export * from './local-paths.js';
export * from './templates.js';
export * from './setup.js';
export * from './setup-labels.js';
