/**
 * Shape checks for what crosses the IPC boundary (plain Node, no 'electron').
 */
import { z } from 'zod';
import type { ApiError } from '../core/contract/index.js';
import { eventNames } from '../core/contract/index.js';

/** Channels: one request channel, one event channel. */
export const INVOKE_CHANNEL = 'desk:invoke';
export const EVENT_CHANNEL = 'desk:event';

const InvokePayload = z
  .object({
    name: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/),
    input: z.unknown().optional(),
  })
  .strict();

export type InvokePayload = { name: string; input: unknown };

export type PayloadCheck = { ok: true; value: InvokePayload } | { ok: false; error: ApiError };

/** `{ name, input }` from the renderer, or an INVALID_INPUT error envelope. */
export function validateInvokePayload(raw: unknown): PayloadCheck {
  const r = InvokePayload.safeParse(raw);
  if (!r.success) {
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请求格式不正确，请重新启动本软件后再试。' },
    };
  }
  return { ok: true, value: { name: r.data.name, input: r.data.input } };
}

/** Only events named in the contract are forwarded to the window. */
export function isForwardedEvent(name: string): boolean {
  return (eventNames as readonly string[]).includes(name);
}
