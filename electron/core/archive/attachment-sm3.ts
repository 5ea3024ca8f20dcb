/**
 * An attachment's SM3, computed once when the file enters the data folder and remembered in <data>/digests
 * (store/digests.ts), so that sealing the year's archive (seal.ts) need not compute it again. The SM3 runs on
 * a digest-pool worker: a 50 MB upload does not hold up the core's event loop. Failing to remember it never
 * fails the upload: the seal computes what is not remembered (and remembers it then).
 */
import { createHash } from 'node:crypto';
import type { Store } from '../store/store.js';
import { digestPool } from './digest-pool.js';

export async function rememberAttachmentSm3(store: Store, sha256: string, log?: (line: string) => void): Promise<void> {
  try {
    if (await store.digests.sm3Of(sha256)) return;
    const data = await store.attachments.read(sha256);
    // Only the SM3 of the bytes the name stands for is remembered (a stored copy that has rotted is not).
    if (createHash('sha256').update(data).digest('hex') !== sha256) return;
    const { sm3 } = await digestPool().digest(sha256, data, { inspect: false, owned: true });
    await store.digests.remember(sha256, sm3);
  } catch (err) {
    log?.(`[attachments] SM3 of ${sha256} not remembered: ${err instanceof Error ? err.message : String(err)}`);
  }
}
