import type { MethodName, ParsedInput, MethodOutput, HostKind, EventName } from '../contract/index.js';
import type { ServiceContext } from '../services/context.js';
import type { TaskRegistry } from '../tasks.js';

/** What only the desktop host can do (the web host and CLI have none). */
export interface HostServices {
  /** Open a file with the system's default program; rejects with a Chinese message on failure. */
  openPath(file: string): Promise<void>;
}

/** What a handler gets: a service context (store, clock, log) plus what only a running host has. */
export interface HandlerContext extends ServiceContext {
  host: HostKind;
  /** 专家模式: the data folder is an expert's laptop holding one review package (set by the host's --expert). */
  expertMode?: boolean;
  appVersion: string;
  /** Push an event (e.g. progress) to the renderer. */
  emit(event: EventName, payload: unknown): void;
  /** Cancellable long work (tasks.cancel). */
  tasks: TaskRegistry;
  hostServices?: HostServices;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: HandlerContext) => Promise<MethodOutput<M>> | MethodOutput<M>;
export type HandlerTable = { [M in MethodName]: Handler<M> };
/** One area's handlers: a subset of the table. */
export type AreaHandlers<K extends MethodName> = { [M in K]: Handler<M> };
