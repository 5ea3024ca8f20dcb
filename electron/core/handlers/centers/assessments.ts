/** 中期考核: the year's 考核表 (versions, freeze rule) and one assessment per summary. */
import { DeskError } from '../../contract/errors.js';
import type { AssessmentTemplate, AssessmentTemplateView, CenterYearPart, MidtermAssessment } from '../../contract/centers/annual.js';
import { GRADE_LABELS } from '../../contract/centers/annual.js';
import { formatChineseDate } from '../../domain/batches.js';
import {
  assessmentScoreProblems,
  assessmentTemplateFrozen,
  assessmentTotal,
  checkAssessmentTemplate,
  DEFAULT_TEMPLATE_BY,
  defaultAssessmentTemplate,
  frozenTemplateMessage,
  gradeFor,
} from '../../domain/center-lifecycle.js';
import { planTemplateChange, withKeys } from '../../domain/scoring-template.js';
import { operator } from '../applications/store.js';
import { centerForYearRecords, centerYearPart, todayOf } from './summaries.js';
import type { AreaHandlers, HandlerContext } from '../types.js';
import { upsertById } from '../upsert.js';

type Methods = 'assessments.template' | 'assessments.saveTemplate' | 'assessments.save';

/** The version in force for a year: the newest saved one, else the default (version 1). */
export function currentAssessmentTemplate(part: Readonly<CenterYearPart>, year: number): AssessmentTemplate {
  return structuredClone(part.assessmentTemplates.at(-1) ?? defaultAssessmentTemplate(`${year}-01-01T00:00:00.000Z`));
}

/** A template version by number (the default stands for version 1 when nothing was saved). */
export function assessmentTemplateVersion(part: Readonly<CenterYearPart>, year: number, version: number): AssessmentTemplate | undefined {
  const saved = part.assessmentTemplates.find((t) => t.version === version);
  if (saved) return structuredClone(saved);
  return part.assessmentTemplates.length === 0 && version === 1 ? currentAssessmentTemplate(part, year) : undefined;
}

export function assessmentTemplateView(part: Readonly<CenterYearPart>, year: number): AssessmentTemplateView {
  const current = currentAssessmentTemplate(part, year);
  const isDefault = part.assessmentTemplates.every((t) => t.createdBy === DEFAULT_TEMPLATE_BY);
  return {
    year,
    current,
    versions: part.assessmentTemplates.length === 0 ? [structuredClone(current)] : structuredClone(part.assessmentTemplates),
    frozen: assessmentTemplateFrozen(current.version, part.assessments),
    isDefault,
  };
}

async function viewOf(ctx: HandlerContext, year: number): Promise<AssessmentTemplateView> {
  return assessmentTemplateView(await centerYearPart(ctx, year), year);
}

export const centerAssessmentHandlers: AreaHandlers<Methods> = {
  'assessments.template': (input, ctx) => viewOf(ctx, input.year),

  'assessments.saveTemplate': async (input, ctx) => {
    const criteria = withKeys(input.criteria);
    const check = checkAssessmentTemplate({ criteria, bands: input.bands });
    if (check.errors.length) throw new DeskError('INVALID_INPUT', `考核表未保存：${check.errors.join('；')}。`, { errors: check.errors });
    const now = ctx.clock().toISOString();
    const by = operator(ctx);
    return ctx.store
      .writeKeyed(
        'centers',
        String(input.year),
        (draft) => {
          if (draft.assessmentTemplates.length === 0) {
            // The default in force becomes version 1 on record when assessments already use it.
            const def = currentAssessmentTemplate(draft, input.year);
            if (assessmentTemplateFrozen(def.version, draft.assessments)) draft.assessmentTemplates.push(def);
          }
          const current = draft.assessmentTemplates.at(-1);
          const frozen = current ? assessmentTemplateFrozen(current.version, draft.assessments) : false;
          const plan = planTemplateChange(current, frozen, input.reason);
          if (!plan.ok) throw new DeskError('NEEDS_REASON', frozenTemplateMessage(current!.version));
          const next: AssessmentTemplate = {
            version: plan.version,
            criteria,
            bands: { ...input.bands },
            createdAt: now,
            createdBy: by,
            ...(plan.action === 'newVersion' ? { reason: input.reason!.trim() } : {}),
          };
          if (plan.action === 'replace' && current) draft.assessmentTemplates[draft.assessmentTemplates.length - 1] = next;
          else draft.assessmentTemplates.push(next);
          return { view: assessmentTemplateView(draft, input.year), before: current, action: plan.action };
        },
        (r) => ({
          method: 'assessments.saveTemplate',
          entity: `assessmentTemplate:${input.year}`,
          summary: `${r.action === 'newVersion' ? `${input.year}年度中期考核表另存为第${r.view.current.version}版（理由：${input.reason}）` : `保存${input.year}年度中期考核表第${r.view.current.version}版`}：${criteria.length}项，优秀${input.bands.excellent}分、良好${input.bands.good}分、合格${input.bands.pass}分${check.warnings.length ? `；${check.warnings.join('；')}` : ''}`,
          before: r.before,
          after: r.view.current,
        }),
      )
      .then((r) => r.view);
  },

  'assessments.save': async (input, ctx) => {
    const center = centerForYearRecords(ctx, input.centerId, input.year);
    const today = todayOf(ctx);
    if (input.assessedOn > today) {
      throw new DeskError(
        'RULE_VIOLATION',
        `考核日期（${formatChineseDate(input.assessedOn)}）晚于今天（${formatChineseDate(today)}），请填写实际考核日期。`,
        { field: 'assessedOn' },
      );
    }
    const now = ctx.clock().toISOString();
    const by = operator(ctx);
    return ctx.store
      .writeKeyed(
        'centers',
        String(input.year),
        (draft) => {
          const summary = draft.summaries.find((s) => s.centerId === center.id);
          if (!summary) {
            throw new DeskError('RULE_VIOLATION', `${center.name}尚未登记${input.year}年度工作总结，请先登记工作总结，再进行中期考核。`);
          }
          if (input.assessedOn < summary.submittedOn) {
            throw new DeskError(
              'RULE_VIOLATION',
              `考核日期（${formatChineseDate(input.assessedOn)}）早于工作总结提交日期（${formatChineseDate(summary.submittedOn)}），请核对。`,
              { field: 'assessedOn' },
            );
          }
          const notice = draft.resultNotice;
          const reason = input.reason?.trim() ?? '';
          if (notice && reason.length < 2) {
            throw new DeskError(
              'NEEDS_REASON',
              `${input.year}年度中期考核结果通知已印发（${notice.docNumber}），修改或补录考核结果须填写理由（至少2个字），理由将记入考核记录和操作日志。`,
              { docNumber: notice.docNumber },
            );
          }
          const template = currentAssessmentTemplate(draft, input.year);
          const problems = assessmentScoreProblems(template.criteria, input.scores);
          if (problems.length) throw new DeskError('INVALID_INPUT', `考核结果未保存：${problems.join('；')}。`, { problems });
          if (draft.assessmentTemplates.length === 0) draft.assessmentTemplates.push(template); // the default version 1 is now in use
          const total = assessmentTotal(template.criteria, input.scores);
          const id = `${input.year}-${center.id}`;
          return upsertById(draft.assessments, id, (existing): MidtermAssessment => ({
            id,
            centerId: center.id,
            year: input.year,
            templateVersion: template.version,
            scores: Object.fromEntries(template.criteria.map((c) => [c.key, input.scores[c.key]!])),
            total,
            grade: gradeFor(total, template.bands),
            comments: input.comments,
            assessedOn: input.assessedOn,
            assessors: [...new Set(input.assessors)],
            createdAt: existing?.createdAt ?? now,
            updatedAt: now,
            updatedBy: by,
            ...(notice
              ? { corrections: [...(existing?.corrections ?? []), { at: now, by, reason }] }
              : existing?.corrections
                ? { corrections: existing.corrections }
                : {}),
          }));
        },
        (r) => ({
          method: 'assessments.save',
          entity: `assessment:${r.after.id}`,
          summary: `${r.before ? '修改' : '登记'}${center.name}${input.year}年度中期考核：${r.after.total}分，${GRADE_LABELS[r.after.grade]}（第${r.after.templateVersion}版考核表）${input.reason?.trim() ? `，理由：${input.reason.trim()}` : ''}`,
          before: r.before,
          after: r.after,
        }),
      )
      .then((r) => r.after);
  },
};
