/**
 * One score sheet against its template. Pure.
 *
 * Rules: every criterion present and no unknown one; each score in 0..max and on the criterion's step;
 * the total is computed here (never typed). A comment (评语, at least 5 characters) is required when the
 * recommendation is 不推荐 or when the total is below the pass line — a low score must say why; it is
 * also required when 推荐 is given with a total below the pass line, since the two disagree.
 */
import type { Criterion, Recommendation, ScoringTemplate } from '../contract/expert-review/scoring.js';
import { onStep, round2 } from './scoring-template.js';

export const MIN_COMMENT_CHARS = 5;

export interface SheetValues {
  scores: Readonly<Record<string, number>>;
  comment: string;
  recommendation: Recommendation;
}

export type SheetCheck = { ok: true; total: number; scores: Record<string, number> } | { ok: false; problems: string[] };

const fmt = (n: number) => String(round2(n));

/** The numbers among scores typed so far (a form's empty fields are null or absent). */
export function typedScores(typed: Readonly<Record<string, unknown>> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, v] of Object.entries(typed ?? {})) if (typeof v === 'number' && Number.isFinite(v)) out[key] = v;
  return out;
}

/** The total of a sheet (or of a 中期考核表): the criteria's scores summed, rounded to 2 decimals; a missing score counts 0. */
export function sheetTotal(
  template: { readonly criteria: readonly Pick<Criterion, 'key'>[] },
  scores: Readonly<Record<string, number>>,
): number {
  let sum = 0;
  for (const c of template.criteria) sum += scores[c.key] ?? 0;
  return round2(sum);
}

export function checkSheet(template: Pick<ScoringTemplate, 'criteria' | 'passLine'>, values: SheetValues): SheetCheck {
  const problems: string[] = [];
  const known = new Set(template.criteria.map((c) => c.key));
  for (const key of Object.keys(values.scores)) if (!known.has(key)) problems.push(`评分项“${key}”不在评分表中`);
  const scores: Record<string, number> = {};
  for (const c of template.criteria) {
    const v = values.scores[c.key];
    const name = `“${c.title}”`;
    if (v === undefined || v === null) problems.push(`${name}未评分`);
    else if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`${name}得分不是数字`);
    else if (v < 0) problems.push(`${name}得分${fmt(v)}不能为负数`);
    else if (v > c.max + 1e-9) problems.push(`${name}得分${fmt(v)}超过满分${fmt(c.max)}`);
    else if (!onStep(v, c.step))
      problems.push(
        `${name}得分${v}不符合评分步长${c.step}分（只能是${c.step}的整数倍，如${fmt(Math.floor(v / c.step) * c.step)}或${fmt(Math.ceil(v / c.step) * c.step)}）`,
      );
    else scores[c.key] = v;
  }
  if (problems.length) return { ok: false, problems };
  const total = sheetTotal(template, scores);
  const comment = values.comment.trim();
  if (comment.length < MIN_COMMENT_CHARS) {
    if (values.recommendation === 'notRecommend') problems.push(`推荐意见为“不推荐”时须填写评语（至少${MIN_COMMENT_CHARS}个字），说明理由`);
    else if (total < template.passLine)
      problems.push(`总分${fmt(total)}低于及格线${fmt(template.passLine)}分，须填写评语（至少${MIN_COMMENT_CHARS}个字），说明理由`);
  }
  return problems.length ? { ok: false, problems } : { ok: true, total, scores };
}

/** What a 代录 save compares with the stored sheet: the typed values and the template version. */
export interface EnteredValues {
  templateVersion: number;
  scores: Readonly<Record<string, number>>;
  comment: string;
  recommendation: string;
  signedOn?: string | undefined;
}

/**
 * 代录 with no change makes no new version: the version a save of `next` gets over `previous` (the current
 * sheet), or null when nothing differs (scores, comment as stored — trimmed —, recommendation, signing date,
 * template version). A first entry is version 1.
 */
export function enteredSheetVersion(previous: (EnteredValues & { version: number }) | undefined, next: EnteredValues): number | null {
  if (!previous) return 1;
  const keys = new Set([...Object.keys(previous.scores), ...Object.keys(next.scores)]);
  const same =
    previous.templateVersion === next.templateVersion &&
    [...keys].every((k) => previous.scores[k] === next.scores[k]) &&
    previous.comment.trim() === next.comment.trim() &&
    previous.recommendation === next.recommendation &&
    (previous.signedOn ?? null) === (next.signedOn ?? null);
  return same ? null : previous.version + 1;
}
