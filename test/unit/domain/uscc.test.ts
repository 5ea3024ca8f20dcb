import { describe, expect, it } from 'vitest';
import { checkUscc, normalizeUscc, usccCheckChar, usccKind } from '../../../electron/core/domain/uscc.js';

describe('normalizeUscc', () => {
  it('trims, removes spaces and hyphens, converts full-width and lowercase', () => {
    expect(normalizeUscc('  9135 0100-M000 100Y43 ')).toBe('91350100M000100Y43');
    expect(normalizeUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(normalizeUscc('91350100m000100y43')).toBe('91350100M000100Y43');
    expect(normalizeUscc('913501\u3000007573－84472d')).toBe('91350100757384472D');
  });
});

describe('usccCheckChar', () => {
  it('computes the check character of the examples', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('91350100757384472')).toBe('D');
  });
  it('maps 31 to 0', () => {
    // Find a prefix whose check value is 31 (sum ≡ 0 mod 31): vary the last character.
    const base = '9135010075738447';
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const hits = [...alphabet].map((c) => base + c).filter((p) => usccCheckChar(p) === '0');
    expect(hits.length).toBe(1);
  });
  it('rejects wrong input', () => {
    expect(() => usccCheckChar('9135')).toThrow(RangeError);
  });
});

describe('checkUscc', () => {
  it('accepts valid codes', () => {
    expect(checkUscc('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(checkUscc('91350100757384472D')).toEqual({ ok: true, value: '91350100757384472D' });
  });
  it('normalises lowercase and full-width input before checking', () => {
    expect(checkUscc('91350100m000100y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(checkUscc('９１３５０１００７５７３８４４７２ｄ')).toEqual({ ok: true, value: '91350100757384472D' });
    expect(checkUscc(' 9135-0100-7573-8447-2D ')).toEqual({ ok: true, value: '91350100757384472D' });
  });
  it('names a wrong check character', () => {
    expect(checkUscc('91350100M000100Y4Z')).toMatchObject({ ok: false, position: 18 });
    // Z is not allowed at all, so check a wrong but allowed character too
    const r = checkUscc('91350100M000100Y44');
    expect(r).toEqual({ ok: false, position: 18, message: '第18位校验码应为“3”，现为“4”，请核对' });
  });
  it('names a character that is not allowed', () => {
    expect(checkUscc('91350100M000100Y4Z')).toEqual({
      ok: false,
      position: 18,
      message: '第18位“Z”不是统一社会信用代码允许的字符（不使用 I、O、Z、S、V）',
    });
    expect(checkUscc('9135I100M000100Y43')).toEqual({
      ok: false,
      position: 5,
      message: '第5位“I”不是统一社会信用代码允许的字符（不使用 I、O、Z、S、V）',
    });
    const r = checkUscc('9135#100M000100Y43');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('第5位“#”');
  });
  it('names a wrong length', () => {
    expect(checkUscc('91350100M000100Y4')).toEqual({ ok: false, message: '统一社会信用代码应为18位，现为17位' });
    expect(checkUscc('91350100M000100Y433')).toMatchObject({ ok: false, message: '统一社会信用代码应为18位，现为19位' });
    expect(checkUscc('   ')).toMatchObject({ ok: false });
  });
  it('rejects unknown registration department or type', () => {
    const deptB = 'B1350100M000100Y4';
    const r1 = checkUscc(deptB + usccCheckChar(deptB));
    expect(r1).toMatchObject({ ok: false, position: 1 });
    if (!r1.ok) expect(r1.message).toContain('第1位“B”');
    const type94 = '94350100M000100Y4';
    const r2 = checkUscc(type94 + usccCheckChar(type94));
    expect(r2).toMatchObject({ ok: false, position: 2 });
    if (!r2.ok) expect(r2.message).toContain('工商');
  });
  it('accepts the common kinds with a correct check character', () => {
    for (const prefix of ['11', '12', '51', '52', '53', '92', '93', 'N2', 'Y1']) {
      const first = `${prefix}350100M000100Y4`;
      expect(checkUscc(first + usccCheckChar(first)).ok).toBe(true);
    }
  });
});

describe('usccKind', () => {
  it('labels the kinds', () => {
    expect(usccKind('91350100M000100Y43')).toBe('企业');
    expect(usccKind('92350100M000100Y43')).toBe('个体工商户');
    expect(usccKind('93')).toBe('农民专业合作社');
    expect(usccKind('11')).toBe('机关');
    expect(usccKind('12')).toBe('事业单位');
    expect(usccKind('51')).toBe('社会团体');
    expect(usccKind('52')).toBe('民办非企业单位');
    expect(usccKind('５１')).toBe('社会团体');
    expect(usccKind('B1')).toBeUndefined();
  });
});
