/**
 * What a double-clicked file is, from its name AND its first bytes (pure): both must agree, so a renamed file
 * is refused rather than handed to the wrong screen.
 *
 * - 评审包 `.ipcdpkg` and 评分结果文件 `.ipcdres`: our encrypted containers, magic `IPCDPKG1` / `IPCDRES1`
 *   (exchange/crypto.ts writes them; a unit test checks real files of both against this rule);
 * - 备份文件 `.ipcdesk-backup` and 年度档案 `.zip`: zip files (local file header `PK\x03\x04`).
 */
import { OPEN_FILE_EXTENSIONS, type OpenFileKind } from '../contract/setup-labels.js';

export type DetectedKind = OpenFileKind | 'yearArchive' | 'unknown';

const PACKAGE_MAGIC = 'IPCDPKG1';
const RESULT_MAGIC = 'IPCDRES1';
const ZIP_MAGIC = 'PK\u0003\u0004';

/** How many leading bytes `detectOpenFileKind` looks at. */
export const OPEN_FILE_HEAD_BYTES = 8;

function startsWith(head: Uint8Array, magic: string): boolean {
  if (head.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (head[i] !== magic.charCodeAt(i)) return false;
  return true;
}

/** The kind of `fileName` with leading bytes `head`; 'unknown' when the extension and the bytes do not agree. */
export function detectOpenFileKind(fileName: string, head: Uint8Array): DetectedKind {
  const lower = fileName.trim().toLowerCase();
  if (lower.endsWith(OPEN_FILE_EXTENSIONS.expertPackage)) return startsWith(head, PACKAGE_MAGIC) ? 'expertPackage' : 'unknown';
  if (lower.endsWith(OPEN_FILE_EXTENSIONS.resultFile)) return startsWith(head, RESULT_MAGIC) ? 'resultFile' : 'unknown';
  if (lower.endsWith(OPEN_FILE_EXTENSIONS.backupFile)) return startsWith(head, ZIP_MAGIC) ? 'backupFile' : 'unknown';
  if (lower.endsWith('.zip')) return startsWith(head, ZIP_MAGIC) ? 'yearArchive' : 'unknown';
  return 'unknown';
}
