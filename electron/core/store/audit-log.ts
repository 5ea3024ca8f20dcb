import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AuditEntry } from '../contract/system.js';
import { bureauDate } from '../domain/clock.js';
import { appendLineDurable, fsyncDir } from './durable-file.js';
import { chainLine, EMPTY_HEAD, parseLine, verifyChain, type ChainHead, type ChainReport, type UnchainedEntry } from './audit-chain.js';

const MONTH_FILE = /^\d{4}-\d{2}\.jsonl$/;

/** The month files of an audit folder, oldest first. */
export async function monthFiles(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((f) => MONTH_FILE.test(f)).sort();
  } catch {
    return [];
  }
}

/**
 * Append-only audit log, one JSON line per entry, one file per bureau month (audit/2026-11.jsonl),
 * hash-chained across the files (see audit-chain.ts). Call open() before the first append: it repairs a
 * line torn by a kill and finds the chain's head.
 */
export class AuditLog {
  private head: ChainHead = EMPTY_HEAD;
  /** The month file the head is in: an entry never goes into an older file (a clock set back). */
  private headFile = '';
  private opened = false;

  constructor(private readonly dir: string) {}

  /** Repair a torn last line (a kill during an append: that write never happened) and load the head. */
  async open(): Promise<{ repairedTornLine: boolean }> {
    await fs.mkdir(this.dir, { recursive: true });
    const files = await monthFiles(this.dir);
    let repairedTornLine = false;
    this.head = EMPTY_HEAD;
    this.headFile = files.at(-1) ?? '';
    const last = files.at(-1);
    if (last) {
      const file = path.join(this.dir, last);
      const text = await fs.readFile(file, 'utf8');
      if (text.length > 0 && !text.endsWith('\n')) {
        // An append writes the line and its newline at once: text after the last newline is a torn line.
        const cut = text.lastIndexOf('\n') + 1;
        await fs.truncate(file, Buffer.byteLength(text.slice(0, cut)));
        repairedTornLine = true;
      }
      for (let i = files.length - 1; i >= 0; i--) {
        const lines = (await fs.readFile(path.join(this.dir, files[i]!), 'utf8')).split('\n').filter(Boolean);
        const line = lines.at(-1);
        if (line === undefined) continue;
        const p = parseLine(line);
        if (p.kind === 'chained') this.head = { seq: p.entry.seq, hash: p.entry.hash };
        break;
      }
    }
    this.opened = true;
    return { repairedTornLine };
  }

  get chainHead(): ChainHead {
    return this.head;
  }

  /** Chain the entry after the head and append it durably (fsynced before this resolves). */
  async append(entry: UnchainedEntry): Promise<AuditEntry> {
    if (!this.opened) await this.open();
    const chained = chainLine(entry, this.head);
    const month = `${bureauDate(new Date(entry.at)).slice(0, 7)}.jsonl`;
    const fileName = month > this.headFile ? month : this.headFile || month;
    const isNew = fileName !== this.headFile;
    await appendLineDurable(path.join(this.dir, fileName), chained.line);
    if (isNew) await fsyncDir(this.dir);
    this.head = chained.head;
    this.headFile = fileName;
    return chained.entry;
  }

  /**
   * Remove the last entry when it is `seq`: its write did not become durable (the part write failed, or
   * a kill came between the entry and the part). Only ever the very last line.
   */
  async dropLast(seq: number): Promise<boolean> {
    const file = path.join(this.dir, this.headFile);
    const text = await fs.readFile(file, 'utf8').catch(() => '');
    const body = text.endsWith('\n') ? text.slice(0, -1) : text;
    const cut = body.lastIndexOf('\n') + 1;
    const p = parseLine(body.slice(cut));
    if (p.kind !== 'chained' || p.entry.seq !== seq) return false;
    await fs.truncate(file, Buffer.byteLength(body.slice(0, cut)));
    await this.open();
    return true;
  }

  /** Chained entries after `seq`, oldest first (read from the newest file back). */
  async entriesAfter(seq: number): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    const files = await monthFiles(this.dir);
    for (let i = files.length - 1; i >= 0; i--) {
      const lines = (await fs.readFile(path.join(this.dir, files[i]!), 'utf8')).split('\n').filter(Boolean).reverse();
      for (const line of lines) {
        const p = parseLine(line);
        if (p.kind !== 'chained') continue;
        if (p.entry.seq <= seq) return out.reverse();
        out.push(p.entry);
      }
    }
    return out.reverse();
  }

  /** Check the whole chain; `expectedHead` (from the part manifest) catches entries cut from the end. */
  async verify(expectedHead?: ChainHead): Promise<ChainReport> {
    const files = await monthFiles(this.dir);
    const read = [];
    for (const f of files) {
      const text = await fs.readFile(path.join(this.dir, f), 'utf8');
      read.push({ name: f, lines: (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n') });
    }
    return verifyChain(read, expectedHead);
  }

  /** Newest first. Reads month files from the newest back until `limit` entries are found. */
  async list(limit: number, entity?: string): Promise<AuditEntry[]> {
    const files = (await monthFiles(this.dir)).reverse();
    const out: AuditEntry[] = [];
    for (const f of files) {
      const lines = (await fs.readFile(path.join(this.dir, f), 'utf8')).split('\n').filter(Boolean).reverse();
      for (const line of lines) {
        const p = parseLine(line);
        if (p.kind === 'unparsable') continue; // shown by the verifier (设置 › 操作日志 › 校验日志), never fatal here
        const e = p.entry;
        if (entity && e.entity !== entity) continue;
        out.push(e);
        if (out.length >= limit) return out;
      }
    }
    return out;
  }
}
