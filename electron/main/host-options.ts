import path from 'node:path';

/**
 * Options handed to the Electron main process by `npm start` (argv or env).
 * Plain Node, no 'electron'.
 */
export interface HostOptions {
  /** Data folder; undefined means app.getPath('userData'). */
  dataDir: string | undefined;
  demo: boolean;
  /** Open 专家模式 (#/expert): the expert's laptop, which shows only an imported review package. */
  expert: boolean;
}

export function hostOptionsFrom(argv: readonly string[], env: NodeJS.ProcessEnv): HostOptions {
  let dataDir = env.DESK_DATA_DIR || undefined;
  let demo = env.DESK_DEMO === '1';
  let expert = env.DESK_EXPERT === '1';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--demo') demo = true;
    else if (a === '--expert') expert = true;
    else if (a === '--data' && argv[i + 1]) dataDir = argv[++i];
    else if (a?.startsWith('--data=')) dataDir = a.slice('--data='.length) || dataDir;
  }
  return { dataDir, demo, expert };
}

/** True when `file` (after resolving against `dir`) lies strictly inside `dir`. */
export function isInsideDir(file: string, dir: string): boolean {
  const d = path.resolve(dir);
  const f = path.resolve(d, file);
  return f.startsWith(d + path.sep);
}
