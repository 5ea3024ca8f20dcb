import type { BatchStatus } from '../../../electron/core/contract/index.js';

/** 批次状态 as the bureau says it: the contract's table (documents print the same words). */
export { BATCH_STATUS_LABELS } from '../../../electron/core/contract/batches-labels.js';

export const BATCH_STATUS_COLORS: Record<BatchStatus, string> = {
  open: 'green',
  closed: 'default',
  reviewing: 'blue',
  publicity: 'orange',
  designated: 'red',
};

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 -> 第一批, 12 -> 第12批. */
export function sequenceLabel(n: number): string {
  return `第${n <= 10 ? CN_DIGITS[n] : String(n)}批`;
}
