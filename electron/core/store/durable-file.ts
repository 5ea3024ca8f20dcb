import { promises as fs, constants } from 'node:fs';
import path from 'node:path';
import { tempFileName } from './file-names.js';

/** fsync a directory so a rename inside it survives a power cut (no-op where unsupported). */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, constants.O_RDONLY);
    await handle.sync();
  } catch (err) {
    // Windows cannot open directories; EISDIR/EPERM/EINVAL there are expected.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw err;
  } finally {
    await handle?.close();
  }
}

let tempCounter = 0;
function tempName(file: string): string {
  tempCounter = (tempCounter + 1) % 1_000_000;
  return path.join(path.dirname(file), tempFileName(path.basename(file), `${process.pid}.${tempCounter}`));
}

/**
 * Write a file atomically and durably: temp file, fsync, (previous version kept as `.bak` when
 * `keepBackup`), rename over the target, fsync the folder. A reader sees the old or the new file,
 * never a torn one, and the new one is on disk before this resolves.
 */
export async function writeFileDurable(file: string, data: string | Uint8Array, opts: { keepBackup?: boolean } = {}): Promise<void> {
  const tmp = tempName(file);
  const handle = await fs.open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (opts.keepBackup) await linkAsBackup(file);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await fsyncDir(path.dirname(file));
}

/** Keep the current version of `file` as `file.bak` without copying (a hard link, or a copy where links fail). */
async function linkAsBackup(file: string): Promise<void> {
  const bak = `${file}.bak`;
  // unique per call: two writers in one process (a store reopened after a crash while the old
  // instance still has writes in flight) must never share, or delete, each other's temp link
  const bakTmp = tempName(bak);
  try {
    await fs.link(file, bakTmp);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // first write: nothing to keep
    await fs.copyFile(file, bakTmp); // file systems without hard links (FAT USB sticks)
  }
  await fs.rename(bakTmp, bak);
  // POSIX rename() does nothing when both names already link the same file (two writers kept the
  // same version), leaving the temp name behind: remove it
  await fs.rm(bakTmp, { force: true });
}

/** Append a line to a log file and fsync it before resolving. */
export async function appendLineDurable(file: string, line: string): Promise<void> {
  const handle = await fs.open(file, 'a', 0o600);
  try {
    await handle.appendFile(line.endsWith('\n') ? line : `${line}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}
