/**
 * A GB/T 9704 notice (通知书): red header, title, addressee, body, attachment list, signature and
 * date, then each attachment on its own page. Later notices (受理/补正/不予受理) are built on this.
 */
import { assertGlyphs } from '../fonts/glyphs.js';
import { loadFontSet, type FontRole, type FontSet } from '../fonts/registry.js';
import { isoToDate } from './batch-list.js';
import { GbDocument } from './document.js';
import { drawRedHeader } from './header.js';
import { drawSignature } from './signature.js';

export interface NoticeAttachment {
  title: string;
  paragraphs?: string[];
}

export interface NoticeInput {
  /** 发文机关标志 (red marker). */
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
}

/** Pure: 一、 headings in 黑体, （一） headings in 楷体, everything else 仿宋. */
export function headingRole(paragraph: string): FontRole {
  const short = [...paragraph].length <= 28;
  if (short && /^[一二三四五六七八九十]+、/.test(paragraph)) return 'heiti';
  if (short && /^（[一二三四五六七八九十]+）/.test(paragraph)) return 'kaiti';
  return 'fangsong';
}

/** Every string the notice prints, for the glyph check. */
export function noticeStrings(input: NoticeInput): string[] {
  const att = input.attachments ?? [];
  return [
    input.authority,
    input.docNumber ?? '',
    input.title,
    input.addressee ?? '',
    ...input.paragraphs,
    input.signer,
    input.date,
    '附件：0123456789．年月日— ',
    ...att.flatMap((a) => [a.title, ...(a.paragraphs ?? [])]),
  ];
}

export async function renderNotice(input: NoticeInput): Promise<Buffer> {
  const fonts = input.fonts ?? loadFontSet();
  assertGlyphs(noticeStrings(input), fonts);
  const g = new GbDocument({
    fonts,
    title: input.title,
    author: input.signer,
    subject: input.docNumber ?? input.title,
    creationDate: isoToDate(input.date),
  });
  drawRedHeader(g, { authority: input.authority, ...(input.docNumber ? { docNumber: input.docNumber } : {}) });
  g.title(input.title);
  g.blank();
  if (input.addressee) g.paragraph(`${input.addressee}：`, { indent: 0, align: 'left' });
  for (const p of input.paragraphs) g.paragraph(p, { role: headingRole(p) });

  const attachments = input.attachments ?? [];
  if (attachments.length > 0) {
    g.blank();
    attachments.forEach((a, i) => {
      const label = attachments.length === 1 ? `附件：${a.title}` : `${i === 0 ? '附件：' : '\u3000'.repeat(3)}${i + 1}．${a.title}`;
      g.paragraph(label, { indent: 2, hangingIndent: attachments.length === 1 ? 5 : 7, align: 'justify' });
    });
  }
  drawSignature(g, { signer: input.signer, date: input.date, ...(input.sealSlot ? { sealSlot: true } : {}) });

  attachments.forEach((a, i) => {
    g.newPage();
    g.paragraph(attachments.length === 1 ? '附件' : `附件${i + 1}`, { role: 'heiti', indent: 0, align: 'left' });
    g.blank();
    g.title(a.title);
    g.blank();
    for (const p of a.paragraphs ?? []) g.paragraph(p, { role: headingRole(p) });
  });
  return g.finish();
}
