/** 安装与本机: the role (the launcher answers it in the hosts), the file to open, 关于 and 导出诊断信息. */
import { promises as fs } from 'node:fs';
import { DeskError } from '../contract/errors.js';
import type { RoleState } from '../contract/setup.js';
import { startRouteOf } from '../domain/roles.js';
import { fontInfoList } from '../documents/fonts/registry.js';
import { buildDiagnostics } from '../services/diagnostics.js';
import { writeExport } from '../store/exports.js';
import type { AreaHandlers, HandlerContext } from './types.js';

/** Runtime versions worth telling IT support (node, v8, and electron/chrome when the desktop host runs). */
function runtimeVersions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['node', 'electron', 'chrome', 'v8', 'openssl', 'modules'] as const) {
    const v = process.versions[key];
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}

/** Free and total bytes of the disk holding `dir` (fs.statfs), or null where the system does not say. */
export async function diskSpace(dir: string): Promise<{ free: number; total: number } | null> {
  try {
    const s = await fs.statfs(dir);
    return { free: s.bavail * s.bsize, total: s.blocks * s.bsize };
  } catch {
    return null;
  }
}

/** Without a launcher (tests, the CLI) the role is the one the desk was opened with, and cannot change here. */
function fixedRole(ctx: HandlerContext): RoleState {
  const role = ctx.expertMode ? 'expert' : 'secretariat';
  return { role, source: 'argument', dataDir: ctx.store.dirs.root, roleFile: null, changeable: false, startRoute: startRouteOf(role) };
}

export const setupHandlers: AreaHandlers<
  'setup.role' | 'setup.chooseRole' | 'setup.takeOpenFile' | 'setup.about' | 'setup.exportDiagnostics'
> = {
  'setup.role': (_input, ctx) => fixedRole(ctx),
  'setup.chooseRole': () => {
    throw new DeskError('INVALID_STATE', '本机用途由启动方式决定，不能在此更改。');
  },
  'setup.takeOpenFile': (_input, ctx) => ctx.openFiles?.take() ?? null,
  'setup.about': async (_input, ctx) => ({
    appVersion: ctx.appVersion,
    schemaVersion: ctx.store.schemaVersion,
    host: ctx.host,
    role: ctx.expertMode ? 'expert' : 'secretariat',
    dataDir: ctx.store.dirs.root,
    versions: runtimeVersions(),
    platform: `${process.platform} ${process.arch}`,
    fonts: fontInfoList(),
    disk: await diskSpace(ctx.store.dirs.root),
  }),
  'setup.exportDiagnostics': async (_input, ctx) => {
    const { fileName, data } = await buildDiagnostics({
      store: ctx.store,
      expertMode: ctx.expertMode ?? false,
      clock: ctx.clock,
      versions: { app: ctx.appVersion, host: ctx.host, platform: `${process.platform} ${process.arch}`, ...runtimeVersions() },
    });
    return writeExport(ctx.store.dirs.exports, fileName, data);
  },
};
