/**
 * The launcher every host runs (desktop app, web host): it decides which data folder opens from what this
 * computer is for (the role: a start argument, else the role file, else the first-start question), opens that
 * folder's desk, and takes the files the desk is asked to open by double-click.
 *
 * - Before a role is chosen only `setup.role` and `setup.chooseRole` answer; everything else is refused.
 * - The role file is a small JSON file outside both data folders (userData/role.json in the desktop app).
 * - A file to open (command line, macOS open-file, a second launch) is checked here — its name and first bytes
 *   must agree, and the role must take it — then staged (评审包 / 评分结果文件 into uploads/; a 备份文件 by its
 *   path, as it may be large). The renderer asks for it with `setup.takeOpenFile` and never sends a path itself.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { contract, type Envelope, type EventName, type MethodInput, type MethodName, type MethodOutput } from './contract/index.js';
import { DeskError } from './contract/errors.js';
import type { PendingOpenFile, RoleState } from './contract/setup.js';
import { ROLE_LABELS, OPEN_FILE_LABELS, type DeskRole } from './contract/setup-labels.js';
import { isDeskRole, startRouteOf, wrongKindMessage } from './domain/roles.js';
import { detectOpenFileKind, OPEN_FILE_HEAD_BYTES } from './domain/open-file-kind.js';
import { invalidInput, toApiError } from './contract/api-errors.js';
import { stageUploadFromFile, uploadCapFor } from './store/uploads.js';
import { callThrough, openDesk, type Desk, type DeskOptions } from './app.js';

export interface LauncherOptions extends Omit<DeskOptions, 'dataDir' | 'expert' | 'openFiles'> {
  /** The role named by a start argument (`--role=expert`, `--expert`): it wins, and 设置 cannot change it. */
  argRole?: DeskRole | undefined;
  /** An explicit data folder (--data, DESK_DATA_DIR): opened for the argument's role (default secretariat); no role file. */
  dataDir?: string | undefined;
  /** The role file; undefined: the host keeps none (the role is the argument's, else secretariat). */
  roleFile?: string | undefined;
  /** The data folder of a role when none is given explicitly. */
  dataDirFor: (role: DeskRole) => string;
  /** Opens a folder (the desktop host wraps it with its damaged-store dialog); default openDesk. */
  open?: (opts: DeskOptions) => Promise<Desk>;
}

/** What the hosts serve: a Desk whose folder follows the role, plus the host's way in for files to open. */
export interface Launcher extends Desk {
  /** Opens the role's desk when the role is known; resolves to the role state (role null: first start). */
  start(): Promise<RoleState>;
  role(): RoleState;
  /** The desk of the chosen role (null before the choice). */
  readonly desk: Desk | null;
  /** A file the host was asked to open: checked, staged and announced (event `openFile`); queued until a role is chosen. */
  openFile(file: string): Promise<PendingOpenFile>;
}

/** The methods the launcher answers itself (before and after a desk is open). */
const OWN_METHODS = new Set<string>(['setup.role', 'setup.chooseRole']);

const NO_ROLE = '请先选择这台电脑的用途：“秘书处工作台”或“评审专家（离线评分）”。';

interface RoleFileData {
  role: DeskRole;
  chosenAt: string;
}

/** The role file, or undefined when there is none. A damaged one is reported and asked again (no data lives in it). */
export async function readRoleFile(file: string, log: (line: string) => void = () => undefined): Promise<DeskRole | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const data = JSON.parse(text) as Partial<RoleFileData>;
    if (isDeskRole(data.role)) return data.role;
  } catch {
    /* reported below */
  }
  log(`本机用途文件 ${file} 无法识别，将重新询问这台电脑的用途（两个数据文件夹都不受影响）。`);
  return undefined;
}

/** Writes the role file atomically (temp file, fsync, rename). */
export async function writeRoleFile(file: string, role: DeskRole, at: Date): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const data: RoleFileData = { role, chosenAt: at.toISOString() };
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(`${JSON.stringify(data, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, file);
}

export function createLauncher(opts: LauncherOptions): Launcher {
  const log = opts.log ?? ((line: string) => console.error(line));
  const clock = opts.clock ?? (() => new Date());
  const open = opts.open ?? openDesk;
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  let desk: Desk | null = null;
  let stopForward: (() => void) | null = null;
  let role: DeskRole | null = null;
  let source: RoleState['source'] = 'unset';
  /** Paths handed over before a role was chosen. */
  const waiting: string[] = [];
  /** Checked files, oldest first; `setup.takeOpenFile` hands out one at a time. */
  const pending: PendingOpenFile[] = [];

  const changeable = (): boolean => opts.dataDir === undefined && opts.argRole === undefined && opts.roleFile !== undefined;
  const dataDirOf = (r: DeskRole): string => opts.dataDir ?? opts.dataDirFor(r);
  const emit = (event: EventName, payload: unknown): void => listeners.forEach((cb) => cb(event, payload));

  function state(): RoleState {
    return {
      role,
      source,
      dataDir: desk?.dataDir ?? (role ? path.resolve(dataDirOf(role)) : null),
      roleFile: changeable() ? (opts.roleFile ?? null) : null,
      changeable: changeable(),
      startRoute: role ? startRouteOf(role) : '/first-start',
    };
  }

  async function openFor(r: DeskRole): Promise<void> {
    const next = await open({
      ...opts,
      dataDir: dataDirOf(r),
      expert: r === 'expert',
      openFiles: { take: () => pending.shift() ?? null },
    });
    stopForward?.();
    desk = next;
    stopForward = next.onEvent(emit);
    for (const file of waiting.splice(0)) await check(file);
  }

  async function closeDesk(): Promise<void> {
    const d = desk;
    desk = null;
    stopForward?.();
    stopForward = null;
    pending.length = 0; // staged in the folder being closed
    if (d) await d.close();
  }

  async function chooseRole(input: MethodInput<'setup.chooseRole'>): Promise<RoleState> {
    if (!changeable())
      throw new DeskError(
        'INVALID_STATE',
        opts.roleFile === undefined || opts.dataDir !== undefined
          ? '本机用途由启动时指定的数据文件夹决定，不能在此更改。'
          : `本机用途由启动方式决定（从“${ROLE_LABELS[opts.argRole ?? 'secretariat']}”入口启动），不能在此更改。`,
      );
    if (role !== null && role !== input.role && input.confirmSwitch !== true)
      throw new DeskError(
        'NEEDS_ACKNOWLEDGEMENT',
        `这台电脑现在用作“${ROLE_LABELS[role]}”。改为“${ROLE_LABELS[input.role]}”后将打开另一个数据文件夹，现有数据留在原文件夹中，不会合并也不会删除；改回原用途即可再次看到。确定要更改吗？`,
        { from: role, to: input.role },
      );
    await writeRoleFile(opts.roleFile!, input.role, clock());
    const changed = role !== input.role || desk === null;
    source = 'file';
    if (changed) {
      await closeDesk();
      role = input.role;
      await openFor(input.role);
      log(`本机用途：${ROLE_LABELS[input.role]}（数据文件夹 ${desk!.dataDir}）。`);
    }
    return state();
  }

  async function check(file: string): Promise<PendingOpenFile> {
    const fileName = path.basename(file);
    const refuse = (message: string): PendingOpenFile => ({ status: 'refused', fileName, message });
    let item: PendingOpenFile;
    try {
      item = await stage(file, fileName, refuse);
    } catch (err) {
      item = refuse(`无法打开“${fileName}”：${toApiError(err).message}`);
    }
    pending.push(item);
    emit('openFile', { fileName, status: item.status });
    return item;
  }

  async function stage(file: string, fileName: string, refuse: (m: string) => PendingOpenFile): Promise<PendingOpenFile> {
    const r = role!;
    const d = desk!;
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      return refuse(`找不到文件“${fileName}”（${file}），可能已被移走，或U盘已拔出。`);
    }
    if (!stat.isFile()) return refuse(`“${fileName}”不是文件，无法打开。`);
    const head = Buffer.alloc(OPEN_FILE_HEAD_BYTES);
    const handle = await fs.open(file, 'r');
    try {
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
    const kind = detectOpenFileKind(fileName, head.subarray(0, Math.min(stat.size, head.length)));
    const wrong = wrongKindMessage(r, kind, fileName);
    if (wrong || kind === 'unknown' || kind === 'yearArchive') return refuse(wrong ?? `无法打开“${fileName}”。`);
    if (kind === 'backupFile') {
      return { status: 'ready', kind, fileName, size: stat.size, path: path.resolve(file), route: '/settings/backups' };
    }
    const staged = await stageUploadFromFile(d.dataDir, file, uploadCapFor(fileName));
    log(`已接收要打开的${OPEN_FILE_LABELS[kind]}：${fileName}`);
    return {
      status: 'ready',
      kind,
      fileName,
      size: staged.size,
      uploadId: staged.uploadId,
      route: kind === 'expertPackage' ? '/expert' : '/review/import',
    };
  }

  async function own(name: string, raw: unknown): Promise<Envelope<unknown>> {
    const spec = contract[name as 'setup.role' | 'setup.chooseRole'];
    const parsed = spec.input.safeParse(raw === undefined || raw === null ? {} : raw);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error.issues) };
    try {
      const value = name === 'setup.chooseRole' ? await chooseRole(parsed.data as MethodInput<'setup.chooseRole'>) : state();
      return { ok: true, value: spec.output.parse(value) };
    } catch (err) {
      return { ok: false, error: toApiError(err) };
    }
  }

  const invoke = (name: string, raw: unknown): Promise<Envelope<unknown>> => {
    if (OWN_METHODS.has(name)) return own(name, raw);
    if (desk) return desk.invoke(name, raw);
    return Promise.resolve({ ok: false, error: { code: 'INVALID_STATE', message: NO_ROLE } });
  };

  return {
    get dataDir(): string {
      if (!desk) throw new DeskError('INVALID_STATE', NO_ROLE);
      return desk.dataDir;
    },
    get desk() {
      return desk;
    },
    invoke,
    call: <M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>> => callThrough(invoke, name, input),
    onEvent: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    async start() {
      if (opts.argRole) {
        role = opts.argRole;
        source = 'argument';
      } else if (opts.dataDir !== undefined || opts.roleFile === undefined) {
        role = 'secretariat';
        source = 'default';
      } else {
        const fromFile = await readRoleFile(opts.roleFile, log);
        role = fromFile ?? null;
        source = fromFile ? 'file' : 'unset';
      }
      if (role) await openFor(role);
      return state();
    },
    role: state,
    openFile(file: string) {
      if (!desk) {
        waiting.push(file);
        const fileName = path.basename(file);
        emit('openFile', { fileName, status: 'waiting' });
        return Promise.resolve({ status: 'refused', fileName, message: NO_ROLE });
      }
      return check(file);
    },
    close: closeDesk,
  };
}
