export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export async function timeIt(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export interface Row {
  measure: string;
  result: number;
  unit: string;
  baseline: number;
  baselineName: string;
}

/** Markdown table; ratio = result / baseline (below 1.00 beats the baseline). */
export function table(rows: Row[]): string {
  const lines = ['| measure | result | baseline | ratio |', '|---|---:|---|---:|'];
  for (const r of rows) {
    lines.push(
      `| ${r.measure} | ${r.result.toFixed(r.result < 10 ? 2 : 1)} ${r.unit} | ${r.baselineName} ${r.baseline} ${r.unit} | ${(r.result / r.baseline).toFixed(2)} |`,
    );
  }
  return lines.join('\n');
}
