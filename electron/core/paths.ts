import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The per-user folder the desk keeps its machine-level files in (the role file), outside both data folders. */
export function appConfigDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'IP Center Desk');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'IP Center Desk');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'ip-center-desk');
}

/** The role file (本机用途) of the web host and CLI; the desktop app keeps its own under userData (electron/main). */
export function defaultRoleFile(): string {
  return path.join(appConfigDir(), 'role.json');
}

/**
 * Per-user data folder used when no --data is given (same place the Electron host's userData would be). The expert
 * role (专家模式) has its own folder next to it, so the two never mix on one machine.
 */
export function defaultDataDir(role: 'secretariat' | 'expert' = 'secretariat'): string {
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(
      process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'),
      'IP Center Desk',
      role === 'expert' ? 'expert-data' : 'data',
    );
  if (process.platform === 'darwin')
    return path.join(home, 'Library', 'Application Support', 'IP Center Desk', role === 'expert' ? 'expert-data' : 'data');
  const base = path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'ip-center-desk');
  return role === 'expert' ? `${base}-expert` : base;
}

/** The repository / app root (two levels above electron/core). */
export function appRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function rendererDistDir(): string {
  return path.join(appRoot(), 'dist', 'renderer');
}
