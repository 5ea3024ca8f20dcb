import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Per-user data folder used when no --data is given (same place the Electron host's userData would be). */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'IP Center Desk', 'data');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'IP Center Desk', 'data');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'ip-center-desk');
}

/** The repository / app root (two levels above electron/core). */
export function appRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function rendererDistDir(): string {
  return path.join(appRoot(), 'dist', 'renderer');
}
