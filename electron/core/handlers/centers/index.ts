/** 中心 (centers, after designation): the roster and 共建协议, certificates, 年度工作总结, 中期考核 and 三年复核. */
import { centerHandlers } from './centers.js';
import { centerCertificateHandlers } from './certificates.js';
import { centerSummaryHandlers } from './summaries.js';
import { centerAssessmentHandlers } from './assessments.js';
import { triennialHandlers } from './triennial.js';
import { centerDocumentHandlers } from './documents.js';

export const centersHandlers = {
  ...centerHandlers,
  ...centerCertificateHandlers,
  ...centerSummaryHandlers,
  ...centerAssessmentHandlers,
  ...triennialHandlers,
  ...centerDocumentHandlers,
};
