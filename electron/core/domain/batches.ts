import type { Batch, BatchQuota } from '../contract/batches.js';
import type { z } from 'zod';

/** 原则上每年不超过两次: the number of batches a year may have without a recorded reason. */
export const BATCHES_PER_YEAR = 2;

export type Quota = z.infer<typeof BatchQuota>;

/** How many batches the year has, and whether the next one needs a recorded reason. */
export function batchQuota(existing: readonly Pick<Batch, 'year'>[], year: number): Quota {
  const count = existing.filter((b) => b.year === year).length;
  const needsReason = count >= BATCHES_PER_YEAR;
  return {
    year,
    count,
    limit: BATCHES_PER_YEAR,
    needsReason,
    message: needsReason
      ? `${year}年已有${count}个申报批次。按“原则上每年不超过两次”的规定，再新建批次须填写理由并记入操作日志。`
      : `${year}年已有${count}个申报批次，还可新建${BATCHES_PER_YEAR - count}个。`,
  };
}

/** Next sequence number for a batch of `year` (1, 2, …; never reuses a number). */
export function nextBatchSequence(existing: readonly Pick<Batch, 'year' | 'sequence'>[], year: number): number {
  return existing.filter((b) => b.year === year).reduce((max, b) => Math.max(max, b.sequence), 0) + 1;
}

export function batchId(year: number, sequence: number): string {
  return `${year}-${sequence}`;
}

/** Problems with a batch's window, as Chinese sentences (empty when fine). */
export function batchWindowProblems(year: number, opensOn: string, closesOn: string): string[] {
  const problems: string[] = [];
  if (closesOn < opensOn) problems.push(`截止日期（${formatChineseDate(closesOn)}）早于开始日期（${formatChineseDate(opensOn)}）。`);
  if (Number(opensOn.slice(0, 4)) !== year) problems.push(`开始日期（${formatChineseDate(opensOn)}）不在${year}年内。`);
  return problems;
}

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 -> 第一批, 11 -> 第十一批, 20 -> 第20批: how screens and notice titles name a batch within its year. */
export function batchSequenceText(n: number): string {
  const cn = n >= 1 && n <= 10 ? CN_DIGITS[n]! : n > 10 && n < 20 ? `十${CN_DIGITS[n - 10]!}` : String(n);
  return `第${cn}批`;
}

/** 2026年第一批: the one way screens, messages, audit entries, documents and archive folders name a batch. */
export function batchLabel(batch: { readonly year: number; readonly sequence: number }): string {
  return `${batch.year}年${batchSequenceText(batch.sequence)}`;
}

/** 2026-11-24 -> 2026年11月24日 */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
