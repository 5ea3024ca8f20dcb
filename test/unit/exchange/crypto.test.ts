import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  HEADER_LEN,
  decrypt,
  deriveKey,
  encrypt,
  formatCode,
  newOneTimeCode,
  normaliseCode,
} from '../../../electron/core/exchange/crypto.js';
import { ExchangeError } from '../../../electron/core/base/exchange-error.js';
import { DeskError } from '../../../electron/core/contract/errors.js';

const CODE = 'K7QM-3XTR-9PWD';
const plain = Buffer.from('评审包内容 — secret material', 'utf8');

async function rejection(p: Promise<unknown>): Promise<ExchangeError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExchangeError);
  return err as ExchangeError;
}

describe('one-time codes', () => {
  it('are grouped, at least 10 characters, from the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const code = newOneTimeCode();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(code).not.toMatch(/[01OIL]/);
      expect(normaliseCode(code)).toHaveLength(12);
      for (const ch of normaliseCode(code)) expect(CODE_ALPHABET).toContain(ch);
    }
    expect(new Set(Array.from({ length: 100 }, () => newOneTimeCode())).size).toBe(100);
  });

  it('normalise case, spaces, dashes and full-width input', () => {
    for (const typed of [
      'k7qm-3xtr-9pwd',
      ' K7QM 3XTR 9PWD ',
      'K7QM3XTR9PWD',
      'Ｋ７ＱＭ－３ＸＴＲ－９ＰＷＤ',
      'k7qm—3xtr–9pwd',
      'K7QM\u30003XTR\t9PWD',
    ]) {
      expect(normaliseCode(typed)).toBe('K7QM3XTR9PWD');
    }
    expect(formatCode('k7qm3xtr9pwd')).toBe(CODE);
  });

  it('derive the same key for any spelling of the code, a different one for another salt', async () => {
    const salt = Buffer.alloc(16, 7);
    const a = await deriveKey(CODE, salt);
    expect(a).toHaveLength(32);
    expect((await deriveKey('ｋ７ｑｍ ３ｘｔｒ ９ｐｗｄ', salt)).equals(a)).toBe(true);
    expect((await deriveKey(CODE, Buffer.alloc(16, 8))).equals(a)).toBe(false);
  });
});

describe('encrypt / decrypt', () => {
  it('round-trips, and a differently typed code still opens it', async () => {
    const box = await encrypt(plain, CODE, 'package');
    expect(box.subarray(0, 8).toString('ascii')).toBe('IPCDPKG1');
    expect(box.includes(Buffer.from('secret material'))).toBe(false);
    expect((await decrypt(box, 'k7qm 3xtr 9pwd', 'package')).equals(plain)).toBe(true);
    const res = await encrypt(plain, CODE, 'result');
    expect(res.subarray(0, 8).toString('ascii')).toBe('IPCDRES1');
  });

  it('refuses codes shorter than 10 characters', async () => {
    await expect(encrypt(plain, 'ABCD-EFGH', 'package')).rejects.toBeInstanceOf(DeskError);
  });

  it('wrong code', async () => {
    const box = await encrypt(plain, CODE, 'package');
    const err = await rejection(decrypt(box, 'K7QM-3XTR-9PWE', 'package', '评审包-张三-2026-1.ipcdpkg'));
    expect(err.code).toBe('FILE_REJECTED');
    expect(err.reason).toBe('wrongCode');
    expect(err.message).toContain('一次性口令不正确');
    expect(err.message).toContain('「评审包-张三-2026-1.ipcdpkg」');
  });

  it('one flipped byte of ciphertext, tag or header is caught', async () => {
    const box = await encrypt(plain, CODE, 'package');
    for (const at of [HEADER_LEN + 3, box.length - 1]) {
      const bad = Buffer.from(box);
      bad[at] = (bad[at] ?? 0) ^ 1;
      expect((await rejection(decrypt(bad, CODE, 'package'))).reason).toBe('tampered');
    }
    const iv = Buffer.from(box);
    iv[9 + 16] = (iv[9 + 16] ?? 0) ^ 1;
    expect((await rejection(decrypt(iv, CODE, 'package'))).reason).toBe('tampered');
    const len = Buffer.from(box);
    len[9 + 16 + 12] = (len[9 + 16 + 12] ?? 0) ^ 1;
    expect(['tampered', 'truncated']).toContain((await rejection(decrypt(len, CODE, 'package'))).reason);
    const salt = Buffer.from(box);
    salt[9] = (salt[9] ?? 0) ^ 1; // another salt is another key: indistinguishable from a wrong code
    expect((await rejection(decrypt(salt, CODE, 'package'))).reason).toBe('wrongCode');
  });

  it('truncated anywhere', async () => {
    const box = await encrypt(plain, CODE, 'package');
    for (const len of [3, 8, 20, HEADER_LEN, box.length - 1, box.length - 17]) {
      const err = await rejection(decrypt(box.subarray(0, len), CODE, 'package'));
      expect(err.reason).toBe('truncated');
      expect(err.message).toContain('不完整');
    }
  });

  it('extra bytes appended are tampering', async () => {
    const box = await encrypt(plain, CODE, 'package');
    expect((await rejection(decrypt(Buffer.concat([box, Buffer.from([0])]), CODE, 'package'))).reason).toBe('tampered');
  });

  it('kind swap, unknown version, not ours', async () => {
    const pkg = await encrypt(plain, CODE, 'package');
    const err = await rejection(decrypt(pkg, CODE, 'result'));
    expect(err.reason).toBe('wrongKind');
    expect(err.message).toContain('这是评审包，不是评分结果文件');
    const res = await encrypt(plain, CODE, 'result');
    expect((await rejection(decrypt(res, CODE, 'package'))).message).toContain('这是评分结果文件，不是评审包');
    const v2 = Buffer.from(pkg);
    v2[8] = 2;
    expect((await rejection(decrypt(v2, CODE, 'package'))).reason).toBe('version');
    expect((await rejection(decrypt(Buffer.from('PK\u0003\u0004 not ours at all'), CODE, 'package'))).reason).toBe('badShape');
  });
});
