import type { Contract, MethodName, ParsedInput, MethodOutput, HostKind, EventName, PendingOpenFile } from '../contract/index.js';
import type { ServiceContext } from '../services/context.js';
import type { TaskRegistry } from '../tasks.js';

/** What only the desktop host can do (the web host and CLI have none). */
export interface HostServices {
  /** Open a file with the system's default program; rejects with a Chinese message on failure. */
  openPath(file: string): Promise<void>;
  /** Show a file in the system's file manager (its folder opened, the file selected). */
  showInFolder?(file: string): void;
}

/** The launcher's queue of checked files to open (launcher.ts). */
export interface OpenFileQueue {
  take(): PendingOpenFile | null;
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
  /** The files the host was asked to open (double-click), checked and staged by the launcher; absent in tests and the CLI. */
  openFiles?: OpenFileQueue;
  /**
   * 年度封存: set by the sealed-year guard for the write in progress. Runs the method's declared year lock
   * again; a numbered print does so right before its number is committed (a seal may have begun meanwhile).
   */
  recheckYearLock?: () => Promise<void>;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: HandlerContext) => Promise<MethodOutput<M>> | MethodOutput<M>;
export type HandlerTable = { [M in MethodName]: Handler<M> };
/** One area's handlers: a subset of the table. */
export type AreaHandlers<K extends MethodName> = { [M in K]: Handler<M> };

/** The methods the contract declares as numbered prints (`yearLock: 'print'`). */
export type PrintMethod = { [M in MethodName]: Contract[M] extends { yearLock: 'print' } ? M : never }[MethodName];
/**
 * A print area's check against the stored record: the years a first print would write into (none for a
 * reprint, whose number is already stored). handlers/year-lock.ts needs one for every print method.
 */
export type FirstPrintYears<K extends PrintMethod> = { [M in K]: (input: ParsedInput<M>, ctx: HandlerContext) => Promise<number[]> };
