import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../../electron/core/store/store.js';
import { tempDir } from '../../helpers/temp.js';

const KILLS = 50;
const writer = path.join(import.meta.dirname, 'writer.ts');

/** Start the writer, let it run a random while after it is ready, SIGKILL it; resolve with the last acknowledged number. */
function runAndKill(dataDir: string, runMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!timer && out.includes('READY')) timer = setTimeout(() => child.kill('SIGKILL'), runMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited on its own: ${err}`));
      const acks = [...out.matchAll(/ACK (\d+)/g)].map((m) => Number(m[1]));
      resolve(acks.length ? acks[acks.length - 1]! : -1);
    });
  });
}

describe('crash safety', () => {
  const t = tempDir('desk-crash-');
  afterAll(() => t.cleanup());

  it(`keeps every acknowledged write across ${KILLS} SIGKILLs, and the audit log agrees with the store both ways`, async () => {
    let lastAck = 0;
    let totalAcked = 0;
    let acknowledgedWrites = 0;
    let repaired = 0;
    for (let i = 0; i < KILLS; i++) {
      const ack = await runAndKill(t.dir, 20 + Math.floor(Math.random() * 180));
      if (ack > 0) {
        totalAcked++;
        acknowledgedWrites += ack - lastAck;
        lastAck = ack;
      }
      const store = await Store.open(t.dir, { clock: () => new Date() });
      repaired += store.repairs.length;
      const n = store.read('counters').counters.n ?? 0;
      // every acknowledged write is there; at most the one in flight when killed is extra
      expect(n).toBeGreaterThanOrEqual(lastAck);
      expect(n).toBeLessThanOrEqual(lastAck + 1);
      // store -> audit and audit -> store: an entry for exactly the writes that became durable, in order
      const entries = (await store.audit.list(1_000_000)).filter((e) => e.method === 'crash.write').reverse();
      expect(entries.map((e) => e.summary)).toEqual(Array.from({ length: n }, (_, k) => `write ${k + 1}`));
      if (n > 0) {
        const onDisk = createHash('sha256')
          .update(readFileSync(path.join(t.dir, 'store', 'counters.json')))
          .digest('hex');
        expect(entries.at(-1)!.parts).toEqual([{ file: 'counters.json', generation: n, sha256: onDisk }]);
      }
      // and the chain verifies, up to the head the manifest records
      const verified = await store.verifyAudit();
      expect(verified.problem).toBeUndefined();
      expect(verified.ok).toBe(true);
      lastAck = n;
      await store.close();
    }
    expect(totalAcked).toBeGreaterThan(KILLS / 2);
    console.log(
      `crash test: ${KILLS} kills, ${acknowledgedWrites} acknowledged writes, ${lastAck} durable writes, ${repaired} interrupted writes repaired on open; audit and store agreed after every kill`,
    );
  }, 300_000);
});
