import { describe, expect, it } from 'vitest';
import {
  CROCKFORD,
  canonicalSheetJson,
  encodeCode,
  normaliseCode,
  verificationCode,
  type VerificationInput,
} from '../../../electron/core/documents/verification-code.js';

const base: VerificationInput = {
  applicationId: 'app-1',
  expertId: 'exp-1',
  templateVersion: 1,
  scores: { a: 12, b: 13.5, c: 9 },
  total: 34.5,
  recommendation: '推荐',
  signedOn: '2026-11-24',
};

describe('verificationCode', () => {
  it('is 8 Crockford characters grouped 4-4', () => {
    const code = verificationCode(base);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(CROCKFORD).toHaveLength(32);
    expect(CROCKFORD).not.toMatch(/[ILOU]/);
  });

  it('is the same for the same scores, whatever the key order', () => {
    const reordered: VerificationInput = {
      signedOn: '2026-11-24',
      recommendation: '推荐',
      total: 34.5,
      scores: { c: 9, a: 12, b: 13.5 },
      templateVersion: 1,
      expertId: 'exp-1',
      applicationId: 'app-1',
    };
    expect(verificationCode(reordered)).toBe(verificationCode(base));
    expect(canonicalSheetJson(reordered)).toBe(canonicalSheetJson(base));
    expect(verificationCode({ ...base, scores: { ...base.scores, c: -0 + 9 } })).toBe(verificationCode(base));
  });

  it('changes when anything changes', () => {
    const code = verificationCode(base);
    const variants: VerificationInput[] = [
      { ...base, applicationId: 'app-2' },
      { ...base, expertId: 'exp-2' },
      { ...base, templateVersion: 2 },
      { ...base, scores: { ...base.scores, a: 12.5 } },
      { ...base, scores: { a: 12, b: 13.5 } },
      { ...base, scores: { ...base.scores, d: 0 } },
      { ...base, total: 35 },
      { ...base, recommendation: '不推荐' },
      { ...base, signedOn: '2026-11-25' },
    ];
    const codes = variants.map(verificationCode);
    for (const c of codes) expect(c).not.toBe(code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('spreads over many score sheets without collisions', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(verificationCode({ ...base, scores: { a: i % 16, b: Math.floor(i / 16) }, total: i }));
    expect(seen.size).toBe(2000);
  });

  it('refuses non-finite numbers', () => {
    expect(() => verificationCode({ ...base, total: Number.NaN })).toThrow(RangeError);
  });

  it('encodes digests bit by bit and reads typed codes back', () => {
    expect(encodeCode(new Uint8Array([0, 0, 0, 0, 0]))).toBe('0000-0000');
    expect(encodeCode(new Uint8Array([255, 255, 255, 255, 255]))).toBe('ZZZZ-ZZZZ');
    expect(encodeCode(new Uint8Array([0, 0, 0, 0, 33]))).toBe('0000-0011');
    expect(normaliseCode('7kq2 m9xd')).toBe('7KQ2-M9XD');
    expect(normaliseCode('o1l2-ABCD')).toBe('0112-ABCD');
  });
});
