/**
 * 备份文件: the whole data folder backed up to one file and restored from it.
 *
 * Backup file (`*.ipcdesk-backup`, a zip): manifest.json (format `ipc-desk-backup`, version 1, createdAt,
 * appVersion, schemaVersion, files: [{ path, sha256, size }]) and store/*.json, files/**, audit/**.
 */
import { z } from 'zod';
import { method, IsoTime } from './define.js';
import { ManifestFile } from './archive.js';

const TaskId = z.string().min(1).max(300);
const LocalPath = z.string().trim().min(1, '请填写文件或文件夹路径').max(1000, '路径过长');

export const BackupManifest = z.object({
  format: z.literal('ipc-desk-backup'),
  version: z.literal(1),
  createdAt: IsoTime,
  createdBy: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  files: z.array(ManifestFile),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

export const BackupFileInfo = z.object({
  path: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: IsoTime,
  files: z.number().int(),
  /** What it holds, in Chinese (批次3个、申报20份、中心5个、附件40个…). */
  contents: z.array(z.string()),
});
export type BackupFileInfo = z.infer<typeof BackupFileInfo>;

export const BackupInspection = z.object({
  path: z.string(),
  ok: z.boolean(),
  createdAt: z.string().nullable(),
  appVersion: z.string().nullable(),
  schemaVersion: z.number().int().nullable(),
  files: z.number().int(),
  contents: z.array(z.string()),
  problems: z.array(z.string()),
});
export type BackupInspection = z.infer<typeof BackupInspection>;

export const RestoreReport = z.object({
  restoredFrom: z.string(),
  /** The snapshot (under backups/) holding the data that was replaced. */
  safetyBackup: z.string(),
  parts: z.number().int(),
  attachmentsAdded: z.number().int(),
  auditFiles: z.number().int(),
  /** What was restored, in Chinese. */
  contents: z.array(z.string()),
});
export type RestoreReport = z.infer<typeof RestoreReport>;

export const backupFileContract = {
  'backupFile.create': method({
    input: z.object({ targetDir: LocalPath.optional(), taskId: TaskId }).strict(),
    output: BackupFileInfo,
    writes: false,
    summary: '备份全部数据到文件',
  }),
  'backupFile.inspect': method({
    input: z.object({ path: LocalPath }).strict(),
    output: BackupInspection,
    writes: false,
    summary: '检查备份文件',
  }),
  'backupFile.restore': method({
    input: z.object({ path: LocalPath, taskId: TaskId }).strict(),
    output: RestoreReport,
    writes: true,
    yearLock: 'none',
    summary: '从备份文件恢复全部数据',
  }),
};
