/** API methods of intake (applications.*). */
import { z } from 'zod';
import { method, NoInput } from '../define.js';
import { ExportedFile } from '../common.js';
import {
  ApplicantInput,
  Application,
  ApplicationDetail,
  ApplicationRow,
  ApplicationStatus,
  IpFigures,
  ItemNo,
  OfficeInput,
  Route,
  TeamMemberInput,
} from './entities.js';
import { Text } from '../text.js';
import { yearOfRef } from '../years.js';

const Id = z.string().trim().min(1, '请指定申报');
const BatchId = z
  .string()
  .trim()
  .regex(/^\d{4}-\d+$/, '批次编号格式应为“年度-序号”，如 2026-1');
const Reason = Text({ label: '理由', min: 2, max: 200, multiline: true });
/** A file name as given by the user's system (shown and kept, never printed in a document body). */
const FileName = Text({ label: '文件名', min: 1, max: 200, printed: false });
const UploadId = z.string().regex(/^[0-9a-f]{32}$/, '上传编号无效，请重新上传文件');

/** Everything an applicant fills in, except name and USCC which identify it. */
const FormFields = {
  route: Route.optional(),
  recommendingDistrict: Text({ label: '推荐单位', max: 30 }).optional(),
  proposedCenterName: Text({ label: '拟建中心名称', max: 100 }).optional(),
  ipFigures: IpFigures.partial().optional(),
  team: z.array(TeamMemberInput).max(100, '团队成员不超过100人').optional(),
  office: OfficeInput.partial().optional(),
  narrative: Text({ label: '知识产权工作情况', max: 20_000, multiline: true, maxMessage: '工作情况不超过20000字' }).optional(),
};

export const CreateApplicationInput = z
  .object({
    batchId: BatchId,
    applicant: ApplicantInput.partial({
      unitType: true,
      legalRepresentative: true,
      contact: true,
      phone: true,
      address: true,
      district: true,
      industry: true,
    }).strict(),
    ...FormFields,
    /** Needed when today is outside the batch's window (opensOn–closesOn). */
    windowOverrideReason: Reason.optional(),
  })
  .strict();
export type CreateApplicationInput = z.infer<typeof CreateApplicationInput>;

export const SaveDraftInput = z.object({ id: Id, applicant: ApplicantInput.partial().strict().optional(), ...FormFields }).strict();
export type SaveDraftInput = z.infer<typeof SaveDraftInput>;

export const SortField = z.enum(['name', 'uscc', 'district', 'industry', 'status', 'route', 'createdAt', 'updatedAt', 'submittedAt']);
export const ListFilters = z
  .object({
    batchId: BatchId.optional(),
    status: z.array(ApplicationStatus).optional(),
    district: z.array(Text({ label: '所属县（市）区', max: 30 })).optional(),
    industry: z.array(Text({ label: '所属产业', max: 30 })).optional(),
    route: Route.optional(),
    /** Unit name, USCC (any part) or pinyin initials of the unit name (“fzsk”). */
    search: Text({ label: '搜索词', max: 100, printed: false }).optional(),
    sort: SortField.default('updatedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();
export type ListFilters = z.infer<typeof ListFilters>;

export const ListInput = ListFilters.extend({
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(10_000).default(10_000),
}).strict();

export const ApplicationList = z.object({ total: z.number().int(), rows: z.array(ApplicationRow) });

export const MissingItem = z.object({ no: z.number().int(), title: z.string() });

export const ImportIssue = z.object({
  row: z.number().int(),
  /** Column letter (C) and header (统一社会信用代码); empty for whole-file problems. */
  column: z.string(),
  columnLabel: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportReport = z.object({
  batchId: z.string(),
  dryRun: z.boolean(),
  rowsRead: z.number().int(),
  validRows: z.number().int(),
  errors: z.array(ImportIssue),
  /** Ready-to-create applicants (first 200 shown). */
  preview: z.array(z.object({ row: z.number().int(), name: z.string(), uscc: z.string(), district: z.string(), industry: z.string() })),
  applied: z.number().int(),
  message: z.string(),
});
export type ImportReport = z.infer<typeof ImportReport>;

const byId = z.object({ id: Id }).strict();

export const applicationsContract = {
  'applications.create': method({
    input: CreateApplicationInput,
    output: Application,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.batchId)],
    summary: '新建申报（草稿）',
  }),
  'applications.saveDraft': method({
    input: SaveDraftInput,
    output: Application,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.id)],
    summary: '保存申报草稿',
  }),
  'applications.get': method({ input: byId, output: ApplicationDetail, writes: false, summary: '读取申报' }),
  'applications.list': method({ input: ListInput, output: ApplicationList, writes: false, summary: '申报列表' }),
  'applications.submit': method({
    input: byId
      .extend({
        /** Submit although required materials are missing (refused with NEEDS_ACKNOWLEDGEMENT and the list otherwise). */
        acknowledgeMissing: z.boolean().optional(),
      })
      .strict(),
    output: Application,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.id)],
    summary: '提交申报',
  }),
  'applications.attachFile': method({
    input: z.object({ applicationId: Id, itemNo: ItemNo, uploadId: UploadId, fileName: FileName.optional() }).strict(),
    output: Application,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.applicationId)],
    summary: '添加申报材料文件',
  }),
  'applications.removeFile': method({
    input: z.object({ applicationId: Id, itemNo: ItemNo, sha256: z.string().regex(/^[0-9a-f]{64}$/, '文件标识无效') }).strict(),
    output: Application,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.applicationId)],
    summary: '移除申报材料文件',
  }),
  'applications.missingItems': method({ input: byId, output: z.array(MissingItem), writes: false, summary: '缺少的申报材料' }),
  'applications.importTemplate': method({
    input: z
      .object({ batchId: BatchId, uploadId: UploadId, dryRun: z.boolean().default(true), windowOverrideReason: Reason.optional() })
      .strict(),
    output: ImportReport,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.batchId)],
    summary: '从Excel模板导入申报',
  }),
  'applications.exportTemplate': method({ input: NoInput, output: ExportedFile, writes: false, summary: '导出空白申报模板（Excel）' }),
  'applications.exportRoster': method({ input: ListFilters, output: ExportedFile, writes: false, summary: '导出申报汇总表（Excel）' }),
};
