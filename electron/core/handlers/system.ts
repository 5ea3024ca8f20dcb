import { fontInfoList } from '../documents/fonts/registry.js';
import type { AreaHandlers } from './types.js';
import { describeChainReport } from '../store/audit-chain.js';

export const systemHandlers: AreaHandlers<
  'system.info' | 'audit.list' | 'audit.verify' | 'backups.list' | 'backups.restore' | 'tasks.cancel'
> = {
  'tasks.cancel': (input, ctx) => ({ cancelled: ctx.tasks.cancel(input.taskId) }),
  'system.info': (_input, ctx) => ({
    appVersion: ctx.appVersion,
    schemaVersion: ctx.store.schemaVersion,
    dataDir: ctx.store.dirs.root,
    host: ctx.host,
    fonts: fontInfoList(),
  }),
  'audit.list': (input, ctx) => ctx.store.audit.list(input.limit, input.entity),
  'audit.verify': async (_input, ctx) => {
    const r = await ctx.store.verifyAudit();
    return {
      ok: r.ok,
      entries: r.entries,
      legacy: r.legacy,
      files: r.files,
      lastSeq: r.head.seq,
      ...(r.problem ? { problem: r.problem } : {}),
      message: describeChainReport(r),
    };
  },
  'backups.list': (_input, ctx) => ctx.store.backups.list(),
  'backups.restore': (input, ctx) => ctx.store.restore(input.name),
};
