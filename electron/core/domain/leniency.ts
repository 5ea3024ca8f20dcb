/**
 * 专家宽严度 (leniency): each expert's mean total against the panel's mean over the same applications
 * (the panel mean of an application = mean of all counted totals on it). Positive delta = more lenient.
 */
import type { LeniencyRow } from '../contract/expert-review/scoring.js';
import type { CountedSheet } from './aggregation.js';
import { round2 } from './scoring-template.js';

export function leniency(
  sheets: readonly Pick<CountedSheet, 'applicationId' | 'expertId' | 'total'>[],
  names?: ReadonlyMap<string, string>,
): LeniencyRow[] {
  const appSum = new Map<string, { sum: number; n: number }>();
  for (const s of sheets) {
    const a = appSum.get(s.applicationId) ?? { sum: 0, n: 0 };
    a.sum += s.total;
    a.n++;
    appSum.set(s.applicationId, a);
  }
  const per = new Map<string, { own: number; panel: number; n: number }>();
  for (const s of sheets) {
    const e = per.get(s.expertId) ?? { own: 0, panel: 0, n: 0 };
    const a = appSum.get(s.applicationId)!;
    e.own += s.total;
    e.panel += a.sum / a.n;
    e.n++;
    per.set(s.expertId, e);
  }
  return [...per.entries()]
    .map(([expertId, e]) => {
      const expertMean = round2(e.own / e.n);
      const panelMean = round2(e.panel / e.n);
      return {
        expertId,
        name: names?.get(expertId) ?? expertId,
        applications: e.n,
        expertMean,
        panelMean,
        delta: round2(e.own / e.n - e.panel / e.n),
      };
    })
    .sort((a, b) => b.delta - a.delta || (a.expertId < b.expertId ? -1 : 1));
}
