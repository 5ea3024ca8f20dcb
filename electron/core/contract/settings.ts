import { z } from 'zod';
import { method, NoInput, IsoDate } from './define.js';
import { Text } from './text.js';
import { Year } from './batches.js';
import { RECORD_KINDS, RETENTION_PERIODS, type RecordKind } from './archive-labels.js';
import { DISCLOSURES, DOCUMENT_KINDS, ISSUED_DOCUMENT_TYPES, type IssuedDocumentType } from './document-labels.js';

const ListEntry = z.string().trim().min(1, '列表项不能为空').max(30, '列表项不超过30个字');
const ChoiceList = (what: string) =>
  z
    .array(ListEntry)
    .min(1, `${what}列表至少保留一项`)
    .max(100, `${what}列表不超过100项`)
    .refine((l) => new Set(l).size === l.length, `${what}列表中有重复项`);

/** One year's statutory holiday arrangement (same shape as domain/holidays-data.ts HolidayTable). */
export const HolidayTableSchema = z.object({
  year: Year,
  source: z.string().trim().min(2, '请填写依据（如国务院办公厅通知的名称和日期）').max(200, '依据不超过200个字'),
  offDays: z.array(IsoDate).max(60, '放假日期不超过60天'),
  makeUpWorkDays: z.array(IsoDate).max(20, '调休上班日期不超过20天'),
});
export type HolidayTableInput = z.infer<typeof HolidayTableSchema>;

/** 依据 of a holiday table as typed (the stored form above reads what earlier versions wrote). */
export const HolidaySourceInput = Text({ label: '依据', min: 2, max: 200, minMessage: '请填写依据（如国务院办公厅通知的名称和日期）' });
const ListEntryInput = Text({ label: '列表项', min: 1, max: 30, minMessage: '列表项不能为空', maxMessage: '列表项不超过30个字' });
const ChoiceListInput = (what: string) =>
  z
    .array(ListEntryInput)
    .min(1, `${what}列表至少保留一项`)
    .max(100, `${what}列表不超过100项`)
    .refine((l) => new Set(l).size === l.length, `${what}列表中有重复项`);

/** How one issued document is laid out and published (absent fields: domain/document-kinds.ts defaults). */
export const DocumentFormat = z
  .object({
    kind: z.enum(DOCUMENT_KINDS).optional(),
    /** 公开方式, printed as the 附注. */
    disclosure: z.enum(DISCLOSURES).optional(),
  })
  .strict();
export type DocumentFormat = z.infer<typeof DocumentFormat>;
const DocumentFormats = z
  .object(
    Object.fromEntries(ISSUED_DOCUMENT_TYPES.map((t) => [t, DocumentFormat.optional()])) as Record<
      IssuedDocumentType,
      z.ZodOptional<typeof DocumentFormat>
    >,
  )
  .strict();
/** 全宗号 (DA/T 13《档号编制规则》: 4 digits or capital letters and digits, given by the archives; same rule as domain/archival-code.ts). */
const FondsNumber = z
  .string()
  .trim()
  .regex(/^[0-9A-Z]{4}$/, '全宗号应为4位数字或大写字母与数字的组合（如 J001），由档案馆给定');
/** 保管期限 per record class of the yearly archive (absent classes: domain/archival-code.ts DEFAULT_RETENTION). */
const RetentionPeriods = z
  .object(
    Object.fromEntries(RECORD_KINDS.map((k) => [k, z.enum(RETENTION_PERIODS).optional()])) as Record<
      RecordKind,
      z.ZodOptional<z.ZodEnum<{ [K in (typeof RETENTION_PERIODS)[number]]: K }>>
    >,
  )
  .strict();
const OrganName = z.string().trim().min(1, '机关名称不能为空').max(40, '机关名称不超过40个字');
const OrganNameInput = (label: string) => Text({ label, min: 1, max: 40 });
const CopyTo = (item: z.ZodType<string>) =>
  z
    .array(item)
    .max(30, '抄送机关不超过30个')
    .refine((l) => new Set(l).size === l.length, '抄送机关有重复');

export const Settings = z.object({
  /** 发文机关 */
  bureauName: z.string().trim().min(1, '请填写发文机关名称').max(40, '发文机关名称不超过40个字'),
  /** 当前操作人 (recorded in the audit log) */
  operatorName: z.string().trim().max(20, '操作人姓名不超过20个字'),
  /** 发文字号前缀, e.g. 榕市监知 → 榕市监知〔2026〕3号 */
  docNumberPrefix: z.string().trim().min(1, '请填写发文字号前缀').max(12, '发文字号前缀不超过12个字'),
  /** 证书编号前缀, e.g. FZIPC → FZIPC-2026-001 */
  certNumberPrefix: z.string().trim().min(1, '请填写证书编号前缀').max(12, '证书编号前缀不超过12个字'),
  /** 县(市)区 list used by forms, the Excel template and imports (absent: the DOMAIN.md defaults). */
  districts: ChoiceList('县（市）区').optional(),
  /** 产业 list (absent: the Fuzhou "344" defaults). */
  industries: ChoiceList('产业').optional(),
  /** 节假日安排 edited by the bureau: each replaces the shipped table of its year (or adds a year). */
  holidayTables: z
    .array(HolidayTableSchema)
    .max(50, '节假日安排不超过50年')
    .refine((l) => new Set(l.map((t) => t.year)).size === l.length, '同一年份的节假日安排重复')
    .optional(),
  /** 证书纸张 (default A4 landscape). */
  certificateSize: z.enum(['A4-landscape', 'A3-landscape']).optional(),
  /** The bureau's seal image (PNG/JPG, stored as an attachment), placed over the authority and date on certificates. */
  sealImageSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  /**
   * 年度工作总结截止日期: the summary for year Y is due on (Y + yearOffset)-month-day (day clamped to the
   * month's end). Absent: 次年1月31日 ({ yearOffset: 1, month: 1, day: 31 }).
   */
  annualSummaryDue: z
    .object({
      yearOffset: z.union([z.literal(0), z.literal(1)]),
      month: z.number().int().min(1, '月份为1–12').max(12, '月份为1–12'),
      day: z.number().int().min(1, '日期为1–31').max(31, '日期为1–31'),
    })
    .strict()
    .optional(),
  /** Working days after a 撤销 decision within which certificate and plaque are to be handed back (absent: 15). */
  plaqueReturnWorkingDays: z
    .number()
    .int('牌匾交回期限应为整数个工作日')
    .min(1, '牌匾交回期限至少1个工作日')
    .max(60, '牌匾交回期限不超过60个工作日')
    .optional(),
  /** 发文机关标志 of 文件格式 (GB/T 9704 §7.2.4; absent: bureauName + "文件"). */
  fileMark: OrganName.optional(),
  /** 印发机关 in the 版记 (§7.4.3; absent: bureauName + "办公室"). */
  issuingOffice: OrganName.optional(),
  /** 抄送机关 printed in the 版记 of 文件格式 documents (§7.4.2). */
  copyTo: CopyTo(OrganName).optional(),
  /** Per issued document: its kind (文件格式 / 信函格式 / 公示公告) and 公开方式. */
  documentFormats: DocumentFormats.optional(),
  /** 联系人 printed on every notice (the secretariat's contact). */
  contactPerson: z.string().trim().max(20, '联系人不超过20个字').optional(),
  /** 联系电话 printed on every notice. */
  contactPhone: z.string().trim().max(40, '联系电话不超过40个字').optional(),
  /** 通讯地址: where written objections and materials are sent. */
  contactAddress: z.string().trim().max(80, '通讯地址不超过80个字').optional(),
  /** 行政复议机关 named in the remedy notice of adverse decisions (absent: 福州市人民政府). */
  reconsiderationBody: OrganName.optional(),
  /** 行政诉讼法院 named in the remedy notice (absent: none set — a warning on screen and in previews). */
  litigationCourt: z.string().trim().max(40, '法院名称不超过40个字').optional(),
  /** Working days an expert has to return the result file (评审任务通知单; absent: 10). */
  reviewReturnWorkingDays: z.number().int().min(1, '交回期限至少1个工作日').max(60, '交回期限不超过60个工作日').optional(),
  /** 全宗号 of the bureau's fonds, the first part of every 档号 in the yearly archive's catalogue. */
  fondsNumber: FondsNumber.optional(),
  /** 保管期限 per record class (年度档案 catalogue and 档号). */
  retentionPeriods: RetentionPeriods.optional(),
});
export type Settings = z.infer<typeof Settings>;

/** settings.update: the stored Settings with every free-text field a Text() (see text.ts). */
export const UpdateSettingsInput = Settings.omit({ sealImageSha256: true })
  .extend({
    bureauName: Text({ label: '发文机关名称', min: 1, max: 40 }),
    operatorName: Text({ label: '操作人姓名', max: 20 }),
    docNumberPrefix: Text({ label: '发文字号前缀', min: 1, max: 12 }),
    certNumberPrefix: Text({ label: '证书编号前缀', min: 1, max: 12 }),
    fileMark: OrganNameInput('发文机关标志').optional(),
    issuingOffice: OrganNameInput('印发机关').optional(),
    copyTo: CopyTo(OrganNameInput('抄送机关')).optional(),
    contactPerson: Text({ label: '联系人', max: 20 }).optional(),
    contactPhone: Text({ label: '联系电话', max: 40 }).optional(),
    contactAddress: Text({ label: '通讯地址', max: 80 }).optional(),
    reconsiderationBody: OrganNameInput('行政复议机关').optional(),
    litigationCourt: Text({ label: '行政诉讼法院', max: 40 }).optional(),
    districts: ChoiceListInput('县（市）区').optional(),
    industries: ChoiceListInput('产业').optional(),
    holidayTables: z
      .array(HolidayTableSchema.extend({ source: HolidaySourceInput }))
      .max(50, '节假日安排不超过50年')
      .refine((l) => new Set(l.map((t) => t.year)).size === l.length, '同一年份的节假日安排重复')
      .optional(),
  })
  .partial()
  .strict();

export const ReferenceLists = z.object({
  districts: z.array(z.string()),
  industries: z.array(z.string()),
  unitTypes: z.array(z.object({ code: z.string(), label: z.string() })),
  routes: z.array(z.object({ code: z.string(), label: z.string() })),
  materialItems: z.array(z.object({ no: z.number().int(), title: z.string(), hint: z.string() })),
});
export type ReferenceLists = z.infer<typeof ReferenceLists>;

export const settingsContract = {
  'settings.setSeal': method({
    input: z
      .object({
        uploadId: z
          .string()
          .regex(/^[0-9a-f]{32}$/, '上传编号无效，请重新上传文件')
          .nullable(),
      })
      .strict(),
    output: Settings,
    writes: true,
    yearLock: 'none',
    summary: '设置或清除证书印章图片',
  }),
  'settings.lists': method({
    input: NoInput,
    output: ReferenceLists,
    writes: false,
    summary: '读取选择列表（县(市)区、产业、单位类型、申报材料）',
  }),
  'settings.get': method({ input: NoInput, output: Settings, writes: false, summary: '读取设置' }),
  'settings.update': method({
    input: UpdateSettingsInput,
    output: Settings,
    writes: true,
    yearLock: 'none',
    summary: '修改设置',
  }),
};
