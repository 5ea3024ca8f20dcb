import { z } from 'zod';
import { method } from './define.js';
import { Text } from './text.js';

const FileName = Text({ label: '文件名', min: 1, max: 255, minMessage: '文件名不能为空', maxMessage: '文件名过长', printed: false });
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, '文件标识无效');

export const StagedUpload = z.object({ uploadId: z.string(), size: z.number().int().nonnegative() });

/** The largest exported PDF `files.readExport` answers (our documents are well under 5 MB). */
export const READ_EXPORT_MAX_BYTES = 32 * 1024 * 1024;
/** The largest exported xlsx `files.readExportTable` reads (a 5,000-row roster is about 1 MB). */
export const READ_TABLE_MAX_BYTES = 32 * 1024 * 1024;
/** Rows `files.readExportTable` answers at most (title and header rows included). */
export const READ_TABLE_MAX_ROWS = 200;

/** An exported file named by the ExportedFile's `path` (absolute) or `relPath`; only files inside <data>/exports. */
const ExportPath = z.string().trim().min(1, '请指定导出的文件').max(1000, '文件路径过长');

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
  /**
   * The first rows of an exported xlsx roster (first sheet, cells as text), for the in-app table preview. Read
   * with the bounded streaming reader and stopped after `maxRows`; `truncated` says more rows follow.
   */
  'files.readExportTable': method({
    input: z
      .object({
        path: ExportPath,
        maxRows: z
          .number()
          .int('行数应为整数')
          .min(1, '行数至少为1')
          .max(READ_TABLE_MAX_ROWS, `行数不超过${READ_TABLE_MAX_ROWS}`)
          .default(30),
      })
      .strict(),
    output: z.object({
      fileName: z.string(),
      size: z.number().int().nonnegative(),
      sheetName: z.string(),
      sheetNames: z.array(z.string()),
      rows: z.array(z.object({ number: z.number().int().positive(), cells: z.array(z.string()) })),
      columnCount: z.number().int().nonnegative(),
      truncated: z.boolean(),
    }),
    writes: false,
    summary: '读取导出的 Excel 表格前若干行以预览',
  }),
  /**
   * Open an exported file with the system's program (用表格软件打开, a PDF in the system viewer). Desktop only:
   * the web host answers `opened: false` (the browser downloads the file instead).
   */
  'files.openExport': method({
    input: z.object({ path: ExportPath }).strict(),
    output: z.object({ opened: z.boolean() }),
    writes: false,
    summary: '用系统程序打开导出的文件',
  }),
  /** Show an exported file in the system's file manager (打开所在文件夹). Desktop only: the web host answers `shown: false`. */
  'files.revealExport': method({
    input: z.object({ path: ExportPath }).strict(),
    output: z.object({ shown: z.boolean() }),
    writes: false,
    summary: '在文件夹中显示导出的文件',
  }),
  /**
   * 另存为…: copy an exported file into a folder the clerk picked (the in-app 浏览… picker), under its own name;
   * an existing file is never replaced (“（2）” is added). The store is not touched.
   */
  'files.saveExportAs': method({
    input: z.object({ path: ExportPath, targetDir: z.string().trim().min(1, '请选择保存位置').max(1000, '保存位置路径过长') }).strict(),
    output: z.object({ path: z.string() }),
    writes: false,
    summary: '导出的文件另存到指定文件夹',
  }),
};
