/**
 * Best-effort removal of files that held confidential data (清除本机评审数据): the content is overwritten
 * with zeros and synced before the name is removed, so an undelete tool finds zeros rather than drafts.
 * (Journaling and copy-on-write file systems and SSDs may still keep old blocks: best effort only.)
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

const CHUNK = 1024 * 1024;

export interface ShredReport {
  /** Files removed (relative to the root given to shredTree). */
  removed: string[];
  /** Files that could not be removed (e.g. held open by another program on Windows), with the reason. */
  failed: { file: string; reason: string }[];
}

/**
 * Overwrite `file` with zeros, sync it, then unlink it. Resolves false when there was no such file.
 * A symbolic link is only unlinked (never followed), and so is a file with other hard links: overwriting
 * it would blank the other names too (e.g. a `.bak` still linked to the live part).
 */
export async function shredFile(file: string): Promise<boolean> {
  let st;
  try {
    st = await fs.lstat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  if (st.isFile() && st.nlink === 1 && st.size > 0) {
    const handle = await fs.open(file, 'r+');
    try {
      const zeros = Buffer.alloc(Math.min(CHUNK, st.size));
      for (let pos = 0; pos < st.size; pos += zeros.length) await handle.write(zeros, 0, Math.min(zeros.length, st.size - pos), pos);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  await fs.rm(file, { force: true });
  return true;
}

/**
 * Shred every file under `dir` (recursively, symbolic links not followed) for which `keep` is false, then
 * remove the folders left empty (never `dir` itself). A missing `dir` is an empty report.
 */
export async function shredTree(dir: string, keep: (relPath: string) => boolean = () => false): Promise<ShredReport> {
  const report: ShredReport = { removed: [], failed: [] };
  await walk(dir, '', keep, report);
  return report;
}

async function walk(root: string, rel: string, keep: (relPath: string) => boolean, report: ShredReport): Promise<boolean> {
  let entries;
  try {
    entries = await fs.readdir(path.join(root, rel), { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
  let empty = true;
  for (const e of entries) {
    const childRel = rel ? path.join(rel, e.name) : e.name;
    if (e.isDirectory()) {
      if (await walk(root, childRel, keep, report)) await fs.rmdir(path.join(root, childRel)).catch(() => (empty = false));
      else empty = false;
      continue;
    }
    if (keep(childRel)) {
      empty = false;
      continue;
    }
    try {
      await shredFile(path.join(root, childRel));
      report.removed.push(childRel);
    } catch (err) {
      empty = false;
      report.failed.push({ file: childRel, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
    }
  }
  return empty;
}
