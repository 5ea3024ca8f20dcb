/**
 * The API from a terminal, for scripting, recovery and tests:
 *   npm run -s desk -- <method> '<json input>' [--data DIR] [--expert]   (--expert: 专家模式, as `npm start -- --expert`)
 *   npm run -s desk -- --list
 *   npm run -s desk -- --list-backups [--data DIR]
 *   npm run -s desk -- --restore-backup <name> [--data DIR]   (works when the store is too damaged to open)
 *   npm run -s desk -- --restore-backup-file <file> [--data DIR]
 *       restore the whole data folder from a backup file (*.ipcdesk-backup, made by backupFile.create) without
 *       opening the store: works on an empty folder or when the store cannot open. The file is checked whole
 *       first; the replaced parts are kept as a before-restore snapshot (see backup-file/restore.ts).
 * Prints the result envelope as JSON; exits 1 when ok is false, 2 on usage errors.
 */
import path from 'node:path';
import { z } from 'zod';
import { contract, DeskError, type Envelope } from './contract/index.js';
import { openDesk } from './app.js';
import { defaultDataDir } from './paths.js';
import { Store } from './store/store.js';
import { Backups } from './store/backups.js';
import { dataDirs } from './store/store.js';
import { toApiError } from './rpc/errors.js';
import { restoreBackupFileOffline } from './backup-file/restore.js';

interface Args {
  positional: string[];
  data: string;
  list: boolean;
  listBackups: boolean;
  restore?: string;
  restoreFile?: string;
  expert: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { positional: [], data: process.env.DESK_DATA ?? defaultDataDir(), list: false, listBackups: false, expert: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data') args.data = argv[++i] ?? args.data;
    else if (a === '--list') args.list = true;
    else if (a === '--expert') args.expert = true;
    else if (a === '--list-backups') args.listBackups = true;
    else if (a === '--restore-backup') args.restore = argv[++i];
    else if (a === '--restore-backup-file') args.restoreFile = argv[++i] ?? '';
    else args.positional.push(a);
  }
  return args;
}

function listMethods(): unknown[] {
  return Object.entries(contract).map(([name, spec]) => ({
    name,
    summary: spec.summary,
    writes: spec.writes,
    input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
  }));
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.list) {
    print(listMethods());
    return 0;
  }
  const clock = () => new Date();
  if (args.listBackups) {
    print({ ok: true, value: await new Backups(dataDirs(args.data).backups, dataDirs(args.data).store).list() });
    return 0;
  }
  if (args.restore) {
    try {
      print({ ok: true, value: await Store.restoreOffline(args.data, args.restore, { clock, operator: () => '命令行' }) });
      return 0;
    } catch (err) {
      print({ ok: false, error: toApiError(err) });
      return 1;
    }
  }
  if (args.restoreFile !== undefined) {
    if (!args.restoreFile) {
      process.stderr.write('用法：npm run -s desk -- --restore-backup-file <备份文件> [--data DIR]\n');
      return 2;
    }
    try {
      print({ ok: true, value: await restoreBackupFileOffline(args.data, path.resolve(args.restoreFile), { clock, operator: '命令行' }) });
      return 0;
    } catch (err) {
      print({ ok: false, error: toApiError(err) });
      return 1;
    }
  }
  const [method, json] = args.positional;
  if (!method) {
    process.stderr.write("用法：npm run -s desk -- <method> '<json>' [--data DIR]；npm run -s desk -- --list 列出全部方法\n");
    return 2;
  }
  let input: unknown = {};
  if (json !== undefined) {
    try {
      input = JSON.parse(json);
    } catch {
      print({ ok: false, error: { code: 'INVALID_INPUT', message: '输入不是有效的 JSON。' } } satisfies Envelope<never>);
      return 1;
    }
  }
  let result: Envelope<unknown>;
  try {
    const desk = await openDesk({ dataDir: args.data, host: 'cli', expert: args.expert });
    try {
      result = await desk.invoke(method, input);
    } finally {
      await desk.close();
    }
  } catch (err) {
    result = { ok: false, error: toApiError(err instanceof DeskError ? err : err) };
  }
  print(result);
  return result.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  },
);
