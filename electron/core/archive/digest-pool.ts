/**
 * SM3 and the 四性检测 inspection of archive entries on worker threads. sm-crypto-v2 hashes whole buffers
 * only (it exports no incremental SM3) at about 80–100 MB/s, so computed in line it would bound sealing and
 * verifying far below the disk's speed. Instead the main thread reads each entry once, hashes SHA-256 and
 * writes the zip while streaming, then hands the entry's bytes (transferred, not copied) to the least busy
 * worker and goes on with the next entry; `room()` holds the reader back while too many bytes wait. An
 * attachment whose SM3 was remembered at upload (store/digests.ts) is only inspected (`inspect()`).
 * One pool serves the process (`digestPool()`): started on first use (a worker takes a second or two to
 * load), its threads hold the process open only while they have work, and stop after a minute without any.
 *
 * The worker script: in the Electron bundle, dist-electron/digest-worker.cjs next to main.cjs (built by
 * build/build-electron.mjs, which defines __DESK_DIGEST_WORKER__); from source (web host, tests, scripts),
 * digest-worker.ts loaded through tsx's loader registered in the new thread.
 */
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { moduleDir, nodeRequire } from '../base/node-require.js';
import type { Inspection } from './inspect.js';

declare const __DESK_DIGEST_WORKER__: string | undefined;

export interface DigestJob {
  id: number;
  path: string;
  data: Uint8Array;
  /** Compute SM3 (false: its SM3 is already known, see store/digests.ts). */
  sm3: boolean;
  /** Inspect the bytes for the 四性检测 as well (inspect.ts). */
  inspect: boolean;
}

export type DigestAnswer = { id: number; sm3: string | null; inspection: Inspection | null } | { id: number; error: string };

export interface Digest {
  sm3: string;
  /** Null when not asked for. */
  inspection: Inspection | null;
}

interface Answer {
  sm3: string | null;
  inspection: Inspection | null;
}

interface Pending {
  resolve: (a: Answer) => void;
  reject: (err: Error) => void;
  bytes: number;
  slot: Slot;
}

interface Slot {
  worker: Worker;
  bytes: number;
}

/** Bytes handed to workers and not yet answered before `room()` waits (a few entries per worker). */
const DEFAULT_BACKLOG = 48 * 1024 * 1024;
/** Workers stop after this long without work. */
const IDLE_MS = 60_000;

function startWorker(): Worker {
  if (typeof __DESK_DIGEST_WORKER__ === 'string') return new Worker(path.join(moduleDir(), __DESK_DIGEST_WORKER__));
  // tsx's ESM API (package.json "exports" → "./esm/api" → "import"), registered inside the new thread.
  const tsxDir = path.dirname(nodeRequire().resolve('tsx/package.json'));
  const tsxPackage = nodeRequire()('tsx/package.json') as { exports: { './esm/api': { import: { default: string } } } };
  const tsxApi = pathToFileURL(path.join(tsxDir, tsxPackage.exports['./esm/api'].import.default)).href;
  const script = new URL('./digest-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(boot, { eval: true, execArgv: [] });
}

export class DigestPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly waiting: (() => void)[] = [];
  private nextId = 1;
  private backlog = 0;
  private broken: Error | null = null;
  private closed = false;
  private idle: NodeJS.Timeout | null = null;

  constructor(
    size = Math.max(1, Math.min(4, os.availableParallelism())),
    private readonly maxBacklog = DEFAULT_BACKLOG,
  ) {
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: startWorker(), bytes: 0 };
      slot.worker.unref();
      slot.worker.on('message', (a: DigestAnswer) => this.answer(a));
      slot.worker.on('error', (err) => this.fail(err));
      slot.worker.on('exit', (code) => {
        if (!this.closed) this.fail(new Error(`digest worker stopped (exit code ${code})`));
      });
      this.slots.push(slot);
    }
    this.rest();
  }

  /** Whether it can take work (not closed, no worker failed). */
  get usable(): boolean {
    return !this.closed && !this.broken;
  }

  /**
   * SM3 (and, with `inspect`, the inspection) of `data`. With `owned`, the caller gives the bytes up: a buffer
   * that owns its whole ArrayBuffer is moved to the worker without a copy (and is empty afterwards).
   */
  async digest(entryPath: string, data: Uint8Array, opts: { inspect: boolean; owned?: boolean }): Promise<Digest> {
    const a = await this.post(entryPath, data, { ...opts, sm3: true });
    return { sm3: a.sm3!, inspection: a.inspection };
  }

  /** The inspection alone, of an entry whose SM3 is already known (`owned` as for `digest`). */
  async inspect(entryPath: string, data: Uint8Array, opts: { owned?: boolean } = {}): Promise<Inspection> {
    return (await this.post(entryPath, data, { ...opts, sm3: false, inspect: true })).inspection!;
  }

  private post(entryPath: string, data: Uint8Array, opts: { sm3: boolean; inspect: boolean; owned?: boolean }): Promise<Answer> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.closed) return Promise.reject(new Error('digest pool closed'));
    const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer;
    const bytes = opts.owned && whole ? data : new Uint8Array(data);
    const slot = this.slots.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    const id = this.nextId++;
    const job: DigestJob = { id, path: entryPath, data: bytes, sm3: opts.sm3, inspect: opts.inspect };
    const size = bytes.byteLength;
    return new Promise<Answer>((resolve, reject) => {
      if (this.pending.size === 0) this.busy();
      this.pending.set(id, { resolve, reject, bytes: size, slot });
      slot.bytes += size;
      this.backlog += size;
      slot.worker.postMessage(job, [bytes.buffer as ArrayBuffer]);
    });
  }

  /** Resolves once fewer than the allowed bytes wait for the workers (at once when the pool has failed). */
  room(): Promise<void> {
    if (this.backlog < this.maxBacklog || this.broken) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.idle) clearTimeout(this.idle);
    this.fail(new Error('digest pool closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private answer(a: DigestAnswer): void {
    const p = this.pending.get(a.id);
    if (!p) return;
    this.pending.delete(a.id);
    p.slot.bytes -= p.bytes;
    this.backlog -= p.bytes;
    if ('error' in a) p.reject(new Error(a.error));
    else p.resolve({ sm3: a.sm3, inspection: a.inspection });
    if (this.backlog < this.maxBacklog) for (const w of this.waiting.splice(0)) w();
    if (this.pending.size === 0) this.rest();
  }

  /** Work waits: the threads keep the process alive until it is answered. */
  private busy(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    for (const s of this.slots) s.worker.ref();
  }

  /** Nothing waits: let the process exit, and stop the threads if nothing comes for a while. */
  private rest(): void {
    for (const s of this.slots) s.worker.unref();
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.close(), IDLE_MS);
    this.idle.unref();
  }

  private fail(err: Error): void {
    this.broken ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.backlog = 0;
    for (const w of this.waiting.splice(0)) w();
    for (const s of this.slots) s.worker.unref();
  }
}

let shared: DigestPool | null = null;

/** The process's pool, started on first use and again after it stopped (idle) or a worker failed. */
export function digestPool(): DigestPool {
  if (!shared?.usable) {
    void shared?.close();
    shared = new DigestPool();
  }
  return shared;
}
