import path from 'node:path';
import { DeskError } from '../contract/errors.js';
import type { Backups } from './backups.js';
import type { BackupInfo } from '../contract/system.js';
import type { DataDirs } from './store.js';
import { partSpecs, partNames } from './parts.js';
import { bureauDateOf } from '../domain/bureau-time.js';

/** Message for a part that does not parse: names the newest good backup and how to restore it. */
export async function corruptMessage(file: string, reason: string, backups: Backups): Promise<string> {
  const newest = await newestGoodBackup(backups);
  const restore = newest
    ? `最近的完好备份是“${newest.name}”（${bureauDateOf(newest.createdAt)}）。可在命令行运行 npm run desk -- --restore-backup ${newest.name} --data <数据文件夹> 恢复。`
    : '没有可用的备份；请联系技术支持。';
  return `数据文件 ${path.basename(file)} 已损坏（${reason}），程序没有改动它。${restore}`;
}

/** The newest snapshot whose every part parses as JSON (a snapshot of damaged data is skipped). */
export async function newestGoodBackup(backups: Backups): Promise<BackupInfo | undefined> {
  for (const info of await backups.list()) {
    try {
      for (const text of (await backups.read(info.name)).values()) JSON.parse(text);
      return info;
    } catch {
      // damaged snapshot: try the next older one
    }
  }
  return undefined;
}

/** zod-validate every part (missing parts get their initial value); a part that fails makes the store refuse to open. */
export async function validateParts(
  raw: Record<string, unknown>,
  dirs: DataDirs,
  backups: Backups,
  fromBackup?: string,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const name of partNames) {
    const spec = partSpecs[name];
    const value = raw[name] ?? spec.initial();
    const result = spec.schema.safeParse(value);
    if (!result.success) {
      const where = result.error.issues[0]?.path.join('.') ?? '';
      const file = path.join(dirs.store, `${name}.json`);
      const message = fromBackup
        ? `备份“${fromBackup}”中的 ${name}.json 内容不符合数据格式（${where}），未做任何恢复。`
        : await corruptMessage(file, `内容不符合数据格式：${where}`, backups);
      throw new DeskError('STORE_CORRUPT', message, { file, issues: result.error.issues.slice(0, 5) });
    }
    out[name] = result.data;
  }
  return out;
}
