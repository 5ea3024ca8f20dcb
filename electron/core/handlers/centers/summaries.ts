/** 年度工作总结: the year's submission view, save, attach and remove files. */
import { DeskError } from '../../contract/errors.js';
import type { FileRef } from '../../contract/applications/entities.js';
import type { AnnualSummary, CenterYearPart, SummaryYearView } from '../../contract/centers/annual.js';
import type { Center } from '../../contract/designation.js';
import { formatChineseDate } from '../../domain/batches.js';
import {
  DEFAULT_SUMMARY_DUE,
  summaryDueDate,
  summaryRequired,
  yearRecordsRefusal,
  type SummaryDueRule,
} from '../../domain/center-lifecycle.js';
import { bureauDate } from '../../domain/clock.js';
import { discardUpload, findUpload } from '../../store/uploads.js';
import { operator } from '../applications/store.js';
import { MATERIAL_FILE_KINDS } from '../applications/files.js';
import { findCenter } from './centers.js';
import { isYearSealed } from '../sealed-years.js';
import type { AreaHandlers, HandlerContext } from '../types.js';
import { upsertById } from '../upsert.js';
import { rememberAttachmentSm3 } from '../../archive/attachment-sm3.js';

type Methods = 'summaries.year' | 'summaries.get' | 'summaries.save' | 'summaries.attachFile' | 'summaries.removeFile';

export function todayOf(ctx: HandlerContext): string {
  return bureauDate(ctx.clock());
}

/** The 年度工作总结截止日期 rule in force (设置, else 次年1月31日). */
export function summaryDueRule(ctx: HandlerContext): SummaryDueRule {
  return ctx.store.read('settings').settings.annualSummaryDue ?? DEFAULT_SUMMARY_DUE;
}

/** The due date of year `year`'s summaries under the rule in force. */
export function summaryDueOn(ctx: HandlerContext, year: number): string {
  return summaryDueDate(year, summaryDueRule(ctx));
}

export function centerYearPart(ctx: HandlerContext, year: number): Promise<Readonly<CenterYearPart>> {
  return ctx.store.readKeyed('centers', String(year));
}

/** Centers designated on or before year-12-31 (revoked ones included), in id order. */
export function centersOfYear(ctx: HandlerContext, year: number): Center[] {
  return ctx.store
    .read('centers')
    .centers.filter((c) => c.designatedOn <= `${year}-12-31`)
    .map((c) => structuredClone(c))
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

export async function summaryYearView(ctx: HandlerContext, year: number): Promise<SummaryYearView> {
  const dueOn = summaryDueOn(ctx, year);
  const part = await centerYearPart(ctx, year);
  const summaries = new Map(part.summaries.map((s) => [s.centerId, s]));
  const assessments = new Map(part.assessments.map((a) => [a.centerId, a]));
  const rows = centersOfYear(ctx, year).map((center) => ({
    center,
    required: summaryRequired(center, year, dueOn),
    summary: summaries.has(center.id) ? structuredClone(summaries.get(center.id)!) : null,
    assessment: assessments.has(center.id) ? structuredClone(assessments.get(center.id)!) : null,
  }));
  return {
    year,
    dueOn,
    overdue: todayOf(ctx) > dueOn,
    rows,
    missing: rows.filter((r) => r.required && !r.summary).map((r) => r.center),
    sealed: isYearSealed(ctx, year),
    resultNotice: part.resultNotice ? structuredClone(part.resultNotice) : null,
  };
}

/** The center, checked that records of `year` may be changed (existed by year end; not revoked before). */
export function centerForYearRecords(ctx: HandlerContext, centerId: string, year: number): Readonly<Center> {
  const center = findCenter(ctx, centerId);
  const refusal = yearRecordsRefusal(center, year);
  if (refusal) throw new DeskError('RULE_VIOLATION', refusal, { centerId, year });
  return center;
}

function summaryLabel(center: Pick<Center, 'name'>, year: number): string {
  return `${center.name}${year}年度工作总结`;
}

function findSummary(part: Readonly<CenterYearPart>, centerId: string): AnnualSummary | undefined {
  return part.summaries.find((s) => s.centerId === centerId);
}

export const centerSummaryHandlers: AreaHandlers<Methods> = {
  'summaries.year': (input, ctx) => summaryYearView(ctx, input.year),

  'summaries.get': async (input, ctx) => {
    findCenter(ctx, input.centerId);
    const s = findSummary(await centerYearPart(ctx, input.year), input.centerId);
    return s ? structuredClone(s) : null;
  },

  'summaries.save': async (input, ctx) => {
    const center = centerForYearRecords(ctx, input.centerId, input.year);
    const today = todayOf(ctx);
    const currentYear = Number(today.slice(0, 4));
    if (input.year > currentYear) {
      throw new DeskError('RULE_VIOLATION', `${input.year}年度尚未开始，不能登记该年度的工作总结。请核对年度。`);
    }
    if (input.submittedOn > today) {
      throw new DeskError(
        'RULE_VIOLATION',
        `提交日期（${formatChineseDate(input.submittedOn)}）晚于今天（${formatChineseDate(today)}），请填写实际提交日期。`,
        { field: 'submittedOn' },
      );
    }
    if (input.submittedOn < `${input.year}-01-01` || input.submittedOn < center.designatedOn) {
      const floor = center.designatedOn > `${input.year}-01-01` ? center.designatedOn : `${input.year}-01-01`;
      throw new DeskError(
        'RULE_VIOLATION',
        `提交日期（${formatChineseDate(input.submittedOn)}）早于${formatChineseDate(floor)}，${input.year}年度工作总结不可能在此之前提交，请核对。`,
        { field: 'submittedOn' },
      );
    }
    const now = ctx.clock().toISOString();
    const by = operator(ctx);
    return ctx.store
      .writeKeyed(
        'centers',
        String(input.year),
        (draft) => {
          const id = `${input.year}-${center.id}`;
          return upsertById(draft.summaries, id, (existing): AnnualSummary => ({
            id,
            centerId: center.id,
            year: input.year,
            submittedOn: input.submittedOn,
            indicators: { ...input.indicators },
            narrative: input.narrative,
            files: existing ? existing.files : [],
            createdAt: existing?.createdAt ?? now,
            updatedAt: now,
            updatedBy: by,
          }));
        },
        (r) => ({
          method: 'summaries.save',
          entity: `summary:${r.after.id}`,
          summary: `${r.before ? '修改' : '登记'}${summaryLabel(center, input.year)}（${formatChineseDate(input.submittedOn)}提交）`,
          before: r.before,
          after: r.after,
        }),
      )
      .then((r) => r.after);
  },

  'summaries.attachFile': async (input, ctx) => {
    const center = centerForYearRecords(ctx, input.centerId, input.year);
    if (!findSummary(await centerYearPart(ctx, input.year), center.id)) {
      await discardUpload(ctx.store.dirs.root, input.uploadId).catch(() => undefined);
      throw new DeskError('RULE_VIOLATION', `${summaryLabel(center, input.year)}尚未登记，请先填写并保存工作总结，再上传附件。`);
    }
    const upload = await findUpload(ctx.store.dirs.root, input.uploadId);
    const name = input.fileName ?? upload.fileName;
    let stored;
    try {
      stored = await ctx.store.attachments.addFile(upload.path, name, MATERIAL_FILE_KINDS);
    } finally {
      await discardUpload(ctx.store.dirs.root, input.uploadId);
    }
    // Its SM3 for the archive seal, computed now on a worker thread (archive/attachment-sm3.ts).
    await rememberAttachmentSm3(ctx.store, stored.sha256, ctx.log);
    const ref: FileRef = {
      sha256: stored.sha256,
      name,
      size: stored.size,
      kind: stored.kind as FileRef['kind'],
      addedAt: ctx.clock().toISOString(),
    };
    const by = operator(ctx);
    return ctx.store.writeKeyed(
      'centers',
      String(input.year),
      (draft) => {
        const s = draft.summaries.find((x) => x.centerId === center.id);
        if (!s) throw new DeskError('NOT_FOUND', `${summaryLabel(center, input.year)}已不存在，请刷新后重试。`);
        if (s.files.some((f) => f.sha256 === ref.sha256)) {
          throw new DeskError('CONFLICT', `文件“${name}”与${summaryLabel(center, input.year)}中已有的文件内容相同，无需重复添加。`);
        }
        s.files.push(ref);
        s.updatedAt = ref.addedAt;
        s.updatedBy = by;
        return structuredClone(s);
      },
      (s) => ({
        method: 'summaries.attachFile',
        entity: `summary:${s.id}`,
        summary: `${summaryLabel(center, input.year)}添加附件：${name}`,
        after: ref,
      }),
    );
  },

  'summaries.removeFile': async (input, ctx) => {
    const center = centerForYearRecords(ctx, input.centerId, input.year);
    const by = operator(ctx);
    const now = ctx.clock().toISOString();
    return ctx.store
      .writeKeyed(
        'centers',
        String(input.year),
        (draft) => {
          const s = draft.summaries.find((x) => x.centerId === center.id);
          const file = s?.files.find((f) => f.sha256 === input.sha256);
          if (!s || !file)
            throw new DeskError('NOT_FOUND', `${summaryLabel(center, input.year)}中没有这个文件，可能已被移除。请刷新后重试。`);
          s.files = s.files.filter((f) => f !== file);
          s.updatedAt = now;
          s.updatedBy = by;
          return { summary: structuredClone(s), file: structuredClone(file) };
        },
        (r) => ({
          method: 'summaries.removeFile',
          entity: `summary:${r.summary.id}`,
          summary: `${summaryLabel(center, input.year)}移除附件：${r.file.name}`,
          before: r.file,
        }),
      )
      .then((r) => r.summary);
  },
};
