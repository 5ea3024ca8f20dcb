/**
 * Run the loopback web host on a data folder:
 *   tsx electron/core/web-main.ts [--data DIR] [--port N] [--demo] [--expert] [--token T]
 * Prints `DESK_URL=<url>` once listening (tests read that line) and runs until SIGINT/SIGTERM.
 */
import { openDesk } from './app.js';
import { defaultDataDir, rendererDistDir } from './paths.js';
import { startWebHost, type WebHost } from './rpc/web-host.js';
import { toApiError } from './rpc/errors.js';

export interface WebRunOptions {
  dataDir: string;
  port?: number;
  demo?: boolean;
  /** 专家模式 (an expert's laptop). */
  expert?: boolean;
  token?: string;
}

/** Open the desk and serve it; resolves once listening with a function that stops both. */
export async function runWebHost(opts: WebRunOptions): Promise<WebHost & { stop(): Promise<void> }> {
  const desk = await openDesk({ dataDir: opts.dataDir, host: 'web', demo: opts.demo ?? false, expert: opts.expert ?? false });
  const host = await startWebHost({
    desk,
    rendererDir: rendererDistDir(),
    ...(opts.port ? { port: opts.port } : {}),
    ...(opts.token ? { token: opts.token } : {}),
  });
  return {
    ...host,
    stop: async () => {
      await host.close();
      await desk.close();
    },
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const isMain = process.argv[1] && /web-main\.(ts|js)$/.test(process.argv[1]);
if (isMain) {
  const dataDir = arg('--data') ?? defaultDataDir();
  runWebHost({
    dataDir,
    port: Number(arg('--port') ?? 0),
    demo: process.argv.includes('--demo'),
    expert: process.argv.includes('--expert'),
    ...(arg('--token') ? { token: arg('--token')! } : {}),
  }).then(
    (host) => {
      process.stdout.write(`数据文件夹：${dataDir}\nDESK_URL=${host.url}\n`);
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
