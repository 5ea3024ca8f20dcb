/**
 * A few lines of XML serialisation for the OFD parts: elements in the `ofd:` namespace of GB/T 33190-2016
 * (§7, namespace http://www.ofdspec.org/2016), attributes and text escaped, numbers in millimetres with at
 * most three decimals. The parts are small and flat, so strings are built directly.
 */

/** The OFD namespace (GB/T 33190-2016 §7.1). */
export const OFD_NS = 'http://www.ofdspec.org/2016';

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

export type Attrs = Record<string, string | number | boolean | undefined>;

/** A number as OFD writes it (ST_Double): at most three decimals, no "-0". */
export function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

/** `<ofd:name attrs>children</ofd:name>`; children are serialised elements, `text()` or nothing. */
export function el(name: string, attrs: Attrs = {}, ...children: string[]): string {
  let a = '';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    a += ` ${k}="${escapeAttr(typeof v === 'number' ? num(v) : String(v))}"`;
  }
  const tag = `ofd:${name}`;
  return children.length === 0 ? `<${tag}${a}/>` : `<${tag}${a}>${children.join('')}</${tag}>`;
}

/** Character data. */
export const text = (s: string): string => escapeText(s);

/** A whole part: declaration and the root element with the namespace. */
export function part(root: string, attrs: Attrs, ...children: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${el(root, { 'xmlns:ofd': OFD_NS, ...attrs }, ...children)}`;
}

/** "R G B" (0–255) of a CSS hex colour, as ST_Array of a colour in the default RGB space (§8.3.2). */
export function rgb(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a #RRGGBB colour: ${hex}`);
  const v = parseInt(m[1]!, 16);
  return `${(v >> 16) & 255} ${(v >> 8) & 255} ${v & 255}`;
}
