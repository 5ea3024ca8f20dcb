/** API methods of formal review (形式审查, formalReview.*): accept, ask for a supplement, reject, print the notice. */
import { z } from 'zod';
import { method, IsoDate } from './define.js';
import { ExpectedDocNumber, ExportedFile, ExportFileType, NumberPreview } from './common.js';
import { Application, SupplementItemInput } from './applications/entities.js';
import { Text } from './text.js';
import { yearOfRef } from './years.js';

const Id = z.string().trim().min(1, '请指定申报');
const Reason = Text({ label: '理由', min: 2, max: 200, multiline: true });
const Note = Text({ label: '备注', max: 200, multiline: true });
const SupplementDays = z.number().int().min(1, '补正期限至少1个工作日').max(60, '补正期限不超过60个工作日');

/** The deadline a 补正 sent today would carry (shown in the dialog before sending). */
export const SupplementDeadline = z.object({
  issuedOn: IsoDate,
  workingDays: z.number().int(),
  deadline: IsoDate,
  /** “须于2026年10月20日前补正（5个工作日，自通知次日起算）” */
  text: z.string(),
  /** A year of the period has no holiday table (only weekends skipped). */
  warning: z.string().optional(),
});
export type SupplementDeadline = z.infer<typeof SupplementDeadline>;

export const formalReviewContract = {
  'formalReview.accept': method({
    input: z.object({ applicationId: Id, note: Note.optional() }).strict(),
    output: Application,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.applicationId)],
    summary: '形式审查：受理',
  }),
  'formalReview.requireSupplement': method({
    input: z
      .object({
        applicationId: Id,
        items: z.array(SupplementItemInput).min(1, '请至少勾选一项需补正的材料').max(7),
        workingDays: SupplementDays.default(5),
        note: Note.optional(),
      })
      .strict(),
    output: Application,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.applicationId)],
    summary: '形式审查：要求补正',
  }),
  'formalReview.supplementDeadline': method({
    input: z.object({ workingDays: SupplementDays }).strict(),
    output: SupplementDeadline,
    writes: false,
    summary: '补正期限（按今天发出计算）',
  }),
  'formalReview.previewNotice': method({
    input: z.object({ applicationId: Id, round: z.number().int().positive().optional() }).strict(),
    output: NumberPreview,
    writes: false,
    summary: '形式审查通知书将取用的发文字号（不取号）',
  }),
  'formalReview.notice': method({
    input: z
      .object({
        applicationId: Id,
        round: z.number().int().positive().optional(),
        expectedDocNumber: ExpectedDocNumber.optional(),
        /** PDF (default) or OFD; the OFD of a numbered notice is a reprint (no new 发文字号). */
        fileType: ExportFileType,
      })
      .strict(),
    output: ExportedFile,
    writes: true,
    yearLock: 'print',
    summary: '生成形式审查通知书（受理/补正/不予受理；PDF 或 OFD）',
  }),
  'formalReview.returnToDraft': method({
    input: z.object({ applicationId: Id, reason: Reason }).strict(),
    output: Application,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.applicationId)],
    summary: '退回修改（已提交 → 草稿，须填写理由）',
  }),
  'formalReview.reject': method({
    input: z.object({ applicationId: Id, reason: Reason }).strict(),
    output: Application,
    writes: true,
    yearLock: 'byInput',
    years: (i) => [yearOfRef(i.applicationId)],
    summary: '形式审查：不予受理',
  }),
};
