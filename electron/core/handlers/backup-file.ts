/** 备份文件: the whole data folder to one file, and restore from it. */
import { DeskError } from '../contract/errors.js';
import type { AreaHandlers } from './types.js';

type Methods = 'backupFile.create' | 'backupFile.inspect' | 'backupFile.restore';

// Placeholder until this area is built (every method must have exactly one handler).
function notYet(name: string): never {
  throw new DeskError('INTERNAL', `功能 ${name} 尚未完成。`);
}

export const backupFileHandlers: AreaHandlers<Methods> = {
  'backupFile.create': () => notYet('backupFile.create'),
  'backupFile.inspect': () => notYet('backupFile.inspect'),
  'backupFile.restore': () => notYet('backupFile.restore'),
};
