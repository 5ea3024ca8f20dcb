/**
 * Run the loopback web host:
 *   tsx electron/core/web-main.ts [--data DIR | --data-root DIR] [--role-file FILE] [--role=expert|secretariat | --expert]
 *                                 [--open FILE]… [--port N] [--demo] [--token T]
 * `--data DIR` opens that folder (role from --role/--expert, else 秘书处工作台; no role file). Otherwise the role comes from
 * --role, else the role file (default: the per-user one), else the first-start question; each role has its own folder
 * (`--data-root DIR`: DIR/data and DIR/expert-data; default: the per-user folders). `--open FILE` hands a file over as a
 * double-click would. Prints `DESK_URL=<url>` once listening (tests read that line) and runs until SIGINT/SIGTERM.
 */
import path from 'node:path';
import { defaultDataDir, defaultRoleFile, rendererDistDir } from './paths.js';
import { startWebHost, type WebHost } from './rpc/web-host.js';
import { toApiError } from './rpc/errors.js';
import { createLauncher, type Launcher } from './launcher.js';
import { roleFromArgs, type DeskRole } from './domain/roles.js';

export interface WebRunOptions {
  /** An explicit data folder (then no role file). */
  dataDir?: string;
  /** Role folders under this folder (data/, expert-data/) instead of the per-user ones. */
  dataRoot?: string;
  roleFile?: string;
  role?: DeskRole;
  port?: number;
  demo?: boolean;
  /** 专家模式 (an expert's laptop); the same as role 'expert'. */
  expert?: boolean;
  token?: string;
  /** Files to open, as if double-clicked. */
  open?: string[];
}

/** Open the desk for the role and serve it; resolves once listening with a function that stops both. */
export async function runWebHost(opts: WebRunOptions): Promise<WebHost & { stop(): Promise<void>; launcher: Launcher }> {
  const argRole = opts.role ?? (opts.expert ? 'expert' : undefined);
  const launcher = createLauncher({
    host: 'web',
    demo: opts.demo ?? false,
    argRole,
    dataDir: opts.dataDir,
    roleFile: opts.dataDir !== undefined ? undefined : (opts.roleFile ?? defaultRoleFile()),
    dataDirFor: (role) => (opts.dataRoot ? path.join(opts.dataRoot, role === 'expert' ? 'expert-data' : 'data') : defaultDataDir(role)),
  });
  await launcher.start();
  for (const file of opts.open ?? []) await launcher.openFile(path.resolve(file));
  const host = await startWebHost({
    desk: launcher,
    rendererDir: rendererDistDir(),
    ...(opts.port ? { port: opts.port } : {}),
    ...(opts.token ? { token: opts.token } : {}),
  });
  return {
    ...host,
    launcher,
    stop: async () => {
      await host.close();
      await launcher.close();
    },
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function args(name: string): string[] {
  return process.argv.flatMap((a, i) => (a === name && process.argv[i + 1] ? [process.argv[i + 1]!] : []));
}

const isMain = process.argv[1] && /web-main\.(ts|js)$/.test(process.argv[1]);
if (isMain) {
  const role = roleFromArgs(process.argv.slice(2));
  runWebHost({
    ...(arg('--data') ? { dataDir: arg('--data')! } : {}),
    ...(arg('--data-root') ? { dataRoot: arg('--data-root')! } : {}),
    ...(arg('--role-file') ? { roleFile: arg('--role-file')! } : {}),
    ...(role ? { role } : {}),
    port: Number(arg('--port') ?? 0),
    demo: process.argv.includes('--demo'),
    open: args('--open'),
    ...(arg('--token') ? { token: arg('--token')! } : {}),
  }).then(
    (host) => {
      const state = host.launcher.role();
      process.stdout.write(
        `${state.dataDir ? `数据文件夹：${state.dataDir}` : '本机用途尚未选择：打开下面的地址后先选择这台电脑的用途。'}\nDESK_URL=${host.url}\n`,
      );
      const stop = () => void host.stop().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (err: unknown) => {
      process.stderr.write(`无法启动：${toApiError(err).message}\n`);
      process.exit(1);
    },
  );
}
