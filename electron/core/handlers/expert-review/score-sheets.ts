/**
 * Score sheets of one batch: the store access shared by the secretariat (代录) and the package import
 * (result files). Exported for electron/core/exchange:
 *   reviewPartOf(ctx, batchId)                       the keyed part scores-<batchId>
 *   planExpertSheets(part, …) / diffSheets(old, new)  preview without writing
 *   recordExpertSheets(ctx, batchId, expertId, sheets, source)
 *                                                    validate all, apply whole or not at all
 */
import { DeskError } from '../../contract/errors.js';
import type { Expert } from '../../contract/expert-review/experts.js';
import {
  RECOMMENDATION_LABELS,
  type ReviewPart,
  type ScoreSheet,
  type ScoringTemplate,
  type SheetSource,
  type SheetSubmission,
} from '../../contract/expert-review/scoring.js';
import { checkSheet, sheetTotal } from '../../domain/score-sheet.js';
import { defaultTemplate } from '../../domain/scoring-template.js';
import { operator } from '../applications/store.js';
import { currentTemplate, reviewPartOf } from '../../services/scoring.js';
import type { HandlerContext } from '../types.js';
import { assertBatchAllows } from '../batch-state.js';

const APP_ID = /^(\d{4}-\d+)-\d+$/;

export function batchOfApplication(applicationId: string): string {
  const m = APP_ID.exec(applicationId);
  if (!m) throw new DeskError('NOT_FOUND', `找不到编号为 ${applicationId} 的申报，请刷新列表后重试。`);
  return m[1]!;
}

// The review part and the template in force live in services/scoring.ts (shared with results and documents).
export { currentTemplate, reviewPartOf } from '../../services/scoring.js';

/** Current (not superseded) sheet of one expert for one application. */
export function currentSheet(part: Readonly<ReviewPart>, applicationId: string, expertId: string): ScoreSheet | undefined {
  return part.scoreSheets.find((s) => s.applicationId === applicationId && s.expertId === expertId && !s.supersededBy);
}

export interface SheetDiff {
  applicationId: string;
  kind: 'new' | 'unchanged' | 'changed';
  changes: { field: string; label: string; before: string | number | null; after: string | number | null }[];
}

type Comparable = Pick<SheetSubmission, 'applicationId' | 'scores' | 'comment' | 'recommendation' | 'templateVersion'> & {
  signedOn?: string | undefined;
};

/** What a new sheet changes against the stored one (criterion titles when the template is given). */
export function diffSheets(old: Comparable | undefined, next: Comparable, template?: Pick<ScoringTemplate, 'criteria'>): SheetDiff {
  const changes: SheetDiff['changes'] = [];
  const keys = template
    ? template.criteria.map((c) => c.key)
    : [...new Set([...Object.keys(old?.scores ?? {}), ...Object.keys(next.scores)])].sort();
  const title = (k: string) => template?.criteria.find((c) => c.key === k)?.title ?? k;
  for (const k of keys) {
    const b = old?.scores[k] ?? null;
    const a = next.scores[k] ?? null;
    if (b !== a) changes.push({ field: `scores.${k}`, label: title(k), before: b, after: a });
  }
  if (template) {
    const b = old ? sheetTotal(template, old.scores) : null;
    const a = sheetTotal(template, next.scores);
    if (b !== a) changes.push({ field: 'total', label: '总分', before: b, after: a });
  }
  const simple: [keyof Comparable, string, (v: unknown) => string | number | null][] = [
    ['comment', '评语', (v) => (v as string | undefined) ?? null],
    ['recommendation', '推荐意见', (v) => (v ? RECOMMENDATION_LABELS[v as 'recommend'] : null)],
    ['signedOn', '签字日期', (v) => (v as string | undefined) ?? null],
    ['templateVersion', '评分表版本', (v) => (v as number | undefined) ?? null],
  ];
  for (const [field, label, f] of simple) {
    const b = old ? f(old[field]) : null;
    const a = f(next[field]);
    if (b !== a) changes.push({ field, label, before: b, after: a });
  }
  return { applicationId: next.applicationId, kind: !old ? 'new' : changes.length ? 'changed' : 'unchanged', changes };
}

export interface SheetPlanItem {
  submission: SheetSubmission;
  kind: 'new' | 'unchanged' | 'newer';
  total: number;
  scores: Record<string, number>;
  previous?: ScoreSheet;
  diff: SheetDiff;
}

export interface SheetPlan {
  items: SheetPlanItem[];
  /** Chinese problems; any problem means nothing is applied. */
  problems: string[];
}

/** Check every sheet of one expert against the part (assignment, template version, domain rule, sheet version). */
export function planExpertSheets(
  part: Readonly<ReviewPart>,
  experts: readonly Expert[],
  expertId: string,
  sheets: readonly SheetSubmission[],
): SheetPlan {
  const problems: string[] = [];
  const items: SheetPlanItem[] = [];
  const expert = experts.find((e) => e.id === expertId);
  if (!expert) return { items, problems: [`专家库中没有编号为 ${expertId} 的专家`] };
  const template = currentTemplate(part);
  const seen = new Set<string>();
  const many = sheets.length > 1;
  for (const s of sheets) {
    const where = many ? `申报 ${s.applicationId}：` : '';
    if (seen.has(s.applicationId)) {
      problems.push(`${where}同一申报出现了两份评分表`);
      continue;
    }
    seen.add(s.applicationId);
    const assignment = part.assignments.find((a) => a.applicationId === s.applicationId && a.expertId === expertId);
    if (!assignment) {
      problems.push(`${where}${expert.name}未被分配评审申报 ${s.applicationId}`);
      continue;
    }
    if (assignment.status === 'recused') {
      problems.push(`${where}${expert.name}已对该申报回避，评分不能再录入`);
      continue;
    }
    if (assignment.status === 'conflict') {
      problems.push(
        `${where}${expert.name}与该申报单位存在利益冲突，未分配评审（${assignment.conflictReasons.join('；')}）；如确需评审，请先办理例外分配并填写理由`,
      );
      continue;
    }
    if (s.templateVersion !== template.version) {
      problems.push(`${where}评分基于第${s.templateVersion}版评分表，本批次现行为第${template.version}版，请按现行评分表重新评分`);
      continue;
    }
    const check = checkSheet(template, s);
    if (!check.ok) {
      problems.push(...check.problems.map((p) => `${where}${p}`));
      continue;
    }
    const previous = currentSheet(part, s.applicationId, expertId);
    const diff = diffSheets(previous, s, template);
    let kind: SheetPlanItem['kind'] = 'new';
    if (previous) {
      if (s.version < previous.version) {
        problems.push(
          `${where}评分表版本（第${s.version}版）比已录入的版本（第${previous.version}版）旧，未导入；如需更正，请提交更新的版本`,
        );
        continue;
      }
      if (s.version === previous.version) {
        if (diff.kind !== 'unchanged') {
          problems.push(`${where}评分表版本号（第${s.version}版）与已录入的相同，但内容不同；请提交新版本号的评分表`);
          continue;
        }
        kind = 'unchanged';
      } else kind = 'newer';
    }
    items.push({ submission: s, kind, total: check.total, scores: check.scores, ...(previous ? { previous } : {}), diff });
  }
  return { items, problems };
}

export interface RecordResult {
  applied: number;
  unchanged: number;
  superseded: number;
  sheets: ScoreSheet[];
}

/**
 * Validate all sheets of one expert and apply them whole or not at all (one durable write, audited).
 * Older version than stored → refused; same version, same content → no-op; newer → supersedes (the
 * older sheet is kept with supersededBy). Throws RULE_VIOLATION listing every problem.
 */
export interface RecordOptions {
  /** The contract method to audit under (default: scoring.enterSheet for the secretariat, results.apply for packages). */
  method?: string;
  /** Runs inside the same durable write, after the sheets are applied (e.g. to mark a result file applied). */
  onDraft?: (draft: ReviewPart) => void;
  /** The result file the sheets came from, named in the audit summary. */
  fileName?: string;
}

export async function recordExpertSheets(
  ctx: HandlerContext,
  batchId: string,
  expertId: string,
  sheets: readonly SheetSubmission[],
  source: SheetSource,
  opts: RecordOptions = {},
): Promise<RecordResult> {
  assertBatchAllows(ctx, batchId, 'recordScores');
  const experts = ctx.store.read('experts').experts;
  for (const s of sheets)
    if (batchOfApplication(s.applicationId) !== batchId)
      throw new DeskError('RULE_VIOLATION', `申报 ${s.applicationId} 不属于批次 ${batchId}，未录入任何评分。`);
  const now = ctx.clock().toISOString();
  const by = operator(ctx);
  const expertName = experts.find((e) => e.id === expertId)?.name ?? expertId;
  const refuse = (problems: string[]) =>
    new DeskError('RULE_VIOLATION', `评分未录入（全部未录入）：${problems.join('；')}。请核对后重新提交。`, { problems });
  // Check first against what is stored: problems change nothing, and a repeat of stored sheets writes nothing.
  const first = planExpertSheets(await reviewPartOf(ctx, batchId), experts, expertId, sheets);
  if (first.problems.length) throw refuse(first.problems);
  if (first.items.every((i) => i.kind === 'unchanged')) {
    return { applied: 0, unchanged: first.items.length, superseded: 0, sheets: first.items.map((i) => structuredClone(i.previous!)) };
  }
  return ctx.store.writeKeyed(
    'scores',
    batchId,
    (draft) => {
      assertBatchAllows(ctx, batchId, 'recordScores');
      const plan = planExpertSheets(draft, experts, expertId, sheets);
      if (plan.problems.length) throw refuse(plan.problems);
      if (!draft.templates.length) draft.templates.push(defaultTemplate(now, by));
      const out: RecordResult = { applied: 0, unchanged: 0, superseded: 0, sheets: [] };
      for (const item of plan.items) {
        if (item.kind === 'unchanged') {
          out.unchanged++;
          out.sheets.push(structuredClone(item.previous!));
          continue;
        }
        const s = item.submission;
        const sheet: ScoreSheet = {
          id: `${batchId}-S${String(draft.scoreSheets.length + 1).padStart(5, '0')}`,
          applicationId: s.applicationId,
          expertId,
          templateVersion: s.templateVersion,
          version: s.version,
          scores: item.scores,
          total: item.total,
          comment: s.comment.trim(),
          recommendation: s.recommendation,
          ...(s.signedOn ? { signedOn: s.signedOn } : {}),
          enteredBy: source,
          recordedAt: now,
          recordedBy: by,
        };
        if (item.previous) {
          const prev = draft.scoreSheets.find((x) => x.id === item.previous!.id)!;
          prev.supersededBy = sheet.id;
          out.superseded++;
        }
        draft.scoreSheets.push(sheet);
        out.applied++;
        out.sheets.push(structuredClone(sheet));
      }
      opts.onDraft?.(draft);
      return out;
    },
    (r) => ({
      method: opts.method ?? (source === 'package' ? 'results.apply' : 'scoring.enterSheet'),
      entity: `scores:${batchId}:${expertId}`,
      summary: `${source === 'package' ? `导入评审结果${opts.fileName ? `「${opts.fileName}」` : ''}` : '代录评分表'}：${expertName}，新录入${r.applied}份${r.superseded ? `（其中${r.superseded}份替换旧版本，旧版本保留）` : ''}${r.unchanged ? `，${r.unchanged}份与已录入相同未改动` : ''}`,
      after: r.sheets.map((s) => ({
        id: s.id,
        applicationId: s.applicationId,
        version: s.version,
        total: s.total,
        enteredBy: s.enteredBy,
      })),
    }),
  );
}
