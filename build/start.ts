/**
 * `npm start [-- --data <dir>] [--demo] [--port <n>] [--no-build] [--expert | --role=expert|secretariat]`
 * `--expert` (= `--role=expert`) opens 专家模式 (#/expert): the expert's laptop, which shows only an imported review package.
 * Without `--data` the role's own per-user folder opens; without a role the role file decides, or the first start asks.
 * Runs the Electron app when an Electron binary is installed; otherwise serves the same renderer and
 * API on a loopback web host (this machine cannot download Electron).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLauncher } from '../electron/core/launcher.js';
import { defaultDataDir, defaultRoleFile } from '../electron/core/paths.js';
import { startWebHost } from '../electron/core/rpc/web-host.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererDir = path.join(root, 'dist', 'renderer');
const mainBundle = path.join(root, 'dist-electron', 'main.cjs');

interface StartArgs {
  dataDir: string | undefined;
  demo: boolean;
  port: number | undefined;
  build: boolean;
  /** The role asked for: `--expert` / `--role=expert` opens 专家模式 (#/expert), `--role=secretariat` the secretariat desk. */
  role: 'expert' | 'secretariat' | undefined;
}

/** The renderer's hash route for 专家模式. */
const EXPERT_ROUTE = '#/expert';

function parseStartArgs(argv: readonly string[]): StartArgs {
  const out: StartArgs = { dataDir: undefined, demo: false, port: undefined, build: true, role: undefined };
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
    else if (flag === '--expert') out.role = 'expert';
    else if (flag === '--role') {
      const v = value();
      if (v !== 'expert' && v !== 'secretariat')
        throw new Error(`--role 只能是 expert 或 secretariat / --role must be expert or secretariat: ${v}`);
      out.role = v;
    } else if (flag === '--port') {
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

function runElectron(exe: string, args: StartArgs): void {
  const env: NodeJS.ProcessEnv = { ...process.env, DESK_DATA_DIR: args.dataDir ?? '', DESK_DEMO: args.demo ? '1' : '', DESK_EXPERT: '' };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(exe, [root, ...(args.role ? [`--role=${args.role}`] : [])], { cwd: root, env, stdio: 'inherit' });
  const forward = (sig: NodeJS.Signals) => () => child.kill(sig);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function runWeb(args: StartArgs): Promise<void> {
  console.log(
    '未找到 Electron 可执行文件（此机器无法下载），改用本机网页模式。' +
      ' / No Electron binary found (it cannot be downloaded here); using the local web host instead.',
  );
  const desk = createLauncher({
    host: 'web',
    demo: args.demo,
    argRole: args.role,
    dataDir: args.dataDir,
    roleFile: args.dataDir ? undefined : defaultRoleFile(),
    dataDirFor: defaultDataDir,
  });
  const state = await desk.start();
  console.log(
    state.dataDir
      ? `数据文件夹 / data folder: ${state.dataDir}`
      : '本机用途尚未选择，打开页面后先选择。 / Choose the role in the page first.',
  );
  const web = await startWebHost({ desk, rendererDir, ...(args.port !== undefined ? { port: args.port } : {}) });
  const expert = state.role === 'expert';
  const url = expert ? `${web.url}${EXPERT_ROUTE}` : web.url;
  console.log(expert ? `专家模式，请在浏览器打开：${url}` : `请在浏览器打开：${url}`);
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
  if (args.dataDir) console.log(`数据文件夹 / data folder: ${args.dataDir}`);
  const exe = findElectronBinary();
  const needs = [path.join(rendererDir, 'index.html'), ...(exe ? [mainBundle] : [])];
  if (needs.some((f) => !existsSync(f))) {
    if (args.build) runBuild();
    else console.warn('未构建且指定了 --no-build / build output missing and --no-build given');
  }
  if (exe) runElectron(exe, args);
  else await runWeb(args);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
