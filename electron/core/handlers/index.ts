import { contractAreas, methodNames, type AreaName } from '../contract/index.js';
import type { HandlerTable } from './types.js';
import { systemHandlers } from './system.js';
import { filesHandlers } from './files.js';
import { settingsHandlers } from './settings.js';
import { batchHandlers } from './batches.js';
import { applicationsHandlers } from './applications/index.js';
import { formalReviewHandlers } from './formal-review.js';
import { expertReviewHandlers } from './expert-review/index.js';
import { expertHandlers } from './expert.js';
import { designationHandlers } from './designation/index.js';
import { centersHandlers } from './centers/index.js';
import { archiveHandlers } from './archive.js';
import { backupFileHandlers } from './backup-file.js';
import { dashboardHandlers } from './dashboard.js';
import { localPathsHandlers } from './local-paths.js';
import { templatesHandlers } from './templates.js';
import { setupHandlers } from './setup.js';
import { guardSealedYears } from './year-lock.js';

export { installYearGuard } from './sealed-years.js';

/**
 * Every area's handler table, keyed as `contractAreas` (contract/index.ts): an area's methods are declared in
 * contract/<area>.ts (or contract/<area>/) and handled in handlers/<area>.ts (or handlers/<area>/), and its
 * screens are renderer/pages/<area>/ (file and folder names are the area's key in kebab-case).
 */
export const areaTables = {
  system: systemHandlers,
  files: filesHandlers,
  settings: settingsHandlers,
  batches: batchHandlers,
  applications: applicationsHandlers,
  formalReview: formalReviewHandlers,
  expertReview: expertReviewHandlers,
  expert: expertHandlers,
  designation: designationHandlers,
  centers: centersHandlers,
  archive: archiveHandlers,
  backupFile: backupFileHandlers,
  dashboard: dashboardHandlers,
  localPaths: localPathsHandlers,
  templates: templatesHandlers,
  setup: setupHandlers,
} satisfies Record<AreaName, object>;

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
  const areaProblems = areaMismatches(tables);
  if (areaProblems.length) throw new Error(`API areas do not line up: ${areaProblems.join('; ')}`);
}

export function buildHandlerTable(): HandlerTable {
  assertHandlersComplete();
  const table: HandlerTable = {
    ...systemHandlers,
    ...filesHandlers,
    ...settingsHandlers,
    ...batchHandlers,
    ...applicationsHandlers,
    ...formalReviewHandlers,
    ...expertReviewHandlers,
    ...expertHandlers,
    ...designationHandlers,
    ...centersHandlers,
    ...archiveHandlers,
    ...backupFileHandlers,
    ...dashboardHandlers,
    ...localPathsHandlers,
    ...templatesHandlers,
    ...setupHandlers,
  };
  return guardSealedYears(table);
}

/** Methods whose handler sits in another area than the contract declares them in (names in English, for developers). */
export function areaMismatches(tables: Record<string, object> = areaTables): string[] {
  const problems: string[] = [];
  for (const [area, declared] of Object.entries(contractAreas)) {
    const handled = new Set(Object.keys(tables[area] ?? {}));
    for (const name of Object.keys(declared))
      if (!handled.has(name)) problems.push(`${name} is declared in area ${area} but not handled there`);
  }
  for (const [area, table] of Object.entries(tables)) {
    const declared = (contractAreas as Record<string, object>)[area] ?? {};
    for (const name of Object.keys(table))
      if (!(name in declared)) problems.push(`${name} is handled in area ${area} but not declared there`);
  }
  return problems;
}
