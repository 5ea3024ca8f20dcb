import { statSync } from 'node:fs';
import path from 'node:path';
import { roleFromArgs, type DeskRole } from '../core/domain/roles.js';

/**
 * Options handed to the Electron main process: by `npm start` (argv or env), by the Start-menu entries
 * (`--role=expert` on 评审专家模式) and by a double-click (the file's path as an argument). Plain Node, no 'electron'.
 */
export interface HostOptions {
  /** Data folder; undefined means the role's folder under app.getPath('userData'). */
  dataDir: string | undefined;
  demo: boolean;
  /** The role named on the command line (`--role=expert|secretariat`, the older `--expert`, or DESK_EXPERT=1). */
  role: DeskRole | undefined;
  /** 专家模式 asked for on the command line (kept for callers of the older flag). */
  expert: boolean;
  /** Files to open (existing regular files among the arguments). */
  files: string[];
}

/** Flags whose value is the next argument (never taken for a file). */
const VALUE_FLAGS = new Set(['--data', '--role']);

/** The files among `argv` (after the executable): existing regular files, resolved against `cwd`. */
export function filesFromArgv(argv: readonly string[], cwd: string = process.cwd()): string[] {
  const out: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (VALUE_FLAGS.has(a)) {
      i++;
      continue;
    }
    if (a === '' || a.startsWith('-')) continue;
    const file = path.resolve(cwd, a);
    try {
      if (statSync(file).isFile()) out.push(file);
    } catch {
      /* not a file: the app root in development, or a stray word */
    }
  }
  return out;
}

export function hostOptionsFrom(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string = process.cwd()): HostOptions {
  let dataDir = env.DESK_DATA_DIR || undefined;
  let demo = env.DESK_DEMO === '1';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--demo') demo = true;
    else if (a === '--data' && argv[i + 1]) dataDir = argv[++i];
    else if (a?.startsWith('--data=')) dataDir = a.slice('--data='.length) || dataDir;
  }
  const role = roleFromArgs(argv) ?? (env.DESK_EXPERT === '1' ? 'expert' : undefined);
  return { dataDir, demo, role, expert: role === 'expert', files: filesFromArgv(argv, cwd) };
}

/** True when `file` (after resolving against `dir`) lies strictly inside `dir`. */
export function isInsideDir(file: string, dir: string): boolean {
  const d = path.resolve(dir);
  const f = path.resolve(d, file);
  return f.startsWith(d + path.sep);
}
