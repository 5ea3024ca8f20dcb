import type { z } from 'zod';
import { settingsContract } from './settings.js';
import { batchesContract } from './batches.js';
import { systemContract } from './system.js';
import { filesContract } from './files.js';
import { applicationsContract } from './applications-api.js';
import { expertsContract } from './review-experts.js';
import { scoringContract } from './review-scoring.js';
import { reviewPackagesContract } from './review-packages.js';
import { expertModeContract } from './expert-mode.js';
import { designationContract } from './designation.js';
import { centersAnnualContract } from './centers-annual.js';
import { archiveContract } from './archive.js';
import { dashboardContract } from './dashboard.js';
import { localPathsContract } from './local-paths.js';

/** The one API table: method name (`area.verb`) -> { input, output } zod schemas. */
export const contract = {
  ...systemContract,
  ...filesContract,
  ...settingsContract,
  ...batchesContract,
  ...applicationsContract,
  ...expertsContract,
  ...scoringContract,
  ...reviewPackagesContract,
  ...expertModeContract,
  ...designationContract,
  ...centersAnnualContract,
  ...archiveContract,
  ...dashboardContract,
  ...localPathsContract,
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

/** Events the core pushes to the renderer (progress of long work). */
export const eventNames = ['progress'] as const;
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
export * from './applications.js';
export * from './applications-api.js';
export * from './review-experts.js';
export * from './review-scoring.js';
export * from './review-packages.js';
export * from './expert-mode.js';
export * from './designation.js';
export * from './centers-annual.js';
export * from './archive.js';
export * from './dashboard.js';
export * from './local-paths.js';
