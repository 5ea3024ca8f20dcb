import { spawn } from 'node:child_process';
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

  it(`keeps every acknowledged write across ${KILLS} SIGKILLs`, async () => {
    let lastAck = 0;
    let totalAcked = 0;
    for (let i = 0; i < KILLS; i++) {
      const ack = await runAndKill(t.dir, 20 + Math.floor(Math.random() * 180));
      if (ack > 0) {
        totalAcked++;
        lastAck = ack;
      }
      const store = await Store.open(t.dir, { clock: () => new Date() });
      const n = store.read('counters').counters.n ?? 0;
      // every acknowledged write is there; at most the one in flight when killed is extra
      expect(n).toBeGreaterThanOrEqual(lastAck);
      expect(n).toBeLessThanOrEqual(lastAck + 1);
      const audited = (await store.audit.list(1))[0];
      if (lastAck > 0) expect(Number(audited?.summary.split(' ')[1])).toBeGreaterThanOrEqual(lastAck);
      lastAck = n;
      await store.close();
    }
    expect(totalAcked).toBeGreaterThan(KILLS / 2);
  }, 300_000);
});
