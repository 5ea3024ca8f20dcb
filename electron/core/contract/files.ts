import { z } from 'zod';
import { method } from './define.js';
import { Text } from './text.js';

const FileName = Text({ label: '文件名', min: 1, max: 255, minMessage: '文件名不能为空', maxMessage: '文件名过长', printed: false });
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, '文件标识无效');

export const StagedUpload = z.object({ uploadId: z.string(), size: z.number().int().nonnegative() });

/** The largest exported PDF `files.readExport` answers (our documents are well under 5 MB). */
export const READ_EXPORT_MAX_BYTES = 32 * 1024 * 1024;

export const filesContract = {
  /**
   * Stage a file's bytes for attachFile/importTemplate. The desktop app sends them over IPC; the web host
   * streams them to POST /upload instead (its JSON body is capped at 1 MB).
   */
  'files.stage': method({
    input: z.object({ name: FileName, data: z.instanceof(Uint8Array, { message: '文件内容缺失' }) }).strict(),
    output: StagedUpload,
    writes: false,
    summary: '暂存上传的文件',
  }),
  /** Open a stored attachment: the desktop app opens it in the system viewer; the web host answers a URL. */
  'files.open': method({
    input: z.object({ sha256: Sha256, name: FileName }).strict(),
    output: z.object({ opened: z.boolean(), url: z.string().optional() }),
    writes: false,
    summary: '打开附件',
  }),
  /**
   * The bytes of an exported PDF, for the in-app preview (renderer/components/PdfPreview). `path` is the
   * ExportedFile's `path` (absolute) or `relPath`; only a regular file inside <data>/exports is read, and
   * only a PDF of at most READ_EXPORT_MAX_BYTES. Base64, so the answer is the same JSON on both hosts.
   */
  'files.readExport': method({
    input: z.object({ path: z.string().trim().min(1, '请指定要预览的文件').max(1000, '文件路径过长') }).strict(),
    output: z.object({ fileName: z.string(), size: z.number().int().nonnegative(), base64: z.string() }),
    writes: false,
    summary: '读取导出的 PDF 以预览',
  }),
};
