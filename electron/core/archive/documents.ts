/**
 * 年度档案: every document issued in the year, regenerated through the app's own handlers (same code as the
 * 打印/导出 buttons) into a staging folder. Only documents already issued are regenerated: a notice without a
 * 发文字号 is not numbered here. A document whose handler fails is left out, with the reason logged.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ExportedFile } from '../contract/common.js';
import type { Envelope } from '../contract/errors.js';
import { throwIfAborted } from '../exchange/atomic-file.js';
import { dispatch } from '../rpc/dispatch.js';
import { TaskRegistry } from '../tasks.js';
import { batchLabel } from '../handlers/application-store.js';
import type { HandlerContext, HandlerTable } from '../handlers/types.js';
import type { Store } from '../store/store.js';
import type { FileEntry, YearRecords } from './collect.js';
import { entryName, type UniquePaths } from './collect.js';

export interface DocumentJob {
  folder: string;
  label: string;
  method: string;
  input: unknown;
}

export interface SkippedDocument {
  label: string;
  reason: string;
}

/** The documents the year issued, in archive order. */
export async function documentJobs(ctx: HandlerContext, rec: YearRecords): Promise<DocumentJob[]> {
  const y = rec.year;
  const jobs: DocumentJob[] = [
    { folder: '01-申报批次', label: `${y}年度批次一览表（PDF）`, method: 'batches.exportPdf', input: { year: y } },
    { folder: '01-申报批次', label: `${y}年度批次一览表（Excel）`, method: 'batches.exportXlsx', input: { year: y } },
  ];
  for (const b of rec.batches) {
    const label = batchLabel(b);
    jobs.push({ folder: `02-申报与形式审查/${label}`, label: `${label}申报汇总表`, method: 'applications.exportRoster', input: { batchId: b.id } });
    for (const a of rec.applications.filter((x) => x.batchId === b.id)) {
      for (const r of a.formalReviews) {
        if (r.docNumber) jobs.push({ folder: `02-申报与形式审查/${label}/形式审查通知书`, label: `${a.applicant.name}形式审查通知书（${r.docNumber}）`, method: 'review.notice', input: { applicationId: a.id, round: r.round } });
      }
    }
    const review = await ctx.store.readKeyed('scores', b.id);
    if (review.scoreSheets.length) {
      jobs.push({ folder: `03-专家评审/${label}`, label: `${label}评审汇总表（PDF）`, method: 'scoring.summaryPdf', input: { batchId: b.id } });
      jobs.push({ folder: `03-专家评审/${label}`, label: `${label}评审汇总表（Excel）`, method: 'scoring.summaryXlsx', input: { batchId: b.id } });
      jobs.push({ folder: `03-专家评审/${label}`, label: `${label}专家评分表（已录入，附校验码）`, method: 'scoring.sheetsPdf', input: { batchId: b.id, mode: 'filled' } });
    }
    const d = await ctx.store.readKeyed('designation', b.id);
    if (d.publicity) jobs.push({ folder: `04-公示与认定/${label}`, label: `${label}公示通知`, method: 'publicity.noticePdf', input: { batchId: b.id } });
    if (d.decision) {
      jobs.push({ folder: `04-公示与认定/${label}`, label: `${label}认定通知`, method: 'decision.noticePdf', input: { batchId: b.id } });
      jobs.push({ folder: `04-公示与认定/${label}`, label: `${label}证书`, method: 'centers.certificatesPdf', input: { batchId: b.id } });
      jobs.push({ folder: `04-公示与认定/${label}`, label: `${label}牌匾内容确认单`, method: 'centers.plaqueSheetPdf', input: { batchId: b.id } });
    }
  }
  jobs.push({ folder: '05-中心管理', label: '中心认定名单', method: 'centers.exportRoster', input: {} });
  if (rec.centerYear.summaries.length || rec.centersDesignated || rec.centers.length) {
    jobs.push({ folder: '05-中心管理', label: `${y}年度工作总结汇总表`, method: 'summaries.exportRoster', input: { year: y } });
  }
  if (rec.centerYear.assessments.length) jobs.push({ folder: '05-中心管理', label: `${y}年度中期考核汇总表`, method: 'assessments.exportRoster', input: { year: y } });
  if (rec.centerYear.resultNotice) jobs.push({ folder: '05-中心管理', label: `${y}年度中期考核结果通知（${rec.centerYear.resultNotice.docNumber}）`, method: 'assessments.noticePdf', input: { year: y } });
  for (const r of rec.reviews) {
    if (r.notice) jobs.push({ folder: '05-中心管理/复核决定', label: `复核决定 ${r.id}（${r.notice.docNumber}）`, method: 'triennial.decisionPdf', input: { reviewId: r.id } });
  }
  return jobs;
}

/** The same store, but its generated files land in `exportsDir` (the staging folder). */
function stagingStore(store: Store, exportsDir: string): Store {
  const dirs = { ...store.dirs, exports: exportsDir };
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'dirs') return dirs;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Run the jobs one after another (each may take a while: certificates), into `stagingDir`. Progress and
 * tasks of the inner handlers stay inside (the seal reports its own progress).
 */
export async function renderDocuments(
  ctx: HandlerContext,
  table: HandlerTable,
  jobs: readonly DocumentJob[],
  stagingDir: string,
  unique: UniquePaths,
  opts: { signal?: AbortSignal; onDone?: (done: number) => void },
): Promise<{ entries: FileEntry[]; skipped: SkippedDocument[] }> {
  const inner: HandlerContext = { ...ctx, store: stagingStore(ctx.store, stagingDir), emit: () => undefined, tasks: new TaskRegistry() };
  const entries: FileEntry[] = [];
  const skipped: SkippedDocument[] = [];
  for (const [i, job] of jobs.entries()) {
    throwIfAborted(opts.signal);
    const res = (await dispatch(table, job.method, job.input, inner)) as Envelope<ExportedFile>;
    if (res.ok) {
      const stat = await fs.stat(res.value.path);
      entries.push({ path: unique.take(`${job.folder}/${entryName(res.value.fileName)}`), kind: 'document', file: res.value.path, size: stat.size, title: job.label });
    } else {
      const reason = res.error.message;
      skipped.push({ label: job.label, reason });
      ctx.log?.(`[archive.seal] 未收入“${job.label}”（${job.method}）：${reason}`);
    }
    opts.onDone?.(i + 1);
  }
  return { entries, skipped };
}

export async function makeStagingDir(parent: string): Promise<string> {
  await fs.mkdir(parent, { recursive: true });
  return fs.mkdtemp(path.join(parent, '.staging-'));
}
