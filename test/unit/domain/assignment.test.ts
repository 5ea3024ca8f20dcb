import { describe, expect, it } from 'vitest';
import { overrideConflict, planAssignments, recuse } from '../../../electron/core/domain/assignment.js';

const experts = ['e1', 'e2', 'e3', 'e4', 'e5'].map((id) => ({ id, organisation: `${id}大学`, declaredConflicts: [] as string[] }));
const apps = Array.from({ length: 10 }, (_, i) => ({
  id: `2026-1-${String(i + 1).padStart(4, '0')}`,
  name: `单位${i}有限公司`,
  uscc: `U${i}`,
}));

describe('assignment', () => {
  it('all: every application to every expert, conflicts recorded not active', () => {
    const ex = [...experts.slice(0, 2), { id: 'e9', organisation: '单位3有限责任公司', declaredConflicts: [] }];
    const plan = planAssignments({ applications: apps, experts: ex, existing: [], mode: 'all' });
    expect(plan.pairs.filter((p) => p.status === 'active')).toHaveLength(29);
    expect(plan.pairs.filter((p) => p.status === 'conflict')).toEqual([
      {
        applicationId: '2026-1-0004',
        expertId: 'e9',
        status: 'conflict',
        conflictReasons: [expect.stringContaining('同一单位')],
        conflictCodes: ['sameOrganisation'],
      },
    ]);
  });

  it('balanced: N per application, spread evenly, deterministic, skipping conflicts', () => {
    const ex = experts.map((e) => (e.id === 'e1' ? { ...e, declaredConflicts: ['单位0有限公司'] } : e));
    const plan = planAssignments({ applications: apps, experts: ex, existing: [], mode: 'balanced', perApplication: 3 });
    const active = plan.pairs.filter((p) => p.status === 'active');
    expect(active).toHaveLength(30);
    const load = new Map<string, number>();
    for (const p of active) load.set(p.expertId, (load.get(p.expertId) ?? 0) + 1);
    expect(Math.max(...load.values()) - Math.min(...load.values())).toBeLessThanOrEqual(1);
    expect(active.some((p) => p.applicationId === '2026-1-0001' && p.expertId === 'e1')).toBe(false);
    expect(plan.shortfalls).toEqual([]);
    expect(planAssignments({ applications: apps, experts: ex, existing: [], mode: 'balanced', perApplication: 3 })).toEqual(plan);
  });

  it('tops up without duplicating, and reports a shortfall', () => {
    const first = planAssignments({
      applications: apps.slice(0, 1),
      experts: experts.slice(0, 2),
      existing: [],
      mode: 'balanced',
      perApplication: 3,
    });
    expect(first.shortfalls).toEqual([{ applicationId: '2026-1-0001', needed: 3, assigned: 2 }]);
    const again = planAssignments({
      applications: apps.slice(0, 1),
      experts: experts.slice(0, 2),
      existing: first.pairs,
      mode: 'balanced',
      perApplication: 3,
    });
    expect(again.pairs).toEqual([]);
  });

  it('override needs a reason; recusal needs a reason and only applies to active', () => {
    const c = { status: 'conflict' as const, conflictReasons: ['同一单位'] };
    expect(overrideConflict(c, '')).toMatchObject({ ok: false, code: 'NEEDS_REASON' });
    expect(overrideConflict(c, '该单位无其他同领域专家')).toEqual({ ok: true, status: 'active' });
    expect(overrideConflict({ status: 'active', conflictReasons: [] }, '理由')).toMatchObject({ ok: false, code: 'RULE_VIOLATION' });
    expect(recuse({ status: 'active' }, undefined)).toMatchObject({ ok: false, code: 'NEEDS_REASON' });
    expect(recuse({ status: 'active' }, '近亲属任职')).toEqual({ ok: true, status: 'recused' });
    expect(recuse({ status: 'recused' }, '再次')).toMatchObject({ ok: false });
  });
});
