/**
 * GB/T 9704 notices (通知书): the wording as a structured document, laid out by official-layout.ts for its
 * kind (文件格式 / 信函格式 / 公示公告) and drawn from the page model. Every issued notice goes through
 * `renderOfficialDocument`; `renderNotice` and `renderListNotice` (publicity-notice.ts) keep their inputs.
 */
import type { OfficialFormat } from '../../domain/document-kinds.js';
import { assertGlyphs } from '../fonts/glyphs.js';
import { loadFontSet, type FontSet } from '../fonts/registry.js';
import { isoToDate } from './batch-list.js';
import { layoutOfficialDocument, type OfficialDocument } from './official-layout.js';
import { writeOfd } from '../ofd/write-ofd.js';
import { drawInto, openModelDocument, type DocumentOutput, type PageModel } from './page-model.js';
import type { Measure } from './table.js';
import { voidStampItems, type VoidStamp } from './void-stamp.js';

export { headingRole } from './official-layout.js';

export interface NoticeAttachment {
  title: string;
  paragraphs?: string[];
}

export interface NoticeInput {
  /** 发文机关 (the mark when no `format` is given). */
  authority: string;
  /** 发文字号, e.g. 榕市监知〔2026〕3号. */
  docNumber?: string;
  title: string;
  /** 主送机关 / addressee, printed flush left followed by "：". */
  addressee?: string;
  paragraphs: string[];
  attachments?: NoticeAttachment[];
  /** 发文机关署名 */
  signer: string;
  /** 成文日期 YYYY-MM-DD (also the PDF creation date). */
  date: string;
  fonts?: FontSet;
  sealSlot?: boolean;
  /** Kind, mark, 附注 and 版记 from the settings (domain/document-kinds.ts officialFormat). Default: 文件格式 with `authority` as the mark, no 附注 or 版记. */
  format?: OfficialFormat;
  /** A voided document: the 作废 mark on page 1. */
  voidStamp?: VoidStamp;
  /** PDF (default) or OFD from the same page model. */
  output?: DocumentOutput;
}

/** The format a notice uses when the caller gives none. */
export function formatOf(input: Pick<NoticeInput, 'authority' | 'format'>): OfficialFormat {
  return input.format ?? { kind: 'file', mark: input.authority };
}

/** Every string an official document prints, for the glyph check. */
export function officialStrings(doc: OfficialDocument): string[] {
  const f = doc.format;
  return [
    f.mark,
    doc.docNumber ?? '',
    doc.title,
    doc.addressee ?? '',
    ...doc.paragraphs,
    doc.signer,
    doc.date,
    ...(doc.voidStamp ? [doc.voidStamp.mark, ...doc.voidStamp.lines, '…'] : []),
    f.note ?? '',
    ...(f.colophon ? [...f.colophon.copyTo, f.colophon.issuingOffice ?? '', '抄送：，。印发'] : []),
    '附件：0123456789．年月日— ',
    ...(doc.attachments ?? []).flatMap((a) => [
      a.title,
      ...(a.paragraphs ?? []),
      ...(a.notes ?? []),
      ...(a.table ? [...a.table.columns.map((c) => c.header), ...a.table.rows.flat()] : []),
    ]),
  ];
}

/** Every string the notice prints, for the glyph check. */
export function noticeStrings(input: NoticeInput): string[] {
  return officialStrings(officialDocumentOf(input));
}

function officialDocumentOf(input: NoticeInput): OfficialDocument {
  return {
    format: formatOf(input),
    ...(input.docNumber ? { docNumber: input.docNumber } : {}),
    title: input.title,
    ...(input.addressee ? { addressee: input.addressee } : {}),
    paragraphs: input.paragraphs,
    ...(input.attachments ? { attachments: input.attachments } : {}),
    signer: input.signer,
    date: input.date,
    ...(input.voidStamp ? { voidStamp: input.voidStamp } : {}),
  };
}

/**
 * Lays out and draws an official document (fonts measured and drawn by the same pdfkit document), or writes
 * the same page model as OFD.
 */
export async function renderOfficialDocument(
  doc: OfficialDocument,
  opts: { fonts?: FontSet; sealSlot?: boolean; author?: string; output?: DocumentOutput } = {},
): Promise<Buffer> {
  const fonts = opts.fonts ?? loadFontSet();
  assertGlyphs(officialStrings(doc), fonts);
  const meta: PageModel['meta'] = {
    title: doc.title,
    author: opts.author ?? doc.signer,
    subject: doc.docNumber ?? doc.title,
    creationDate: isoToDate(doc.date),
  };
  const pdf = openModelDocument({ meta }, fonts);
  const measure: Measure = (text, role, size) => pdf.font(role).fontSize(size).widthOfString(text);
  const model = layoutOfficialDocument(doc, measure, meta);
  if (doc.voidStamp) model.pages[0]?.items.push(...voidStampItems(doc.voidStamp, measure));
  if (opts.output === 'ofd') return writeOfd(model, fonts);
  return drawInto(pdf, model, opts.sealSlot ? { sealSlot: true } : {});
}

export function renderNotice(input: NoticeInput): Promise<Buffer> {
  return renderOfficialDocument(officialDocumentOf(input), {
    ...(input.fonts ? { fonts: input.fonts } : {}),
    ...(input.sealSlot ? { sealSlot: true } : {}),
    ...(input.output ? { output: input.output } : {}),
  });
}
