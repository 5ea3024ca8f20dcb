import type { ExportedFile } from '../../contract/common.js';
import { writeExport, type NamePart } from '../../store/exports.js';

/**
 * A document as the services produce it: its export file name and its bytes. Nothing is written until the
 * caller saves it into the folder it chooses (a handler: <data>/exports; the archive: its staging folder).
 */
export interface GeneratedDocument {
  /** The export file name (parts: only a center or unit name is shortened when it is too long). */
  fileName: string | readonly NamePart[];
  data: Buffer;
}

/** Progress and cancellation of a long document (certificates, scoring sheets). */
export interface RenderOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Write a generated document into `dir` (atomic; never overwrites an earlier file). */
export function saveDocument(dir: string, doc: GeneratedDocument): Promise<ExportedFile> {
  return writeExport(dir, doc.fileName, doc.data);
}
