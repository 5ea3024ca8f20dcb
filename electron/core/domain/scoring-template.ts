/**
 * 评分表 (scoring template): the DOMAIN.md default, validation, and the freeze rule. Pure.
 *
 * Freeze rule: a template version is frozen as soon as one score sheet names it. Until then the
 * secretariat may edit it in place; afterwards a change makes a new version (N+1) and needs a reason.
 */
import type { Criterion, ScoringTemplate } from '../contract/expert-review/scoring.js';

export const DEFAULT_PASS_LINE = 70;
export const DEFAULT_QUORUM = 3;
export const DEFAULT_STEP = 0.5;

export const DEFAULT_CRITERIA: readonly Criterion[] = [
  { key: 'c1', title: '知识产权管理制度与重视程度', max: 15, step: DEFAULT_STEP, description: '知识产权工作受重视程度，管理制度是否健全' },
  { key: 'c2', title: '工作团队', max: 15, step: DEFAULT_STEP, description: '有稳定的知识产权工作团队' },
  { key: 'c3', title: '办公场所与保障条件', max: 10, step: DEFAULT_STEP, description: '有固定的办公场所和开展工作的保障条件' },
  { key: 'c4', title: '知识产权集聚度', max: 15, step: DEFAULT_STEP, description: '具有一定的知识产权集聚度' },
  { key: 'c5', title: '产业示范带头与辐射作用', max: 15, step: DEFAULT_STEP, description: '在产业内具有示范带头和辐射作用' },
  {
    key: 'c6',
    title: '对产业升级和创新发展的支撑作用',
    max: 15,
    step: DEFAULT_STEP,
    description: '对产业转型升级和创新发展有明显支撑作用',
  },
  { key: 'c7', title: '协同保护与运营工作方案', max: 15, step: DEFAULT_STEP, description: '具备开展协同保护与运营工作的方案和能力' },
];

export function defaultTemplate(at: string, by = '系统默认'): ScoringTemplate {
  return {
    version: 1,
    criteria: DEFAULT_CRITERIA.map((c) => ({ ...c })),
    passLine: DEFAULT_PASS_LINE,
    quorum: DEFAULT_QUORUM,
    createdAt: at,
    createdBy: by,
  };
}

const EPS = 1e-9;

/** true when value is a whole multiple of step (0.5: 12.5 yes, 12.3 no). */
export function onStep(value: number, step: number): boolean {
  if (!(step > 0)) return false;
  const q = value / step;
  return Math.abs(q - Math.round(q)) < 1e-7;
}

/** Sum rounded to 2 decimals (no floating-point crumbs such as 84.99999999). */
export function round2(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

export function maxTotal(criteria: readonly Pick<Criterion, 'max'>[]): number {
  return round2(criteria.reduce((s, c) => s + c.max, 0));
}

export interface TemplateCheck {
  /** Problems that stop the template being saved. */
  errors: string[];
  /** Things to say but not to refuse (e.g. the criteria do not sum to 100). */
  warnings: string[];
}

/**
 * Problems of a list of criteria (shared by the scoring template and the 中期考核表): at least one, unique
 * titles and keys, max > 0, step > 0 and dividing max. `sheet`/`item` name them (评分表/评分项, 考核表/考核项).
 */
export function criteriaProblems(criteria: readonly Criterion[], sheet: string, item: string): string[] {
  const errors: string[] = [];
  if (criteria.length === 0) errors.push(`${sheet}至少需要一个${item}`);
  const titles = new Set<string>();
  const keys = new Set<string>();
  for (const c of criteria) {
    const name = `“${c.title}”`;
    if (titles.has(c.title)) errors.push(`${item}${name}重复，请改名或合并`);
    titles.add(c.title);
    if (keys.has(c.key)) errors.push(`${item}代码 ${c.key} 重复`);
    keys.add(c.key);
    if (!(c.max > 0)) errors.push(`${name}的满分应大于0（现为${c.max}）`);
    if (!(c.step > 0)) errors.push(`${name}的分值步长应大于0（现为${c.step}）`);
    else if (c.max > 0 && !onStep(c.max, c.step)) errors.push(`${name}的满分${c.max}不是步长${c.step}的整数倍，请调整满分或步长`);
  }
  return errors;
}

/** Validation: criteria max > 0, step > 0 and divides max, unique titles and keys, pass line ≤ total, sum = 100 or say so. */
export function checkTemplate(t: Pick<ScoringTemplate, 'criteria' | 'passLine' | 'quorum'>): TemplateCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  errors.push(...criteriaProblems(t.criteria, '评分表', '评分项'));
  const total = maxTotal(t.criteria);
  if (t.passLine > total + EPS) errors.push(`及格线${t.passLine}分高于满分合计${total}分`);
  if (t.criteria.length && Math.abs(total - 100) > EPS)
    warnings.push(`各评分项满分合计为${total}分，不是100分；及格线${t.passLine}分按合计${total}分理解`);
  if (t.quorum < 1) errors.push('最少专家人数至少为1');
  return { errors, warnings };
}

/** Keys c1, c2, … for criteria that came without one. */
export function withKeys<C extends { key?: string | undefined }>(criteria: readonly C[]): (C & { key: string })[] {
  const used = new Set(criteria.map((c) => c.key).filter((k): k is string => !!k));
  let n = 1;
  return criteria.map((c) => {
    if (c.key) return { ...c, key: c.key };
    while (used.has(`c${n}`)) n++;
    used.add(`c${n}`);
    return { ...c, key: `c${n}` };
  });
}

export type TemplateChange =
  | { ok: true; action: 'replace'; version: number }
  | { ok: true; action: 'newVersion'; version: number }
  | { ok: false; needsReason: true; message: string };

/**
 * How a save applies: edit the current version in place while it is not frozen; once frozen a new
 * version is made, and only with a reason.
 */
export function planTemplateChange(
  current: Pick<ScoringTemplate, 'version'> | undefined,
  frozen: boolean,
  reason: string | undefined,
): TemplateChange {
  if (!current) return { ok: true, action: 'replace', version: 1 };
  if (!frozen) return { ok: true, action: 'replace', version: current.version };
  if (!reason?.trim()) {
    return {
      ok: false,
      needsReason: true,
      message: `第${current.version}版评分表已有专家评分，已冻结。如确需修改，请填写修改理由，将另存为第${current.version + 1}版（已录入的评分仍按原版本保留）。`,
    };
  }
  return { ok: true, action: 'newVersion', version: current.version + 1 };
}

/** A version is frozen once any sheet (current or superseded) was recorded against it. */
export function isFrozen(version: number, sheets: readonly { templateVersion: number }[]): boolean {
  return sheets.some((s) => s.templateVersion === version);
}
