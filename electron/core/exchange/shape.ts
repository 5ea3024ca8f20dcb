import { z } from 'zod';
import { ExchangeError } from '../base/exchange-error.js';

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/u, '应为 64 位小写十六进制');
export const Id = z.string().min(1).max(200);
export const IsoTime = z.iso.datetime({ offset: true });

/** Parse UTF-8 JSON text, refusing a byte-order mark, bad UTF-8 or bad JSON as `badShape`. */
export function parseJsonBytes(bytes: Uint8Array, label: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ExchangeError('badShape', `${label} 不是 UTF-8 文本`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ExchangeError('badShape', `${label} 不是有效的 JSON`);
  }
}

/** Validate with zod; on failure a `badShape` error listing (up to 5) field paths and problems. */
export function checkShape<T>(schema: z.ZodType<T>, value: unknown, label: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const problems = r.error.issues.slice(0, 5).map((i) => {
    const at = i.path.length ? i.path.map(String).join('.') : '(根)';
    if (i.code === 'unrecognized_keys') return `${at} 有多余字段 ${i.keys.join('、')}`;
    if (i.code === 'invalid_type' && /received undefined/u.test(i.message)) return `${at} 缺少`;
    return `${at} ${i.message}`;
  });
  throw new ExchangeError('badShape', `${label}：${problems.join('；')}`, { details: { issues: r.error.issues.slice(0, 20) } });
}
