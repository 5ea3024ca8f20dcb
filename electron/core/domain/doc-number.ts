/** 发文字号: how a document number reads (the numbering service hands out the sequence, the red header prints it). */

/** 榕市监知〔2026〕3号 — year in 〔〕, sequence without leading zeros. */
export function formatDocNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}〔${year}〕${Math.trunc(sequence)}号`;
}
