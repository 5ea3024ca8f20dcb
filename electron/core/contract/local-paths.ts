/**
 * 本机路径 (local paths): the in-app “浏览…” picker lists folders and files on the computer the desk runs on,
 * so the clerk picks a folder or file (e.g. on a USB stick) instead of typing its path. The listing is done by
 * the core, so it works the same in Electron and in the loopback web host. Reads only.
 */
import { z } from 'zod';
import { method, IsoTime, NoInput } from './define.js';

/** Most entries one listing returns; more are left out and the listing says `truncated`. */
export const LOCAL_LIST_CAP = 2000;

const LocalPath = z.string().trim().min(1, '请填写文件夹路径').max(1000, '路径过长');
/** A file name ending such as `.zip` or `.ipcdesk-backup` (compared without regard to case). */
const Extension = z.string().regex(/^\.[^\\/\s]{1,30}$/, '扩展名应以点开头，如 .zip');

export const LocalPlaceKind = z.enum(['home', 'desktop', 'documents', 'exports', 'drive']);
export type LocalPlaceKind = z.infer<typeof LocalPlaceKind>;

/** A starting place of the picker: the user's folders, the desk's exports folder, drives and USB sticks. */
export const LocalPlace = z.object({ label: z.string(), path: z.string(), kind: LocalPlaceKind });
export type LocalPlace = z.infer<typeof LocalPlace>;

export const LocalEntry = z.object({
  name: z.string(),
  /** Absolute path of the entry. */
  path: z.string(),
  kind: z.enum(['folder', 'file']),
  /** Bytes (files only). */
  size: z.number().int().nonnegative().optional(),
  modifiedAt: IsoTime.optional(),
});
export type LocalEntry = z.infer<typeof LocalEntry>;

export const LocalListing = z.object({
  /** The folder listed, resolved to an absolute path. */
  path: z.string(),
  /** Its parent folder; null at a root (`/`, `C:\`). */
  parent: z.string().nullable(),
  /** The folder from its root down, for the breadcrumb (the last one is `path`). */
  crumbs: z.array(z.object({ name: z.string(), path: z.string() })),
  /** Folders first, then files; each group by name (zh-CN). Hidden entries are left out. */
  entries: z.array(LocalEntry),
  /** More than LOCAL_LIST_CAP entries: the rest are left out. */
  truncated: z.boolean(),
  /** When a file was given: that file (if it is among the entries), its folder is listed. */
  selected: z.string().optional(),
});
export type LocalListing = z.infer<typeof LocalListing>;

export const localPathsContract = {
  'localPaths.places': method({
    input: NoInput,
    output: z.array(LocalPlace),
    writes: false,
    summary: '本机常用位置（用户文件夹、桌面、U盘等）',
  }),
  'localPaths.list': method({
    input: z
      .object({
        path: LocalPath,
        pick: z.enum(['folder', 'file']),
        /** Files shown when pick = 'file': only these endings (all files when absent). */
        extensions: z.array(Extension).max(20).optional(),
      })
      .strict(),
    output: LocalListing,
    writes: false,
    summary: '列出本机文件夹内容',
  }),
};
