/**
 * 年度档案: every document issued in the year, regenerated through the same document services as the
 * 打印/导出 buttons (services/documents/) into a staging folder. Only documents already issued are
 * regenerated: a notice without a 发文字号 is not numbered here. A document that cannot be produced is left
 * out, with the reason logged.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ListFilters } from '../contract/applications/methods.js';
import { toApiError } from '../contract/api-errors.js';
import { throwIfAborted } from '../exchange/atomic-file.js';
import type { ServiceContext } from '../services/context.js';
import { applicationRosterDocument } from '../services/documents/applications.js';
import { batchListPdfDocument, batchRosterXlsxDocument } from '../services/documents/batches.js';
import {
  assessmentNoticeDocument,
  assessmentRosterDocument,
  reviewDecisionDocument,
  summaryRosterDocument,
} from '../services/documents/centers.js';
import {
  certificatesDocument,
  centersRosterDocument,
  decisionNoticeDocument,
  plaqueSheetDocument,
  publicityNoticeDocument,
} from '../services/documents/designation.js';
import { reviewNoticeDocument } from '../services/documents/formal-review.js';
import { saveDocument, type GeneratedDocument, type RenderOptions } from '../services/documents/generated.js';
import { reviewSummaryPdfDocument, reviewSummaryXlsxDocument, scoringSheetsDocument } from '../services/documents/expert-review.js';
import { batchLabel } from '../services/records.js';
import type { FileEntry, RecordMeta, YearRecords } from './collect.js';
import { bureauDateOf } from '../domain/bureau-time.js';
import { entryName, type UniquePaths } from './collect.js';
import { voidMarker } from './register.js';

export interface DocumentJob {
  folder: string;
  label: string;
  /** Record class, 文号 and date for the catalogue (date absent: the seal date). */
  record: RecordMeta;
  /** Produce the document (null: there is no issued document to reprint). */
  render(opts: Pick<RenderOptions, 'signal'>): Promise<GeneratedDocument | null>;
}

export interface SkippedDocument {
  label: string;
  reason: string;
}

const ROSTER: RecordMeta = { recordKind: 'roster' };
const REVIEW: RecordMeta = { recordKind: 'reviewRecords' };

/** The documents the year issued, in archive order. */
export async function documentJobs(ctx: ServiceContext, rec: YearRecords): Promise<DocumentJob[]> {
  const y = rec.year;
  const jobs: DocumentJob[] = [
    { folder: '01-申报批次', label: `${y}年度批次一览表（PDF）`, record: ROSTER, render: () => batchListPdfDocument(ctx, y) },
    { folder: '01-申报批次', label: `${y}年度批次一览表（Excel）`, record: ROSTER, render: () => batchRosterXlsxDocument(ctx, y) },
  ];
  for (const b of rec.batches) {
    const label = batchLabel(b);
    jobs.push({
      folder: `02-申报与形式审查/${label}`,
      label: `${label}申报汇总表`,
      record: ROSTER,
      render: () => applicationRosterDocument(ctx, ListFilters.parse({ batchId: b.id })),
    });
    for (const a of rec.applications.filter((x) => x.batchId === b.id)) {
      for (const r of a.formalReviews) {
        if (r.docNumber)
          jobs.push({
            folder: `02-申报与形式审查/${label}/形式审查通知书`,
            label: `${a.applicant.name}形式审查通知书（${r.docNumber}）${voidMarker(r.voided)}`,
            record: {
              recordKind: 'formalReviewNotice',
              docNumber: r.docNumber,
              date: r.outcome === 'supplementRequired' ? r.issuedOn : bureauDateOf(r.at),
            },
            render: () => reviewNoticeDocument(ctx, a.id, r.round),
          });
      }
    }
    const review = await ctx.store.readKeyed('scores', b.id);
    if (review.scoreSheets.length) {
      jobs.push({
        folder: `03-专家评审/${label}`,
        label: `${label}评审汇总表（PDF）`,
        record: REVIEW,
        render: () => reviewSummaryPdfDocument(ctx, b.id),
      });
      jobs.push({
        folder: `03-专家评审/${label}`,
        label: `${label}评审汇总表（Excel）`,
        record: REVIEW,
        render: () => reviewSummaryXlsxDocument(ctx, b.id),
      });
      jobs.push({
        folder: `03-专家评审/${label}`,
        label: `${label}专家评分表（已录入，附校验码）`,
        record: REVIEW,
        render: () => scoringSheetsDocument(ctx, { batchId: b.id, mode: 'filled' }),
      });
    }
    const d = await ctx.store.readKeyed('designation', b.id);
    if (d.publicity)
      jobs.push({
        folder: `04-公示与认定/${label}`,
        label: `${label}公示通知`,
        record: { recordKind: 'publicityNotice', date: d.publicity.startsOn },
        render: () => publicityNoticeDocument(ctx, b.id),
      });
    if (d.decision) {
      jobs.push({
        folder: `04-公示与认定/${label}`,
        label: `${label}认定通知${voidMarker(d.decision.voided)}`,
        record: { recordKind: 'decisionNotice', docNumber: d.decision.docNumber, date: d.decision.decidedOn },
        render: () => decisionNoticeDocument(ctx, b.id),
      });
      jobs.push({
        folder: `04-公示与认定/${label}`,
        label: `${label}证书`,
        record: { recordKind: 'certificate', docNumber: d.decision.docNumber, date: d.decision.decidedOn },
        render: ({ signal }) => certificatesDocument(ctx, b.id, signal ? { signal } : {}),
      });
      jobs.push({
        folder: `04-公示与认定/${label}`,
        label: `${label}牌匾内容确认单`,
        record: { recordKind: 'plaqueSheet', date: d.decision.decidedOn },
        render: () => plaqueSheetDocument(ctx, b.id),
      });
    }
  }
  jobs.push({ folder: '05-中心管理', label: '中心认定名单', record: ROSTER, render: () => centersRosterDocument(ctx) });
  if (rec.centerYear.summaries.length || rec.centersDesignated || rec.centers.length) {
    jobs.push({ folder: '05-中心管理', label: `${y}年度工作总结汇总表`, record: ROSTER, render: () => summaryRosterDocument(ctx, y) });
  }
  if (rec.centerYear.assessments.length)
    jobs.push({ folder: '05-中心管理', label: `${y}年度中期考核汇总表`, record: ROSTER, render: () => assessmentRosterDocument(ctx, y) });
  if (rec.centerYear.resultNotice)
    jobs.push({
      folder: '05-中心管理',
      label: `${y}年度中期考核结果通知（${rec.centerYear.resultNotice.docNumber}）${voidMarker(rec.centerYear.resultNotice.voided)}`,
      record: {
        recordKind: 'assessmentNotice',
        docNumber: rec.centerYear.resultNotice.docNumber,
        date: rec.centerYear.resultNotice.issuedOn,
      },
      render: () => assessmentNoticeDocument(ctx, y),
    });
  for (const r of rec.reviews) {
    if (r.notice)
      jobs.push({
        folder: '05-中心管理/复核决定',
        label: `复核决定 ${r.id}（${r.notice.docNumber}）${voidMarker(r.notice.voided)}`,
        record: { recordKind: 'reviewDecision', docNumber: r.notice.docNumber, date: r.notice.issuedOn },
        render: () => reviewDecisionDocument(ctx, r.id),
      });
  }
  return jobs;
}

/** Run the jobs one after another (each may take a while: certificates), saving into `stagingDir`. */
export async function renderDocuments(
  ctx: ServiceContext,
  jobs: readonly DocumentJob[],
  stagingDir: string,
  unique: UniquePaths,
  opts: { signal?: AbortSignal; onDone?: (done: number) => void },
): Promise<{ entries: FileEntry[]; skipped: SkippedDocument[] }> {
  const entries: FileEntry[] = [];
  const skipped: SkippedDocument[] = [];
  for (const [i, job] of jobs.entries()) {
    throwIfAborted(opts.signal);
    let reason: string;
    try {
      const doc = await job.render(opts.signal ? { signal: opts.signal } : {});
      if (doc) {
        const file = await saveDocument(stagingDir, doc);
        entries.push({
          path: unique.take(`${job.folder}/${entryName(file.fileName)}`),
          kind: 'document',
          file: file.path,
          size: file.size,
          title: job.label,
          record: job.record,
        });
        opts.onDone?.(i + 1);
        continue;
      }
      reason = '记录中没有已编号的文书可重印。';
    } catch (err) {
      throwIfAborted(opts.signal);
      reason = toApiError(err).message;
    }
    skipped.push({ label: job.label, reason });
    ctx.log?.(`[archive.seal] 未收入“${job.label}”：${reason}`);
    opts.onDone?.(i + 1);
  }
  return { entries, skipped };
}

export async function makeStagingDir(parent: string): Promise<string> {
  await fs.mkdir(parent, { recursive: true });
  return fs.mkdtemp(path.join(parent, '.staging-'));
}
