import type { Clock } from '../domain/clock.js';
import type { Store } from '../store/store.js';

/**
 * What a service needs from the running desk: the store, the clock and the log. Handlers pass their own
 * context (a HandlerContext is a ServiceContext); the archive passes the same.
 */
export interface ServiceContext {
  store: Store;
  clock: Clock;
  log?: (line: string) => void;
}
