/** 备份文件: the whole data folder to one file, and restore from it (see backup-file/*). */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DeskError } from '../contract/errors.js';
import { SCHEMA_VERSION } from '../store/parts.js';
import { createBackupFile } from '../backup-file/create.js';
import { inspectBackupFile } from '../backup-file/inspect.js';
import { restoreBackupFile } from '../backup-file/restore.js';
import type { AreaHandlers, HandlerContext } from './types.js';

type Methods = 'backupFile.create' | 'backupFile.inspect' | 'backupFile.restore';

/** Default target: <data>/exports/备份/ */
export function defaultBackupDir(ctx: HandlerContext): string {
  return path.join(ctx.store.dirs.exports, '备份');
}

function operator(ctx: HandlerContext): string {
  return ctx.store.read('settings').settings.operatorName || '未署名';
}

/** Run as a cancellable task with progress events (bytes done of total). */
function asTask<T>(
  ctx: HandlerContext,
  taskId: string,
  label: string,
  work: (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<T>,
): Promise<T> {
  return ctx.tasks.run(taskId, label, (signal) => {
    ctx.emit('progress', { taskId, label, done: 0, total: 0 }); // registered: a cancel now lands
    return work(signal, (done, total) => ctx.emit('progress', { taskId, label, done, total }));
  });
}

export const backupFileHandlers: AreaHandlers<Methods> = {
  'backupFile.create': async (input, ctx) => {
    const targetDir = input.targetDir ? path.resolve(input.targetDir) : defaultBackupDir(ctx);
    if (!input.targetDir) await fs.mkdir(targetDir, { recursive: true });
    return asTask(ctx, input.taskId, '备份全部数据', (signal, onProgress) =>
      createBackupFile({
        store: ctx.store,
        targetDir,
        now: ctx.clock(),
        createdBy: operator(ctx),
        appVersion: ctx.appVersion,
        signal,
        onProgress,
      }),
    );
  },

  'backupFile.inspect': (input) => inspectBackupFile(path.resolve(input.path), { schemaVersion: SCHEMA_VERSION }),

  'backupFile.restore': async (input, ctx) => {
    const file = path.resolve(input.path);
    const store = ctx.store;
    try {
      return await asTask(ctx, input.taskId, '从备份文件恢复', (signal, onProgress) =>
        restoreBackupFile(
          file,
          {
            dirs: store.dirs,
            backups: store.backups,
            clock: ctx.clock,
            schemaVersion: SCHEMA_VERSION,
            exclusive: (job) => store.exclusive(job),
            reload: (info) => store.reloadAll(info),
          },
          { signal, onProgress },
        ),
      );
    } catch (err) {
      if (err instanceof DeskError && err.code === 'CANCELLED') throw new DeskError('CANCELLED', '已取消恢复，数据没有任何改动。');
      throw err;
    }
  },
};
