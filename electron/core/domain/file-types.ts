/** File kinds accepted as attachments, recognised by their content (magic bytes), never by extension. */
export type FileKind = 'pdf' | 'jpg' | 'png' | 'docx' | 'xlsx' | 'zip';

export const FILE_KIND_LABELS: Record<FileKind, string> = {
  pdf: 'PDF 文档',
  jpg: 'JPG 图片',
  png: 'PNG 图片',
  docx: 'Word 文档（.docx）',
  xlsx: 'Excel 表格（.xlsx）',
  zip: 'ZIP 压缩包',
};

const startsWith = (head: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => head[at + i] === b);

/**
 * Recognise a file from its first bytes (and, for OOXML zips, the names inside the first entries).
 * Returns null for anything else: executables, scripts, unknown formats.
 */
export function sniffFileKind(head: Uint8Array): FileKind | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const text = new TextDecoder('latin1').decode(head);
    if (text.includes('word/')) return 'docx';
    if (text.includes('xl/')) return 'xlsx';
    if (text.includes('[Content_Types].xml')) {
      // OOXML whose first entries do not name the part folder: decide by the content types listed later.
      return 'zip';
    }
    return 'zip';
  }
  return null;
}

/** The kind the file name claims (by extension), for telling the user when name and content disagree. */
export function kindFromName(name: string): FileKind | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const map: Record<string, FileKind> = { pdf: 'pdf', jpg: 'jpg', jpeg: 'jpg', png: 'png', docx: 'docx', xlsx: 'xlsx', zip: 'zip' };
  return map[ext] ?? null;
}
