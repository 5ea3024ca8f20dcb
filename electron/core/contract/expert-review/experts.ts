/** 专家库 (expert pool): entity and API of the experts.* methods. */
import { z } from 'zod';
import { method, IsoTime } from '../define.js';
import { Text } from '../text.js';
import { ExportedFile } from '../common.js';
import { PhoneInput } from '../applications/entities.js';
import { ImportIssue } from '../applications/methods.js';

const Conflict = Text({ label: '回避单位', min: 2, max: 100, minMessage: '回避单位至少2个字' });

/** 专家 */
export const Expert = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
  /** 单位统一社会信用代码, when known (checked with domain/uscc.ts). */
  organisationUscc: z.string().optional(),
  title: z.string().default(''),
  field: z.string().default(''),
  phone: z.string().default(''),
  /** Units (names or USCCs) the expert declared a conflict of interest with. */
  declaredConflicts: z.array(z.string()).default([]),
  retired: z.boolean().default(false),
  retiredReason: z.string().optional(),
  createdAt: IsoTime.optional(),
  updatedAt: IsoTime.optional(),
});
export type Expert = z.infer<typeof Expert>;

const ExpertFields = {
  name: Text({ label: '专家姓名', min: 2, max: 30 }),
  organisation: Text({ label: '工作单位', min: 2, max: 100 }),
  organisationUscc: Text({ label: '单位统一社会信用代码', max: 30, maxMessage: '统一社会信用代码应为18位' }).optional(),
  title: Text({ label: '职称', max: 30 }).default(''),
  field: Text({ label: '专业领域', max: 50 }).default(''),
  phone: PhoneInput.default(''),
  declaredConflicts: z.array(Conflict).max(50, '回避单位不超过50个').default([]),
};

export const CreateExpertInput = z.object(ExpertFields).strict();
export type CreateExpertInput = z.infer<typeof CreateExpertInput>;

export const UpdateExpertInput = z
  .object({
    id: z.string().trim().min(1, '请指定专家'),
    name: ExpertFields.name.optional(),
    organisation: ExpertFields.organisation.optional(),
    organisationUscc: ExpertFields.organisationUscc,
    title: Text({ label: '职称', max: 30 }).optional(),
    field: Text({ label: '专业领域', max: 50 }).optional(),
    phone: PhoneInput.optional(),
    declaredConflicts: z.array(Conflict).max(50, '回避单位不超过50个').optional(),
  })
  .strict();
export type UpdateExpertInput = z.infer<typeof UpdateExpertInput>;

export const ExpertImportReport = z.object({
  dryRun: z.boolean(),
  rowsRead: z.number().int(),
  validRows: z.number().int(),
  errors: z.array(ImportIssue),
  preview: z.array(z.object({ row: z.number().int(), name: z.string(), organisation: z.string() })),
  applied: z.number().int(),
  message: z.string(),
});
export type ExpertImportReport = z.infer<typeof ExpertImportReport>;

const IncludeRetired = z.object({ includeRetired: z.boolean().default(false) }).strict();

export const expertsContract = {
  'experts.list': method({ input: IncludeRetired, output: z.array(Expert), writes: false, summary: '列出专家库' }),
  'experts.create': method({ input: CreateExpertInput, output: Expert, writes: true, yearLock: 'none', summary: '新增专家' }),
  'experts.update': method({ input: UpdateExpertInput, output: Expert, writes: true, yearLock: 'none', summary: '修改专家信息' }),
  'experts.retire': method({
    input: z
      .object({ id: z.string().trim().min(1, '请指定专家'), reason: Text({ label: '理由', max: 200, multiline: true }).optional() })
      .strict(),
    output: Expert,
    writes: true,
    yearLock: 'none',
    summary: '专家退出专家库',
  }),
  'experts.importXlsx': method({
    input: z
      .object({ uploadId: z.string().regex(/^[0-9a-f]{32}$/, '上传编号无效，请重新上传文件'), dryRun: z.boolean().default(true) })
      .strict(),
    output: ExpertImportReport,
    writes: true,
    yearLock: 'none',
    summary: '从Excel导入专家',
  }),
  'experts.exportRoster': method({ input: IncludeRetired, output: ExportedFile, writes: false, summary: '导出专家名册（Excel）' }),
};
