import { z } from 'zod';
import { method, IsoDate, IsoTime } from './define.js';
import { Text } from './text.js';
import { ExportedFile } from './common.js';

export const BatchStatus = z.enum(['open', 'closed', 'reviewing', 'publicity', 'designated']);
export type BatchStatus = z.infer<typeof BatchStatus>;

export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = {
  open: '受理中',
  closed: '已截止',
  reviewing: '评审中',
  publicity: '公示中',
  designated: '已认定',
};

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

export const UpdateBatchInput = z
  .object({
    id: z.string().min(1),
    title: Title.optional(),
    opensOn: IsoDate.optional(),
    closesOn: IsoDate.optional(),
    status: BatchStatus.optional(),
  })
  .strict();

export const BatchQuota = z.object({
  year: Year,
  count: z.number().int(),
  limit: z.number().int(),
  needsReason: z.boolean(),
  message: z.string(),
});

const YearFilter = z.object({ year: Year.optional() }).strict();

export const batchesContract = {
  'batches.list': method({ input: YearFilter, output: z.array(Batch), writes: false, summary: '列出申报批次' }),
  'batches.get': method({ input: z.object({ id: z.string().min(1) }).strict(), output: Batch, writes: false, summary: '读取申报批次' }),
  'batches.quota': method({ input: z.object({ year: Year }).strict(), output: BatchQuota, writes: false, summary: '查询年度批次数' }),
  'batches.create': method({ input: CreateBatchInput, output: Batch, writes: true, summary: '新建申报批次' }),
  'batches.update': method({ input: UpdateBatchInput, output: Batch, writes: true, summary: '修改申报批次' }),
  'batches.exportXlsx': method({ input: YearFilter, output: ExportedFile, writes: false, summary: '导出批次一览表（Excel）' }),
  'batches.exportPdf': method({ input: YearFilter, output: ExportedFile, writes: false, summary: '导出批次一览表（PDF）' }),
};
