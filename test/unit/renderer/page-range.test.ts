import { describe, expect, it } from 'vitest';
import { parsePageRange } from '../../../renderer/components/pageRange.js';

describe('打印范围 (parsePageRange)', () => {
  it('empty is every page', () => {
    expect(parsePageRange('', 3)).toEqual({ pages: [1, 2, 3] });
    expect(parsePageRange('  ', 2)).toEqual({ pages: [1, 2] });
  });
  it('numbers and ranges, in document order, each once; open ends', () => {
    expect(parsePageRange('5,1-3,2', 300)).toEqual({ pages: [1, 2, 3, 5] });
    expect(parsePageRange('298-', 300)).toEqual({ pages: [298, 299, 300] });
    expect(parsePageRange('-2', 300)).toEqual({ pages: [1, 2] });
  });
  it('full-width digits and Chinese punctuation as an input method types them', () => {
    expect(parsePageRange('１－３，５', 10)).toEqual({ pages: [1, 2, 3, 5] });
    expect(parsePageRange('1～2、4', 10)).toEqual({ pages: [1, 2, 4] });
  });
  it('refuses what it cannot print, naming the part', () => {
    expect(parsePageRange('1-3,x', 10)).toEqual({ error: '打印范围“x”无法识别，请写页码或页码范围，如 1-3,5' });
    expect(parsePageRange('11', 10)).toEqual({ error: '打印范围“11”超出文件页数（共 10 页）' });
    expect(parsePageRange('0', 10)).toEqual({ error: '打印范围“0”：页码从 1 开始' });
    expect(parsePageRange('5-2', 10)).toEqual({ error: '打印范围“5-2”：起始页大于结束页' });
    expect(parsePageRange('-', 10)).toEqual({ error: '打印范围“-”无法识别，请写页码或页码范围，如 1-3,5' });
  });
});
