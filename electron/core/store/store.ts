import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { DeskError } from '../contract/errors.js';
import type { BackupInfo } from '../contract/system.js';
import type { Clock } from '../domain/clock.js';
import { bureauDate } from '../domain/clock.js';
import { DurableJsonAdapter, CorruptPartError, readPartText, parsePartText, partText } from './adapter.js';
import { exists } from './durable-file.js';
import type { AuditLog } from './audit-log.js';
import { Attachments } from './attachments.js';
import { AttachmentDigests } from './digests.js';
import { Backups, stamp } from './backups.js';
import { PartJournal, type AuditInfo, type PartChange } from './part-journal.js';
import { acquireLock } from './lock.js';
import {
  SCHEMA_VERSION,
  partSpecs,
  partNames,
  partFileName,
  keyedPartSpecs,
  keyedFileName,
  type PartName,
  type PartData,
  type KeyedKind,
  type KeyedData,
} from './parts.js';
import { migrationPath, migrations as defaultMigrations, type Migration } from './migrations.js';
import { validateParts, corruptMessage, newestGoodBackup } from './validate.js';

export type { AuditInfo } from './part-journal.js';

export interface StoreOptions {
  clock: Clock;
  /** Who is working (recorded in the audit log). */
  operator?: () => string;
  migrations?: readonly Migration[];
  schemaVersion?: number;
  /** false: take no daily snapshots (专家模式: drafts must not linger in backups/). Default true. */
  dailySnapshots?: boolean;
}

export interface DataDirs {
  root: string;
  store: string;
  files: string;
  backups: string;
  audit: string;
  exports: string;
  /** Remembered SM3 of attachments (derived, store/digests.ts). */
  digests: string;
}

export function dataDirs(root: string): DataDirs {
  return {
    root,
    store: path.join(root, 'store'),
    files: path.join(root, 'files'),
    backups: path.join(root, 'backups'),
    audit: path.join(root, 'audit'),
    exports: path.join(root, 'exports'),
    digests: path.join(root, 'digests'),
  };
}

type Parts = { [P in PartName]: Low<PartData<P>> };

/**
 * The store open on each folder in this process. Opening a folder again (a host restarted in the same
 * process, or a test reopening after a simulated crash) fences the earlier instance: its queued writes are
 * refused and the one running is let finish before the folder is read, so two writers never interleave.
 */
const openStores = new Map<string, Store>();

/**
 * The local store: small JSON parts held by lowdb with a durable adapter, one write queue, an audit
 * entry for every write, a daily snapshot on the first write of each day.
 */
export class Store {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private keyed = new Map<string, Promise<Low<unknown>>>();
  /** Throws when a year may not be written (年度档案已封存); set once by openDesk. */
  private yearGuard?: (year: number) => void;
  /** Bureau date of the last daily snapshot taken or found (so the check touches the disk once a day). */
  private snapshotDay = '';
  /** The attachment files (<data>/files, content-addressed by sha256). */
  readonly attachments: Attachments;
  /** The attachments' remembered SM3 (<data>/digests, a derived cache). */
  readonly digests: AttachmentDigests;

  private constructor(
    readonly dirs: DataDirs,
    private parts: Parts,
    private readonly opts: StoreOptions,
    private readonly journal: PartJournal,
    readonly backups: Backups,
    private readonly releaseLock: () => Promise<void>,
    /** Set when the folder's lock was left by a process that no longer runs (it was taken over). */
    readonly staleLock?: { pid: number; host: string; startedAt: string },
  ) {
    this.attachments = new Attachments(dirs.files);
    this.digests = new AttachmentDigests(dirs.digests);
  }

  static async open(dataDir: string, opts: StoreOptions): Promise<Store> {
    const dirs = dataDirs(path.resolve(dataDir));
    for (const d of [dirs.store, dirs.files, dirs.backups, dirs.audit, dirs.exports]) await fs.mkdir(d, { recursive: true });
    const lock = await acquireLock(dirs.root);
    const backups = new Backups(dirs.backups, dirs.store);
    try {
      await openStores.get(dirs.root)?.fence();
      const journal = await PartJournal.open(dirs.store, dirs.audit);
      const parts = await loadParts(dirs, backups, opts, journal);
      const store = new Store(dirs, parts, opts, journal, backups, lock.release, lock.staleFrom);
      openStores.set(dirs.root, store);
      return store;
    } catch (err) {
      await lock.release();
      throw err;
    }
  }

  /** The audit log (hash-chained; every entry of a write names the part versions it made durable). */
  get audit(): AuditLog {
    return this.journal.audit;
  }

  /** What opening repaired (a write cut off by a kill), as Chinese sentences; empty when nothing. */
  get repairs(): readonly string[] {
    return this.journal.repairs;
  }

  /** Check the audit chain, including entries cut from its end (the manifest records the head). */
  verifyAudit(): ReturnType<AuditLog['verify']> {
    return this.journal.audit.verify(this.journal.auditHead);
  }

  /** The generation and sha256 the part journal records for a file of store/ (undefined: not a part it knows). */
  partVersion(file: string): { generation: number; sha256: string } | undefined {
    return this.journal.expected(file);
  }

  get schemaVersion(): number {
    return this.parts.meta.data.schemaVersion;
  }

  /** Current data of a part (do not mutate: use write()). */
  read<P extends PartName>(part: P): Readonly<PartData<P>> {
    return this.parts[part].data as PartData<P>;
  }

  /**
   * Apply `mutate` to a copy of the part, write it durably, then append the audit entry. Resolves only
   * when both are on disk. If `mutate` throws, nothing changes.
   */
  write<P extends PartName, R>(part: P, mutate: (draft: PartData<P>) => R, audit: (result: R) => AuditInfo): Promise<R> {
    return this.enqueue(async () => {
      await this.dailySnapshot();
      return this.apply(
        this.parts[part] as Low<PartData<P>>,
        partFileName(part),
        mutate,
        audit,
        () => partSpecs[part].initial() as PartData<P>,
      );
    });
  }

  /** The keys of a kind's parts that exist on disk (e.g. the years with a centers-<year> part), sorted. */
  async keyedKeys(kind: KeyedKind): Promise<string[]> {
    const prefix = `${kind}-`;
    const names = await fs.readdir(this.dirs.store).catch(() => [] as string[]);
    return names
      .filter((n) => n.startsWith(prefix) && n.endsWith('.json'))
      .map((n) => n.slice(prefix.length, -'.json'.length))
      .filter((key) => keyedPartSpecs[kind].pattern.test(key))
      .sort();
  }

  /** A keyed part (e.g. the applications of batch 2026-1), loaded from disk on first use. */
  async readKeyed<K extends KeyedKind>(kind: K, key: string): Promise<Readonly<KeyedData<K>>> {
    return (await this.loadKeyed(kind, key)).data as KeyedData<K>;
  }

  /** Refuse writes to the keyed parts of a year (batch-2026-1, scores-, designation-, centers-2026) when `guard` throws. */
  setYearGuard(guard: (year: number) => void): void {
    this.yearGuard = guard;
  }

  /** Like write(), for a keyed part. */
  writeKeyed<K extends KeyedKind, R>(
    kind: K,
    key: string,
    mutate: (draft: KeyedData<K>) => R,
    audit: (result: R) => AuditInfo,
  ): Promise<R> {
    return this.enqueue(async () => {
      this.yearGuard?.(Number(key.slice(0, 4))); // every keyed part's key starts with its year
      const low = (await this.loadKeyed(kind, key)) as Low<KeyedData<K>>;
      await this.dailySnapshot();
      return this.apply(low, keyedFileName(kind, key), mutate, audit, () => keyedPartSpecs[kind].initial() as KeyedData<K>);
    });
  }

  /**
   * Mutate the part in place (no copy of a large part on every write), then commit it through the part
   * journal: the audit entry (naming the new version), the part file, the manifest. If the mutation
   * throws or the write fails, the part is reloaded from disk, which still holds the last committed state.
   */
  private async apply<T, R>(
    low: Low<T>,
    file: string,
    mutate: (draft: T) => R,
    audit: (result: R) => AuditInfo,
    initial: () => T,
  ): Promise<R> {
    let result: R;
    try {
      result = mutate(low.data);
      await this.commit(audit(result), [{ file, text: partText(low.data) }]);
    } catch (err) {
      await this.reload(low, initial);
      throw err;
    }
    return result;
  }

  private async reload<T>(low: Low<T>, initial: () => T): Promise<void> {
    low.data = (await low.adapter.read()) ?? initial(); // null: never written yet
  }

  private commit(info: AuditInfo, changes: readonly PartChange[]): Promise<unknown> {
    return this.journal.commit(this.opts.clock(), this.operator(), info, changes);
  }

  private operator(): string {
    return this.opts.operator?.() ?? '';
  }

  private loadKeyed(kind: KeyedKind, key: string): Promise<Low<unknown>> {
    const file = keyedFileName(kind, key);
    let loading = this.keyed.get(file);
    if (!loading) {
      loading = (async () => {
        const full = path.join(this.dirs.store, file);
        const low = new Low<unknown>(new DurableJsonAdapter(full), null);
        const text = await readPartText(full);
        await this.journal.check(
          file,
          text,
          async (reason) => new DeskError('STORE_CORRUPT', await corruptMessage(full, reason, this.backups), { file: full }),
        );
        try {
          low.data = text === null ? null : parsePartText(full, text);
        } catch (err) {
          if (err instanceof CorruptPartError)
            throw new DeskError('STORE_CORRUPT', await corruptMessage(err.file, err.reason, this.backups), { file: err.file });
          throw err;
        }
        const parsed = keyedPartSpecs[kind].schema.safeParse(low.data ?? keyedPartSpecs[kind].initial());
        if (!parsed.success)
          throw new DeskError('STORE_CORRUPT', await corruptMessage(path.join(this.dirs.store, file), '内容不符合数据格式', this.backups));
        low.data = parsed.data;
        return low;
      })();
      loading.catch(() => this.keyed.delete(file));
      this.keyed.set(file, loading);
    }
    return loading;
  }

  /** Restore the JSON parts from a snapshot; the current data is kept as a `before-restore` snapshot first. */
  restore(name: string): Promise<{ restored: string; safetyBackup: string; parts: number }> {
    return this.enqueue(async () => {
      const result = await restoreParts(this.dirs, this.backups, this.journal, name, this.opts);
      this.parts = await loadParts(this.dirs, this.backups, this.opts, this.journal);
      this.keyed.clear();
      return result;
    });
  }

  /**
   * Run `job` alone on the write queue: no write starts until it settles (a consistent copy of every part,
   * or replacing them all at once). The job must not call write()/writeKeyed() (they would wait for it).
   */
  exclusive<R>(job: () => Promise<R>): Promise<R> {
    return this.enqueue(job);
  }

  /**
   * After a job inside exclusive() replaced the part files (a backup-file restore): record them in the
   * manifest with one audit entry, re-read every part and drop the keyed cache.
   */
  async reloadAll(
    info: AuditInfo = { method: 'store.reload', entity: 'store', summary: '数据文件已整体替换（恢复），按现有文件更新数据清单' },
  ): Promise<void> {
    // Read the new parts first (unchecked: the manifest still describes the replaced ones), so the entry
    // names the operator of the restored settings; then record the files as they are now.
    this.parts = await loadParts(this.dirs, this.backups, this.opts, null);
    this.keyed.clear();
    await this.journal.adoptDisk(this.opts.clock(), this.operator(), info);
  }

  /** Append an audit entry for work done inside exclusive() (stamped with the clock and operator). */
  appendAudit(info: AuditInfo): Promise<void> {
    return this.record(info);
  }

  /** Restore without an open store (the recovery path when a part is corrupt and the app cannot open). */
  static async restoreOffline(
    dataDir: string,
    name: string,
    opts: StoreOptions,
  ): Promise<{ restored: string; safetyBackup: string; parts: number }> {
    const dirs = dataDirs(path.resolve(dataDir));
    const lock = await acquireLock(dirs.root);
    try {
      const journal = await PartJournal.open(dirs.store, dirs.audit);
      return await restoreParts(dirs, new Backups(dirs.backups, dirs.store), journal, name, opts, '（离线恢复）');
    } finally {
      await lock.release();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.catch(() => undefined);
    await this.journal.flush();
    if (openStores.get(this.dirs.root) === this) openStores.delete(this.dirs.root);
    if (!this.fenced) await this.releaseLock();
  }

  private fenced = false;

  /** Refuse every write not yet started and wait for the running one (see openStores). */
  private async fence(): Promise<void> {
    this.fenced = true;
    this.closed = true;
    await this.queue.catch(() => undefined);
  }

  private enqueue<R>(job: () => Promise<R>): Promise<R> {
    if (this.closed) return Promise.reject(new DeskError('INTERNAL', '数据库已关闭，请重新打开程序。'));
    const guarded = (): Promise<R> =>
      this.fenced ? Promise.reject(new DeskError('INTERNAL', '数据文件夹已由另一个窗口重新打开，本窗口的写入未执行。')) : job();
    const run = this.queue.then(guarded, guarded);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async record(info: AuditInfo): Promise<void> {
    await this.commit(info, []);
  }

  /** First write of a bureau day: snapshot the parts as they were, then prune to the last 30. */
  private async dailySnapshot(): Promise<void> {
    if (this.opts.dailySnapshots === false) return;
    const now = this.opts.clock();
    const today = bureauDate(now);
    if (this.snapshotDay === today) return;
    const name = `daily-${today}`;
    if (!(await exists(path.join(this.dirs.backups, name)))) {
      await this.backups.snapshot(name, 'daily', now);
      await this.backups.prune();
    }
    this.snapshotDay = today;
  }
}

function assertNotTooNew(meta: unknown, appVersion: number): void {
  const version = (meta as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > appVersion) {
    throw new DeskError(
      'STORE_TOO_NEW',
      `数据文件夹由较新版本的程序写入（数据版本 ${version}，本程序只支持到 ${appVersion}）。请安装新版程序后再打开；数据未作任何改动。`,
      { dataVersion: version, appVersion },
    );
  }
}

async function loadParts(dirs: DataDirs, backups: Backups, opts: StoreOptions, journal: PartJournal | null): Promise<Parts> {
  const appVersion = opts.schemaVersion ?? SCHEMA_VERSION;
  const raw: Record<string, unknown> = {};
  const lows: Record<string, Low<unknown>> = {};
  for (const name of partNames) {
    const file = path.join(dirs.store, partFileName(name));
    const low = new Low<unknown>(new DurableJsonAdapter(file), null);
    const text = await readPartText(file);
    try {
      low.data = text === null ? null : parsePartText(file, text);
    } catch (err) {
      if (err instanceof CorruptPartError)
        throw new DeskError('STORE_CORRUPT', await corruptMessage(err.file, err.reason, backups), {
          file: err.file,
          newestBackup: (await newestGoodBackup(backups))?.name,
        });
      throw err;
    }
    if (name === 'meta') assertNotTooNew(low.data, appVersion); // a newer app's folder is refused as such, untouched
    await journal?.check(
      partFileName(name),
      text,
      async (reason) =>
        new DeskError('STORE_CORRUPT', await corruptMessage(file, reason, backups), {
          file,
          newestBackup: (await newestGoodBackup(backups))?.name,
        }),
    );
    raw[name] = low.data;
    lows[name] = low;
  }
  const fresh = raw.meta == null;
  const meta = (raw.meta ?? { ...partSpecs.meta.initial(), schemaVersion: appVersion, createdAt: opts.clock().toISOString() }) as {
    schemaVersion: number;
  };
  if (meta.schemaVersion < appVersion) {
    const steps = migrationPath(meta.schemaVersion, appVersion, opts.migrations ?? defaultMigrations);
    await backups.snapshot(`before-migration-${stamp(opts.clock())}`, 'before-migration', opts.clock());
    let parts = raw;
    for (const step of steps) parts = step.migrate(parts);
    Object.assign(raw, parts);
    (raw.meta as { schemaVersion: number }).schemaVersion = appVersion;
    const changes = partNames.filter((name) => raw[name] != null).map((name) => ({ file: partFileName(name), text: partText(raw[name]) }));
    if (!journal) throw new DeskError('STORE_CORRUPT', '恢复的数据需要升级，请重新打开程序。');
    await journal.commit(
      opts.clock(),
      opts.operator?.() ?? '',
      { method: 'store.migrate', entity: 'store', summary: `数据由第${meta.schemaVersion}版升级到第${appVersion}版（升级前已另存快照）` },
      changes,
    );
  }
  const parsed = await validateParts(raw, dirs, backups);
  for (const name of partNames) lows[name]!.data = parsed[name];
  if (fresh) {
    // A new folder: its meta part is the one file written without an audit entry (nothing happened yet).
    lows.meta!.data = { ...(parsed.meta as object), schemaVersion: appVersion };
    await lows.meta!.write();
    await journal?.recordUnaudited(partFileName('meta'), partText(lows.meta!.data));
  }
  return lows as unknown as Parts;
}

async function restoreParts(
  dirs: DataDirs,
  backups: Backups,
  journal: PartJournal,
  name: string,
  opts: StoreOptions,
  note = '',
): Promise<{ restored: string; safetyBackup: string; parts: number }> {
  const available = await backups.list();
  if (!available.some((b) => b.name === name)) throw new DeskError('NOT_FOUND', `找不到名为“${name}”的备份。`);
  const files = await backups.read(name);
  // Check the whole snapshot before anything is replaced.
  const raw: Record<string, unknown> = {};
  for (const [file, text] of files) {
    try {
      raw[file.replace(/\.json$/, '')] = JSON.parse(text);
    } catch {
      throw new DeskError('STORE_CORRUPT', `备份“${name}”中的 ${file} 已损坏，未做任何恢复。请选择另一个备份。`);
    }
  }
  await validateParts(raw, dirs, backups, name);
  const safety: BackupInfo = await backups.snapshot(`before-restore-${stamp(opts.clock())}`, 'before-restore', opts.clock());
  // Parts the snapshot did not have yet go back to their initial state (their files are removed).
  const current = (await fs.readdir(dirs.store)).filter((f) => f.endsWith('.json') && !f.startsWith('.'));
  const changes: PartChange[] = [...files].map(([file, text]) => ({ file, text }));
  for (const f of current) if (!files.has(f)) changes.push({ file: f, text: null });
  await journal.commit(
    opts.clock(),
    opts.operator?.() ?? '',
    { method: 'backups.restore', entity: `backup:${name}`, summary: `${note}从备份 ${name} 恢复，恢复前数据另存为 ${safety.name}` },
    changes,
  );
  return { restored: name, safetyBackup: safety.name, parts: files.size };
}
