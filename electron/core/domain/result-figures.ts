/**
 * The printed figures of one review result (评审结果): rank, each expert's total, mean, trimmed mean,
 * final score and the verdict (通过 / 未通过 / 待定), rounded and worded once for the screen, the
 * 评审汇总表 PDF and its xlsx, so the three never disagree. Pure.
 *
 * Rounding: the method text printed on every copy says "最终得分保留两位小数": mean, trimmed mean and final
 * are rounded half up to two decimals and always shown with two (81.67, 85.00). An expert's total is a
 * sum of half points and is shown as entered (86, 81.5).
 * Verdict: an application below the quorum, or with no final score, is 待定 (not judged), never 未通过.
 */
import type { ReviewResult } from '../contract/expert-review/scoring.js';
import { round2 } from './scoring-template.js';

/** Decimals of mean, trimmed mean and final ("最终得分保留两位小数"). */
export const SCORE_DECIMALS = 2;
/** The spreadsheet number format with the same decimals. */
export const SCORE_NUMBER_FORMAT = `0.${'0'.repeat(SCORE_DECIMALS)}`;
/** What a missing figure prints as. */
export const NO_FIGURE = '—';

export type Verdict = 'passed' | 'failed' | 'pending';
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = { passed: '通过', failed: '未通过', pending: '待定' };

export type ResultLike = Pick<ReviewResult, 'rank' | 'count' | 'totals' | 'mean' | 'trimmedMean' | 'final' | 'quorumMet' | 'passed'>;

/** A figure rounded the one way every copy uses (null stays null). */
export function scoreValue(n: number | null | undefined): number | null {
  return n === null || n === undefined || !Number.isFinite(n) ? null : round2(n);
}

/** Mean, trimmed mean or final as printed: two decimals, or "—". */
export function formatScore(n: number | null | undefined): string {
  const v = scoreValue(n);
  return v === null ? NO_FIGURE : v.toFixed(SCORE_DECIMALS);
}

/** An expert's total as printed: as entered (at most two decimals), or "—" when recused / not submitted. */
export function formatExpertTotal(n: number | null | undefined): string {
  const v = scoreValue(n);
  return v === null ? NO_FIGURE : String(v);
}

export function verdictOf(r: Pick<ReviewResult, 'quorumMet' | 'final' | 'passed'>): Verdict {
  if (!r.quorumMet || r.final === null) return 'pending';
  return r.passed ? 'passed' : 'failed';
}

export interface ResultFigures {
  rank: number | null;
  count: number;
  /** Per requested expert id, in order: the total, or null when the expert has none counted. */
  totals: (number | null)[];
  mean: number | null;
  trimmedMean: number | null;
  final: number | null;
  verdict: Verdict;
}

/** The rounded figures of one result, with the experts' totals in the order of `expertIds`. */
export function resultFigures(r: ResultLike, expertIds: readonly string[]): ResultFigures {
  return {
    rank: r.rank,
    count: r.count,
    totals: expertIds.map((id) => scoreValue(r.totals.find((t) => t.expertId === id)?.total)),
    mean: scoreValue(r.mean),
    trimmedMean: scoreValue(r.trimmedMean),
    final: scoreValue(r.final),
    verdict: verdictOf(r),
  };
}

/** The same figures as the text every copy prints. */
export interface ResultTexts {
  rank: string;
  count: string;
  totals: string[];
  mean: string;
  trimmedMean: string;
  final: string;
  verdict: string;
}

export function resultTexts(f: ResultFigures): ResultTexts {
  return {
    rank: f.rank === null ? NO_FIGURE : String(f.rank),
    count: String(f.count),
    totals: f.totals.map(formatExpertTotal),
    mean: formatScore(f.mean),
    trimmedMean: formatScore(f.trimmedMean),
    final: formatScore(f.final),
    verdict: VERDICT_LABELS[f.verdict],
  };
}
