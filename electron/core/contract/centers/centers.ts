/** API methods of the centers (中心, centers.*) and their 共建协议 (agreements.*). */
import { z } from 'zod';
import { method, IsoDate, NoInput } from '../define.js';
import { Text } from '../text.js';
import { ExportedFile, ExportFileType } from '../common.js';
import { Year } from '../batches.js';
import { Center, CenterStatus } from '../designation.js';
import { yearOfDate } from '../years.js';

const BatchId = z
  .string()
  .trim()
  .regex(/^\d{4}-\d+$/, '批次编号格式应为“年度-序号”，如 2026-1');
const CenterId = z
  .string()
  .trim()
  .regex(/^C\d+$/, '中心编号无效，请刷新后重试');
const ByBatch = z.object({ batchId: BatchId }).strict();

export const ListCentersInput = z
  .object({
    status: CenterStatus.optional(),
    year: Year.optional(),
    /** Center name, host unit, its USCC (any part) or the pinyin initials of either name (“fzrj”), as 申报登记 searches. */
    search: Text({ label: '搜索词', max: 100, printed: false }).optional(),
  })
  .strict();

export const RecordAgreementInput = z
  .object({
    centerId: CenterId,
    parties: z
      .array(Text({ label: '协议方名称', min: 2, max: 60, minMessage: '协议方名称至少2个字' }))
      .min(1, '请至少填写一个协议方')
      .max(10, '协议方不超过10个'),
    signedOn: IsoDate,
  })
  .strict();

export const RecordPlaqueReturnInput = z
  .object({
    centerId: CenterId,
    /** The day the plaque (and certificate) came back. */
    returnedOn: IsoDate,
    note: Text({ label: '备注', max: 200, multiline: true }).optional(),
  })
  .strict();

export const centerRecordsContract = {
  'centers.list': method({ input: ListCentersInput, output: z.array(Center), writes: false, summary: '中心名录' }),
  'centers.get': method({ input: z.object({ id: CenterId }).strict(), output: Center, writes: false, summary: '读取中心' }),
  'centers.withoutAgreement': method({ input: NoInput, output: z.array(Center), writes: false, summary: '未签共建协议的中心' }),
  'centers.exportRoster': method({ input: NoInput, output: ExportedFile, writes: false, summary: '导出认定名单（Excel）' }),
  'centers.certificatePdf': method({
    input: z.object({ centerId: CenterId, fileType: ExportFileType }).strict(),
    output: ExportedFile,
    writes: false,
    summary: '生成证书（PDF 或 OFD）',
  }),
  'centers.certificatesPdf': method({
    input: z.object({ batchId: BatchId, fileType: ExportFileType }).strict(),
    output: ExportedFile,
    writes: false,
    summary: '批量生成本批证书（PDF 或 OFD）',
  }),
  'centers.plaqueSheetPdf': method({ input: ByBatch, output: ExportedFile, writes: false, summary: '生成牌匾内容确认单（PDF）' }),

  'centers.recordPlaqueReturn': method({
    input: RecordPlaqueReturnInput,
    output: Center,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfDate(i.returnedOn)],
    summary: '牌匾收回登记',
  }),

  'agreements.record': method({
    input: RecordAgreementInput,
    output: Center,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfDate(i.signedOn)],
    summary: '登记共建协议',
  }),
};
