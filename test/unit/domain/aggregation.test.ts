import { describe, expect, it } from 'vitest';
import { aggregate, methodText } from '../../../electron/core/domain/aggregation.js';
import { leniency } from '../../../electron/core/domain/leniency.js';
import { defaultTemplate } from '../../../electron/core/domain/scoring-template.js';

const template = defaultTemplate('2026-01-01T00:00:00.000Z');
/** A sheet whose total is `total`, spread as c1 = total - 85 + 15 … (only totals matter for most tests). */
function sheet(applicationId: string, expertId: string, total: number, c1?: number) {
  const rest = total - (c1 ?? 10);
  return { applicationId, expertId, total, scores: { c1: c1 ?? 10, c2: rest } };
}
const apps = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `a${i + 1}`, name: `单位${i + 1}` }));

describe('aggregation', () => {
  it('mean below 5 experts, trimmed mean (drop one highest and one lowest) at 5', () => {
    const four = aggregate({ template, applications: apps(1), sheets: [80, 82, 84, 86].map((t, i) => sheet('a1', `e${i}`, t)) })[0]!;
    expect(four).toMatchObject({ count: 4, mean: 83, trimmedMean: null, final: 83, method: 'mean', passed: true, rank: 1 });
    const five = aggregate({ template, applications: apps(1), sheets: [70, 80, 82, 84, 95].map((t, i) => sheet('a1', `e${i}`, t)) })[0]!;
    expect(five).toMatchObject({ count: 5, mean: 82.2, trimmedMean: 82, final: 82, method: 'trimmedMean' });
  });

  it('below quorum: not ranked, flagged, not passed', () => {
    const rows = aggregate({
      template,
      applications: apps(2),
      sheets: [sheet('a1', 'e1', 90), sheet('a1', 'e2', 90), ...[75, 76, 77].map((t, i) => sheet('a2', `e${i}`, t))],
    });
    const a1 = rows.find((r) => r.applicationId === 'a1')!;
    expect(a1).toMatchObject({ quorumMet: false, rank: null, passed: false, final: 90 });
    expect(a1.flags[0]!.message).toContain('不足3位专家，不参加排名');
    expect(rows[0]!.applicationId).toBe('a2');
    expect(rows[0]!.rank).toBe(1);
  });

  it('ties share a rank, the next rank skips, and the tie is explained', () => {
    const sheets = [
      [90, 90, 90],
      [85, 86, 87],
      [86, 85, 87],
      [60, 61, 62],
    ].flatMap((ts, a) => ts.map((t, e) => sheet(`a${a + 1}`, `e${e}`, t)));
    const rows = aggregate({ template, applications: apps(4), sheets });
    expect(rows.map((r) => [r.applicationId, r.rank, r.final, r.passed])).toEqual([
      ['a1', 1, 90, true],
      ['a2', 2, 86, true],
      ['a3', 2, 86, true],
      ['a4', 4, 61, false],
    ]);
    expect(rows[1]!.flags.find((f) => f.kind === 'tie')!.message).toBe('与“单位3”最终得分同为86分，并列第2名；下一名次为第4名');
  });

  it('flags an expert more than 15 points from the others', () => {
    const rows = aggregate({
      template,
      applications: apps(1),
      sheets: [80, 82, 81, 60].map((t, i) => sheet('a1', `e${i}`, t)),
      expertNames: new Map([['e3', '张专家']]),
    });
    const f = rows[0]!.flags.filter((x) => x.kind === 'outlier');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ expertId: 'e3' });
    expect(f[0]!.message).toContain('张专家的总分60与其他专家平均分81相差21分，超过15分');
  });

  it('flags an expert more than 2 standard deviations from the others (but under 15 points)', () => {
    const rows = aggregate({ template, applications: apps(1), sheets: [80, 81, 80, 81, 70].map((t, i) => sheet('a1', `e${i}`, t)) });
    const f = rows[0]!.flags.filter((x) => x.kind === 'outlier');
    expect(f.map((x) => x.expertId)).toEqual(['e4']);
    expect(f[0]!.message).toContain('个标准差');
    // near-identical scores do not raise noise
    const calm = aggregate({ template, applications: apps(1), sheets: [80, 80.5, 80, 82].map((t, i) => sheet('a1', `e${i}`, t)) });
    expect(calm[0]!.flags.filter((x) => x.kind === 'outlier')).toEqual([]);
  });

  it('flags a criterion where experts disagree by more than 40% of its max', () => {
    const rows = aggregate({
      template,
      applications: apps(1),
      sheets: [sheet('a1', 'e1', 80, 14), sheet('a1', 'e2', 80, 7.5), sheet('a1', 'e3', 80, 12)],
    });
    const f = rows[0]!.flags.filter((x) => x.kind === 'disagreement');
    expect(f.map((x) => x.criterionKey)).toEqual(['c1', 'c2']);
    expect(f[0]!.message).toContain('“知识产权管理制度与重视程度”专家评分差距大：最低7.5分、最高14分');
  });

  it('prints the method', () => {
    expect(methodText(template)).toContain('平均分：去掉一个最高分和一个最低分后取平均（5位及以上专家）');
    expect(methodText(template)).toContain('最终得分≥70分为通过');
  });

  it('leniency: each expert against the panel mean on the same applications', () => {
    const rows = leniency([sheet('a1', 'e1', 90), sheet('a1', 'e2', 80), sheet('a2', 'e1', 70), sheet('a2', 'e2', 70)]);
    expect(rows).toEqual([
      { expertId: 'e1', name: 'e1', applications: 2, expertMean: 80, panelMean: 77.5, delta: 2.5 },
      { expertId: 'e2', name: 'e2', applications: 2, expertMean: 75, panelMean: 77.5, delta: -2.5 },
    ]);
  });
});
