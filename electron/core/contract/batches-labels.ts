/** Names of the batch vocabulary as plain data (no zod), so the renderer may import them as values (see eslint.config.js). */
import type { BatchStatus } from './batches.js';

/** 批次状态 as the bureau says it. */
export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = {
  open: '受理中',
  closed: '已截止',
  reviewing: '评审中',
  publicity: '公示中',
  designated: '已认定',
};
