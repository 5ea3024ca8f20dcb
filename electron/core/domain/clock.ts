/** The clock is passed in (never Date.now() in domain code). */
export type Clock = () => Date;

/** Bureau calendar date (YYYY-MM-DD, UTC+8); every bureau-time function lives in bureau-time.ts. */
export { bureauDate } from './bureau-time.js';
