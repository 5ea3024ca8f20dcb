/**
 * A text cell of an Excel import, cleaned like a typed field (contract/text.ts): control and bidi characters
 * refused, whitespace normalised, and characters no document font can print refused.
 */
import { controlCharMessage, firstForbidden, normaliseText } from '../../contract/text.js';
import { unprintableChars, unprintableMessage } from '../fonts/coverage.js';

export type CleanCell = { ok: true; value: string } | { ok: false; message: string };

/** `label` names the column in the message (“单位名称含有不可见的控制字符（U+202E），请删除后重新输入。”). */
export function cleanImportedText(raw: string, label: string, multiline = false): CleanCell {
  const cp = firstForbidden(raw, multiline);
  if (cp !== null) return { ok: false, message: controlCharMessage(label, cp) };
  const value = normaliseText(raw, multiline);
  const missing = unprintableChars(value);
  if (missing.length) return { ok: false, message: unprintableMessage(label, missing) };
  return { ok: true, value };
}
