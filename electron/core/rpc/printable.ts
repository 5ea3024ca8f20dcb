/**
 * Refuses, at entry, characters no font of the PDF renderer can print (“单位名称中的“𠈌”（U+2020C）无法打印：
 * 本机字体不含此字。”), so a document never fails later on a name that was accepted. The contract is pure,
 * so this runs in dispatch after the input is validated: it walks the input schema beside the parsed value
 * and checks every string of a Text() field (contract/text.ts) that is printed, against every font role
 * the documents use (documents/fonts/coverage.ts). When a fallback font is added to the registry,
 * the characters it prints are accepted with no change here.
 */
import type { z } from 'zod';
import { DeskError } from '../contract/errors.js';
import { textOptions } from '../contract/text.js';
import { unprintableChars, unprintableMessage } from '../documents/fonts/coverage.js';
import type { FontSet } from '../documents/fonts/registry.js';

/** A printed string of the input and where it sits. */
export interface PrintedText {
  path: (string | number)[];
  label: string;
  value: string;
}

interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
}
const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/** Every printed Text() string of `value` (parsed with `schema`), with its path and field label. */
export function printedTexts(schema: z.ZodType, value: unknown, path: (string | number)[] = []): PrintedText[] {
  const out: PrintedText[] = [];
  const visit = (s: z.ZodType, v: unknown, p: (string | number)[]): void => {
    if (v === undefined || v === null) return;
    const text = textOptions(s);
    if (text) {
      if (typeof v === 'string' && text.printed !== false) out.push({ path: p, label: text.label, value: v });
      return;
    }
    const def = defOf(s);
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        if (def.innerType) visit(def.innerType, v, p);
        return;
      case 'pipe':
        if (def.in) visit(def.in, v, p);
        return;
      case 'object':
        if (typeof v === 'object')
          for (const [k, sub] of Object.entries(def.shape ?? {})) visit(sub, (v as Record<string, unknown>)[k], [...p, k]);
        return;
      case 'array':
        if (Array.isArray(v) && def.element) v.forEach((item, i) => visit(def.element!, item, [...p, i]));
        return;
      case 'record':
        if (typeof v === 'object' && def.valueType)
          for (const [k, item] of Object.entries(v as Record<string, unknown>)) visit(def.valueType, item, [...p, k]);
        return;
      case 'union':
        for (const option of def.options ?? []) visit(option, v, p);
        return;
      case 'intersection':
        if (def.left) visit(def.left, v, p);
        if (def.right) visit(def.right, v, p);
        return;
      default:
        return;
    }
  };
  visit(schema, value, path);
  // A union may reach the same string through two options.
  const seen = new Set<string>();
  return out.filter((t) => {
    const key = JSON.stringify(t.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Throws INVALID_INPUT (details like zod's: [{ path, message, chars }]) when a printed Text() field of the
 * parsed input holds a character no font can print.
 */
export function assertPrintable(schema: z.ZodType, value: unknown, fonts?: FontSet): void {
  const problems: { path: string[]; message: string; chars: string[] }[] = [];
  for (const t of printedTexts(schema, value)) {
    const chars = unprintableChars(t.value, fonts);
    if (chars.length) problems.push({ path: t.path.map(String), message: unprintableMessage(t.label, chars), chars });
  }
  if (problems.length === 0) return;
  // Each message names its field (the Text() label), as zod's Text() issues do.
  throw new DeskError('INVALID_INPUT', `输入有误，请修改后再保存。${problems.map((p) => p.message).join('；')}`, problems);
}
