/**
 * The store's record of every part file it has written, kept so that no part is ever silently empty:
 * `store/parts.manifest` holds, per file, the generation and sha256 of its last durable content, and the
 * audit chain's head. Every write goes through commit():
 *
 *   1. the audit entry, naming the new generation and sha256 of each part it writes, is appended durably;
 *   2. the part files are written durably (temp, fsync, rename, fsync the folder; the old one kept as .bak);
 *   3. the manifest is written.
 *
 * A kill after 1 leaves an entry whose parts still hold their old content: open() drops that last entry
 * (the write never happened). A kill after 2 leaves a manifest one entry behind: open() rolls it forward
 * from the entry. So the audit log names exactly the writes that became durable, and a part the manifest
 * names that is missing or differs is refused, never read as empty.
 */
import { promises as fs } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import path from 'node:path';
import { DeskError } from '../contract/errors.js';
import type { AuditEntry, PartVersion } from '../contract/system.js';
import { AuditLog } from './audit-log.js';
import { EMPTY_HEAD, sha256Hex, type ChainHead } from './audit-chain.js';
import { writeFileDurable } from './durable-file.js';

export const MANIFEST_FILE = 'parts.manifest';
/** Commits between two writes of the manifest, and the quiet time after which it is written anyway. */
const SAVE_EVERY = 64;
const SAVE_DELAY_MS = 1500;

export interface AuditInfo {
  method: string;
  entity: string;
  summary: string;
  before?: unknown;
  after?: unknown;
}

interface ManifestData {
  format: 1;
  parts: Record<string, { generation: number; sha256: string }>;
  audit: ChainHead;
}

/** One file's new content in a commit: text, or null to remove the file. */
export interface PartChange {
  file: string;
  text: string | null;
}

/** Who is at the machine (the OS account and the machine's name), recorded beside the operator name. */
function osIdentity(): { osUser: string; machine: string } {
  let osUser: string;
  try {
    osUser = userInfo().username;
  } catch {
    osUser = process.env.USERNAME ?? process.env.USER ?? '';
  }
  return { osUser, machine: hostname() };
}

export class PartJournal {
  private readonly identity = osIdentity();

  private constructor(
    private readonly storeDir: string,
    readonly audit: AuditLog,
    private manifest: ManifestData,
    /** What open() repaired, said in Chinese (empty when nothing). */
    readonly repairs: string[],
  ) {}

  /** Load the manifest, repair the audit log's tail and bring both into agreement with the part files. */
  static async open(storeDir: string, auditDir: string, opts: { reconcile?: boolean } = {}): Promise<PartJournal> {
    const audit = new AuditLog(auditDir);
    const repairs: string[] = [];
    if ((await audit.open()).repairedTornLine) repairs.push('操作日志最后一行在程序中断时未写完，已移除（该次写入没有发生）。');
    const stored = await readManifest(storeDir);
    const manifest: ManifestData = stored ?? { format: 1, parts: {}, audit: EMPTY_HEAD };
    const journal = new PartJournal(storeDir, audit, manifest, repairs);
    if (opts.reconcile !== false) await journal.reconcile(stored === null);
    return journal;
  }

  /** Replay the entries after the manifest's head; drop a last entry whose write did not land. */
  private async reconcile(noManifest: boolean): Promise<void> {
    const tail = await this.audit.entriesAfter(noManifest ? 0 : this.manifest.audit.seq);
    if (tail.length === 0 && !noManifest) return;
    const parts = { ...this.manifest.parts };
    const previous = new Map<string, { generation: number; sha256: string } | undefined>();
    tail.forEach((e, i) => {
      for (const p of e.parts ?? []) {
        if (i === tail.length - 1) previous.set(p.file, parts[p.file]);
        if (p.sha256 === null) delete parts[p.file];
        else parts[p.file] = { generation: p.generation, sha256: p.sha256 };
      }
    });
    const last = tail.at(-1);
    if (last?.parts?.length && last.seq) {
      const actual = await Promise.all(last.parts.map((p) => this.hashOf(p.file)));
      const landed = last.parts.every((p, i) => actual[i] === p.sha256);
      const notLanded = last.parts.every((p, i) => actual[i] === (previous.get(p.file)?.sha256 ?? null));
      if (!landed && notLanded && (await this.audit.dropLast(last.seq))) {
        for (const p of last.parts) {
          const before = previous.get(p.file);
          if (before) parts[p.file] = before;
          else delete parts[p.file];
        }
        this.repairs.push(`上次程序中断时正在进行的写入（${last.summary}）没有完成，数据保持写入前的状态，其日志记录已移除。`);
      }
    }
    this.manifest = { format: 1, parts, audit: this.audit.chainHead };
    await this.saveManifest();
  }

  /** The generation and sha256 the manifest expects of `file` (undefined: never written by this store). */
  expected(file: string): { generation: number; sha256: string } | undefined {
    return this.manifest.parts[file];
  }

  get auditHead(): ChainHead {
    return this.manifest.audit;
  }

  /**
   * Check a part's bytes (null: the file is missing) against the manifest; throws STORE_CORRUPT naming
   * the file and what is wrong. A file the manifest does not know yet is accepted (and adopted).
   */
  check(file: string, text: string | null, corrupt: (reason: string) => Promise<DeskError>): Promise<void> {
    const want = this.manifest.parts[file];
    if (!want) {
      if (text !== null) this.manifest.parts[file] = { generation: 0, sha256: sha256Hex(text) };
      return Promise.resolve();
    }
    if (text === null) return corrupt(`文件缺失，而数据清单记录它已写入第${want.generation}版`).then((e) => Promise.reject(e));
    if (sha256Hex(text) !== want.sha256)
      return corrupt(`内容与数据清单记录的第${want.generation}版不符（可能被替换为旧版本或被改动）`).then((e) => Promise.reject(e));
    return Promise.resolve();
  }

  /** Audit entry first, then the part files, then the manifest (see the module comment). */
  async commit(at: Date, operator: string, info: AuditInfo, changes: readonly PartChange[]): Promise<AuditEntry> {
    const versions: PartVersion[] = changes.map((c) => ({
      file: c.file,
      generation: (this.manifest.parts[c.file]?.generation ?? 0) + 1,
      sha256: c.text === null ? null : sha256Hex(c.text),
    }));
    const entry = await this.audit.append({
      at: at.toISOString(),
      operator,
      ...this.identity,
      ...info,
      ...(versions.length ? { parts: versions } : {}),
    });
    try {
      for (const c of changes) {
        const target = path.join(this.storeDir, c.file);
        if (c.text === null) await fs.rm(target, { force: true });
        else await writeFileDurable(target, c.text, { keepBackup: true });
      }
    } catch (err) {
      // The process lives on: take the entry back so the log names only writes that happened. A part
      // written before the failure keeps its new content and is named in the next open's repair.
      if (changes.length === 1) await this.audit.dropLast(entry.seq!).catch(() => undefined);
      throw err;
    }
    for (const v of versions) {
      if (v.sha256 === null) delete this.manifest.parts[v.file];
      else this.manifest.parts[v.file] = { generation: v.generation, sha256: v.sha256 };
    }
    this.manifest.audit = this.audit.chainHead;
    await this.saveLater();
    return entry;
  }

  private unsaved = 0;
  private saveTimer: NodeJS.Timeout | undefined;

  /**
   * The manifest is a checkpoint: the audit entries after its head are replayed on open, so it need not
   * be written on every commit (that would add two fsyncs to each write). It is written every
   * SAVE_EVERY commits, a moment after the last one, and on close.
   */
  private async saveLater(): Promise<void> {
    if (++this.unsaved >= SAVE_EVERY) return this.flush();
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.flush().catch(() => undefined), SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  /** Write the manifest now if commits are not yet in it (close calls this). */
  async flush(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.unsaved === 0) return;
    this.unsaved = 0;
    await this.saveManifest();
  }

  /**
   * After files were replaced outside commit() (a restore): record every part file as it now is, in one
   * audit entry naming the files that changed.
   */
  async adoptDisk(at: Date, operator: string, info: AuditInfo): Promise<void> {
    await this.audit.open(); // a restore into an empty folder may have brought the log
    const files = (await fs.readdir(this.storeDir)).filter((f) => f.endsWith('.json') && !f.startsWith('.')).sort();
    const now: Record<string, string> = {};
    for (const f of files) now[f] = sha256Hex(await fs.readFile(path.join(this.storeDir, f), 'utf8'));
    const versions: PartVersion[] = [];
    for (const [file, sha256] of Object.entries(now)) {
      const had = this.manifest.parts[file];
      if (had?.sha256 !== sha256) versions.push({ file, generation: (had?.generation ?? 0) + 1, sha256 });
    }
    for (const [file, had] of Object.entries(this.manifest.parts))
      if (!(file in now)) versions.push({ file, generation: had.generation + 1, sha256: null });
    await this.audit.append({ at: at.toISOString(), operator, ...this.identity, ...info, ...(versions.length ? { parts: versions } : {}) });
    for (const v of versions) {
      if (v.sha256 === null) delete this.manifest.parts[v.file];
      else this.manifest.parts[v.file] = { generation: v.generation, sha256: v.sha256 };
    }
    this.manifest.audit = this.audit.chainHead;
    await this.saveManifest();
  }

  /** Record `file` as written outside a commit with no audit entry (only the meta part of a new folder). */
  async recordUnaudited(file: string, text: string): Promise<void> {
    this.manifest.parts[file] = { generation: (this.manifest.parts[file]?.generation ?? 0) + 1, sha256: sha256Hex(text) };
    await this.saveManifest();
  }

  private async hashOf(file: string): Promise<string | null> {
    try {
      return sha256Hex(await fs.readFile(path.join(this.storeDir, file), 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  private async saveManifest(): Promise<void> {
    this.unsaved = 0;
    clearTimeout(this.saveTimer);
    const snapshot = JSON.stringify(this.manifest);
    await writeFileDurable(path.join(this.storeDir, MANIFEST_FILE), `${snapshot}\n`);
  }
}

/** The manifest as stored (null: none yet). A manifest that does not parse is refused like a corrupt part. */
export async function readManifest(storeDir: string): Promise<ManifestData | null> {
  const file = path.join(storeDir, MANIFEST_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const data = JSON.parse(text) as ManifestData;
    if (data.format !== 1 || typeof data.parts !== 'object' || typeof data.audit?.seq !== 'number') throw new Error('format');
    return data;
  } catch {
    throw new DeskError(
      'STORE_CORRUPT',
      `数据清单 ${MANIFEST_FILE} 已损坏，程序没有改动任何数据。请在命令行运行 npm run desk -- --list-backups 查看备份后恢复。`,
      { file },
    );
  }
}

/** For tools that only read (the verifier): the audit head the manifest records, if any. */
export async function manifestHead(storeDir: string): Promise<ChainHead | undefined> {
  return (await readManifest(storeDir).catch(() => null))?.audit;
}
