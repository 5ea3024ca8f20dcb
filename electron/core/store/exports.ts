import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ExportedFile } from '../contract/common.js';
import { writeFileDurable } from './durable-file.js';

/** Characters Windows refuses in file names, plus control characters. */
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f]/g;

export function safeFileName(name: string): string {
  const cleaned = name.replace(UNSAFE, '_').replace(/^\.+/, '').trim();
  return cleaned.slice(0, 120) || 'export';
}

/** Write a generated file under <data>/exports atomically (temp + rename); never overwrites an earlier export. */
export async function writeExport(exportsDir: string, fileName: string, data: Uint8Array): Promise<ExportedFile> {
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
