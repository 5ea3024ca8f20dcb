import { fontInfoList } from '../documents/fonts/registry.js';
import type { AreaHandlers } from './types.js';

export const systemHandlers: AreaHandlers<'system.info' | 'audit.list' | 'backups.list' | 'backups.restore' | 'tasks.cancel'> = {
  'tasks.cancel': (input, ctx) => ({ cancelled: ctx.tasks.cancel(input.taskId) }),
  'system.info': (_input, ctx) => ({
    appVersion: ctx.appVersion,
    schemaVersion: ctx.store.schemaVersion,
    dataDir: ctx.store.dirs.root,
    host: ctx.host,
    fonts: fontInfoList(),
  }),
  'audit.list': (input, ctx) => ctx.store.audit.list(input.limit, input.entity),
  'backups.list': (_input, ctx) => ctx.store.backups.list(),
  'backups.restore': (input, ctx) => ctx.store.restore(input.name),
};
