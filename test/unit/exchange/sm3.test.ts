/**
 * SM3 against the examples of GB/T 32905-2016 Appendix A (reproduced in draft-sca-cfrg-sm3-02, Appendix A,
 * https://tools.ietf.org/html/draft-sca-cfrg-sm3-02): A.1 the 24-bit message "abc", A.2 the 512-bit message
 * "abcd" × 16. Also cross-checked with OpenSSL's own SM3 on a larger buffer.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sm3Hex } from '../../../electron/core/exchange/sm3.js';

describe('sm3Hex (GB/T 32905-2016)', () => {
  it('matches example A.1 ("abc")', () => {
    expect(sm3Hex(Buffer.from('abc'))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
  it('matches example A.2 ("abcd" × 16, 512 bits)', () => {
    expect(sm3Hex(Buffer.from('abcd'.repeat(16)))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
  it('agrees with OpenSSL on 1 MB of random bytes', () => {
    const data = randomBytes(1024 * 1024 + 7);
    const openssl = /= ([0-9a-f]{64})/.exec(execFileSync('openssl', ['dgst', '-sm3'], { input: data, encoding: 'utf8' }))![1];
    expect(sm3Hex(data)).toBe(openssl);
  });
});
