/**
 * 备份文件 (`*.ipcdesk-backup`): what goes in, how entries are named, and the Chinese summary of what a
 * backup holds. Layout (see contract/backup-file.ts):
 *   manifest.json      format `ipc-desk-backup`, version 1, every other entry with sha256 and size
 *   store/<part>.json  every store part, as the store wrote it (byte for byte)
 *   files/ab/<sha256>  attachments (content-addressed, immutable)
 *   audit/**           the audit log, one file per month
 * Not included: backups/ (snapshots), exports/, opened/, uploads/ (staging), desk.lock.
 */
import { partNames, keyedPartSpecs, type KeyedKind } from '../store/parts.js';
import { formatBytes } from '../domain/sizes.js';
import { bureauStamp } from '../domain/bureau-time.js';

export const BACKUP_FORMAT = 'ipc-desk-backup';
export const BACKUP_EXT = '.ipcdesk-backup';
export const MANIFEST_NAME = 'manifest.json';
export const BACKUP_NAME_PREFIX = '福州市产业知识产权中心数据备份';

/** The folders of the data folder a backup carries (relative to its root). */
export const BACKED_UP_DIRS = ['store', 'files', 'audit'] as const;

/** `福州市产业知识产权中心数据备份-20261125-103000.ipcdesk-backup` (bureau time, UTC+8). */
export function backupFileName(at: Date): string {
  return `${BACKUP_NAME_PREFIX}-${bureauStamp(at)}${BACKUP_EXT}`;
}

/** An attachment entry: files/ab/<sha256>, where ab are the first two hex digits. */
export const ATTACHMENT_ENTRY = /^files\/([0-9a-f]{2})\/([0-9a-f]{64})$/;
/** A store part entry: store/<name>.json (no subfolders). */
export const PART_ENTRY = /^store\/([^/]+)\.json$/;
/** An audit entry: audit/<file> or audit/<folder>/<file>. */
export const AUDIT_ENTRY = /^audit\/(.+)$/;

export type PartRef = { kind: 'fixed'; name: string } | { kind: 'keyed'; keyed: KeyedKind; key: string };

/** Which part a store file name is (`batch-2026-1` → keyed batch 2026-1), or undefined for an unknown file. */
export function partOf(name: string): PartRef | undefined {
  if ((partNames as string[]).includes(name)) return { kind: 'fixed', name };
  for (const kind of Object.keys(keyedPartSpecs) as KeyedKind[]) {
    if (!name.startsWith(`${kind}-`)) continue;
    const key = name.slice(kind.length + 1);
    if (keyedPartSpecs[kind].pattern.test(key)) return { kind: 'keyed', keyed: kind, key };
  }
  return undefined;
}

const len = (v: unknown, key: string): number => {
  const list = (v as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(list) ? list.length : 0;
};

/**
 * What a set of parts holds, in Chinese: 批次N个、申报N份、专家N名、中心N个、年度工作总结N份、附件N个（共X MB）.
 * `parts` maps a part name (without .json) to its parsed JSON.
 */
export function describeContents(parts: ReadonlyMap<string, unknown>, attachments: { count: number; bytes: number }): string[] {
  let applications = 0;
  let summaries = 0;
  for (const [name, data] of parts) {
    const ref = partOf(name);
    if (ref?.kind !== 'keyed') continue;
    if (ref.keyed === 'batch') applications += len(data, 'applications');
    if (ref.keyed === 'centers') summaries += len(data, 'summaries');
  }
  return [
    `批次${len(parts.get('batches'), 'batches')}个`,
    `申报${applications}份`,
    `专家${len(parts.get('experts'), 'experts')}名`,
    `中心${len(parts.get('centers'), 'centers')}个`,
    `年度工作总结${summaries}份`,
    attachments.count ? `附件${attachments.count}个（共${formatBytes(attachments.bytes)}）` : '附件0个',
  ];
}
