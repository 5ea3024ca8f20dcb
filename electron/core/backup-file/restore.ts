/**
 * Restore a whole data folder from a backup file.
 *
 * 1. The whole file is checked first, exactly like backupFile.inspect (same pass: part and audit bytes
 *    kept in memory, attachments this folder lacks written to <data>/.restore-staging/ and fsynced).
 *    Any problem: FILE_REJECTED with the problems, the staging folder removed, nothing else touched.
 * 2. Then, alone on the store's write queue:
 *    a. the current parts are snapshotted as `before-restore-<stamp>` (under backups/), and a marker file
 *       <data>/restore-in-progress.json names the backup file and that snapshot;
 *    b. every part of the backup is written durably, one by one (temp + fsync + rename + folder fsync, the
 *       old version kept as .bak); local parts the backup does not have are removed;
 *    c. staged attachments are renamed into files/ (existing ones are identical: same sha256 name);
 *    d. audit months missing locally are copied in; months present on both sides keep the local file and
 *       the backup's copy goes to audit/restored-<stamp>/;
 *    e. the marker is removed, the store reloads every part and drops its keyed cache, and an audit entry
 *       says what was restored and where the replaced data went.
 *
 * If the process dies: before (a) finishes nothing has changed (a stale staging folder is removed by the
 * next restore). During (b)-(d) every part file is whole (the old or the new version, never torn), but
 * the folder may hold a mix of old and new parts; the marker file and the before-restore snapshot say so
 * and keep the old data: run the same restore again (it is idempotent) or bring the old data back with
 * `npm run desk -- --restore-backup before-restore-<stamp>`. Attachments are only ever added, never
 * replaced or removed, so they are safe in every state.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DeskError } from '../contract/errors.js';
import type { RestoreReport } from '../contract/backup-file.js';
import type { AuditInfo, DataDirs } from '../store/store.js';
import { dataDirs } from '../store/store.js';
import { Backups, partFiles, stamp } from '../store/backups.js';
import { monthFiles } from '../store/audit-log.js';
import { PartJournal } from '../store/part-journal.js';
import { acquireLock } from '../store/lock.js';
import { SCHEMA_VERSION } from '../store/parts.js';
import { exists, fsyncDir, writeFileDurable } from '../store/durable-file.js';
import { throwIfAborted } from '../exchange/atomic-file.js';
import type { Clock } from '../domain/clock.js';
import { bureauDateOf } from '../domain/bureau-time.js';
import { checkBackupFile } from './inspect.js';

export const RESTORE_MARKER = 'restore-in-progress.json';
export const STAGING_DIR = '.restore-staging';

/** Where a restore writes, and how it coordinates with an open store (or with none, offline). */
export interface RestoreTarget {
  dirs: DataDirs;
  backups: Backups;
  clock: Clock;
  /** The schema version this app reads and writes. */
  schemaVersion: number;
  /** Run the replacement with no write in between (the store's write queue; offline: just run it). */
  exclusive<R>(job: () => Promise<R>): Promise<R>;
  /** Record the replaced part files in the manifest with this audit entry, and re-read every part. */
  reload(info: AuditInfo): Promise<void>;
}

export interface RestoreOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Noted in the audit entry (e.g. 离线恢复). */
  note?: string;
}

async function freeSnapshotName(backups: Backups, base: string): Promise<string> {
  const names = new Set((await backups.list()).map((b) => b.name));
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) if (!names.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function restoreBackupFile(file: string, target: RestoreTarget, opts: RestoreOptions = {}): Promise<RestoreReport> {
  const { dirs } = target;
  const staging = path.join(dirs.root, STAGING_DIR);
  await fs.rm(staging, { recursive: true, force: true });
  try {
    const checked = await checkBackupFile(file, {
      schemaVersion: target.schemaVersion,
      stage: { dir: staging, filesDir: dirs.files },
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    const { problems } = checked.inspection;
    if (problems.length > 0) {
      const shown = problems.slice(0, 3).join('；');
      throw new DeskError(
        'FILE_REJECTED',
        `备份文件未通过检查，没有做任何改动。发现${problems.length}处问题：${shown}${problems.length > 3 ? '……' : ''}`,
        { problems },
      );
    }
    throwIfAborted(opts.signal); // past this point the restore runs to the end

    return await target.exclusive(async () => {
      const at = target.clock();
      const st = stamp(at);
      // a. Keep what is about to be replaced.
      const safety = await target.backups.snapshot(await freeSnapshotName(target.backups, `before-restore-${st}`), 'before-restore', at);
      const marker = path.join(dirs.root, RESTORE_MARKER);
      await writeFileDurable(marker, JSON.stringify({ from: file, safetyBackup: safety.name, startedAt: at.toISOString() }, null, 2));

      // b. Parts, one by one, each durable before the next.
      await fs.mkdir(dirs.store, { recursive: true });
      for (const [name, data] of checked.parts) await writeFileDurable(path.join(dirs.store, `${name}.json`), data, { keepBackup: true });
      for (const f of await partFiles(dirs.store)) {
        if (!checked.parts.has(f.replace(/\.json$/, ''))) await fs.rm(path.join(dirs.store, f), { force: true });
      }
      await fsyncDir(dirs.store);

      // c. Attachments the folder lacked (already hashed and fsynced in staging).
      let attachmentsAdded = 0;
      const touched = new Set<string>();
      for (const [rel, stagedFile] of checked.staged) {
        const dest = path.join(dirs.files, rel);
        if (await exists(dest)) continue; // same content under the same sha256 name
        await fs.mkdir(path.dirname(dest), { recursive: true });
        await fs.rename(stagedFile, dest);
        touched.add(path.dirname(dest));
        attachmentsAdded++;
      }
      for (const d of touched) await fsyncDir(d);
      if (touched.size > 0) await fsyncDir(dirs.files);

      // d. Audit: the local log is a hash chain and stays whole. Into a folder with no log the backup's log
      //    comes in as it is; otherwise the backup's months that differ are kept beside it.
      let auditFiles = 0;
      let auditKeptAside = 0;
      const aside = `restored-${st}`;
      const localHasLog = (await monthFiles(dirs.audit)).length > 0;
      for (const [rel, data] of checked.audit) {
        const local = path.join(dirs.audit, rel);
        let dest = local;
        if (localHasLog) {
          if ((await exists(local)) && (await fs.readFile(local)).equals(data)) continue;
          dest = path.join(dirs.audit, aside, rel);
          auditKeptAside++;
        }
        await fs.mkdir(path.dirname(dest), { recursive: true });
        await writeFileDurable(dest, data);
        auditFiles++;
      }

      // e. Record the new parts in the manifest with one audit entry, reload, then remove the marker.
      const contents = [...checked.inspection.contents];
      const notes = [`新增附件${attachmentsAdded}个`, `操作日志文件${auditFiles}个`];
      if (auditKeptAside > 0)
        notes.push(`本机已有操作日志，备份中与本机不同的${auditKeptAside}个月份文件放在 audit/${aside}/（本机日志的校验链保持完整）`);
      notes.push(`恢复前的数据已另存为备份“${safety.name}”`);
      await target.reload({
        method: 'backupFile.restore',
        entity: `backupFile:${path.basename(file)}`,
        summary: `${opts.note ?? ''}从备份文件 ${path.basename(file)}（${checked.inspection.createdAt ? bureauDateOf(checked.inspection.createdAt) : ''} 生成）恢复全部数据：${contents.join('、')}；${notes.join('；')}。`,
        after: {
          file,
          createdAt: checked.inspection.createdAt,
          parts: checked.parts.size,
          attachmentsAdded,
          auditFiles,
          safetyBackup: safety.name,
        },
      });
      await fs.rm(marker, { force: true });
      await fsyncDir(dirs.root);
      return {
        restoredFrom: file,
        safetyBackup: safety.name,
        parts: checked.parts.size,
        attachmentsAdded,
        auditFiles,
        contents: [...contents, ...notes],
      };
    });
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/**
 * Restore without an open store: the recovery path when the folder is empty or the store cannot open
 * (a damaged part). Takes the folder's lock like the app does.
 */
export async function restoreBackupFileOffline(
  dataDir: string,
  file: string,
  opts: { clock: Clock; operator?: string },
): Promise<RestoreReport> {
  const dirs = dataDirs(path.resolve(dataDir));
  for (const d of [dirs.store, dirs.files, dirs.backups, dirs.audit]) await fs.mkdir(d, { recursive: true });
  const lock = await acquireLock(dirs.root);
  try {
    const operator = opts.operator ?? '';
    return await restoreBackupFile(
      file,
      {
        dirs,
        backups: new Backups(dirs.backups, dirs.store),
        clock: opts.clock,
        schemaVersion: SCHEMA_VERSION,
        exclusive: (job) => job(),
        reload: async (info) => {
          const journal = await PartJournal.open(dirs.store, dirs.audit, { reconcile: false });
          await journal.adoptDisk(opts.clock(), operator, info);
        },
      },
      { note: '（离线恢复）' },
    );
  } finally {
    await lock.release();
  }
}

/** A Chinese warning when a restore into this folder was interrupted (its marker is still there); null otherwise. */
export async function interruptedRestoreWarning(dataDir: string): Promise<string | null> {
  try {
    const marker = JSON.parse(await fs.readFile(path.join(dataDir, RESTORE_MARKER), 'utf8')) as { from?: string; safetyBackup?: string };
    return `上次从备份文件“${marker.from ?? '（未知）'}”恢复数据时程序中断，数据文件夹中可能新旧数据混杂。请重新执行同一恢复，或在“备份与恢复”中恢复快照“${marker.safetyBackup ?? '（未知）'}”找回恢复前的数据。`;
  } catch {
    return null;
  }
}
