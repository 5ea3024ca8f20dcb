/**
 * 评审分配 (assignment of applications to panel experts). Pure and deterministic.
 *
 * - `all`: every accepted application to every panel expert.
 * - `balanced`: N experts per application; for each application (in id order) the free, conflict-free
 *   experts with the lightest load are taken, ties broken by a rotation of the panel order so the
 *   first experts on the panel do not always win.
 * Pairs with a conflict of interest are recorded with status `conflict` (and the reasons), never
 * active; an override needs a reason. A recusal (回避) afterwards marks an assignment `recused`: its
 * sheets stay in the history but are excluded from the aggregate. Existing pairs are never duplicated,
 * so assigning again only tops up.
 */
import type { Assignment } from '../contract/expert-review/scoring.js';
import type { ConflictReason } from '../contract/expert-review-labels.js';
import { conflictFindings, type ConflictApplicant, type ConflictExpert } from './conflicts.js';

export interface PanelExpert extends ConflictExpert {
  id: string;
}

export interface AssignApplication extends ConflictApplicant {
  id: string;
}

export interface PlannedPair {
  applicationId: string;
  expertId: string;
  status: 'active' | 'conflict';
  conflictReasons: string[];
  /** The kind of each reason, index by index. */
  conflictCodes: ConflictReason[];
}

export interface AssignmentPlan {
  pairs: PlannedPair[];
  shortfalls: { applicationId: string; needed: number; assigned: number }[];
}

export function planAssignments(input: {
  applications: readonly AssignApplication[];
  experts: readonly PanelExpert[];
  existing: readonly Pick<Assignment, 'applicationId' | 'expertId' | 'status'>[];
  mode: 'all' | 'balanced';
  perApplication?: number;
}): AssignmentPlan {
  const { experts, mode } = input;
  const apps = [...input.applications].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const existing = new Set(input.existing.map((a) => `${a.applicationId}|${a.expertId}`));
  const load = new Map<string, number>(experts.map((e) => [e.id, 0]));
  for (const a of input.existing) if (a.status === 'active' && load.has(a.expertId)) load.set(a.expertId, load.get(a.expertId)! + 1);
  const pairs: PlannedPair[] = [];
  const shortfalls: AssignmentPlan['shortfalls'] = [];
  const per = mode === 'all' ? experts.length : Math.max(1, input.perApplication ?? 3);

  apps.forEach((app, index) => {
    const free: PanelExpert[] = [];
    let active = input.existing.filter((a) => a.applicationId === app.id && a.status === 'active').length;
    for (const e of experts) {
      if (existing.has(`${app.id}|${e.id}`)) continue;
      const found = conflictFindings(e, app);
      if (found.length) {
        pairs.push({
          applicationId: app.id,
          expertId: e.id,
          status: 'conflict',
          conflictReasons: found.map((f) => f.text),
          conflictCodes: found.map((f) => f.reason),
        });
        existing.add(`${app.id}|${e.id}`);
      } else free.push(e);
    }
    const order = new Map(experts.map((e, i) => [e.id, (i - index + experts.length * 1000) % Math.max(1, experts.length)]));
    const chosen =
      mode === 'all'
        ? free
        : [...free]
            .sort((a, b) => load.get(a.id)! - load.get(b.id)! || order.get(a.id)! - order.get(b.id)!)
            .slice(0, Math.max(0, per - active));
    for (const e of chosen) {
      pairs.push({ applicationId: app.id, expertId: e.id, status: 'active', conflictReasons: [], conflictCodes: [] });
      existing.add(`${app.id}|${e.id}`);
      load.set(e.id, load.get(e.id)! + 1);
      active++;
    }
    if (mode === 'balanced' && active < per) shortfalls.push({ applicationId: app.id, needed: per, assigned: active });
  });
  return { pairs, shortfalls };
}

export type AssignmentChange =
  { ok: true; status: Assignment['status'] } | { ok: false; code: 'NEEDS_REASON' | 'RULE_VIOLATION'; message: string };

/** Override a conflict: only a `conflict` pair, only with a reason; it becomes active (reasons kept). */
export function overrideConflict(a: Pick<Assignment, 'status' | 'conflictReasons'>, reason: string | undefined): AssignmentChange {
  if (a.status !== 'conflict')
    return {
      ok: false,
      code: 'RULE_VIOLATION',
      message: a.status === 'recused' ? '该专家已回避，不能再分配给此申报。' : '该分配没有利益冲突，无需例外分配。',
    };
  if (!reason?.trim() || reason.trim().length < 2) {
    return {
      ok: false,
      code: 'NEEDS_REASON',
      message: `该专家与申报单位存在利益冲突（${a.conflictReasons.join('；')}）。如确需由其评审，请填写理由（至少2个字），理由将记入评审记录和操作日志。`,
    };
  }
  return { ok: true, status: 'active' };
}

/** Recuse (回避): an active pair becomes recused, with a reason; its sheets no longer count. */
export function recuse(a: Pick<Assignment, 'status'>, reason: string | undefined): AssignmentChange {
  if (a.status === 'recused') return { ok: false, code: 'RULE_VIOLATION', message: '该专家已办理回避。' };
  if (a.status === 'conflict') return { ok: false, code: 'RULE_VIOLATION', message: '该分配因利益冲突本就未生效，无需回避。' };
  if (!reason?.trim() || reason.trim().length < 2)
    return {
      ok: false,
      code: 'NEEDS_REASON',
      message: '请填写回避理由（至少2个字），理由将记入评审记录和操作日志；该专家的评分将不计入汇总，但保留在历史中。',
    };
  return { ok: true, status: 'recused' };
}
