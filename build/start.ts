/**
 * `npm start [-- --data <dir>] [--demo] [--port <n>] [--no-build] [--expert]`
 * `--expert` opens 专家模式 (#/expert): the expert's laptop, which shows only an imported review package.
 * Runs the Electron app when an Electron binary is installed; otherwise serves the same renderer and
 * API on a loopback web host (this machine cannot download Electron).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDesk } from '../electron/core/app.js';
import { defaultDataDir } from '../electron/core/paths.js';
import { startWebHost } from '../electron/core/rpc/web-host.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererDir = path.join(root, 'dist', 'renderer');
const mainBundle = path.join(root, 'dist-electron', 'main.cjs');

interface StartArgs {
  dataDir: string | undefined;
  demo: boolean;
  port: number | undefined;
  build: boolean;
  /** Open 专家模式 (#/expert) instead of the secretariat desk. */
  expert: boolean;
}

/** The renderer's hash route for 专家模式. */
const EXPERT_ROUTE = '#/expert';

function parseStartArgs(argv: readonly string[]): StartArgs {
  const out: StartArgs = { dataDir: undefined, demo: false, port: undefined, build: true, expert: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} 需要一个值 / ${flag} needs a value`);
      return v;
    };
    if (flag === '--data') out.dataDir = path.resolve(value());
    else if (flag === '--demo') out.demo = true;
    else if (flag === '--no-build') out.build = false;
    else if (flag === '--expert') out.expert = true;
    else if (flag === '--port') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`无效端口 / invalid port: ${n}`);
      out.port = n;
    } else throw new Error(`未知参数 / unknown option: ${argv[i]}`);
  }
  return out;
}

/** Path of the Electron executable, or null when the package's binary was never downloaded. */
function findElectronBinary(repoRoot = root): string | null {
  const pkgDir = path.join(repoRoot, 'node_modules', 'electron');
  const pathTxt = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const rel = readFileSync(pathTxt, 'utf8').trim();
  const exe = rel ? path.join(pkgDir, 'dist', rel) : '';
  return exe && existsSync(exe) ? exe : null;
}

function runBuild(): void {
  console.log('正在构建界面（npm run build）… / building (npm run build)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) throw new Error(`npm run build 失败 / failed (exit ${r.status ?? r.signal})`);
}

function runElectron(exe: string, args: StartArgs, dataDir: string): void {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DESK_DATA_DIR: dataDir,
    DESK_DEMO: args.demo ? '1' : '',
    DESK_EXPERT: args.expert ? '1' : '',
  };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(exe, [root], { cwd: root, env, stdio: 'inherit' });
  const forward = (sig: NodeJS.Signals) => () => child.kill(sig);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function runWeb(args: StartArgs, dataDir: string): Promise<void> {
  console.log(
    '未找到 Electron 可执行文件（此机器无法下载），改用本机网页模式。' +
      ' / No Electron binary found (it cannot be downloaded here); using the local web host instead.',
  );
  const desk = await openDesk({ dataDir, host: 'web', demo: args.demo, expert: args.expert });
  const web = await startWebHost({ desk, rendererDir, ...(args.port !== undefined ? { port: args.port } : {}) });
  const url = args.expert ? `${web.url}${EXPERT_ROUTE}` : web.url;
  console.log(args.expert ? `专家模式，请在浏览器打开：${url}` : `请在浏览器打开：${url}`);
  let closing = false;
  const shutdown = (sig: string) => {
    if (closing) return;
    closing = true;
    console.log(`收到 ${sig}，正在关闭… / closing…`);
    web
      .close()
      .then(() => desk.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          console.error('关闭时出错 / error while closing:', err);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

async function main(): Promise<void> {
  const args = parseStartArgs(process.argv.slice(2));
  const dataDir = args.dataDir ?? defaultDataDir();
  console.log(`数据文件夹 / data folder: ${dataDir}`);
  const exe = findElectronBinary();
  const needs = [path.join(rendererDir, 'index.html'), ...(exe ? [mainBundle] : [])];
  if (needs.some((f) => !existsSync(f))) {
    if (args.build) runBuild();
    else console.warn('未构建且指定了 --no-build / build output missing and --no-build given');
  }
  if (exe) runElectron(exe, args, dataDir);
  else await runWeb(args, dataDir);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
