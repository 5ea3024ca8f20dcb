import { describe, expect, it } from 'vitest';
import { canonicalJson, hmacSign, hmacVerify } from '../../../electron/core/exchange/canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth, no whitespace, numbers as JS prints them', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: true, c: null }], 中: '文' })).toBe('{"a":[3,{"c":null,"d":true}],"b":1,"中":"文"}');
    expect(canonicalJson([1.5, 1e21, -0, 0.1 + 0.2, '\u2028"'])).toBe('[1.5,1e+21,0,0.30000000000000004,"\u2028\\""]');
    expect(canonicalJson({ x: undefined, y: 1 })).toBe('{"y":1}');
  });

  it('is the same before and after a JSON round trip, whatever the key order', () => {
    const v = { z: { q: [1, 'a'], p: 2 }, a: 'x' };
    const back = JSON.parse(JSON.stringify({ a: 'x', z: { p: 2, q: [1, 'a'] } })) as unknown;
    expect(canonicalJson(back)).toBe(canonicalJson(v));
  });

  it('refuses what JSON cannot carry', () => {
    for (const bad of [NaN, Infinity, -Infinity, 1n, () => 1, Symbol('s'), [undefined], new Date(0), new Map(), Buffer.from('a')]) {
      expect(() => canonicalJson({ v: bad })).toThrow(TypeError);
    }
    const cyc: Record<string, unknown> = {};
    cyc.self = cyc;
    expect(() => canonicalJson(cyc)).toThrow(/cycle/);
    const shared = { k: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}');
  });
});

describe('hmacSign / hmacVerify', () => {
  const secret = 'a'.repeat(64);
  it('verifies the same value in any key order, rejects changes, other secrets and malformed signatures', () => {
    const sig = hmacSign(secret, { a: 1, b: [1, 2] });
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(hmacVerify(secret, { b: [1, 2], a: 1 }, sig)).toBe(true);
    expect(hmacVerify(secret, { b: [1, 2], a: 2 }, sig)).toBe(false);
    expect(hmacVerify('b'.repeat(64), { a: 1, b: [1, 2] }, sig)).toBe(false);
    expect(hmacVerify(secret, { a: 1, b: [1, 2] }, sig.slice(0, 62))).toBe(false);
    expect(hmacVerify(secret, { a: 1, b: [1, 2] }, 'zz' + sig.slice(2))).toBe(false);
    expect(hmacVerify(secret, { a: 1, b: [1, 2] }, sig.toUpperCase())).toBe(true);
  });
});
