import { z } from 'zod';
import { method, IsoDate, IsoTime } from './define.js';
import { Text } from './text.js';
import { ExportedFile } from './common.js';
import { yearOfRef } from './years.js';

export const BatchStatus = z.enum(['open', 'closed', 'reviewing', 'publicity', 'designated']);
export type BatchStatus = z.infer<typeof BatchStatus>;

export { BATCH_STATUS_LABELS } from './batches-labels.js';

export const Year = z.number().int('年度应为整数').min(2000, '年度不早于2000年').max(2100, '年度不晚于2100年');

/** 申报批次 */
export const Batch = z.object({
  id: z.string(), // `${year}-${sequence}`
  year: Year,
  sequence: z.number().int().positive(),
  title: z.string(),
  opensOn: IsoDate,
  closesOn: IsoDate,
  status: BatchStatus,
  /** Reason recorded when this is the third (or later) batch of its year. */
  extraBatchReason: z.string().optional(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Batch = z.infer<typeof Batch>;

const Title = Text({ label: '批次名称', min: 2, max: 60 });
const Reason = Text({ label: '理由', max: 200, multiline: true });

export const CreateBatchInput = z
  .object({
    year: Year,
    title: Title,
    opensOn: IsoDate,
    closesOn: IsoDate,
    /** Required when the year already has two batches (原则上每年不超过两次). */
    extraBatchReason: Reason.optional(),
  })
  .strict();
export type CreateBatchInput = z.infer<typeof CreateBatchInput>;

/** What the batch's status allows now (batch-lifecycle.ts), so screens offer only the actions that will pass. */
export const BatchOperation = z.enum([
  'closeIntake',
  'reopenIntake',
  'editDetails',
  'correctDetails',
  'registerApplication',
  'editApplication',
  'formalReview',
  'printNotice',
  'editScoringTemplate',
  'setPanel',
  'assignReview',
  'changeAssignment',
  'recordScores',
  'exportPackage',
  'startPublicity',
  'withdrawPublicity',
  'handleObjection',
  'designate',
  'deleteBatch',
]);

/** A batch as the API answers it: the stored record plus the operations its status allows. */
export const BatchView = Batch.extend({ operations: z.array(BatchOperation) });
export type BatchView = z.infer<typeof BatchView>;

export const UpdateBatchInput = z
  .object({
    id: z.string().min(1),
    title: Title.optional(),
    opensOn: IsoDate.optional(),
    closesOn: IsoDate.optional(),
    /**
     * The status changes only through its actions (batches.close / batches.reopen, 评审分配, 公示, 认定); a
     * status other than the current one is refused with INVALID_STATE naming the action to use.
     */
    status: BatchStatus.optional(),
    /** 更正理由: required once the expert review has started (the change is a correction, logged). */
    reason: Text({ label: '更正理由', min: 2, max: 200, multiline: true, minMessage: '请填写更正理由（至少2个字）' }).optional(),
  })
  .strict();

const BatchId = z.object({ id: z.string().min(1) }).strict();

export const BatchQuota = z.object({
  year: Year,
  count: z.number().int(),
  limit: z.number().int(),
  needsReason: z.boolean(),
  message: z.string(),
});

const YearFilter = z.object({ year: Year.optional() }).strict();

export const batchesContract = {
  'batches.list': method({ input: YearFilter, output: z.array(BatchView), writes: false, summary: '列出申报批次' }),
  'batches.get': method({ input: BatchId, output: BatchView, writes: false, summary: '读取申报批次' }),
  'batches.quota': method({ input: z.object({ year: Year }).strict(), output: BatchQuota, writes: false, summary: '查询年度批次数' }),
  'batches.create': method({
    input: CreateBatchInput,
    output: BatchView,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [i.year],
    summary: '新建申报批次',
  }),
  'batches.update': method({
    input: UpdateBatchInput,
    output: BatchView,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.id)],
    summary: '修改申报批次',
  }),
  'batches.close': method({
    input: BatchId,
    output: BatchView,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.id)],
    summary: '截止受理（受理中 → 已截止）',
  }),
  'batches.reopen': method({
    input: BatchId,
    output: BatchView,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.id)],
    summary: '恢复受理（已截止 → 受理中）',
  }),
  'batches.delete': method({
    input: z
      .object({
        id: z.string().min(1),
        reason: Text({ label: '删除理由', min: 2, max: 200, multiline: true, minMessage: '请填写删除理由（至少2个字）' }),
      })
      .strict(),
    output: z.object({ deleted: z.string() }),
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.id)],
    summary: '删除空批次（无申报、未发文）',
  }),
  'batches.exportXlsx': method({ input: YearFilter, output: ExportedFile, writes: false, summary: '导出批次一览表（Excel）' }),
  'batches.exportPdf': method({ input: YearFilter, output: ExportedFile, writes: false, summary: '导出批次一览表（PDF）' }),
};
