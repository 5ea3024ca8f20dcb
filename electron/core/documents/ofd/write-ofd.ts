/**
 * Writes a page model as an OFD file (GB/T 33190-2016), the same pages the PDF writer draws: text at the
 * same positions with advances from the same fonts, each font embedded as a subset, rules and frames as
 * paths, pictures (the seal) as images. Layout:
 *
 *   OFD.xml                          entry (DocInfo, DocRoot)
 *   Doc_0/Document.xml               CommonData (MaxUnitID, PhysicalBox, PublicRes, DocumentRes), Pages
 *   Doc_0/PublicRes.xml              Fonts → Res/font_<id>.ttf|otf
 *   Doc_0/DocumentRes.xml            MultiMedias → Res/image_<id>.png|jpg (only when there is a picture)
 *   Doc_0/Pages/Page_<n>/Content.xml one Layer per page
 */
import { createHash } from 'node:crypto';
import { FONT_ROLES, type FontEntry, type FontRole, type FontSet } from '../fonts/registry.js';
import type { PageModel, TextRun } from '../pdf/page-model.js';
import { pageContent, type PlacedText } from './content.js';
import { subsetFont } from './font-subset.js';
import { IdAllocator } from './ids.js';
import { imageSize } from './image-size.js';
import { zipPackage, type PackageEntry } from './package.js';
import { documentResXml, documentXml, ofdXml, publicResXml, type FontResource, type MediaResource } from './parts.js';
import { shapeRun, type ShapedRun, type ShapingFont } from './shaping.js';

const DOC = 'Doc_0';

interface UsedFont {
  entry: FontEntry;
  id: number;
  role: FontRole;
  /** Code point → glyph id in the full face. */
  glyphOf: Map<number, number>;
}

export async function writeOfd(model: PageModel, fonts: Partial<FontSet>): Promise<Buffer> {
  const ids = new IdAllocator();
  // Resources first: one Font per face (two roles printed by one file share it), one MultiMedia per picture.
  const used = new Map<FontEntry['font'], UsedFont>();
  const fontOfRole = new Map<FontRole, UsedFont>();
  const rolesUsed = new Set(model.pages.flatMap((p) => p.items.flatMap((it) => (it.kind === 'text' ? [it.role] : []))));
  for (const role of FONT_ROLES) {
    const entry = fonts[role];
    if (!rolesUsed.has(role)) continue;
    if (!entry) throw new Error(`no font for ${role}`);
    let u = used.get(entry.font);
    if (!u) used.set(entry.font, (u = { entry, id: ids.next(), role, glyphOf: new Map() }));
    fontOfRole.set(role, u);
  }
  const media = new Map<Buffer, MediaResource>();
  for (const p of model.pages) {
    for (const it of p.items) {
      if (it.kind !== 'image' || media.has(it.data)) continue;
      const id = ids.next();
      const format = imageSize(it.data).format;
      media.set(it.data, { id, format, file: `image_${id}.${format === 'PNG' ? 'png' : 'jpg'}` });
    }
  }

  const shaped = new Map<string, ShapedRun>();
  const shape = (run: TextRun): ShapedRun => {
    const key = `${run.role}\u0000${run.text}`;
    let s = shaped.get(key);
    if (!s) {
      const u = fontOfRole.get(run.role)!;
      s = shapeRun(u.entry.font as unknown as ShapingFont, run.text);
      s.chars.forEach((ch, i) => {
        const cp = ch.codePointAt(0)!;
        if (!u.glyphOf.has(cp)) u.glyphOf.set(cp, s!.glyphs[i]!);
      });
      shaped.set(key, s);
    }
    return s;
  };
  const place = (run: TextRun): PlacedText => {
    const s = shape(run);
    const k = run.size / fontOfRole.get(run.role)!.entry.font.unitsPerEm;
    return { chars: s.chars, advances: s.advances.map((a) => a * k + (run.spacing ?? 0)) };
  };

  const pages = model.pages.map((page, i) => {
    const id = ids.next();
    const content = pageContent(page, {
      ids,
      fontId: (run) => fontOfRole.get(run.role)!.id,
      place,
      mediaId: (data) => media.get(data)!.id,
    });
    return { id, baseLoc: `Pages/Page_${i}/Content.xml`, content };
  });

  const fontResources: FontResource[] = [];
  const entries: PackageEntry[] = [];
  for (const u of used.values()) {
    const subset = subsetFont(u.entry.font as unknown as ShapingFont, u.glyphOf, u.entry.family);
    const cff = subset.data.readUInt32BE(0) === 0x4f54544f;
    const file = `font_${u.id}.${cff ? 'otf' : 'ttf'}`;
    fontResources.push({
      id: u.id,
      fontName: u.entry.font.postscriptName || u.entry.family,
      familyName: u.entry.family,
      file,
      serif: u.role !== 'heiti',
      bold: u.role === 'heiti' || u.role === 'xiaobiaosong',
    });
    entries.push({ path: `${DOC}/Res/${file}`, data: subset.data });
  }
  for (const [data, m] of media) entries.push({ path: `${DOC}/Res/${m.file}`, data });

  const docXml = documentXml({
    maxUnitId: ids.max,
    width: model.width,
    height: model.height,
    publicRes: 'PublicRes.xml',
    ...(media.size ? { documentRes: 'DocumentRes.xml' } : {}),
    pages: pages.map(({ id, baseLoc }) => ({ id, baseLoc })),
  });
  const { meta } = model;
  // The same document gives the same identifier (and the same bytes).
  const hash = createHash('sha256').update(JSON.stringify(meta)).update(docXml);
  for (const p of pages) hash.update(p.content);
  const info = {
    docId: hash.digest('hex').slice(0, 32),
    title: meta.title,
    author: meta.author,
    subject: meta.subject,
    creationDate: meta.creationDate.toISOString().slice(0, 10),
    creator: 'IP Center Desk',
  };
  const parts: PackageEntry[] = [
    { path: 'OFD.xml', data: ofdXml(info, `${DOC}/Document.xml`) },
    { path: `${DOC}/Document.xml`, data: docXml },
    { path: `${DOC}/PublicRes.xml`, data: publicResXml('Res', fontResources) },
    ...(media.size ? [{ path: `${DOC}/DocumentRes.xml`, data: documentResXml('Res', [...media.values()]) }] : []),
    ...pages.map((p) => ({ path: `${DOC}/${p.baseLoc}`, data: p.content })),
    ...entries,
  ];
  return zipPackage(parts, meta.creationDate);
}
