import { z } from 'zod';

/** Every error the API can return carries one of these codes. */
export const ErrorCode = z.enum([
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
  /** The record's state does not allow this action (e.g. a designated batch); the message names the state. */
  'INVALID_STATE',
  'NEEDS_REASON',
  /** The step goes ahead only when the caller acknowledges what the message lists (details: the list; input flag `acknowledge…: true`). */
  'NEEDS_ACKNOWLEDGEMENT',
  'STORE_CORRUPT',
  'STORE_TOO_NEW',
  'STORE_LOCKED',
  'MISSING_GLYPHS',
  'FILE_REJECTED',
  'CANCELLED',
  /** The write touches a sealed year (年度档案已封存); unseal it with a reason first. */
  'YEAR_SEALED',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({
  code: ErrorCode,
  /** A Chinese sentence for the user that says what happened and what to do. */
  message: z.string(),
  /** Optional machine-readable details (field paths, missing characters, backup names). */
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A typed error raised anywhere in core; dispatch turns it into `{ ok: false, error }`. */
export class DeskError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
    this.details = details;
  }
}
