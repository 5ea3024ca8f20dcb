/**
 * File names within the file system's limit: 255 bytes per name on ext4, APFS and NTFS (UTF-8 there; a
 * Chinese character is 3 bytes, so a 100-character unit name alone is 300). Names are shortened by whole
 * characters (grapheme clusters: an emoji, a CJK Extension B ideograph or a letter with its accents is never
 * split), keeping the extension and the parts that identify the file (title, document number).
 */

/** The longest name a file system takes (bytes). */
export const NAME_MAX_BYTES = 255;
/**
 * The longest export / copy name we produce: room is left for the `（12）` of a second copy, and for the
 * temp name written beside it (`.<name>.<pid>.<n>.tmp`).
 */
export const SAFE_NAME_BYTES = 200;
/** The longest piece of the target's name a temp name carries. */
const TEMP_STEM_BYTES = 160;

const ELLIPSIS = '…';
const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The longest prefix of `text` (whole characters) that fits `maxBytes`. */
export function truncateToBytes(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const size = utf8Bytes(segment);
    if (used + size > maxBytes) break;
    out += segment;
    used += size;
  }
  return out;
}

/** `text` cut to `maxBytes` with an ellipsis at the cut (whole characters; unchanged when it fits). */
export function shortenToBytes(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  const room = maxBytes - utf8Bytes(ELLIPSIS);
  return room <= 0 ? truncateToBytes(text, maxBytes) : `${truncateToBytes(text, room)}${ELLIPSIS}`;
}

/**
 * A file name from parts, within `maxBytes`: plain strings are kept, `{ shorten }` parts (a unit or
 * center name) are cut first, the longest first, with an ellipsis. Only when the fixed parts alone are too
 * long is the name cut before its extension.
 */
export type NamePart = string | { shorten: string };

export function fitName(parts: readonly NamePart[], maxBytes: number): string {
  const original = parts.map((p) => (typeof p === 'string' ? p : p.shorten));
  const texts = [...original];
  const open = new Set(parts.flatMap((p, i) => (typeof p === 'string' ? [] : [i])));
  for (;;) {
    const excess = utf8Bytes(texts.join('')) - maxBytes;
    if (excess <= 0 || open.size === 0) break;
    const i = [...open].reduce((a, b) => (utf8Bytes(texts[b]!) > utf8Bytes(texts[a]!) ? b : a));
    if (utf8Bytes(texts[i]!) <= utf8Bytes(ELLIPSIS)) {
      open.delete(i);
      continue;
    }
    const want = utf8Bytes(texts[i]!) - excess;
    if (want <= utf8Bytes(ELLIPSIS)) {
      texts[i] = ELLIPSIS;
      open.delete(i);
    } else {
      texts[i] = shortenToBytes(original[i]!, want);
    }
  }
  const joined = texts.join('');
  if (utf8Bytes(joined) <= maxBytes) return joined;
  const ext = extensionOf(joined);
  return `${shortenToBytes(joined.slice(0, joined.length - ext.length), maxBytes - utf8Bytes(ext))}${ext}`;
}

/** `.pdf`, `.tar.gz`-style last extension of a name ('' when none or implausibly long). */
export function extensionOf(name: string): string {
  const m = /\.[^.\s]{1,16}$/u.exec(name);
  return m && m.index > 0 ? m[0] : '';
}

/** The name of a temp file beside `baseName` (a dot file), within the file system's limit. */
export function tempFileName(baseName: string, unique: string): string {
  return `.${truncateToBytes(baseName, TEMP_STEM_BYTES)}.${unique}.tmp`;
}
