/** Opens exported files and folders with the system, but only inside the data folder. */
import path from 'node:path';
import { shell } from 'electron';
import { isInsideDir } from './host-options.js';

/** Resolves to '' on success or a Chinese error sentence. */
export async function openInsideDataDir(dataDir: string, target: string): Promise<string> {
  if (!isInsideDir(target, dataDir)) return '只能打开数据文件夹内导出的文件。';
  const err = await shell.openPath(path.resolve(dataDir, target));
  return err ? `无法打开文件：${err}` : '';
}

/** Shows a file in the file manager (same folder rule). */
export function revealInsideDataDir(dataDir: string, target: string): boolean {
  if (!isInsideDir(target, dataDir)) return false;
  shell.showItemInFolder(path.resolve(dataDir, target));
  return true;
}

/**
 * The desk's host services: open a file the core prepared (inside the data folder) with the system viewer, or
 * show it in the file manager (打开所在文件夹).
 */
export function systemOpener(dataDir: () => string): { openPath(file: string): Promise<void>; showInFolder(file: string): void } {
  return {
    async openPath(file: string): Promise<void> {
      const err = await openInsideDataDir(dataDir(), path.relative(dataDir(), file));
      if (err) throw new Error(err);
    },
    showInFolder(file: string): void {
      if (!revealInsideDataDir(dataDir(), path.relative(dataDir(), file))) throw new Error('只能显示数据文件夹内导出的文件。');
    },
  };
}
