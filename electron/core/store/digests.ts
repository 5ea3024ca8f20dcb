/**
 * Remembered SM3 of attachments: <data>/digests/ab/<sha256>, a derived cache beside (never inside) files/,
 * so backups (files/ab/<64-hex> only) and restores ignore it and deleting the folder loses nothing but time.
 * SM3 (GB/T 32905) runs in pure JS at under 100 MB/s, so the archive seal would spend most of its time on it;
 * an attachment's SM3 is computed once when the file enters the data folder (archive/attachment-sm3.ts) and
 * the seal reuses it when the SHA-256 it reads equals the name the file is stored under (same bytes).
 *
 * A record is one line of JSON naming the attachment's SHA-256, its SM3 and a check (SHA-256 of both): a
 * record that does not parse, names another attachment, or whose check fails (a flipped bit, a torn or
 * truncated write, a file copied under the wrong name) is treated as absent, never as empty, and the SM3
 * is computed again. The cache is not a security boundary: the verifier (archive/verify.ts) recomputes
 * every SM3 from the archive's bytes.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileDurable } from './durable-file.js';

const HEX64 = /^[0-9a-f]{64}$/;

export interface DigestRecord {
  sha256: string;
  sm3: string;
  check: string;
}

function checkOf(sha256: string, sm3: string): string {
  return createHash('sha256').update(`ipc-desk-digest:${sha256}:${sm3}`).digest('hex');
}

/** The record for `sha256`'s SM3, as written (one line of JSON). */
export function digestRecord(sha256: string, sm3: string): string {
  const record: DigestRecord = { sha256, sm3, check: checkOf(sha256, sm3) };
  return `${JSON.stringify(record)}\n`;
}

/** The SM3 a record holds for `sha256`, or null when the record is not a valid one for it. */
export function parseDigestRecord(sha256: string, text: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Partial<Record<keyof DigestRecord, unknown>>;
  if (typeof r.sha256 !== 'string' || typeof r.sm3 !== 'string' || typeof r.check !== 'string') return null;
  if (r.sha256 !== sha256 || !HEX64.test(r.sm3) || r.check !== checkOf(r.sha256, r.sm3)) return null;
  return r.sm3;
}

export class AttachmentDigests {
  constructor(readonly dir: string) {}

  pathOf(sha256: string): string {
    if (!HEX64.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** The remembered SM3 of the attachment stored as `sha256`, or null (none, unreadable, or not a valid record). */
  async sm3Of(sha256: string): Promise<string | null> {
    if (!HEX64.test(sha256)) return null;
    let text: string;
    try {
      const handle = await fs.open(this.pathOf(sha256), 'r');
      try {
        // A record is ~230 bytes; anything much larger is not one.
        const buf = Buffer.alloc(1024);
        const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
        if (bytesRead === buf.length) return null;
        text = buf.toString('utf8', 0, bytesRead);
      } finally {
        await handle.close();
      }
    } catch {
      return null;
    }
    return parseDigestRecord(sha256, text);
  }

  /** Remember `sm3` for the attachment stored as `sha256` (atomically: a reader sees the old record or the new one). */
  async remember(sha256: string, sm3: string): Promise<void> {
    if (!HEX64.test(sm3)) throw new Error(`not an SM3 digest: ${sm3}`);
    const file = this.pathOf(sha256);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileDurable(file, digestRecord(sha256, sm3));
  }
}
