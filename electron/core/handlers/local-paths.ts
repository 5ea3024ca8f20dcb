/**
 * 本机路径: the starting places and folder listings behind the “浏览…” picker. Reads only; the picker fills a
 * path field, the action (备份到文件, 检查备份文件, 校验文件) still runs on the clerk's click.
 */
import type { Dirent, Stats } from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeskError } from '../contract/errors.js';
import { LOCAL_LIST_CAP, type LocalEntry, type LocalListing, type LocalPlace } from '../contract/local-paths.js';
import type { AreaHandlers } from './types.js';

type Methods = 'localPaths.places' | 'localPaths.list';

/** Folders Windows keeps on every drive (hidden there; shown by readdir). */
const SYSTEM_NAMES = new Set(['$recycle.bin', 'system volume information', '$windows.~bt', '$windows.~ws', 'recycler']);
/** How long one drive letter may take to answer before it is left out (a sleeping network drive). */
const DRIVE_TIMEOUT_MS = 1500;
/** Entries stat'ed at a time. */
const STAT_BATCH = 64;

const collator = (a: string, b: string): number => a.localeCompare(b, 'zh-CN');

async function statOrNull(p: string): Promise<Stats | null> {
  try {
    return await fs.stat(p);
  } catch {
    return null;
  }
}

async function isFolder(p: string): Promise<boolean> {
  return (await statOrNull(p))?.isDirectory() ?? false;
}

function hidden(name: string): boolean {
  return name.startsWith('.') || SYSTEM_NAMES.has(name.toLowerCase());
}

/** Visible sub-folders of `dir` (mount points of removable drives), by name; none when it cannot be read. */
async function subFolders(dir: string, skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  let names: Dirent[];
  try {
    names = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const d of names) {
    if (hidden(d.name) || skip.has(d.name)) continue;
    const full = path.join(dir, d.name);
    if (d.isDirectory() || (d.isSymbolicLink() && (await isFolder(full)))) out.push(full);
  }
  return out.sort(collator);
}

function userName(): string | null {
  try {
    return os.userInfo().username || null;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? null;
  }
}

async function windowsDrives(): Promise<LocalPlace[]> {
  const letters = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
  const found = await Promise.all(
    letters.map(async (letter) => {
      const root = `${letter}:\\`;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), DRIVE_TIMEOUT_MS)));
      const access = fs.access(root).then(
        () => true,
        () => false,
      );
      const ok = await Promise.race([access, timeout]);
      clearTimeout(timer);
      return ok ? { label: `磁盘（${letter}:）`, path: root, kind: 'drive' as const } : null;
    }),
  );
  return found.filter((p): p is NonNullable<typeof p> => p !== null);
}

async function unixDrives(): Promise<LocalPlace[]> {
  const user = userName();
  let folders: string[];
  if (process.platform === 'darwin') {
    // /Volumes also holds the system disk (a link to /): that one is the computer, not a drive
    folders = [];
    for (const dir of await subFolders('/Volumes')) {
      const real = await fs.realpath(dir).catch(() => dir);
      if (real !== '/') folders.push(dir);
    }
  } else {
    const lists = await Promise.all([
      user ? subFolders(path.join('/media', user)) : Promise.resolve([]),
      // /media/<user> itself is where the desktop mounts sticks, listed above
      subFolders('/media', new Set(user ? [user] : [])),
      user ? subFolders(path.join('/run/media', user)) : Promise.resolve([]),
      subFolders('/mnt'),
    ]);
    folders = lists.flat();
  }
  return [...new Set(folders)].map((p) => ({ label: path.basename(p), path: p, kind: 'drive' as const }));
}

/** The first of `names` under home that is a folder. */
async function firstFolder(home: string, names: string[]): Promise<string | null> {
  for (const name of names) {
    const p = path.join(home, name);
    if (await isFolder(p)) return p;
  }
  return null;
}

function notFound(p: string): DeskError {
  return new DeskError('NOT_FOUND', `找不到文件夹：${p}`);
}

function noPermission(p: string): DeskError {
  return new DeskError('FILE_REJECTED', `没有权限读取文件夹：${p}`);
}

function errnoCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** The folder from its root down: `/`, `/media`, `/media/usb` or `C:\`, `C:\备份`. */
function crumbsOf(folder: string): { name: string; path: string }[] {
  const out: { name: string; path: string }[] = [];
  let p = folder;
  for (;;) {
    const parent = path.dirname(p);
    out.push({ name: parent === p ? p : path.basename(p), path: p });
    if (parent === p) break;
    p = parent;
  }
  return out.reverse();
}

/** `~` and `~/x` mean the user's home folder. */
function expandHome(p: string): string {
  if (p === '~') return os.homedir();
  if (p.startsWith('~/') || p.startsWith('~\\')) return path.join(os.homedir(), p.slice(2));
  return p;
}

interface Candidate {
  name: string;
  path: string;
  kind: 'folder' | 'file';
}

async function listFolder(input: { path: string; pick: 'folder' | 'file'; extensions?: string[] }): Promise<LocalListing> {
  const given = path.resolve(expandHome(input.path));
  let stats: Stats;
  try {
    stats = await fs.stat(given);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'EACCES' || code === 'EPERM') throw noPermission(given);
    throw notFound(given);
  }
  const folder = stats.isDirectory() ? given : stats.isFile() ? path.dirname(given) : null;
  if (!folder) throw notFound(given);

  let dirents: Dirent[];
  try {
    dirents = await fs.readdir(folder, { withFileTypes: true });
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'EACCES' || code === 'EPERM') throw noPermission(folder);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw notFound(folder);
    throw err;
  }

  const wantFiles = input.pick === 'file';
  const endings = (input.extensions ?? []).map((e) => e.toLowerCase());
  const fileWanted = (name: string): boolean => wantFiles && (endings.length === 0 || endings.some((e) => name.toLowerCase().endsWith(e)));

  // Kind from the directory entry; a link (or an unknown type) is followed to see what it points at.
  const candidates: Candidate[] = [];
  const links: Dirent[] = [];
  for (const d of dirents) {
    if (hidden(d.name)) continue;
    const full = path.join(folder, d.name);
    if (d.isDirectory()) candidates.push({ name: d.name, path: full, kind: 'folder' });
    else if (d.isFile()) {
      if (fileWanted(d.name)) candidates.push({ name: d.name, path: full, kind: 'file' });
    } else if (d.isSymbolicLink() || !(d.isFIFO() || d.isSocket() || d.isBlockDevice() || d.isCharacterDevice())) links.push(d);
  }
  for (let i = 0; i < links.length; i += STAT_BATCH) {
    const batch = links.slice(i, i + STAT_BATCH);
    const resolved = await Promise.all(batch.map((d) => statOrNull(path.join(folder, d.name))));
    batch.forEach((d, n) => {
      const s = resolved[n];
      if (s?.isDirectory()) candidates.push({ name: d.name, path: path.join(folder, d.name), kind: 'folder' });
      else if (s?.isFile() && fileWanted(d.name)) candidates.push({ name: d.name, path: path.join(folder, d.name), kind: 'file' });
    });
  }
  candidates.sort((a, b) => (a.kind === b.kind ? collator(a.name, b.name) : a.kind === 'folder' ? -1 : 1));

  // Stat in order until the cap is reached: a folder of 50,000 files does not cost 50,000 stats.
  const entries: LocalEntry[] = [];
  let next = 0;
  while (next < candidates.length && entries.length < LOCAL_LIST_CAP) {
    const batch = candidates.slice(next, next + Math.min(STAT_BATCH, LOCAL_LIST_CAP - entries.length));
    next += batch.length;
    const stats = await Promise.all(batch.map((c) => statOrNull(c.path)));
    batch.forEach((c, n) => {
      const s = stats[n];
      if (!s) return; // gone, or not ours to read: left out
      const modifiedAt = Number.isFinite(s.mtimeMs) && s.mtimeMs > 0 ? new Date(s.mtimeMs).toISOString() : undefined;
      entries.push({
        name: c.name,
        path: c.path,
        kind: c.kind,
        ...(c.kind === 'file' ? { size: s.size } : {}),
        ...(modifiedAt ? { modifiedAt } : {}),
      });
    });
  }

  const parent = path.dirname(folder);
  const selected = stats.isFile() && entries.some((e) => e.path === given) ? given : undefined;
  return {
    path: folder,
    parent: parent === folder ? null : parent,
    crumbs: crumbsOf(folder),
    entries,
    truncated: next < candidates.length,
    ...(selected ? { selected } : {}),
  };
}

export const localPathsHandlers: AreaHandlers<Methods> = {
  'localPaths.places': async (_input, ctx) => {
    const home = os.homedir();
    const [desktop, documents, drives] = await Promise.all([
      firstFolder(home, ['Desktop', '桌面']),
      firstFolder(home, ['Documents', '文档']),
      process.platform === 'win32' ? windowsDrives() : unixDrives(),
    ]);
    const places: LocalPlace[] = [{ label: '本机用户文件夹', path: home, kind: 'home' }];
    if (desktop) places.push({ label: '桌面', path: desktop, kind: 'desktop' });
    if (documents) places.push({ label: '文档', path: documents, kind: 'documents' });
    places.push({ label: '工作台导出文件夹', path: ctx.store.dirs.exports, kind: 'exports' });
    return [...places, ...drives];
  },

  'localPaths.list': (input) => listFolder(input),
};
