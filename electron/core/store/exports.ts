import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ExportedFile } from '../contract/common.js';
import { writeFileDurable } from './durable-file.js';
import { extensionOf, fitName, SAFE_NAME_BYTES, type NamePart } from './file-names.js';

export type { NamePart } from './file-names.js';

/** Characters Windows refuses in file names, plus control characters. */
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

/**
 * A file name safe on every desktop file system and within 200 bytes (room for a `（n）` and a temp name).
 * Give the name as parts to say what may be shortened: `['受理通知书-', { shorten: unitName }, '-榕市监知〔2026〕1号.pdf']`
 * cuts only the unit name; a plain string is cut before its extension.
 */
export function safeFileName(name: string | readonly NamePart[]): string {
  const clean = (s: string): string => s.replace(UNSAFE, '_');
  let parts: NamePart[];
  if (typeof name === 'string') {
    const cleaned = clean(name);
    const ext = extensionOf(cleaned);
    parts = [{ shorten: cleaned.slice(0, cleaned.length - ext.length) }, ext];
  } else {
    parts = name.map((p) => (typeof p === 'string' ? clean(p) : { shorten: clean(p.shorten) }));
  }
  const fitted = fitName(parts, SAFE_NAME_BYTES).replace(/^\.+/, '').trim();
  return fitted || 'export';
}

/** Write a generated file under <data>/exports atomically (temp + rename); never overwrites an earlier export. */
export async function writeExport(exportsDir: string, fileName: string | readonly NamePart[], data: Uint8Array): Promise<ExportedFile> {
  await fs.mkdir(exportsDir, { recursive: true });
  const safe = safeFileName(fileName);
  const ext = path.extname(safe);
  const base = safe.slice(0, safe.length - ext.length);
  let candidate = safe;
  for (let n = 2; ; n++) {
    try {
      await fs.access(path.join(exportsDir, candidate));
      candidate = `${base}（${n}）${ext}`;
    } catch {
      break;
    }
  }
  const target = path.join(exportsDir, candidate);
  await writeFileDurable(target, data);
  return {
    fileName: candidate,
    relPath: candidate,
    path: target,
    size: data.byteLength,
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}

/** Resolve a relPath under the exports folder, refusing anything that escapes it. */
export function resolveExport(exportsDir: string, relPath: string): string | null {
  const full = path.resolve(exportsDir, relPath);
  const root = path.resolve(exportsDir) + path.sep;
  return full.startsWith(root) ? full : null;
}
