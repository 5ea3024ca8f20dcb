/** 专家评审（秘书处）: scoring template per batch, panel, assignments, 代录, results and leniency. */
import { DeskError } from '../../contract/errors.js';
import type { ReviewPart, ScoringTemplate } from '../../contract/expert-review/scoring.js';
import type { MethodOutput } from '../../contract/index.js';
import { overrideConflict, planAssignments, recuse, type AssignmentChange } from '../../domain/assignment.js';
import { leniency } from '../../domain/leniency.js';
import { checkTemplate, isFrozen, planTemplateChange, withKeys } from '../../domain/scoring-template.js';
import { enteredSheetVersion } from '../../domain/score-sheet.js';
import { allApplications, batchLabel, operator } from '../applications/store.js';
import { findExpert } from './experts.js';
import { batchOfApplication, currentSheet, recordExpertSheets } from './score-sheets.js';
import { countedSheets, currentTemplate, expertNames, reviewPartOf, scoringResults } from '../../services/scoring.js';
import type { AreaHandlers, HandlerContext } from '../types.js';
import { assertBatchAllows, moveBatch } from '../batch-state.js';

type Methods =
  | 'scoring.getTemplate'
  | 'scoring.saveTemplate'
  | 'scoring.setPanel'
  | 'scoring.overview'
  | 'scoring.assign'
  | 'scoring.overrideConflict'
  | 'scoring.recuse'
  | 'scoring.enterSheet'
  | 'scoring.results'
  | 'scoring.leniency';

function templateView(batchId: string, part: Readonly<ReviewPart>): MethodOutput<'scoring.getTemplate'> {
  const current = currentTemplate(part);
  return {
    batchId,
    current: structuredClone(current),
    versions: structuredClone(part.templates),
    frozen: isFrozen(current.version, part.scoreSheets),
    isDefault: part.templates.length === 0,
    warnings: checkTemplate(current).warnings,
  };
}

function overview(batchId: string, part: Readonly<ReviewPart>): MethodOutput<'scoring.overview'> {
  return {
    batchId,
    panel: [...part.panel.expertIds],
    assignments: structuredClone(part.assignments),
    sheets: structuredClone(part.scoreSheets.filter((s) => !s.supersededBy)),
  };
}

function batchOfAssignment(id: string): string {
  const m = /^(\d{4}-\d+)-A\d+$/.exec(id);
  if (!m) throw new DeskError('NOT_FOUND', `找不到评审分配 ${id}，请刷新后重试。`);
  return m[1]!;
}

function applyChange(change: AssignmentChange): asserts change is { ok: true; status: 'active' | 'recused' | 'conflict' } {
  if (!change.ok) throw new DeskError(change.code, change.message);
}

export const scoringHandlers: AreaHandlers<Methods> = {
  'scoring.getTemplate': async (input, ctx) => templateView(input.batchId, await reviewPartOf(ctx, input.batchId)),

  'scoring.saveTemplate': async (input, ctx) => {
    const batch = assertBatchAllows(ctx, input.batchId, 'editScoringTemplate');
    const criteria = withKeys(input.criteria);
    const check = checkTemplate({ criteria, passLine: input.passLine, quorum: input.quorum });
    if (check.errors.length) throw new DeskError('INVALID_INPUT', `评分表未保存：${check.errors.join('；')}。`, { errors: check.errors });
    const now = ctx.clock().toISOString();
    const by = operator(ctx);
    return ctx.store
      .writeKeyed(
        'scores',
        batch.id,
        (draft) => {
          assertBatchAllows(ctx, batch.id, 'editScoringTemplate');
          const current = draft.templates.at(-1);
          const plan = planTemplateChange(current, current ? isFrozen(current.version, draft.scoreSheets) : false, input.reason);
          if (!plan.ok) throw new DeskError('NEEDS_REASON', plan.message);
          const next: ScoringTemplate = {
            version: plan.version,
            criteria,
            passLine: input.passLine,
            quorum: input.quorum,
            createdAt: now,
            createdBy: by,
            ...(plan.action === 'newVersion' ? { reason: input.reason!.trim() } : {}),
          };
          if (plan.action === 'replace' && current) draft.templates[draft.templates.length - 1] = next;
          else draft.templates.push(next);
          return { view: templateView(batch.id, draft), before: current, action: plan.action };
        },
        (r) => ({
          method: 'scoring.saveTemplate',
          entity: `scores:${batch.id}`,
          summary: `${r.action === 'newVersion' ? `评分表另存为第${r.view.current.version}版（理由：${input.reason}）` : `保存评分表第${r.view.current.version}版`}：${batchLabel(batch)}，${criteria.length}项，及格线${input.passLine}分${check.warnings.length ? `；${check.warnings.join('；')}` : ''}`,
          before: r.before,
          after: r.view.current,
        }),
      )
      .then((r) => r.view);
  },

  'scoring.setPanel': async (input, ctx) => {
    const batch = assertBatchAllows(ctx, input.batchId, 'setPanel');
    const ids = [...new Set(input.expertIds)];
    for (const id of ids) {
      const e = findExpert(ctx, id);
      if (e.retired) throw new DeskError('RULE_VIOLATION', `专家“${e.name}”已退出专家库，不能加入评审专家组。`);
    }
    return ctx.store
      .writeKeyed(
        'scores',
        batch.id,
        (draft) => {
          assertBatchAllows(ctx, batch.id, 'setPanel');
          const before = [...draft.panel.expertIds];
          const removed = before.filter((id) => !ids.includes(id));
          const busy = removed.filter((id) => draft.assignments.some((a) => a.expertId === id && a.status !== 'conflict'));
          if (busy.length) {
            const names = busy.map((id) => findExpert(ctx, id).name).join('、');
            throw new DeskError(
              'RULE_VIOLATION',
              `${names}已有评审分配，不能直接移出专家组。请先对其分配办理回避（填写理由），再调整专家组。`,
            );
          }
          draft.assignments = draft.assignments.filter((a) => !removed.includes(a.expertId));
          draft.panel = { expertIds: ids, updatedAt: ctx.clock().toISOString() };
          return { view: overview(batch.id, draft), before };
        },
        (r) => ({
          method: 'scoring.setPanel',
          entity: `scores:${batch.id}`,
          summary: `设定${batchLabel(batch)}评审专家组：${ids.map((id) => findExpert(ctx, id).name).join('、') || '（空）'}`,
          before: r.before,
          after: ids,
        }),
      )
      .then((r) => r.view);
  },

  'scoring.overview': async (input, ctx) => overview(input.batchId, await reviewPartOf(ctx, input.batchId)),

  'scoring.assign': async (input, ctx) => {
    const batch = assertBatchAllows(ctx, input.batchId, 'assignReview');
    const part = await reviewPartOf(ctx, batch.id);
    if (!part.panel.expertIds.length) throw new DeskError('RULE_VIOLATION', `${batchLabel(batch)}尚未设定评审专家组，请先选择专家。`);
    if (input.mode === 'balanced' && !input.perApplication)
      throw new DeskError('INVALID_INPUT', '按人数均衡分配时，请填写每个申报的专家人数。');
    const apps = (await allApplications(ctx, batch.id)).filter((a) => a.status === 'accepted');
    if (!apps.length) throw new DeskError('RULE_VIOLATION', `${batchLabel(batch)}还没有已受理的申报，无法分配评审。`);
    const experts = part.panel.expertIds.map((id) => findExpert(ctx, id));
    const now = ctx.clock().toISOString();
    const report = await ctx.store.writeKeyed(
      'scores',
      batch.id,
      (draft) => {
        assertBatchAllows(ctx, batch.id, 'assignReview');
        const plan = planAssignments({
          applications: apps.map((a) => ({ id: a.id, name: a.applicant.name, uscc: a.applicant.uscc })),
          experts,
          existing: draft.assignments,
          mode: input.mode,
          ...(input.perApplication ? { perApplication: input.perApplication } : {}),
        });
        let n = draft.assignments.reduce((m, a) => Math.max(m, Number(/-A(\d+)$/.exec(a.id)?.[1] ?? 0)), 0);
        const created = plan.pairs.map((p) => ({ id: `${batch.id}-A${String(++n).padStart(5, '0')}`, ...p, createdAt: now }));
        draft.assignments.push(...created);
        const conflicts = created
          .filter((a) => a.status === 'conflict')
          .map((a) => ({
            assignmentId: a.id,
            applicationId: a.applicationId,
            expertId: a.expertId,
            reasons: a.conflictReasons,
            codes: a.conflictCodes,
          }));
        const active = created.filter((a) => a.status === 'active').length;
        const message = `新分配${active}项评审任务${conflicts.length ? `；发现${conflicts.length}处利益冲突，未分配（如确需评审，请逐项填写理由后例外分配）` : ''}${plan.shortfalls.length ? `；${plan.shortfalls.length}个申报可分配的专家不足${input.perApplication}人，请扩充专家组` : ''}。`;
        return { created: active, conflicts, shortfalls: plan.shortfalls, assignments: structuredClone(draft.assignments), message };
      },
      (r) => ({
        method: 'scoring.assign',
        entity: `scores:${batch.id}`,
        summary: `分配评审任务（${input.mode === 'all' ? '全部专家评审全部申报' : `每个申报${input.perApplication}位专家`}）：${batchLabel(batch)}，${r.message}`,
        after: { created: r.created, conflicts: r.conflicts },
      }),
    );
    // 开始评审: the batch's first assignments move it to 评审中 (intake ends; no new applications).
    if (report.assignments.length > 0) await moveBatch(ctx, batch.id, 'assignReview', 'scoring.assign');
    return report;
  },

  'scoring.overrideConflict': (input, ctx) => changeAssignment(ctx, input.assignmentId, input.reason, 'override'),
  'scoring.recuse': (input, ctx) => changeAssignment(ctx, input.assignmentId, input.reason, 'recuse'),

  'scoring.enterSheet': async (input, ctx) => {
    const batchId = batchOfApplication(input.applicationId);
    const part = await reviewPartOf(ctx, batchId);
    findExpert(ctx, input.expertId);
    const previous = currentSheet(part, input.applicationId, input.expertId);
    const templateVersion = currentTemplate(part).version;
    // 代录 with no change makes no new version (domain/score-sheet.ts enteredSheetVersion).
    const version = enteredSheetVersion(previous, { ...input, templateVersion });
    if (version === null) {
      assertBatchAllows(ctx, batchId, 'recordScores');
      return { ...structuredClone(previous!), unchanged: true };
    }
    const r = await recordExpertSheets(
      ctx,
      batchId,
      input.expertId,
      [
        {
          applicationId: input.applicationId,
          templateVersion,
          version,
          scores: input.scores,
          comment: input.comment,
          recommendation: input.recommendation,
          ...(input.signedOn ? { signedOn: input.signedOn } : {}),
        },
      ],
      'secretariat',
    );
    return r.sheets[0]!;
  },

  'scoring.results': (input, ctx) => scoringResults(ctx, input.batchId),

  'scoring.leniency': async (input, ctx) => {
    const part = await reviewPartOf(ctx, input.batchId);
    return leniency(countedSheets(part, currentTemplate(part)).counted, expertNames(ctx));
  },
};

async function changeAssignment(ctx: HandlerContext, assignmentId: string, reason: string | undefined, action: 'override' | 'recuse') {
  const batchId = batchOfAssignment(assignmentId);
  const batch = assertBatchAllows(ctx, batchId, 'changeAssignment');
  const part = await reviewPartOf(ctx, batchId);
  const found = part.assignments.find((a) => a.id === assignmentId);
  if (!found) throw new DeskError('NOT_FOUND', `找不到评审分配 ${assignmentId}，请刷新后重试。`);
  applyChange(action === 'override' ? overrideConflict(found, reason) : recuse(found, reason));
  const expert = findExpert(ctx, found.expertId);
  const note = { reason: reason!.trim(), at: ctx.clock().toISOString(), by: operator(ctx) };
  return ctx.store.writeKeyed(
    'scores',
    batchId,
    (draft) => {
      assertBatchAllows(ctx, batchId, 'changeAssignment');
      const a = draft.assignments.find((x) => x.id === assignmentId)!;
      const change = action === 'override' ? overrideConflict(a, reason) : recuse(a, reason);
      applyChange(change);
      a.status = change.status;
      if (action === 'override') a.override = note;
      else a.recusal = note;
      return structuredClone(a);
    },
    (a) => ({
      method: action === 'override' ? 'scoring.overrideConflict' : 'scoring.recuse',
      entity: `assignment:${assignmentId}`,
      summary:
        action === 'override'
          ? `利益冲突例外分配：${expert.name} 评审 ${a.applicationId}（${batchLabel(batch)}），冲突：${a.conflictReasons.join('；')}；理由：${note.reason}`
          : `专家回避：${expert.name} 不再评审 ${a.applicationId}（${batchLabel(batch)}），其评分不计入汇总、保留在历史中；理由：${note.reason}`,
      before: found,
      after: a,
    }),
  );
}
