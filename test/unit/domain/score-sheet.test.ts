import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../../electron/core/domain/score-sheet.js';
import { defaultTemplate } from '../../../electron/core/domain/scoring-template.js';

const t = defaultTemplate('2026-01-01T00:00:00.000Z');
const full = (over: Record<string, number> = {}) => ({ c1: 12.5, c2: 12, c3: 8, c4: 12, c5: 12, c6: 12, c7: 12, ...over });

describe('score sheet', () => {
  it('computes the total (never typed)', () => {
    const r = checkSheet(t, { scores: full(), comment: '', recommendation: 'recommend' });
    expect(r).toEqual({ ok: true, total: 80.5, scores: full() });
  });

  it('names the criterion in Chinese for over-max, off-step, negative, missing and unknown', () => {
    const r = checkSheet(t, {
      scores: { ...full({ c2: 16, c1: 12.3, c3: -1 }), c9: 1 } as Record<string, number>,
      comment: '',
      recommendation: 'recommend',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toContain('“工作团队”得分16超过满分15');
    expect(r.problems.join()).toContain('“知识产权管理制度与重视程度”得分12.3不符合评分步长0.5分');
    expect(r.problems).toContain('“办公场所与保障条件”得分-1不能为负数');
    expect(r.problems).toContain('评分项“c9”不在评分表中');
    const missing = checkSheet(t, { scores: { c1: 10 }, comment: '', recommendation: 'recommend' });
    expect(!missing.ok && missing.problems).toContain('“工作团队”未评分');
  });

  it('requires a comment for 不推荐 and for a total below the pass line', () => {
    const low = { c1: 5, c2: 5, c3: 5, c4: 5, c5: 5, c6: 5, c7: 5 };
    const a = checkSheet(t, { scores: low, comment: '', recommendation: 'recommend' });
    expect(!a.ok && a.problems[0]).toContain('总分35低于及格线70分，须填写评语');
    const b = checkSheet(t, { scores: full(), comment: '差', recommendation: 'notRecommend' });
    expect(!b.ok && b.problems[0]).toContain('“不推荐”时须填写评语');
    expect(checkSheet(t, { scores: low, comment: '团队尚未组建完成。', recommendation: 'notRecommend' }).ok).toBe(true);
  });
});
