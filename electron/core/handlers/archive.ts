/** 年度档案: seal a year into one zip, unseal with a reason, verify an archive. */
import { DeskError } from '../contract/errors.js';
import type { AreaHandlers } from './types.js';

type Methods = 'archive.years' | 'archive.seal' | 'archive.unseal' | 'archive.verify';

// Placeholder until this area is built (every method must have exactly one handler).
function notYet(name: string): never {
  throw new DeskError('INTERNAL', `功能 ${name} 尚未完成。`);
}

export const archiveHandlers: AreaHandlers<Methods> = {
  'archive.years': () => notYet('archive.years'),
  'archive.seal': () => notYet('archive.seal'),
  'archive.unseal': () => notYet('archive.unseal'),
  'archive.verify': () => notYet('archive.verify'),
};
