/**
 * Every PDF the app writes is PDF/A-2b (ISO 19005-2, level B): the one place that sets pdfkit's document options.
 *
 * pdfkit's `subset: 'PDF/A-2b'` adds the XMP packet with `pdfaid:part` 2 and `pdfaid:conformance` B, the sRGB
 * IEC61966-2.1 ICC profile as the output intent, and embeds (subsets of) every font used; PDF 1.7 because
 * pdfkit's default 1.3 writes no XMP at all. pdfkit copies Title → dc:title, Author → dc:creator, Subject →
 * dc:description and CreationDate → xmp:CreateDate, but not ModDate, so xmp:ModifyDate and xmp:MetadataDate
 * are added here (PDF/A-2 6.6.2.3: Info entries must have their XMP equivalents). pdfkit does not escape XMP
 * text, so `&`, `<` and `>` in metadata become their full-width forms. No encryption (PDF/A forbids it).
 * veraPDF is the authoritative conformance check; the tests read the markers back with pdfinfo, pdffonts, qpdf.
 */

export interface PdfMeta {
  title: string;
  /** The bureau (发文机关) from the settings. */
  author: string;
  /** The document number (发文字号) where there is one. */
  subject?: string;
  /** Fixed for reproducible output. */
  creationDate: Date;
  modDate?: Date;
}

/** pdfkit writes metadata into the XMP packet unescaped: keep it well-formed XML. */
function xmpSafe(text: string): string {
  return text.replace(/&/g, '＆').replace(/</g, '＜').replace(/>/g, '＞');
}

type PageOptions = Pick<PDFKit.PDFDocumentOptions, 'size' | 'layout' | 'margin' | 'bufferPages' | 'autoFirstPage'>;

/** pdfkit options for a PDF/A-2b document with the given metadata and page options. */
export function archivalPdfOptions(meta: PdfMeta, page: PageOptions): PDFKit.PDFDocumentOptions {
  return {
    ...page,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    info: {
      Title: xmpSafe(meta.title),
      Author: xmpSafe(meta.author),
      Subject: xmpSafe(meta.subject ?? meta.title),
      Creator: 'IP Center Desk',
      Producer: 'IP Center Desk',
      CreationDate: meta.creationDate,
      ModDate: meta.modDate ?? meta.creationDate,
    },
    lang: 'zh-CN',
    displayTitle: true,
  };
}

/** The XMP dates pdfkit leaves out; call once right after creating the document. */
export function addXmpDates(doc: PDFKit.PDFDocument, meta: PdfMeta): void {
  const iso = (d: Date): string => `${d.toISOString().split('.')[0]}Z`;
  const mod = iso(meta.modDate ?? meta.creationDate);
  doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${mod}</xmp:ModifyDate>
            <xmp:MetadataDate>${mod}</xmp:MetadataDate>
        </rdf:Description>
        `);
}
