import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AuditEntry } from '../contract/system.js';
import { appendLineDurable } from './durable-file.js';

/** Append-only audit log, one JSON line per write, one file per month (audit/2026-11.jsonl). */
export class AuditLog {
  constructor(private readonly dir: string) {}

  async append(entry: AuditEntry): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    await appendLineDurable(path.join(this.dir, `${entry.at.slice(0, 7)}.jsonl`), JSON.stringify(entry));
  }

  /** Newest first. Reads month files from the newest back until `limit` entries are found. */
  async list(limit: number, entity?: string): Promise<AuditEntry[]> {
    let files: string[];
    try {
      files = (await fs.readdir(this.dir)).filter((f) => /^\d{4}-\d{2}\.jsonl$/.test(f)).sort().reverse();
    } catch {
      return [];
    }
    const out: AuditEntry[] = [];
    for (const f of files) {
      const lines = (await fs.readFile(path.join(this.dir, f), 'utf8')).split('\n').filter(Boolean).reverse();
      for (const line of lines) {
        let e: AuditEntry;
        try {
          e = JSON.parse(line) as AuditEntry;
        } catch {
          continue; // a torn last line after a kill is skipped, never fatal
        }
        if (entity && e.entity !== entity) continue;
        out.push(e);
        if (out.length >= limit) return out;
      }
    }
    return out;
  }
}
