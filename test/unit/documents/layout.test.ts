import { describe, expect, it } from 'vitest';
import {
  breakLines,
  breakTokens,
  justifyGap,
  lineWidth,
  MAX_JUSTIFY_STRETCH,
  NO_LINE_END,
  NO_LINE_START,
  tokenize,
  wordBreaks,
} from '../../../electron/core/documents/pdf/layout.js';
import { titleLines } from '../../../electron/core/documents/pdf/layout.js';

const han = (n: number, ch = '中'): string => ch.repeat(n);

describe('breakLines', () => {
  it('fills full lines with exactly 28 characters', () => {
    const lines = breakLines(han(60));
    expect(lines.map((l) => [...l].length)).toEqual([28, 28, 4]);
    expect(lineWidth(lines[0]!)).toBe(28);
  });

  it('leaves the first-line indent empty', () => {
    const lines = breakLines(han(60), { firstLineIndent: 2 });
    expect(lines.map((l) => [...l].length)).toEqual([26, 28, 6]);
  });

  it('never starts a line with closing punctuation (pushes a character down)', () => {
    const lines = breakLines(`${han(28)}。后续`);
    expect(lines[0]).toBe(han(27));
    expect(lines[1]).toBe('中。后续');
    const quoted = breakLines(`${han(27)}文”。下一句`);
    expect(NO_LINE_START.has([...quoted[1]!][0]!)).toBe(false);
  });

  it('never ends a line with opening punctuation', () => {
    const lines = breakLines(`${han(27)}《产业知识产权中心认定办法》`);
    expect(lines[0]).toBe(han(27));
    expect(lines[1]!.startsWith('《')).toBe(true);
  });

  it('keeps Latin words and numbers together', () => {
    const lines = breakLines(`${han(26)}ABCDEFGH后`);
    expect(lines[0]).toBe(han(26));
    expect(lines[1]).toBe('ABCDEFGH后');
    const years = breakLines(`${han(27)}2026年`);
    expect(years[1]).toBe('2026年');
    expect(tokenize('于2026年3月').map((t) => t.text)).toEqual(['于', '2026', '年', '3', '月']);
  });

  it('counts half-width characters as half a cell', () => {
    const lines = breakLines(`${han(22)}0591-87654321`);
    expect(lines).toHaveLength(2);
    const fits = breakLines(`${han(24)}20262026`);
    expect(fits).toHaveLength(1);
  });

  it('splits e-mail addresses and URLs after . or @ instead of stretching the line', () => {
    const text = '联系人：张三，电话：0591-87654321，电子邮箱：ipc@example.gov.cn。特此通知。';
    const lines = breakLines(text, { firstLineIndent: 2 });
    expect(lines.join('')).toBe(text);
    expect(lines[0]!.endsWith('ipc@')).toBe(true);
    expect(lineWidth(lines[0]!)).toBeGreaterThan(24);
    expect(breakLines(`${han(25)}ABCDEFGHIJKLMN`)[1]).toBe('ABCDEFGHIJKLMN'); // plain words stay whole
  });

  it('splits a Latin run longer than a line', () => {
    const lines = breakLines('x'.repeat(70));
    expect(lines.map((l) => l.length)).toEqual([56, 14]);
  });

  it('keeps every character and obeys kinsoku on mixed text', () => {
    const text =
      '你单位于2026年3月15日提交的《产业知识产权中心认定申请书》及相关材料收悉。经形式审查，申报材料齐全、符合规定形式，现予受理（详见附件）。“评审”将在公示期（5个工作日）后进行！';
    for (const cpl of [7, 10, 13, 28]) {
      const lines = breakLines(text, { charsPerLine: cpl, firstLineIndent: 2 });
      expect(lines.join('')).toBe(text);
      lines.forEach((l, i) => {
        expect(lineWidth(l)).toBeLessThanOrEqual(i === 0 ? cpl - 2 : cpl);
        if (i > 0) expect(NO_LINE_START.has([...l][0]!)).toBe(false);
        if (i < lines.length - 1) expect(NO_LINE_END.has([...l].pop()!)).toBe(false);
      });
    }
  });

  it('treats newlines as paragraph breaks and uses the measure for Latin runs', () => {
    expect(breakLines('甲\n乙')).toEqual(['甲', '乙']);
    const lines = breakTokens(`${han(26)}AB`, { measureLatin: (s) => s.length });
    expect(lines).toHaveLength(1);
    expect(breakTokens(`${han(27)}AB`, { measureLatin: (s) => s.length })).toHaveLength(2);
  });
});

describe('titleLines (GB/T 9704: 回行时词意完整，排列对称)', () => {
  it('keeps a title that fits on one line', () => {
    expect(titleLines('关于撤销某中心认定的决定', 20)).toEqual(['关于撤销某中心认定的决定']);
  });
  it('splits a long title into even lines without breaking a word', () => {
    const lines = titleLines('关于福州市新材料产业知识产权协同保护与运营中心限期整改的通知', 20);
    expect(lines).toHaveLength(2);
    expect(lines.join('')).toBe('关于福州市新材料产业知识产权协同保护与运营中心限期整改的通知');
    expect(Math.abs(lines[0]!.length - lines[1]!.length)).toBeLessThanOrEqual(4);
    for (const w of ['知识产权', '协同保护', '运营中心', '整改', '通知']) expect(lines.some((l) => l.includes(w))).toBe(true);
  });
  it('fills greedily only when every even break would split a word, and never breaks against kinsoku', () => {
    const lines = titleLines('关于公布2025年度福州市产业知识产权协同保护与运营中心中期考核结果的通知', 20);
    expect(lines.join('')).toBe('关于公布2025年度福州市产业知识产权协同保护与运营中心中期考核结果的通知');
    expect(lines.every((l) => !/^[，。、）]/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('2025年度'))).toBe(true);
  });
});

describe('spaces are printed as the text holds them (the xlsx rosters print the same text)', () => {
  it('keeps one space wherever the normalised text has one, next to CJK characters too', () => {
    expect(breakLines('福州 Minjiang Data 数据科技有限公司')).toEqual(['福州 Minjiang Data 数据科技有限公司']);
    expect(breakLines('五四路 100号 东门')).toEqual(['五四路 100号 东门']);
  });

  it('collapses a run of spaces, tabs or line ends inside a paragraph to one space and never starts or ends a line with it', () => {
    const text = (lines: { text: string }[][]): string[] => lines.map((l) => l.map((t) => t.text).join(''));
    expect(text(breakTokens('  材料不全\n\n补正后  再报 \t'))).toEqual(['材料不全 补正后 再报']);
    const lines = breakLines(`${han(27)} ${han(5)}`);
    expect(lines).toEqual([han(27), han(5)]);
    expect(tokenize('甲 乙').map((t) => t.text)).toEqual(['甲', ' ', '乙']);
  });
});

describe('word breaking (Intl.Segmenter) and the stretch limit', () => {
  it('breaks only between words: no 运/营, no 新材/料, no 工作/日', () => {
    const text = '经评审，认定为福州市纺织化纤新材料产业知识产权协同保护与运营中心。公示期为5个工作日。';
    for (const cpl of [8, 9, 10, 11, 12, 13, 14, 15, 17, 19, 23]) {
      const lines = breakLines(text, { charsPerLine: cpl });
      expect(lines.join('')).toBe(text);
      for (let i = 0; i + 1 < lines.length; i++) {
        const join = `${lines[i]!.slice(-1)}/${lines[i + 1]!.slice(0, 1)}`;
        expect(['运/营', '新/材', '材/料', '知/识', '识/产', '产/权', '作/日', '保/护']).not.toContain(join);
      }
    }
  });

  it('never splits a certificate or phone number', () => {
    for (const pad of [18, 19, 20, 21, 22, 23]) {
      const text = `${han(pad)}证书（编号：FZIPC-2025-003）同时作废，电话0591-87654321。`;
      const lines = breakLines(text);
      expect(lines.some((l) => l.includes('FZIPC-2025-003'))).toBe(true);
      expect(lines.some((l) => l.includes('0591-87654321'))).toBe(true);
    }
  });

  it('wordBreaks marks protected words and one-character words', () => {
    const b = wordBreaks('协同保护与运营中心');
    expect(b.get(5)).toBe(0); // 运|营 never
    expect(b.get(3)).toBe(0); // 护|与 inside 保护与运营
    expect(b.get(7)).toBe(2); // 营|中心
  });

  it('justifyGap: opens gaps up to a quarter cell, else sets the line flush left', () => {
    expect(MAX_JUSTIFY_STRETCH).toBe(0.25);
    expect(justifyGap(27, 28, 26, 1)).toBeCloseTo(1 / 26);
    expect(justifyGap(20, 28, 19, 1)).toBe(0); // 8 cells over 19 gaps would be 0.42 of a cell
    expect(justifyGap(28, 28, 27, 1)).toBe(0);
  });
});
