import { methodNames } from '../contract/index.js';
import type { HandlerTable } from './types.js';
import { settingsHandlers } from './settings.js';
import { batchHandlers } from './batches.js';
import { systemHandlers } from './system.js';
import { filesHandlers } from './files.js';
import { applicationHandlers } from './applications.js';
import { applicationFileHandlers } from './application-files.js';
import { applicationExcelHandlers } from './application-excel.js';
import { reviewHandlers } from './review.js';
import { expertHandlers } from './experts.js';
import { scoringHandlers } from './scoring.js';
import { reviewPackageHandlers } from './review-packages.js';
import { expertModeHandlers } from './expert-mode.js';
import { designationHandlers } from './designation.js';
import { centerAnnualHandlers } from './center-annual.js';
import { centerDocumentHandlers } from './center-documents.js';
import { archiveHandlers } from './archive.js';
import { backupFileHandlers } from './backup-file.js';
import { dashboardHandlers } from './dashboard.js';
import { localPathsHandlers } from './local-paths.js';
import { guardSealedYears } from './year-lock.js';

export { installYearGuard } from './sealed-years.js';

/** Every area's handler table; the union must cover the contract exactly once. */
export const areaTables: Record<string, object> = {
  system: systemHandlers,
  files: filesHandlers,
  settings: settingsHandlers,
  batches: batchHandlers,
  applications: applicationHandlers,
  applicationFiles: applicationFileHandlers,
  applicationExcel: applicationExcelHandlers,
  review: reviewHandlers,
  experts: expertHandlers,
  scoring: scoringHandlers,
  reviewPackages: reviewPackageHandlers,
  expertMode: expertModeHandlers,
  designation: designationHandlers,
  centerAnnual: centerAnnualHandlers,
  centerDocuments: centerDocumentHandlers,
  archive: archiveHandlers,
  backupFile: backupFileHandlers,
  dashboard: dashboardHandlers,
  localPaths: localPathsHandlers,
};

/** Startup check: every contract method has exactly one handler, and no handler lacks a method. */
export function assertHandlersComplete(tables: Record<string, object> = areaTables): void {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const [area, table] of Object.entries(tables)) {
    for (const name of Object.keys(table)) {
      if (seen.has(name)) problems.push(`${name} handled by both ${seen.get(name)} and ${area}`);
      seen.set(name, area);
    }
  }
  for (const name of methodNames) if (!seen.has(name)) problems.push(`${name} has no handler`);
  for (const name of seen.keys()) if (!(methodNames as string[]).includes(name)) problems.push(`${name} is not in the contract`);
  if (problems.length) throw new Error(`API table is inconsistent: ${problems.join('; ')}`);
}

export function buildHandlerTable(): HandlerTable {
  assertHandlersComplete();
  const table: HandlerTable = {
    ...systemHandlers,
    ...filesHandlers,
    ...settingsHandlers,
    ...batchHandlers,
    ...applicationHandlers,
    ...applicationFileHandlers,
    ...applicationExcelHandlers,
    ...reviewHandlers,
    ...expertHandlers,
    ...scoringHandlers,
    ...reviewPackageHandlers,
    ...expertModeHandlers,
    ...designationHandlers,
    ...centerAnnualHandlers,
    ...centerDocumentHandlers,
    ...archiveHandlers,
    ...backupFileHandlers,
    ...dashboardHandlers,
    ...localPathsHandlers,
  };
  // 年度封存: writes into a sealed year are refused before they run, as each method declares (year-lock.ts).
  return guardSealedYears(table);
}
