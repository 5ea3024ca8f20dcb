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

/**
 * The file an official document or certificate is exported as: PDF, or OFD (GB/T 33190-2016, for
 * government e-document systems), laid out from the same page model and the same issued record.
 */
export const ExportFileType = z.enum(['pdf', 'ofd']).default('pdf');
export type ExportFileType = z.infer<typeof ExportFileType>;
