/**
 * 专家评审 results shared by several areas: the review part of a batch, the template in force, the sheets
 * that count and the ranked results (used by scoring.results, the dashboard, designation and the review
 * documents).
 */
import type { ResultFlag, ReviewPart, ScoringTemplate } from '../contract/expert-review/scoring.js';
import type { MethodOutput } from '../contract/index.js';
import { aggregate, methodText, type CountedSheet } from '../domain/aggregation.js';
import { defaultTemplate } from '../domain/scoring-template.js';
import type { ServiceContext } from './context.js';
import { allApplications, findBatch } from './records.js';

export type ScoringResults = MethodOutput<'scoring.results'>;

/** The review part of a batch (the batch must exist). Do not mutate: write through recordExpertSheets or the store. */
export async function reviewPartOf(ctx: ServiceContext, batchId: string): Promise<Readonly<ReviewPart>> {
  findBatch(ctx, batchId);
  return ctx.store.readKeyed('scores', batchId);
}

/** The template version in force: the newest stored one, else the DOMAIN.md default (version 1). */
export function currentTemplate(part: Readonly<ReviewPart>, at = new Date(0).toISOString()): ScoringTemplate {
  return part.templates.at(-1) ?? defaultTemplate(at);
}

/** Sheets that count: current version, active assignment, current template; the rest are reported per application. */
export function countedSheets(
  part: Readonly<ReviewPart>,
  template: ScoringTemplate,
): { counted: CountedSheet[]; flags: Map<string, ResultFlag[]> } {
  const active = new Set(part.assignments.filter((a) => a.status === 'active').map((a) => `${a.applicationId}|${a.expertId}`));
  const counted: CountedSheet[] = [];
  const stale = new Map<string, number>();
  for (const s of part.scoreSheets) {
    if (s.supersededBy || !active.has(`${s.applicationId}|${s.expertId}`)) continue;
    if (s.templateVersion !== template.version) stale.set(s.applicationId, (stale.get(s.applicationId) ?? 0) + 1);
    else counted.push(s);
  }
  const flags = new Map<string, ResultFlag[]>();
  for (const [app, n] of stale)
    flags.set(app, [{ kind: 'staleTemplate', message: `${n}份评分基于旧版评分表，未计入；请专家按第${template.version}版重新评分` }]);
  return { counted, flags };
}

export function expertNames(ctx: ServiceContext): Map<string, string> {
  return new Map(ctx.store.read('experts').experts.map((e) => [e.id, e.name]));
}

/** A batch's ranked results: every accepted (or assigned) application with its counted totals and flags. */
export async function scoringResults(ctx: ServiceContext, batchId: string): Promise<ScoringResults> {
  const batch = findBatch(ctx, batchId);
  const part = await reviewPartOf(ctx, batch.id);
  const template = currentTemplate(part);
  const assigned = new Set(part.assignments.map((a) => a.applicationId));
  const apps = (await allApplications(ctx, batch.id))
    .filter((a) => a.status === 'accepted' || assigned.has(a.id))
    .map((a) => ({ id: a.id, name: a.applicant.name }));
  const { counted, flags } = countedSheets(part, template);
  const rows = aggregate({ template, applications: apps, sheets: counted, expertNames: expertNames(ctx), extraFlags: flags });
  return {
    batchId: batch.id,
    templateVersion: template.version,
    passLine: template.passLine,
    quorum: template.quorum,
    methodText: methodText(template),
    rows,
  };
}
