/** 首页/统计: chart figures, deadlines, reminders; charts saved as PNG. */
import { DeskError } from '../contract/errors.js';
import type { AreaHandlers } from './types.js';

type Methods = 'stats.dashboard' | 'stats.savePng';

// Placeholder until this area is built (every method must have exactly one handler).
function notYet(name: string): never {
  throw new DeskError('INTERNAL', `功能 ${name} 尚未完成。`);
}

export const dashboardHandlers: AreaHandlers<Methods> = {
  'stats.dashboard': () => notYet('stats.dashboard'),
  'stats.savePng': () => notYet('stats.savePng'),
};
