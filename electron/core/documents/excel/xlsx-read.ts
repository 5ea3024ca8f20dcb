/**
 * Bounded reading of a user's xlsx (imports). The container is checked first with the strict zip
 * reader — entry count, declared size of every entry and in total, compression ratio, per-part caps
 * for worksheets, the shared-string table and styles — so a bomb is refused before anything is
 * inflated. Rows are then streamed one by one (exceljs's streaming parsers) and the caller stops at
 * its row cap; every part is inflated through a stream that enforces the same caps on the real bytes,
 * because zip headers may lie.
 *
 * Why exceljs's parsers are driven from here instead of through `stream.xlsx.WorkbookReader`'s own
 * input: that reader unzips with `unzipper` (local headers trusted, no cap on inflated bytes) and
 * copies every worksheet that precedes sharedStrings.xml in the zip (Excel's own order) to an OS temp
 * file, unbounded. Here the strict reader opens the parts in the order the parsers need them
 * (relationships, workbook, styles, shared strings, then the one sheet asked for), and the parts reach
 * the parsers as UTF-8 decoded across chunk boundaries (exceljs decodes each chunk alone, which breaks
 * a Chinese character split between two chunks).
 */
import path from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DeskError } from '../../contract/errors.js';
import { ExchangeError } from '../../base/exchange-error.js';
import { openZip, type OpenedZip, type ZipDirectoryEntry } from '../../base/zip-read.js';

const MiB = 1024 ** 2;

export interface XlsxLimits {
  maxEntries: number;
  /** Any single entry (media included), declared and inflated. */
  maxEntryBytes: number;
  /** All entries together, declared; and all inflated parts together. */
  maxTotalBytes: number;
  /** Each xl/worksheets/*.xml. A filled 5,000-row template sheet is about 3.3 MB. */
  maxSheetBytes: number;
  /** xl/sharedStrings.xml, held in memory while the sheet is read (5,000 filled rows: about 1.2 MB). */
  maxSharedStringsBytes: number;
  /** xl/styles.xml, held in memory. */
  maxStylesBytes: number;
  /** xl/workbook.xml and its relationships. */
  maxWorkbookBytes: number;
  /** Inflated / compressed, for entries larger than `ratioGraceBytes` (real sheets are about 10:1). */
  maxRatio: number;
  ratioGraceBytes: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  maxEntries: 1000,
  maxEntryBytes: 64 * MiB,
  maxTotalBytes: 256 * MiB,
  maxSheetBytes: 32 * MiB,
  maxSharedStringsBytes: 16 * MiB,
  maxStylesBytes: 16 * MiB,
  maxWorkbookBytes: 4 * MiB,
  maxRatio: 100,
  ratioGraceBytes: 2 * MiB,
};

export interface OpenXlsxOptions {
  /** The user's file name, named in every refusal. */
  fileName: string;
  /** What to do instead, appended to a refusal (e.g. “请拆分为多个文件…”). */
  advice: string;
  limits?: Partial<XlsxLimits>;
}

/** A file that is not a readable xlsx (bad zip, missing parts, broken XML): callers answer with their usual “无法读取” message. */
export class UnreadableXlsx extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableXlsx';
  }
}

export interface SheetReadResult {
  /** False when `onRow` stopped the reading early. */
  complete: boolean;
  /** Merged ranges (“H4:H5”), known only when the sheet was read to its end. */
  merges: string[];
}

export interface XlsxBook {
  /** Sheet names in workbook order. */
  readonly sheetNames: readonly string[];
  /**
   * Stream the rows of one sheet in order (exceljs Row objects with the values the full loader
   * gives: shared strings, rich text, formulas, dates). Return false from `onRow` to stop reading
   * (nothing after that row is inflated).
   */
  readSheet(name: string, onRow: (row: ExcelJS.Row) => boolean | void): Promise<SheetReadResult>;
  close(): void;
}

/** The parts of exceljs's streaming workbook reader used here (not in its typings). */
interface ReaderInternals {
  workbookRels?: { Id: string; Type: string; Target: string }[];
  model?: { sheets?: { name: string; id: number; rId: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

const MB = (n: number): string => `${(n / MiB).toFixed(n < MiB ? 2 : 0)} MB`;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/u;
const MERGE = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?\bref\s*=\s*["']([^"']*)["']/gu;

/** Open and check an xlsx held in memory; throws DeskError FILE_REJECTED for a file over the caps, UnreadableXlsx for a broken one. */
export async function openXlsx(data: Buffer, opts: OpenXlsxOptions): Promise<XlsxBook> {
  const limits = { ...XLSX_LIMITS, ...opts.limits };
  const refuse = (detail: string, info: Record<string, unknown> = {}): DeskError =>
    new DeskError('FILE_REJECTED', `文件“${opts.fileName}”未导入：${detail}。${opts.advice}`, {
      reason: 'tooLarge',
      fileName: opts.fileName,
      ...info,
    });
  /** Our own refusals pass; a size refusal from the zip reader becomes ours; anything else means a broken file. */
  const translate = (err: unknown): Error => {
    if (err instanceof ExchangeError) {
      return err.reason === 'tooLarge' ? refuse(err.detail ?? '文件超过大小限制', { info: err.details }) : new UnreadableXlsx(err.message);
    }
    if (err instanceof DeskError || err instanceof UnreadableXlsx) return err;
    return new UnreadableXlsx((err as Error).message);
  };

  const checkPart = (label: string, entry: ZipDirectoryEntry | undefined, cap: number): number => {
    if (entry && entry.uncompressedSize > cap) {
      throw refuse(
        `${label}（${entry.name}）解压后为 ${MB(entry.uncompressedSize)}，超过${label} ${MB(cap)} 的上限（疑似压缩炸弹，或含大量空行、格式）`,
        {
          entry: entry.name,
          declaredBytes: entry.uncompressedSize,
          limitBytes: cap,
        },
      );
    }
    return cap;
  };
  let zip: OpenedZip;
  try {
    zip = await openZip(data, {
      limits: {
        maxEntries: limits.maxEntries,
        maxEntryBytes: limits.maxEntryBytes,
        maxTotalBytes: limits.maxTotalBytes,
        maxRatio: limits.maxRatio,
        ratioGraceBytes: limits.ratioGraceBytes,
      },
      // The usual part names, checked while the directory is listed; the names the workbook's relationships give are checked again below.
      onEntry: (entry) => {
        if (WORKSHEET.test(entry.name)) checkPart('工作表', entry, limits.maxSheetBytes);
        else if (entry.name === 'xl/sharedStrings.xml') checkPart('共享字符串表', entry, limits.maxSharedStringsBytes);
        else if (entry.name === 'xl/styles.xml') checkPart('样式表', entry, limits.maxStylesBytes);
        else if (entry.name === 'xl/workbook.xml' || entry.name === 'xl/_rels/workbook.xml.rels')
          checkPart('工作簿结构', entry, limits.maxWorkbookBytes);
      },
    });
  } catch (err) {
    throw translate(err);
  }
  try {
    const partCap = (label: string, name: string, cap: number): number => checkPart(label, zip.entries.get(name), cap);
    const open = async (name: string, cap: number): Promise<Readable> => {
      if (!zip.entries.has(name)) throw new UnreadableXlsx(`缺少 ${name}`);
      const stream = await zip.openStream(name, cap);
      stream.setEncoding('utf8');
      return stream;
    };

    const reader = new ExcelJS.stream.xlsx.WorkbookReader(undefined as unknown as string, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }) as unknown as ReaderInternals;
    await reader._parseRels(
      await open('xl/_rels/workbook.xml.rels', partCap('工作簿结构', 'xl/_rels/workbook.xml.rels', limits.maxWorkbookBytes)),
    );
    await reader._parseWorkbook(await open('xl/workbook.xml', partCap('工作簿结构', 'xl/workbook.xml', limits.maxWorkbookBytes)));
    const rels = reader.workbookRels ?? [];
    const target = (t: string): string => (t.startsWith('/') ? t.slice(1) : path.posix.normalize(`xl/${t}`));
    const partOf = (type: string, fallback: string): string => {
      const rel = rels.find((r) => r.Type.endsWith(`/${type}`));
      return rel ? target(rel.Target) : fallback;
    };
    const stylesName = partOf('styles', 'xl/styles.xml');
    const stringsName = partOf('sharedStrings', 'xl/sharedStrings.xml');
    partCap('样式表', stylesName, limits.maxStylesBytes);
    partCap('共享字符串表', stringsName, limits.maxSharedStringsBytes);
    if (zip.entries.has(stylesName)) await reader._parseStyles(await open(stylesName, limits.maxStylesBytes));
    if (zip.entries.has(stringsName)) {
      // sharedStrings: 'cache' keeps them on the reader (the generator yields nothing); its size is capped above.
      for await (const _ of reader._parseSharedStrings(await open(stringsName, limits.maxSharedStringsBytes))) void _;
    }
    const sheets = (reader.model?.sheets ?? []).map((s) => ({ name: s.name, part: rels.find((r) => r.Id === s.rId)?.Target }));

    return {
      sheetNames: sheets.map((s) => s.name),
      async readSheet(name, onRow) {
        const index = sheets.findIndex((s) => s.name === name);
        const sheet = sheets[index];
        if (!sheet?.part) throw new UnreadableXlsx(`没有工作表“${name}”`);
        const partName = target(sheet.part);
        const merges: string[] = [];
        try {
          const stream = await open(partName, partCap('工作表', partName, limits.maxSheetBytes));
          const [emitted] = [...reader._parseWorksheet(scanMerges(stream, merges), String(index + 1))];
          if (!emitted) throw new UnreadableXlsx(`无法读取工作表“${name}”`);
          for await (const row of emitted.value) {
            if (onRow(row) === false) return { complete: false, merges: [] };
          }
          return { complete: true, merges };
        } catch (err) {
          throw translate(err);
        }
      },
      close: () => zip.close(),
    };
  } catch (err) {
    zip.close();
    throw translate(err);
  }
}

/**
 * Pass the sheet's text through unchanged, noting each <mergeCell ref="…"> on the way (exceljs's
 * streaming sheet parser skips merges). The tail of each chunk is kept so a tag split across chunks is found once.
 */
async function* scanMerges(stream: Readable, merges: string[]): AsyncGenerator<string> {
  let tail = '';
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const text = tail + chunk;
      let end = 0;
      for (const m of text.matchAll(MERGE)) {
        merges.push(m[1]!);
        end = m.index + m[0].length;
      }
      tail = text.slice(Math.max(end, text.length - 512));
      yield chunk;
    }
  } finally {
    stream.destroy();
  }
}
