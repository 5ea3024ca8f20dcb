import { promises as fs } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { DeskError } from '../contract/errors.js';
import { bureauDateTimeTextOf } from '../domain/bureau-time.js';

const LOCK_FILE = 'desk.lock';

export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process owns a data folder at a time. A lock left by a dead process on this machine is
 * reported as stale and taken over with a note in the returned value (never silently).
 */
export async function acquireLock(dataDir: string): Promise<{ release(): Promise<void>; staleFrom?: LockInfo }> {
  const file = path.join(dataDir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  let staleFrom: LockInfo | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(file, JSON.stringify(mine), { flag: 'wx' });
      return {
        staleFrom,
        release: async () => {
          await fs.rm(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let other: LockInfo | undefined;
    try {
      other = JSON.parse(await fs.readFile(file, 'utf8')) as LockInfo;
    } catch {
      other = undefined; // unreadable lock: treat as stale
    }
    const sameHost = other?.host === mine.host;
    if (other && (!sameHost || isAlive(other.pid)) && other.pid !== process.pid) {
      throw new DeskError(
        'STORE_LOCKED',
        `数据文件夹正被另一个程序使用（进程 ${other.pid}，计算机 ${other.host}，自 ${bureauDateTimeTextOf(other.startedAt)} 起）。请先关闭那个窗口再打开；如确认该程序已不在运行，可删除 ${file} 后重试。`,
        { file, owner: other },
      );
    }
    staleFrom = other;
    await fs.rm(file, { force: true });
  }
  throw new DeskError('STORE_LOCKED', `无法锁定数据文件夹 ${dataDir}，请稍后重试。`);
}
