/** Review documents: scoring sheets (blank for paper review, filled with verification codes) and the 评审汇总表. */
import { DeskError } from '../../contract/errors.js';
import type { ParsedInput } from '../../contract/index.js';
import { RECOMMENDATION_LABELS } from '../../contract/expert-review/scoring.js';
import { bureauDate } from '../../domain/clock.js';
import { bureauDateOf } from '../../domain/bureau-time.js';
import { resultFigures } from '../../domain/result-figures.js';
import { renderScoringSheets, type ScoringSheetInput } from '../../documents/pdf/scoring-sheet.js';
import { renderReviewSummaryPdf, type ReviewSummaryInput } from '../../documents/pdf/review-summary.js';
import { renderReviewSummaryXlsx } from '../../documents/excel/review-summary.js';
import type { ServiceContext } from '../context.js';
import { allApplications, batchLabel, findBatch, operator } from '../records.js';
import { currentTemplate, reviewPartOf, scoringResults } from '../scoring.js';
import type { GeneratedDocument, RenderOptions } from './generated.js';

async function summaryInput(ctx: ServiceContext, batchId: string): Promise<Omit<ReviewSummaryInput, 'fonts'>> {
  const batch = findBatch(ctx, batchId);
  const view = await scoringResults(ctx, batchId);
  const part = await reviewPartOf(ctx, batch.id);
  const experts = ctx.store.read('experts').experts;
  const ids = [...new Set([...part.panel.expertIds, ...view.rows.flatMap((r) => r.totals.map((t) => t.expertId))])].filter(
    (id) => view.rows.some((r) => r.totals.some((t) => t.expertId === id)) || part.panel.expertIds.includes(id),
  );
  const name = (id: string) => experts.find((e) => e.id === id)?.name ?? id;
  const op = operator(ctx);
  return {
    bureauName: ctx.store.read('settings').settings.bureauName,
    batchLabel: batchLabel(batch),
    methodText: view.methodText,
    experts: ids.map((id) => ({ id, name: name(id) })),
    // The same figures, rounding and verdict as the 评审结果 screen (domain/result-figures).
    rows: view.rows.map((r) => ({ unitName: r.name, figures: resultFigures(r, ids), flags: r.flags.map((f) => f.message) })),
    generatedOn: bureauDate(ctx.clock()),
    ...(op && op !== '系统' ? { preparedBy: op } : {}),
  };
}

/** 评分表 of a batch: blank (for paper review) or filled (with verification codes), of one expert or all. */
export async function scoringSheetsDocument(
  ctx: ServiceContext,
  input: ParsedInput<'scoring.sheetsPdf'>,
  opts: Pick<RenderOptions, 'onProgress'> = {},
): Promise<GeneratedDocument> {
  const batch = findBatch(ctx, input.batchId);
  const part = await reviewPartOf(ctx, batch.id);
  const template = currentTemplate(part);
  const experts = ctx.store.read('experts').experts;
  const apps = await allApplications(ctx, batch.id);
  const bureauName = ctx.store.read('settings').settings.bureauName;
  const label = batchLabel(batch);
  const appSummary = (id: string) => {
    const a = apps.find((x) => x.id === id);
    return {
      id,
      unitName: a?.applicant.name ?? id,
      centerName: a?.proposedCenterName ?? '',
      district: a?.applicant.district ?? '',
      industry: a?.applicant.industry ?? '',
    };
  };
  const expertSummary = (id: string) => {
    const e = experts.find((x) => x.id === id);
    return { id, name: e?.name ?? id, organisation: e?.organisation ?? '', title: e?.title ?? '' };
  };
  const tpl = { version: template.version, passLine: template.passLine, criteria: template.criteria.map((c) => ({ ...c })) };
  const wanted = (expertId: string) => input.expertId === undefined || input.expertId === expertId;
  const list: ScoringSheetInput[] = [];
  if (input.mode === 'blank') {
    const active = part.assignments.filter((a) => a.status === 'active' && wanted(a.expertId));
    const pairs =
      active.length || part.assignments.length
        ? active.map((a) => [a.applicationId, a.expertId] as const)
        : apps.filter((a) => a.status === 'accepted').flatMap((a) => part.panel.expertIds.filter(wanted).map((e) => [a.id, e] as const));
    for (const [appId, expertId] of pairs)
      list.push({
        bureauName,
        batchLabel: label,
        template: tpl,
        application: appSummary(appId),
        expert: expertSummary(expertId),
        mode: 'blank',
      });
  } else {
    const active = new Set(part.assignments.filter((a) => a.status === 'active').map((a) => `${a.applicationId}|${a.expertId}`));
    const sheets = part.scoreSheets.filter(
      (s) =>
        !s.supersededBy && active.has(`${s.applicationId}|${s.expertId}`) && wanted(s.expertId) && s.templateVersion === template.version,
    );
    for (const s of sheets) {
      list.push({
        bureauName,
        batchLabel: label,
        template: tpl,
        application: appSummary(s.applicationId),
        expert: expertSummary(s.expertId),
        mode: 'filled',
        sheet: {
          scores: { ...s.scores },
          total: s.total,
          recommendation: RECOMMENDATION_LABELS[s.recommendation] as '推荐' | '不推荐',
          comment: s.comment,
          signedOn: s.signedOn ?? bureauDateOf(s.recordedAt),
        },
      });
    }
  }
  if (!list.length) {
    throw new DeskError(
      'RULE_VIOLATION',
      input.mode === 'blank'
        ? `${label}还没有评审分配，无法打印空白评分表。请先设定专家组并分配评审任务。`
        : `${label}还没有已录入的评分，无法打印已填评分表。`,
    );
  }
  list.sort(
    (a, b) => a.expert.id.localeCompare(b.expert.id) || a.application.id.localeCompare(b.application.id, undefined, { numeric: true }),
  );
  opts.onProgress?.(0, list.length);
  const data = await renderScoringSheets(list, opts.onProgress ? { onProgress: opts.onProgress } : {});
  const who = input.expertId ? `-${expertSummary(input.expertId).name}` : '';
  return { fileName: `评分表-${input.mode === 'blank' ? '空白' : '已填'}-${label}${who}.pdf`, data };
}

/** 评审汇总表 (PDF) of a batch. */
export async function reviewSummaryPdfDocument(ctx: ServiceContext, batchId: string): Promise<GeneratedDocument> {
  const data = await summaryInput(ctx, batchId);
  if (!data.experts.length) throw new DeskError('RULE_VIOLATION', `${data.batchLabel}还没有评审专家和评分，无法生成评审汇总表。`);
  return { fileName: `评审汇总表-${data.batchLabel}.pdf`, data: await renderReviewSummaryPdf(data) };
}

/** 评审汇总表 (Excel) of a batch. */
export async function reviewSummaryXlsxDocument(ctx: ServiceContext, batchId: string): Promise<GeneratedDocument> {
  const data = await summaryInput(ctx, batchId);
  return { fileName: `评审汇总表-${data.batchLabel}.xlsx`, data: await renderReviewSummaryXlsx(data) };
}
