/**
 * Bench rows: the whole data folder backed up to one file and restored from it. A folder with 1 GB of
 * attachments (400 × 2.5 MB random, sha256-addressed under files/) and the synthetic store parts; backup
 * create, inspect, and restore into a new empty folder, against a raw sequential copy of the same bytes
 * into one file (read, write, fsync) measured here on the same disk ('disk copy').
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store } from '../../electron/core/store/store.js';
import { SCHEMA_VERSION } from '../../electron/core/store/parts.js';
import { createBackupFile, listFiles } from '../../electron/core/backup-file/create.js';
import { inspectBackupFile } from '../../electron/core/backup-file/inspect.js';
import { restoreBackupFileOffline } from '../../electron/core/backup-file/restore.js';
import { writeSyntheticStore } from './synthetic.js';
import { timeIt, type Row } from './stats.js';

const FILES = 400;
const FILE_BYTES = 2.5 * 1024 * 1024;

async function diskCopy(sources: string[], target: string): Promise<void> {
  const out = await fs.open(target, 'w');
  try {
    for (const s of sources)
      for await (const chunk of createReadStream(s, { highWaterMark: 1024 * 1024 })) await out.write(chunk as Buffer);
    await out.sync();
  } finally {
    await out.close();
  }
}

export async function backupRows(): Promise<Row[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-bench-backup-'));
  const clock = () => new Date('2026-11-25T02:30:00.000Z');
  try {
    const src = path.join(dir, 'src');
    await writeSyntheticStore(path.join(src, 'store'));
    for (let i = 0; i < FILES; i++) {
      const data = randomBytes(FILE_BYTES);
      const sha = createHash('sha256').update(data).digest('hex');
      await fs.mkdir(path.join(src, 'files', sha.slice(0, 2)), { recursive: true });
      await fs.writeFile(path.join(src, 'files', sha.slice(0, 2), sha), data);
    }
    const sources = [
      ...(await listFiles(path.join(src, 'store'))).map((f) => path.join(src, 'store', f)),
      ...(await listFiles(path.join(src, 'files'))).map((f) => path.join(src, 'files', f)),
    ];
    let bytes = 0;
    for (const s of sources) bytes += (await fs.stat(s)).size;
    const mb = bytes / 1048576;

    const copyMs = await timeIt(() => diskCopy(sources, path.join(dir, 'disk-copy.bin')));
    await fs.rm(path.join(dir, 'disk-copy.bin'));

    const store = await Store.open(src, { clock });
    const target = path.join(dir, 'usb');
    await fs.mkdir(target);
    let file = '';
    const createMs = await timeIt(async () => {
      file = (await createBackupFile({ store, targetDir: target, now: clock(), createdBy: 'bench', appVersion: 'bench' })).path;
    });
    await store.close();

    let ok = false;
    const inspectMs = await timeIt(async () => {
      ok = (await inspectBackupFile(file, { schemaVersion: SCHEMA_VERSION })).ok;
    });
    if (!ok) throw new Error('bench backup did not pass inspection');

    const empty = path.join(dir, 'restored');
    let added = 0;
    const restoreMs = await timeIt(async () => {
      added = (await restoreBackupFileOffline(empty, file, { clock, operator: 'bench' })).attachmentsAdded;
    });
    if (added !== FILES) throw new Error(`restore added ${added} attachments, expected ${FILES}`);

    const label = `${(mb / 1024).toFixed(2)} GB (${FILES} attachments + ${(mb - (FILES * FILE_BYTES) / 1048576).toFixed(1)} MB parts)`;
    const rate = (ms: number): number => mb / (ms / 1000);
    return [
      { measure: `backup file create, ${label}`, result: createMs, unit: 'ms', baseline: Math.round(copyMs), baselineName: 'disk copy' },
      {
        measure: 'backup file create throughput (higher is better)',
        result: rate(createMs),
        unit: 'MB/s',
        baseline: Math.round(rate(copyMs)),
        baselineName: 'disk copy',
      },
      {
        measure: `backup file inspect (re-hash every entry), ${label}`,
        result: inspectMs,
        unit: 'ms',
        baseline: Math.round(copyMs),
        baselineName: 'disk copy',
      },
      {
        measure: `backup file restore into empty folder (check + copy), ${label}`,
        result: restoreMs,
        unit: 'ms',
        baseline: Math.round(copyMs),
        baselineName: 'disk copy',
      },
      {
        measure: 'backup file restore throughput (higher is better)',
        result: rate(restoreMs),
        unit: 'MB/s',
        baseline: Math.round(rate(copyMs)),
        baselineName: 'disk copy',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
