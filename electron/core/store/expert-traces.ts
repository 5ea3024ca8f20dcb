/**
 * Every place an imported review package leaves readable traces in the data folder (专家模式), and their
 * removal for 清除本机评审数据: the previous version of the expertWorkspace part (`.bak`) and its temp files,
 * its copies in snapshots, the material files and their remembered SM3 (digests/), opened copies, staged
 * uploads and stray export files.
 * Each file is overwritten before it is unlinked (shred.ts). Run inside Store.exclusive(): no write is in
 * flight, so no temp file removed here belongs to a live write.
 */
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { DataDirs } from './store.js';
import { partFileName } from './parts.js';
import { shredFile, shredTree, type ShredReport } from './shred.js';
import { uploadsDir } from './uploads.js';

export interface TraceSweep {
  /** sha256 of the package's material files (under files/). */
  fileShas: readonly string[];
  /**
   * 专家模式: the folder belongs to the expert's review alone, so everything in files/, opened/, uploads/
   * and exports/ goes (except `keepExport`) and every leftover temp file in store/. Outside it only what
   * the package itself brought is touched (the secretariat's attachments and exports stay).
   */
  expertMode: boolean;
  /** Export files that stay (the encrypted result files), by name inside exports/. */
  keepExport: (fileName: string) => boolean;
}

export interface TraceReport {
  /** The package's material files that were present and removed. */
  materialFiles: number;
  /** Other files removed (relative to the data folder). */
  otherFiles: string[];
  /** Files that could not be removed, relative to the data folder. */
  failed: string[];
}

export function openedDir(dirs: DataDirs): string {
  return path.join(dirs.root, 'opened');
}

export async function sweepExpertTraces(dirs: DataDirs, sweep: TraceSweep): Promise<TraceReport> {
  const part = partFileName('expertWorkspace');
  const out: TraceReport = { materialFiles: 0, otherFiles: [], failed: [] };
  const rel = (file: string) => path.relative(dirs.root, file);
  const one = async (file: string, material = false) => {
    try {
      if (!(await shredFile(file))) return;
      if (material) out.materialFiles++;
      else out.otherFiles.push(rel(file));
    } catch (err) {
      out.failed.push(`${rel(file)}（${(err as NodeJS.ErrnoException).code ?? String(err)}）`);
    }
  };
  const tree = async (dir: string, keep?: (relPath: string) => boolean) => {
    const r: ShredReport = await shredTree(dir, keep);
    out.otherFiles.push(...r.removed.map((f) => rel(path.join(dir, f))));
    out.failed.push(...r.failed.map((f) => `${rel(path.join(dir, f.file))}（${f.reason}）`));
  };

  // store/: the drafts' previous version and temp files of killed writes.
  const storeNames = await fs.readdir(dirs.store).catch(() => [] as string[]);
  for (const name of storeNames) {
    const isTemp = name.startsWith('.') && name.endsWith('.tmp');
    if (name === `${part}.bak` || (isTemp && (sweep.expertMode || name.startsWith(`.${part}.`)))) await one(path.join(dirs.store, name));
  }

  // backups/: the part's copy in every snapshot (a snapshot without it restores an empty workspace).
  for (const snap of await fs.readdir(dirs.backups, { withFileTypes: true }).catch(() => [])) {
    if (!snap.isDirectory()) continue;
    const folder = path.join(dirs.backups, snap.name);
    for (const name of await fs.readdir(folder).catch(() => [] as string[])) {
      if (name === part || name.startsWith(`${part}.`) || name.startsWith(`.${part}.`)) await one(path.join(folder, name));
    }
  }

  // files/: the materials (by sha256; in 专家模式 also what a failed import left behind); digests/: their
  // remembered SM3 (store/digests.ts), which would still tell which files this computer held.
  for (const sha of sweep.fileShas) {
    if (/^[0-9a-f]{64}$/.test(sha)) {
      await one(path.join(dirs.files, sha.slice(0, 2), sha), true);
      await one(path.join(dirs.digests, sha.slice(0, 2), sha));
    }
  }
  if (sweep.expertMode) {
    await tree(dirs.files);
    await tree(dirs.digests);
    await tree(openedDir(dirs));
    await tree(uploadsDir(dirs.root));
    await tree(dirs.exports, (f) => !f.includes(path.sep) && !f.startsWith('.') && sweep.keepExport(f));
  } else {
    for (const sha of sweep.fileShas) if (/^[0-9a-f]{64}$/.test(sha)) await tree(path.join(openedDir(dirs), sha.slice(0, 12)));
  }
  for (const sha of sweep.fileShas) {
    // empty shard folders
    await fs.rmdir(path.join(dirs.files, sha.slice(0, 2))).catch(() => undefined);
    await fs.rmdir(path.join(dirs.digests, sha.slice(0, 2))).catch(() => undefined);
  }
  return out;
}
