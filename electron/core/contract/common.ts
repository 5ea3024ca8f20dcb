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
