import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted (UTF-16 code unit order), no whitespace, numbers as JS
 * prints them (`JSON.stringify`), strings escaped as JSON does. Refuses what JSON cannot carry
 * faithfully: non-finite numbers, bigint, functions, symbols, `undefined` in arrays, cycles, and
 * objects that are not plain (Date, Map, Buffer…). `undefined` object properties are omitted, as
 * JSON.parse(JSON.stringify(x)) would, so a value signs the same before and after a round trip.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set<object>(), '$');
}

function write(value: unknown, seen: Set<object>, at: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number at ${at}`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value} at ${at}`);
  }
  const obj = value as object;
  if (seen.has(obj)) throw new TypeError(`canonicalJson: cycle at ${at}`);
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      return `[${obj
        .map((item, i) => {
          if (item === undefined) throw new TypeError(`canonicalJson: undefined at ${at}[${i}]`);
          return write(item, seen, `${at}[${i}]`);
        })
        .join(',')}]`;
    }
    const proto = Object.getPrototypeOf(obj) as unknown;
    if (proto !== Object.prototype && proto !== null) throw new TypeError(`canonicalJson: not a plain object at ${at}`);
    const rec = obj as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(rec).sort()) {
      const v = rec[key];
      if (v === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${write(v, seen, `${at}.${key}`)}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    seen.delete(obj);
  }
}

/** HMAC-SHA256 over the canonical JSON of `value`, as lowercase hex. A string secret is used as UTF-8 bytes. */
export function hmacSign(secret: string | Uint8Array, value: unknown): string {
  return createHmac('sha256', secret).update(canonicalJson(value), 'utf8').digest('hex');
}

/** Constant-time check of a hex signature made by `hmacSign`. Malformed signatures are simply false. */
export function hmacVerify(secret: string | Uint8Array, value: unknown, signature: string): boolean {
  if (typeof signature !== 'string' || !/^[0-9a-fA-F]{64}$/.test(signature)) return false;
  const expected = Buffer.from(hmacSign(secret, value), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
