// Copies the bundled fonts the documents use, and their OFL licences, into assets/fonts. Idempotent; no deps.
// The same file list is BUNDLED_SOURCES in electron/core/documents/fonts/registry.ts. LXGW WenKai ships on
// npm as WOFF only: it is written out as the TrueType font it wraps (tables inflated), since fontkit would
// re-inflate a WOFF table for every glyph pdfkit subsets (see documents/fonts/sfnt.ts, woffToSfnt).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'assets', 'fonts');
const nm = path.join(root, 'node_modules');

const FILES = {
  'NotoSerifSC-Regular.ttf': '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'NotoSerifSC-Black.ttf': '@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf',
  'NotoSansSC-Bold.ttf': '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  'LXGWWenKai-Regular.ttf': '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff',
  'OFL.txt': '@expo-google-fonts/noto-serif-sc/LICENSE_FONT',
  'OFL-LXGWWenKai.txt': '@fontsource/lxgw-wenkai/LICENSE',
};
/** Files of earlier builds no longer used. */
const STALE = ['NotoSerifSC-Bold.ttf', 'NotoSansSC-Regular.ttf'];

/** WOFF 1.0 -> sfnt: inflate each table, lay them out 4-byte aligned with a fresh directory. */
function woffToSfnt(woff) {
  const numTables = woff.readUInt16BE(12);
  const tables = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const offset = woff.readUInt32BE(e + 4);
    const compLength = woff.readUInt32BE(e + 8);
    const origLength = woff.readUInt32BE(e + 12);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? zlib.inflateSync(raw) : Buffer.from(raw);
    if (data.length !== origLength) throw new Error(`WOFF table ${i}: ${data.length} bytes, expected ${origLength}`);
    tables.push({ tag: woff.readUInt32BE(e), checksum: woff.readUInt32BE(e + 16), data });
  }
  tables.sort((a, b) => a.tag - b.tag);
  const pad = (n) => (n + 3) & ~3;
  const headerSize = 12 + 16 * numTables;
  const out = Buffer.alloc(headerSize + tables.reduce((sum, t) => sum + pad(t.data.length), 0));
  let entrySelector = 0;
  while (1 << (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = (1 << entrySelector) * 16;
  out.writeUInt32BE(woff.readUInt32BE(4), 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let at = headerSize;
  tables.forEach((t, i) => {
    const d = 12 + i * 16;
    out.writeUInt32BE(t.tag, d);
    out.writeUInt32BE(t.checksum, d + 4);
    out.writeUInt32BE(at, d + 8);
    out.writeUInt32BE(t.data.length, d + 12);
    t.data.copy(out, at);
    at += pad(t.data.length);
  });
  return out;
}

fs.mkdirSync(outDir, { recursive: true });
let copied = 0;
for (const [name, rel] of Object.entries(FILES)) {
  const src = path.join(nm, rel);
  const dest = path.join(outDir, name);
  if (!fs.existsSync(src)) {
    console.error(`copy-fonts: missing ${src} (run npm ci first)`);
    process.exit(1);
  }
  const s = fs.statSync(src);
  const d = fs.existsSync(dest) ? fs.statSync(dest) : null;
  const convert = src.endsWith('.woff') && !dest.endsWith('.woff');
  if (d && (convert || d.size === s.size) && d.mtimeMs >= s.mtimeMs) continue;
  const tmp = `${dest}.tmp-${process.pid}`;
  if (convert) fs.writeFileSync(tmp, woffToSfnt(fs.readFileSync(src)));
  else fs.copyFileSync(src, tmp);
  fs.renameSync(tmp, dest);
  copied++;
}
for (const name of STALE) fs.rmSync(path.join(outDir, name), { force: true });
console.log(`copy-fonts: ${copied} copied, ${Object.keys(FILES).length - copied} up to date -> ${path.relative(root, outDir)}`);
