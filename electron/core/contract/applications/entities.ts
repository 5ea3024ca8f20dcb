/** 申报 (Application) entities: what is stored in batch-<id>.json and what crosses the API. */
import { z } from 'zod';
import { IsoDate, IsoTime } from '../define.js';
import { Text } from '../text.js';
import { VoidRecord } from '../common.js';

export const UnitType = z.enum(['enterprise', 'association', 'institute', 'university', 'other']);
export type UnitType = z.infer<typeof UnitType>;
export const Route = z.enum(['voluntary', 'recommended']);
export type Route = z.infer<typeof Route>;
export const ApplicationStatus = z.enum(['draft', 'submitted', 'accepted', 'supplementRequired', 'rejected']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

const PHONE_MESSAGE = '电话号码格式不对：请填写11位手机号，或带区号的座机号（如 0591-87654321）';
/** Chinese mobile (1[3-9]xxxxxxxxx) or landline (0591-12345678, optional extension). */
export const PHONE_PATTERN = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;
const Phone = z
  .string()
  .trim()
  .refine((s) => s === '' || PHONE_PATTERN.test(s), PHONE_MESSAGE);

const text = (max: number, what: string) => z.string().trim().max(max, `${what}不超过${max}个字`);
/** 联系电话 as typed (free text, cleaned like every other, then checked against PHONE_PATTERN). */
export const PhoneInput = Text({ label: '联系电话', max: 40, rule: (s) => (s === '' || PHONE_PATTERN.test(s) ? null : PHONE_MESSAGE) });

/** 申报单位. Fields other than name and USCC may be empty while the application is a draft. */
export const Applicant = z.object({
  name: z.string().trim().min(2, '请填写单位名称（至少2个字）').max(100, '单位名称不超过100个字'),
  /** Normalised (upper-case, half-width) and checked with the GB 32100 check character by the handler. */
  uscc: z.string().trim().min(1, '请填写统一社会信用代码').max(40, '统一社会信用代码应为18位'),
  unitType: UnitType.optional(),
  legalRepresentative: text(30, '法定代表人').default(''),
  contact: text(30, '联系人').default(''),
  phone: Phone.default(''),
  address: text(200, '地址').default(''),
  district: text(30, '所属县（市）区').default(''),
  industry: text(30, '所属产业').default(''),
});
export type Applicant = z.infer<typeof Applicant>;

/*
 * The stored forms above (Applicant, TeamMember, Office, SupplementItem) read parts written by any
 * earlier version and so stay as they were; what comes in through the API is the *Input form, whose
 * free text is a Text() (control and bidi characters refused, normalised — see text.ts).
 */
export const ApplicantInput = z.object({
  name: Text({ label: '单位名称', min: 2, max: 100 }),
  /** Normalised (upper-case, half-width) and checked with the GB 32100 check character by the handler. */
  uscc: Text({ label: '统一社会信用代码', min: 1, max: 40, maxMessage: '统一社会信用代码应为18位' }),
  unitType: UnitType.optional(),
  legalRepresentative: Text({ label: '法定代表人', max: 30 }).default(''),
  contact: Text({ label: '联系人', max: 30 }).default(''),
  phone: PhoneInput.default(''),
  address: Text({ label: '地址', max: 200 }).default(''),
  district: Text({ label: '所属县（市）区', max: 30 }).default(''),
  industry: Text({ label: '所属产业', max: 30 }).default(''),
});

const Count = z.number().int('须为整数').nonnegative('不能为负数').max(1_000_000, '数量过大，请核对');
/** 知识产权集聚度: counts held by the applicant. */
export const IpFigures = z.object({
  invention: Count.default(0),
  utility: Count.default(0),
  design: Count.default(0),
  trademarks: Count.default(0),
  gi: Count.default(0),
  copyrights: Count.default(0),
  standards: Count.default(0),
});
export type IpFigures = z.infer<typeof IpFigures>;

export const TeamMember = z.object({
  name: z.string().trim().min(1, '请填写成员姓名').max(30, '姓名不超过30个字'),
  role: text(30, '职务/分工').default(''),
  title: text(30, '职称').default(''),
  /** e.g. 专利代理师 */
  qualification: text(60, '资格').default(''),
});
export type TeamMember = z.infer<typeof TeamMember>;

export const TeamMemberInput = z.object({
  name: Text({ label: '成员姓名', min: 1, max: 30, maxMessage: '姓名不超过30个字' }),
  role: Text({ label: '职务/分工', max: 30 }).default(''),
  title: Text({ label: '职称', max: 30 }).default(''),
  qualification: Text({ label: '资格', max: 60 }).default(''),
});

export const Office = z.object({
  address: text(200, '办公地址').default(''),
  areaM2: z.number().nonnegative('面积不能为负数').max(1_000_000, '面积过大，请核对').nullable().default(null),
});

export const OfficeInput = Office.extend({ address: Text({ label: '办公地址', max: 200 }).default('') });

export const FileKindCode = z.enum(['pdf', 'jpg', 'png', 'docx', 'xlsx']);
export const FileRef = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string(),
  size: z.number().int().positive(),
  kind: FileKindCode,
  addedAt: IsoTime,
});
export type FileRef = z.infer<typeof FileRef>;

export const ItemNo = z.number().int('材料序号须为整数').min(1, '材料序号为1–7').max(7, '材料序号为1–7');
export const MaterialItem = z.object({ no: ItemNo, files: z.array(FileRef) });
export type MaterialItem = z.infer<typeof MaterialItem>;

export const SupplementItem = z.object({
  no: ItemNo,
  reason: z.string().trim().min(2, '请写明需补正的内容（至少2个字）').max(200, '补正理由不超过200个字'),
});

export const SupplementItemInput = SupplementItem.extend({
  reason: Text({ label: '补正理由', min: 2, max: 200, multiline: true, minMessage: '请写明需补正的内容（至少2个字）' }),
});

/** 形式审查, one entry per round; every round is kept. */
export const FormalReview = z.discriminatedUnion('outcome', [
  z.object({
    round: z.number().int().positive(),
    outcome: z.literal('accepted'),
    at: IsoTime,
    by: z.string(),
    note: z.string().optional(),
    docNumber: z.string().optional(),
    /** 文书模板 version the notice was first printed with (reprints use it; absent: version 1). */
    templateVersion: z.number().int().positive().optional(),
    /** 作废 of the notice (archive.voidDocument); the number stays taken. */
    voided: VoidRecord.optional(),
  }),
  z.object({
    round: z.number().int().positive(),
    outcome: z.literal('supplementRequired'),
    at: IsoTime,
    by: z.string(),
    items: z.array(SupplementItem).min(1),
    workingDays: z.number().int().positive(),
    /** Issue date (bureau calendar day) and the last day to supplement. */
    issuedOn: IsoDate,
    deadline: IsoDate,
    note: z.string().optional(),
    /** 发文字号 of the notice, assigned when it is first printed and kept for reprints. */
    docNumber: z.string().optional(),
    /** 文书模板 version the notice was first printed with (reprints use it; absent: version 1). */
    templateVersion: z.number().int().positive().optional(),
    /** 作废 of the notice (archive.voidDocument); the number stays taken. */
    voided: VoidRecord.optional(),
  }),
  z.object({
    round: z.number().int().positive(),
    outcome: z.literal('rejected'),
    at: IsoTime,
    by: z.string(),
    reason: z.string(),
    docNumber: z.string().optional(),
    /** 文书模板 version the notice was first printed with (reprints use it; absent: version 1). */
    templateVersion: z.number().int().positive().optional(),
    /** 作废 of the notice (archive.voidDocument); the number stays taken. */
    voided: VoidRecord.optional(),
  }),
]);
export type FormalReview = z.infer<typeof FormalReview>;

export const HistoryEntry = z.object({ at: IsoTime, by: z.string(), action: z.string(), note: z.string().optional() });
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** 申报: one applicant in one batch. */
export const Application = z.object({
  id: z.string(),
  batchId: z.string(),
  applicant: Applicant,
  route: Route,
  recommendingDistrict: z.string().default(''),
  proposedCenterName: z.string().default(''),
  ipFigures: IpFigures,
  team: z.array(TeamMember),
  office: Office,
  narrative: z.string().default(''),
  materials: z.array(MaterialItem),
  status: ApplicationStatus,
  formalReviews: z.array(FormalReview),
  history: z.array(HistoryEntry),
  windowOverrideReason: z.string().optional(),
  submittedAt: IsoTime.optional(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Application = z.infer<typeof Application>;

/** One row of the applications table: small on purpose (5,000 rows must stay light). */
export const ApplicationRow = z.object({
  id: z.string(),
  batchId: z.string(),
  name: z.string(),
  uscc: z.string(),
  unitType: UnitType.optional(),
  district: z.string(),
  industry: z.string(),
  route: Route,
  recommendingDistrict: z.string(),
  proposedCenterName: z.string(),
  status: ApplicationStatus,
  missingItems: z.array(z.number().int()),
  /** Deadline of the open supplement round, when status is supplementRequired. */
  supplementDeadline: IsoDate.optional(),
  submittedAt: IsoTime.optional(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type ApplicationRow = z.infer<typeof ApplicationRow>;

/** The same USCC in an earlier batch: “该单位曾于2025年第一批申报，结果：不予受理”. */
export const EarlierApplication = z.object({
  applicationId: z.string(),
  batchId: z.string(),
  year: z.number().int(),
  sequence: z.number().int(),
  status: ApplicationStatus,
  message: z.string(),
});

export const ApplicationDetail = z.object({
  application: Application,
  earlier: z.array(EarlierApplication),
  missingItems: z.array(z.number().int()),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;
