import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../contract/system.js';
import { bureauStamp } from '../domain/bureau-time.js';
import { fsyncDir, writeFileDurable } from './durable-file.js';

export const KEEP_DAILY = 30;
const INFO_FILE = 'backup.json';

/** Snapshots of the store's JSON parts under <data>/backups/<name>/ (attachments are immutable, not copied). */
export class Backups {
  constructor(
    private readonly dir: string,
    private readonly storeDir: string,
  ) {}

  /** Copy every part file (not .bak/.tmp) into a new snapshot folder. */
  async snapshot(name: string, kind: BackupInfo['kind'], at: Date): Promise<BackupInfo> {
    const target = path.join(this.dir, name);
    const staging = `${target}.partial`;
    await fs.rm(staging, { recursive: true, force: true });
    await fs.mkdir(staging, { recursive: true });
    const files = await partFiles(this.storeDir);
    for (const f of files) await fs.copyFile(path.join(this.storeDir, f), path.join(staging, f));
    const info: BackupInfo = { name, createdAt: at.toISOString(), kind, parts: files.length };
    await writeFileDurable(path.join(staging, INFO_FILE), JSON.stringify(info));
    await fs.rm(target, { recursive: true, force: true });
    await fs.rename(staging, target);
    await fsyncDir(this.dir);
    return info;
  }

  async list(): Promise<BackupInfo[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return [];
    }
    const out: BackupInfo[] = [];
    for (const n of names) {
      if (n.endsWith('.partial')) continue;
      try {
        out.push(JSON.parse(await fs.readFile(path.join(this.dir, n, INFO_FILE), 'utf8')) as BackupInfo);
      } catch {
        // not a snapshot folder
      }
    }
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** Keep the newest `keep` daily snapshots; other kinds are kept. */
  async prune(keep = KEEP_DAILY): Promise<void> {
    const daily = (await this.list()).filter((b) => b.kind === 'daily');
    for (const old of daily.slice(keep)) await fs.rm(path.join(this.dir, old.name), { recursive: true, force: true });
  }

  /** Part files of a snapshot (name -> text), read whole so a restore can be checked before it applies. */
  async read(name: string): Promise<Map<string, string>> {
    if (!/^[\w.-]+$/.test(name)) throw new Error(`bad backup name ${name}`);
    const folder = path.join(this.dir, name);
    const out = new Map<string, string>();
    for (const f of await partFiles(folder)) out.set(f, await fs.readFile(path.join(folder, f), 'utf8'));
    return out;
  }
}

export async function partFiles(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((f) => f.endsWith('.json') && f !== INFO_FILE && !f.startsWith('.')).sort();
  } catch {
    return [];
  }
}

/** Filesystem-safe stamp of an instant in bureau time (UTC+8): 20261125-053000 */
export function stamp(at: Date): string {
  return bureauStamp(at);
}
