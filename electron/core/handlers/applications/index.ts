/** 申报 (intake): drafts, submission, material files, the Excel template and rosters. */
import { applicationHandlers } from './intake.js';
import { applicationFileHandlers } from './files.js';
import { applicationExcelHandlers } from './excel.js';

export const applicationsHandlers = {
  ...applicationHandlers,
  ...applicationFileHandlers,
  ...applicationExcelHandlers,
};
