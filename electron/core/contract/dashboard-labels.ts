/** Names of the dashboard vocabulary as plain data (no zod), so the renderer may import them as values (see eslint.config.js). */
import type { DeadlineKind } from './dashboard.js';

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  supplement: '补正期限',
  publicityEnd: '公示期满',
  summaryDue: '年度工作总结截止',
  reviewDue: '三年复核到期',
  rectifyDue: '整改期满',
  batchCloses: '申报截止',
};
