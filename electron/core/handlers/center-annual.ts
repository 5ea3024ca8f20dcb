/** 年度工作总结、中期考核与三年复核 (records and status changes). */
import { centerAssessmentHandlers } from './center-assessments.js';
import { centerReviewHandlers } from './center-reviews.js';
import { centerSummaryHandlers } from './center-summaries.js';
import type { AreaHandlers } from './types.js';

type Methods =
  | 'summaries.year'
  | 'summaries.get'
  | 'summaries.save'
  | 'summaries.attachFile'
  | 'summaries.removeFile'
  | 'assessments.template'
  | 'assessments.saveTemplate'
  | 'assessments.save'
  | 'triennial.due'
  | 'triennial.decide'
  | 'triennial.list'
  | 'centers.history';

export const centerAnnualHandlers: AreaHandlers<Methods> = {
  ...centerSummaryHandlers,
  ...centerAssessmentHandlers,
  ...centerReviewHandlers,
};
