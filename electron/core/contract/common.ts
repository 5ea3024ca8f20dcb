import { z } from 'zod';

/** A file the app wrote under <data>/exports (PDF, xlsx, …). */
export const ExportedFile = z.object({
  fileName: z.string(),
  /** Path relative to the exports folder (what the web host serves under /exports/). */
  relPath: z.string(),
  /** Absolute path on disk. */
  path: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

/** 作废: an issued numbered document voided with a reason (kept on the record that holds its number; the number is never reused). */
export const VoidRecord = z.object({ at: z.string().datetime({ offset: true }), by: z.string(), reason: z.string() });
export type VoidRecord = z.infer<typeof VoidRecord>;
/**
 * What a numbered document's first print will take, shown in its confirmation before anything is taken
 * (previewing takes no number). The print is then called with `expectedDocNumber`, and refused (CONFLICT,
 * details `{ expected, docNumber }`) when another document took that number meanwhile.
 */
export const NumberPreview = z.object({
  /** The 发文字号 the first print takes, or (reprint) the one the document already has. */
  docNumber: z.string(),
  /** Already numbered: printing reprints with this number and takes none. */
  reprint: z.boolean(),
  /** 成文日期 (YYYY-MM-DD). */
  issuedOn: z.string(),
  /** The document's title, e.g. 受理通知书. */
  title: z.string(),
  /** Who it is addressed to or about (unit or center name). */
  addressee: z.string(),
});
export type NumberPreview = z.infer<typeof NumberPreview>;

/** The 发文字号 the confirmation showed (from a `…preview…` method); the act is refused if another would be taken. */
export const ExpectedDocNumber = z
  .string()
  .trim()
  .max(60)
  .regex(/^\S+〔\d{4}〕\d+号$/, '发文字号格式不对，请刷新后重新确认');

/**
 * The file an official document or certificate is exported as: PDF, or OFD (GB/T 33190-2016, for
 * government e-document systems), laid out from the same page model and the same issued record.
 */
export const ExportFileType = z.enum(['pdf', 'ofd']).default('pdf');
export type ExportFileType = z.infer<typeof ExportFileType>;
