/**
 * 评审结果汇总 (aggregation and ranking). Pure; linear in the number of sheets.
 *
 * Per application, over the counted sheets (current version, active assignment, current template):
 * mean; with ≥ 5 experts the trimmed mean (one highest and one lowest total dropped) is the final;
 * below the quorum the application is not ranked and is flagged. Passed = final ≥ pass line. Ranks are
 * competition ranks on the final rounded to 2 decimals: equal finals share a rank and the next rank
 * skips (1, 2, 2, 4); a tie is explained in a flag.
 * Flags: an expert whose total is more than 15 points from the others' mean, or (with at least two
 * others) more than 2 standard deviations (population SD of the others) from it and at least 5 points
 * (so near-identical scores do not raise noise); a criterion whose range across experts exceeds 40% of
 * its max.
 */
import type { ResultFlag, ReviewResult, ScoringTemplate } from '../contract/expert-review/scoring.js';
import { round2 } from './scoring-template.js';

export const TRIM_FROM = 5;
export const OUTLIER_POINTS = 15;
export const OUTLIER_SD = 2;
export const OUTLIER_SD_FLOOR = 5;
export const DISAGREEMENT_SHARE = 0.4;

export interface CountedSheet {
  applicationId: string;
  expertId: string;
  total: number;
  scores: Readonly<Record<string, number>>;
}

export interface AggregateInput {
  template: Pick<ScoringTemplate, 'criteria' | 'passLine' | 'quorum'>;
  applications: readonly { id: string; name: string }[];
  sheets: readonly CountedSheet[];
  /** Expert names for flag texts (id when missing). */
  expertNames?: ReadonlyMap<string, string>;
  /** Extra flags per application (e.g. sheets left out because they use an old template). */
  extraFlags?: ReadonlyMap<string, ResultFlag[]>;
}

export function methodText(t: Pick<ScoringTemplate, 'passLine' | 'quorum'>): string {
  return [
    `平均分：去掉一个最高分和一个最低分后取平均（${TRIM_FROM}位及以上专家）；不足${TRIM_FROM}位专家时取全部有效评分的算术平均。`,
    `有效评分不足${t.quorum}位的申报不参加排名。最终得分≥${t.passLine}分为通过。`,
    '最终得分保留两位小数，得分相同者名次并列，其后名次顺延（如两个并列第2名，下一名为第4名）。',
    '已回避专家的评分不计入汇总（保留在历史记录中）。',
    `提示：某位专家的总分与其他专家平均分相差超过${OUTLIER_POINTS}分或超过${OUTLIER_SD}个标准差（且不少于${OUTLIER_SD_FLOOR}分），或某评分项专家间极差超过该项满分的${DISAGREEMENT_SHARE * 100}%时，予以标注，供评审组复核。`,
  ].join('');
}

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

function sd(xs: readonly number[], m: number): number {
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / xs.length);
}

export function aggregate(input: AggregateInput): ReviewResult[] {
  const { template } = input;
  const byApp = new Map<string, CountedSheet[]>();
  for (const a of input.applications) byApp.set(a.id, []);
  for (const s of input.sheets) byApp.get(s.applicationId)?.push(s);
  const who = (id: string) => input.expertNames?.get(id) ?? id;

  const rows: ReviewResult[] = input.applications.map((app) => {
    const sheets = byApp.get(app.id)!;
    const totals = sheets.map((s) => s.total);
    const count = sheets.length;
    const flags: ResultFlag[] = [...(input.extraFlags?.get(app.id) ?? [])];
    const m = count ? round2(mean(totals)) : null;
    let trimmed: number | null = null;
    if (count >= TRIM_FROM) {
      const sorted = [...totals].sort((a, b) => a - b);
      trimmed = round2(mean(sorted.slice(1, -1)));
    }
    const quorumMet = count >= template.quorum;
    if (!quorumMet) flags.push({ kind: 'quorum', message: `有效评分${count}份，不足${template.quorum}位专家，不参加排名` });
    // Outliers: each expert against the others' mean.
    if (count >= 2) {
      let sum = 0;
      for (const t of totals) sum += t;
      sheets.forEach((s, i) => {
        const others = totals.filter((_, j) => j !== i);
        const om = (sum - s.total) / others.length;
        const diff = Math.abs(s.total - om);
        const osd = others.length >= 2 ? sd(others, om) : 0;
        if (diff > OUTLIER_POINTS) {
          flags.push({
            kind: 'outlier',
            expertId: s.expertId,
            message: `${who(s.expertId)}的总分${round2(s.total)}与其他专家平均分${round2(om)}相差${round2(diff)}分，超过${OUTLIER_POINTS}分`,
          });
        } else if (osd > 0 && diff > OUTLIER_SD * osd && diff >= OUTLIER_SD_FLOOR) {
          flags.push({
            kind: 'outlier',
            expertId: s.expertId,
            message: `${who(s.expertId)}的总分${round2(s.total)}偏离其他专家平均分${round2(om)}达${round2(diff / osd)}个标准差（标准差${round2(osd)}分）`,
          });
        }
      });
      for (const c of template.criteria) {
        let lo = Infinity;
        let hi = -Infinity;
        for (const s of sheets) {
          const v = s.scores[c.key];
          if (v === undefined) continue;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
        if (hi - lo > DISAGREEMENT_SHARE * c.max + 1e-9) {
          flags.push({
            kind: 'disagreement',
            criterionKey: c.key,
            message: `“${c.title}”专家评分差距大：最低${lo}分、最高${hi}分，极差超过该项满分${c.max}分的${DISAGREEMENT_SHARE * 100}%`,
          });
        }
      }
    }
    const final = count === 0 ? null : (trimmed ?? m);
    return {
      applicationId: app.id,
      name: app.name,
      count,
      totals: sheets.map((s) => ({ expertId: s.expertId, total: s.total })),
      mean: m,
      trimmedMean: trimmed,
      final,
      method: count === 0 ? 'none' : trimmed !== null ? 'trimmedMean' : 'mean',
      quorumMet,
      passed: quorumMet && final !== null && final >= template.passLine,
      rank: null,
      flags,
    };
  });
  rankRows(rows);
  return rows;
}

/** Competition ranking of the rows that met the quorum; sorts `rows` (ranked first by final, then the rest by id). */
export function rankRows(rows: ReviewResult[]): void {
  rows.sort((a, b) => {
    const ra = a.quorumMet && a.final !== null ? 0 : 1;
    const rb = b.quorumMet && b.final !== null ? 0 : 1;
    if (ra !== rb) return ra - rb;
    if (ra === 0 && a.final !== b.final) return b.final! - a.final!;
    return a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0;
  });
  let i = 0;
  while (i < rows.length && rows[i]!.quorumMet && rows[i]!.final !== null) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1]!.quorumMet && rows[j + 1]!.final === rows[i]!.final) j++;
    for (let k = i; k <= j; k++) rows[k]!.rank = i + 1;
    if (j > i) {
      const group = rows.slice(i, j + 1);
      const head = group.slice(0, 6);
      for (const r of group) {
        const named = head
          .filter((g) => g !== r)
          .slice(0, 5)
          .map((g) => `“${g.name}”`)
          .join('、');
        const mates = group.length - 1 > 5 ? `${named}等${group.length - 1}个申报` : named;
        r.flags.push({ kind: 'tie', message: `与${mates}最终得分同为${r.final}分，并列第${i + 1}名；下一名次为第${j + 2}名` });
      }
    }
    i = j + 1;
  }
}
