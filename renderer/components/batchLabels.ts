import type { BatchStatus } from '../../electron/core/contract/index.js';

/** 批次状态 as the bureau says it: the contract's table (documents print the same words). */
export { BATCH_STATUS_LABELS } from '../../electron/core/contract/batches-labels.js';

export const BATCH_STATUS_COLORS: Record<BatchStatus, string> = {
  open: 'green',
  closed: 'default',
  reviewing: 'blue',
  publicity: 'orange',
  designated: 'red',
};

/** 1 -> 第一批, 12 -> 第十二批; and 2026年第一批 (the core's one rule, shared with messages and documents). */
export { batchSequenceText as sequenceLabel, batchLabel } from '../../electron/core/domain/batches.js';
