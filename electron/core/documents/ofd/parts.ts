/**
 * The XML parts around the pages (GB/T 33190-2016): the entry file OFD.xml (§7.4: DocBody with DocInfo and
 * DocRoot), the document root Document.xml (§7.5: CommonData with MaxUnitID, PageArea/PhysicalBox,
 * PublicRes, DocumentRes; Pages), and the resource files (§7.9: Res with BaseLoc, Fonts/Font/FontFile in
 * PublicRes.xml, MultiMedias/MultiMedia/MediaFile in DocumentRes.xml).
 */
import { ptToMm } from '../pdf/units.js';
import { el, num, part, text } from './xml.js';

export interface DocInfo {
  /** 32 hexadecimal digits (a UUID without dashes, §7.4 Table 4). */
  docId: string;
  title: string;
  author: string;
  subject: string;
  /** xs:date, e.g. 2026-10-12. */
  creationDate: string;
  creator: string;
}

export function ofdXml(info: DocInfo, docRoot: string): string {
  return part(
    'OFD',
    { Version: '1.0', DocType: 'OFD' },
    el(
      'DocBody',
      {},
      el(
        'DocInfo',
        {},
        el('DocID', {}, info.docId),
        el('Title', {}, text(info.title)),
        el('Author', {}, text(info.author)),
        el('Subject', {}, text(info.subject)),
        el('CreationDate', {}, info.creationDate),
        el('Creator', {}, text(info.creator)),
      ),
      el('DocRoot', {}, docRoot),
    ),
  );
}

export interface DocumentPage {
  id: number;
  /** Content.xml, relative to Document.xml. */
  baseLoc: string;
}

/** Document.xml; the page size in points (every page of a model has the same size). */
export function documentXml(opts: {
  maxUnitId: number;
  width: number;
  height: number;
  publicRes: string;
  documentRes?: string;
  pages: DocumentPage[];
}): string {
  return part(
    'Document',
    {},
    el(
      'CommonData',
      {},
      el('MaxUnitID', {}, String(opts.maxUnitId)),
      el('PageArea', {}, el('PhysicalBox', {}, `0 0 ${num(ptToMm(opts.width))} ${num(ptToMm(opts.height))}`)),
      el('PublicRes', {}, opts.publicRes),
      ...(opts.documentRes ? [el('DocumentRes', {}, opts.documentRes)] : []),
    ),
    el('Pages', {}, ...opts.pages.map((p) => el('Page', { ID: p.id, BaseLoc: p.baseLoc }))),
  );
}

export interface FontResource {
  id: number;
  /** The face's PostScript name. */
  fontName: string;
  familyName: string;
  /** Relative to the resource file's BaseLoc. */
  file: string;
  serif: boolean;
  bold: boolean;
}

export function publicResXml(baseLoc: string, fonts: FontResource[]): string {
  return part(
    'Res',
    { BaseLoc: baseLoc },
    el(
      'Fonts',
      {},
      ...fonts.map((f) =>
        el(
          'Font',
          {
            ID: f.id,
            FontName: f.fontName,
            FamilyName: f.familyName,
            ...(f.serif ? { Serif: true } : {}),
            ...(f.bold ? { Bold: true } : {}),
          },
          el('FontFile', {}, f.file),
        ),
      ),
    ),
  );
}

export interface MediaResource {
  id: number;
  format: 'PNG' | 'JPEG';
  file: string;
}

export function documentResXml(baseLoc: string, media: MediaResource[]): string {
  return part(
    'Res',
    { BaseLoc: baseLoc },
    el(
      'MultiMedias',
      {},
      ...media.map((m) => el('MultiMedia', { ID: m.id, Type: 'Image', Format: m.format }, el('MediaFile', {}, m.file))),
    ),
  );
}
