/**
 * When the store refuses to open (a damaged, missing or replaced part), the desktop host offers to
 * restore the newest good snapshot instead of only quitting. The offer says what will happen; the
 * restore keeps the current data as a before-restore snapshot and is audited.
 */
import { DeskError } from './contract/errors.js';
import { Store } from './store/store.js';
import type { Clock } from './domain/clock.js';

export interface RecoveryOffer {
  /** The snapshot to restore (backups/<name>). */
  backup: string;
  title: string;
  message: string;
  detail: string;
  /** Button labels: [quit, restore]; quit is the default (Enter never restores). */
  buttons: [string, string];
}

/** The offer for an error of Store.open, or null when restoring a snapshot would not help. */
export function recoveryOffer(err: unknown): RecoveryOffer | null {
  if (!(err instanceof DeskError) || err.code !== 'STORE_CORRUPT') return null;
  const backup = (err.details as { newestBackup?: unknown } | undefined)?.newestBackup;
  if (typeof backup !== 'string' || backup === '') return null;
  return {
    backup,
    title: '数据文件损坏',
    message: err.message,
    detail: `可以把数据恢复到快照“${backup}”：该快照之后的修改会丢失；恢复前，现在的数据（包括损坏的文件）先另存为一个“恢复前”快照，恢复记入操作日志。也可以先退出，把数据文件夹交给技术人员检查。`,
    buttons: ['退出', `恢复到快照“${backup}”`],
  };
}

/** Restore a snapshot without an open store (the folder's lock is taken as the app would). */
export function restoreSnapshotOffline(
  dataDir: string,
  backup: string,
  clock: Clock = () => new Date(),
): Promise<{ restored: string; safetyBackup: string }> {
  return Store.restoreOffline(dataDir, backup, { clock });
}
