/**
 * Free text at the API boundary (names, titles, comments, reasons, notes, addresses, phone numbers …).
 * Every free-text field of every contract input is a `Text(...)`, so every field is cleaned the same way.
 *
 * Refused, naming the field and the code point (“单位名称含有不可见的控制字符（U+202E），请删除后重新输入。”):
 * - C0 controls (U+0000–U+001F) — except TAB and LF in multi-line fields — DEL (U+007F) and C1 (U+0080–U+009F);
 * - bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and every other invisible
 *   format character (Unicode category Cf: zero-width space/joiners, U+FEFF, U+2060–U+2064, tag characters …);
 * - U+2028/U+2029 in single-line fields, lone surrogate halves.
 *
 * Normalisation, decided once for Chinese official text (the same stored text is printed by PDF and xlsx):
 * 1. Unicode NFC (never NFKC: full-width punctuation such as （）、：“” is correct in Chinese text and stays).
 * 2. Line ends (CR LF, CR, U+2028, U+2029) become LF in multi-line fields.
 * 3. TAB and every space separator (U+3000 ideographic space, U+00A0, U+2000–U+200A, U+202F, U+205F …)
 *    become one ASCII space, and runs of spaces one space.
 * 4. A space between two CJK characters (汉字, CJK punctuation, full-width forms) is dropped: Chinese text has
 *    no spaces between words, so “张\u3000三”, “福州 某某 有限公司” are padding (张三, 福州某某有限公司).
 *    A space next to Latin letters or digits stays (“Fuzhou IP Center”, “五四路 100号”).
 * 5. Trimmed: the whole value; in multi-line fields also each line (paragraph indentation is the layout's job),
 *    with leading/trailing blank lines removed and at most one blank line between paragraphs.
 * Lengths count characters (code points), after normalisation.
 *
 * Pure (no I/O): whether the fonts can print a character is checked in rpc/printable.ts.
 */
import { z } from 'zod';

export interface TextOptions {
  /** Chinese name of the field, used in every message (“单位名称”). */
  label: string;
  /** Most characters allowed. */
  max: number;
  /** Fewest characters (default 0: may be empty). */
  min?: number;
  /** Paragraphs allowed (LF and TAB accepted; TAB becomes a space). Default false. */
  multiline?: boolean;
  /** Message when shorter than `min` (default “请填写X（至少N个字）”). */
  minMessage?: string;
  /** Message when longer than `max` (default “X不超过N个字”). */
  maxMessage?: string;
  /** false for text that is kept but never printed in a PDF (file names): the font check skips it. Default true. */
  printed?: boolean;
  /** A further rule on the normalised text (e.g. a phone number pattern): a message when broken, else null. */
  rule?: (text: string) => string | null;
}

const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const FORMAT = /\p{Cf}/u;
const LINE_SEPARATORS = new Set([0x2028, 0x2029]);

/** `U+202E`, `U+0007`, `U+2020C`. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first character `text` may not contain (before normalisation), or null. */
export function firstForbidden(text: string, multiline: boolean): number | null {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        const cp = text.codePointAt(i)!;
        i++;
        if (FORMAT.test(String.fromCodePoint(cp))) return cp; // tag characters U+E0001, U+E0020–U+E007F
        continue;
      }
      return unit; // lone high surrogate
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return unit; // lone low surrogate
    if (unit < 0x20) {
      if (multiline && (unit === 0x09 || unit === 0x0a || unit === 0x0d)) continue;
      return unit;
    }
    if (unit >= 0x7f && unit <= 0x9f) return unit;
    if (LINE_SEPARATORS.has(unit)) {
      if (multiline) continue;
      return unit;
    }
    if (BIDI.has(unit) || FORMAT.test(text[i]!)) return unit;
  }
  return null;
}

const CJK = '\\p{Script=Han}\\u3001-\\u303F\\uFF01-\\uFF60\\uFFE0-\\uFFE6';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'gu');
const SPACES = /[\t\p{Zs}]+/gu;

function normaliseLine(line: string): string {
  return line.replace(SPACES, ' ').replace(SPACE_BETWEEN_CJK, '').trim();
}

/** The normalisation above (the text is assumed to have passed `firstForbidden`). */
export function normaliseText(text: string, multiline = false): string {
  const nfc = text.normalize('NFC');
  if (!multiline) return normaliseLine(nfc.replace(/[\r\n\u2028\u2029]+/g, ' '));
  return nfc
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .split('\n')
    .map(normaliseLine)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Characters (code points) of a string, as lengths are counted. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function controlCharMessage(label: string, cp: number): string {
  return `${label}含有不可见的控制字符（${codePointLabel(cp)}），请删除后重新输入。`;
}

/** Every schema made by Text(), with its options (rpc/printable.ts finds the printed fields this way). */
const TEXT_SCHEMAS = new WeakMap<object, Readonly<TextOptions>>();

/** The options of a Text() schema, or undefined for any other schema. */
export function textOptions(schema: unknown): Readonly<TextOptions> | undefined {
  return typeof schema === 'object' && schema !== null ? TEXT_SCHEMAS.get(schema) : undefined;
}

/**
 * A free-text field: refuses control and bidi characters, normalises, then checks the length (and `rule`).
 * Its issues are `custom` with `params.field` = the label: the message already names the field.
 */
export function Text(opts: TextOptions): z.ZodString {
  const { label, max, min = 0, multiline = false } = opts;
  const minMessage = opts.minMessage ?? (min <= 1 ? `请填写${label}` : `请填写${label}（至少${min}个字）`);
  const maxMessage = opts.maxMessage ?? `${label}不超过${max}个字`;
  const schema = z
    .string()
    .check((ctx) => {
      const cp = firstForbidden(ctx.value, multiline);
      if (cp !== null)
        ctx.issues.push({
          code: 'custom',
          message: controlCharMessage(label, cp),
          input: ctx.value,
          params: { field: label, codePoint: cp },
          continue: false,
        });
    })
    .overwrite((s) => normaliseText(s, multiline))
    .check((ctx) => {
      const n = charCount(ctx.value);
      const broken = n < min || n > max ? null : opts.rule?.(ctx.value);
      // every message names its field (a rule's own message may not)
      const message = n < min ? minMessage : n > max ? maxMessage : broken && !broken.includes(label) ? `${label}：${broken}` : broken;
      if (message) ctx.issues.push({ code: 'custom', message, input: ctx.value, params: { field: label } });
    });
  TEXT_SCHEMAS.set(schema, { ...opts });
  return schema;
}
