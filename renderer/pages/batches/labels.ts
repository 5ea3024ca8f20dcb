import type { BatchStatus } from '../../../electron/core/contract/index.js';

/** 批次状态 as the bureau says it (kept in the renderer; the core keeps its own copy for documents). */
export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = {
  open: '受理中',
  closed: '已截止',
  reviewing: '评审中',
  publicity: '公示中',
  designated: '已认定',
};

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
