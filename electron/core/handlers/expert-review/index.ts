/** 专家评审 (expert review): the expert pool, scoring, review packages, result files and the review documents. */
import { expertHandlers } from './experts.js';
import { scoringHandlers } from './scoring.js';
import { reviewPackageHandlers } from './packages.js';

export const expertReviewHandlers = {
  ...expertHandlers,
  ...scoringHandlers,
  ...reviewPackageHandlers,
};
