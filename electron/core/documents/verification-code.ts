/**
 * 校验码 of a filled scoring sheet: 8 Crockford base32 characters (grouped 4-4, e.g. 7KQ2-M9XD)
 * taken from the SHA-256 of the canonical JSON of what the expert signed, so a signed paper can be
 * matched to the stored score file. Same scores → same code; any change → a different code
 * (40 bits: an accidental collision is about one in a trillion).
 */
import { createHash } from 'node:crypto';

export interface VerificationInput {
  applicationId: string;
  expertId: string;
  templateVersion: number;
  /** Score per criterion key. */
  scores: Record<string, number>;
  total: number;
  recommendation: '推荐' | '不推荐';
  /** YYYY-MM-DD */
  signedOn: string;
}

/** Crockford base32: no I, L, O, U. */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Numbers as JSON would print them, with -0 as 0 and non-finite values refused. */
function canonicalNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`校验码输入含非法数值：${n}`);
  return JSON.stringify(n === 0 ? 0 : n);
}

/** Pure: canonical JSON (fixed key order; scores sorted by criterion key). */
export function canonicalSheetJson(input: VerificationInput): string {
  const scores = Object.keys(input.scores)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalNumber(input.scores[k]!)}`)
    .join(',');
  return [
    '{',
    `"applicationId":${JSON.stringify(input.applicationId)},`,
    `"expertId":${JSON.stringify(input.expertId)},`,
    `"recommendation":${JSON.stringify(input.recommendation)},`,
    `"scores":{${scores}},`,
    `"signedOn":${JSON.stringify(input.signedOn.slice(0, 10))},`,
    `"templateVersion":${canonicalNumber(input.templateVersion)},`,
    `"total":${canonicalNumber(input.total)}`,
    '}',
  ].join('');
}

/** Pure: the first 5 bytes of a digest as 8 Crockford characters, grouped `XXXX-XXXX`. */
export function encodeCode(digest: Uint8Array): string {
  let bits = 0n;
  for (let i = 0; i < 5; i++) bits = (bits << 8n) | BigInt(digest[i] ?? 0);
  let out = '';
  for (let i = 7; i >= 0; i--) out += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

export function verificationCode(input: VerificationInput): string {
  return encodeCode(createHash('sha256').update(canonicalSheetJson(input), 'utf8').digest());
}

/** Normalises what a person typed (lower case, O→0, I/L→1, no separators) for comparison. */
export function normaliseCode(typed: string): string {
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return s.length === 8 ? `${s.slice(0, 4)}-${s.slice(4)}` : s;
}
