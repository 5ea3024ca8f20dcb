/**
 * Size limits the API states, as plain data (no zod), so the renderer may import them as values and refuse a
 * too-big file before reading it (see eslint.config.js). The store enforces them (store/uploads.ts).
 */

/** The largest file staged for an attachment or an Excel import. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** A review package carries all materials of an expert's applications (each material file stays capped at 50 MB). */
export const MAX_PACKAGE_UPLOAD_BYTES = 1024 * 1024 * 1024;

/** The staging cap for a file of this name: review packages (.ipcdpkg) may be larger than ordinary uploads. */
export function uploadCapFor(fileName: string): number {
  return /\.ipcdpkg$/iu.test(fileName.trim()) ? MAX_PACKAGE_UPLOAD_BYTES : MAX_UPLOAD_BYTES;
}
