import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  DEFAULT_CRITERIA,
  defaultTemplate,
  isFrozen,
  maxTotal,
  onStep,
  planTemplateChange,
  withKeys,
} from '../../../electron/core/domain/scoring-template.js';

describe('scoring template', () => {
  it('the default has the 7 criteria of DOMAIN.md summing to 100, step 0.5, pass line 70, quorum 3', () => {
    const t = defaultTemplate('2026-01-01T00:00:00.000Z');
    expect(t.criteria.map((c) => [c.title, c.max])).toEqual([
      ['知识产权管理制度与重视程度', 15],
      ['工作团队', 15],
      ['办公场所与保障条件', 10],
      ['知识产权集聚度', 15],
      ['产业示范带头与辐射作用', 15],
      ['对产业升级和创新发展的支撑作用', 15],
      ['协同保护与运营工作方案', 15],
    ]);
    expect(maxTotal(DEFAULT_CRITERIA)).toBe(100);
    expect(t.criteria.every((c) => c.step === 0.5)).toBe(true);
    expect([t.passLine, t.quorum, t.version]).toEqual([70, 3, 1]);
    expect(checkTemplate(t)).toEqual({ errors: [], warnings: [] });
  });

  it('checks step and max, and says when the sum is not 100', () => {
    expect(onStep(12.5, 0.5)).toBe(true);
    expect(onStep(12.3, 0.5)).toBe(false);
    expect(onStep(0.3, 0.1)).toBe(true);
    const bad = checkTemplate({
      passLine: 70,
      quorum: 3,
      criteria: [
        { key: 'a', title: '甲项', max: 0, step: 0.5, description: '' },
        { key: 'b', title: '乙项', max: 10, step: 3, description: '' },
        { key: 'c', title: '丙项', max: 50, step: 1, description: '' },
      ],
    });
    expect(bad.errors).toContain('“甲项”的满分应大于0（现为0）');
    expect(bad.errors).toContain('“乙项”的满分10不是步长3的整数倍，请调整满分或步长');
    expect(bad.warnings[0]).toContain('合计为60分，不是100分');
    expect(
      checkTemplate({ passLine: 70, quorum: 3, criteria: [{ key: 'a', title: '甲项', max: 60, step: 1, description: '' }] }).errors[0],
    ).toContain('及格线70分高于满分合计60分');
  });

  it('is edited in place until frozen; then a new version needs a reason', () => {
    expect(planTemplateChange(undefined, false, undefined)).toEqual({ ok: true, action: 'replace', version: 1 });
    expect(planTemplateChange({ version: 1 }, false, undefined)).toEqual({ ok: true, action: 'replace', version: 1 });
    const refused = planTemplateChange({ version: 1 }, true, ' ');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain('已冻结');
    expect(planTemplateChange({ version: 1 }, true, '评审会决定调整权重')).toEqual({ ok: true, action: 'newVersion', version: 2 });
    expect(isFrozen(1, [{ templateVersion: 1 }])).toBe(true);
    expect(isFrozen(2, [{ templateVersion: 1 }])).toBe(false);
  });

  it('gives missing keys c1, c2 … without clashing', () => {
    expect(withKeys([{ key: 'c1' }, {}, {}]).map((c) => c.key)).toEqual(['c1', 'c2', 'c3']);
  });
});
