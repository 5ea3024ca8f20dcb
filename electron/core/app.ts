import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Envelope, EventName, HostKind, MethodInput, MethodName, MethodOutput, ProgressEvent } from './contract/index.js';
import { DeskError } from './contract/errors.js';
import { buildHandlerTable, installYearGuard } from './handlers/index.js';
import type { HandlerContext, HostServices, OpenFileQueue } from './handlers/types.js';
import { areaAllowedInRole, areaRefusal } from './domain/roles.js';
import { contractAreas } from './contract/index.js';
import { dispatch } from './rpc/dispatch.js';
import { Store } from './store/store.js';
import type { Clock } from './domain/clock.js';
import { bureauDateTimeTextOf } from './domain/bureau-time.js';
import { appRoot } from './paths.js';
import { seedDemo } from './demo.js';
import { TaskRegistry } from './tasks.js';
import { interruptedRestoreWarning } from './backup-file/restore.js';

export interface DeskOptions {
  dataDir: string;
  host: HostKind;
  clock?: Clock;
  /** Seed the fictional demo data set when the data folder is empty. */
  demo?: boolean;
  log?: (line: string) => void;
  /** Desktop-only services (open a file in the system viewer). */
  hostServices?: HostServices;
  /** 专家模式 (an expert's laptop): no daily snapshots; 清除本机评审数据 sweeps the whole folder. */
  expert?: boolean;
  /** The launcher's checked files to open (setup.takeOpenFile); absent: none. */
  openFiles?: OpenFileQueue;
}

/** Method name -> its area (contract/index.ts), for the role gate. */
const areaOfMethod = new Map<string, string>(
  Object.entries(contractAreas).flatMap(([area, methods]) => Object.keys(methods).map((name) => [name, area] as [string, string])),
);

export interface Desk {
  dataDir: string;
  /** Never throws: resolves to { ok, value } | { ok: false, error }. */
  invoke(name: string, raw: unknown): Promise<Envelope<unknown>>;
  /**
   * The typed call (tests, CLI, demo): the same dispatch as invoke, resolving to the method's output, or
   * rejecting with a DeskError carrying the envelope's code, message and details.
   */
  call<M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  onEvent(cb: (event: EventName, payload: unknown) => void): () => void;
  close(): Promise<void>;
}

export function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** invoke, typed: the value of `{ ok: true }`, or a DeskError built from the error of `{ ok: false }`. */
export async function callThrough<M extends MethodName>(
  invoke: (name: string, raw: unknown) => Promise<Envelope<unknown>>,
  name: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const r = await invoke(name, input);
  if (!r.ok) throw new DeskError(r.error.code, r.error.message, r.error.details);
  // dispatch parsed the value with the method's output schema.
  return r.value as MethodOutput<M>;
}

function logger(opts: DeskOptions): (line: string) => void {
  return opts.log ?? ((line) => console.error(line));
}

/** Open a data folder and return the API every host serves. */
export async function openDesk(opts: DeskOptions): Promise<Desk> {
  const clock = opts.clock ?? (() => new Date());
  const table = buildHandlerTable();
  const store: Store = await Store.open(opts.dataDir, {
    clock,
    operator: () => store.read('settings').settings.operatorName || '未署名',
    ...(opts.expert ? { dailySnapshots: false } : {}),
  });
  installYearGuard(store); // 年度封存: keyed parts of a sealed year refuse writes
  if (store.staleLock) {
    logger(opts)(
      `上次使用该数据文件夹的程序（进程 ${store.staleLock.pid}，${bureauDateTimeTextOf(store.staleLock.startedAt)} 起）未正常退出，已接管其留下的锁。`,
    );
  }
  const interrupted = await interruptedRestoreWarning(store.dirs.root);
  if (interrupted) logger(opts)(interrupted);
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  const ctx: HandlerContext = {
    store,
    clock,
    host: opts.host,
    expertMode: opts.expert ?? false,
    appVersion: appVersion(),
    emit: (event, payload) => listeners.forEach((cb) => cb(event, payload)),
    tasks: new TaskRegistry((taskId, label, ended) => {
      const last: ProgressEvent = { taskId, label, done: 1, total: 1, ended };
      listeners.forEach((cb) => cb('progress', last));
    }),
    log: logger(opts),
    ...(opts.hostServices ? { hostServices: opts.hostServices } : {}),
    ...(opts.openFiles ? { openFiles: opts.openFiles } : {}),
  };
  const role = opts.expert ? 'expert' : 'secretariat';
  // The role gate: each role reaches only its own areas (domain/roles.ts), whatever a screen asks.
  const invoke = (name: string, raw: unknown): Promise<Envelope<unknown>> => {
    const area = areaOfMethod.get(name);
    if (area !== undefined && !areaAllowedInRole(role, area))
      return Promise.resolve({ ok: false, error: { code: 'INVALID_STATE', message: areaRefusal(role, name) } });
    return dispatch(table, name, raw, ctx);
  };
  const desk: Desk = {
    dataDir: store.dirs.root,
    invoke,
    call: <M extends MethodName>(name: M, input: MethodInput<M>) => callThrough(invoke, name, input),
    onEvent: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    close: () => ctx.store.close(),
  };
  if (opts.demo) await seedDemo(desk, store);
  return desk;
}
