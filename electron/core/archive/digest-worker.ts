/**
 * One thread of the digest pool (digest-pool.ts): SM3 and the 四性检测 inspection of an archive entry's bytes,
 * so that neither holds up the main thread reading, SHA-256-hashing and writing the zip. Built into
 * dist-electron/digest-worker.cjs for the Electron host; run from source (through tsx) by the web host and tests.
 */
import { parentPort } from 'node:worker_threads';
import { sm3Hex } from '../exchange/sm3.js';
import { inspectFile } from './inspect.js';
import type { DigestAnswer, DigestJob } from './digest-pool.js';

async function run(job: DigestJob): Promise<DigestAnswer> {
  try {
    const data = Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength);
    const sm3 = job.sm3 ? sm3Hex(data) : null;
    const inspection = job.inspect ? await inspectFile(job.path, data) : null;
    return { id: job.id, sm3, inspection };
  } catch (err) {
    return { id: job.id, error: err instanceof Error ? err.message : String(err) };
  }
}

const port = parentPort;
if (port) port.on('message', (job: DigestJob) => void run(job).then((answer) => port.postMessage(answer)));
