import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderReviewSummaryXlsx } from '../../../electron/core/documents/excel/review-summary.js';
import { hasQuotePrefix } from '../../../electron/core/documents/excel/quote-prefix.js';
import { loadFontSet } from '../../../electron/core/documents/fonts/registry.js';
import { renderReviewSummaryPdf, summaryCells, summaryWidths } from '../../../electron/core/documents/pdf/review-summary.js';
import { pdfText, pdfWords, toMm, writeTemp } from './pdf-helpers.js';
import { METHOD_TEXT, summaryInput } from './review-fixtures.js';

const fonts = loadFontSet({ systemFontDirs: [] });
const flat = (s: string): string => s.replace(/\s+/g, '');

describe('summary helpers', () => {
  it('prints a row as the screen shows it: totals as entered, figures with two decimals, 待定 below the quorum', () => {
    const input = summaryInput(3, 3);
    const row = input.rows[0]!;
    expect(
      summaryCells({
        ...row,
        figures: { ...row.figures, rank: null, mean: 81.666666, trimmedMean: null, final: null, verdict: 'pending' },
        flags: ['甲', '乙'],
      }),
    ).toEqual(['—', '福州某某科技有限公司1', '60', '63.5', '66', '3', '81.67', '—', '—', '待定', '甲；乙']);
    expect(summaryCells({ ...row, figures: { ...row.figures, final: 85, verdict: 'passed' } }).slice(-3)).toEqual(['85.00', '通过', '']);
  });

  it('fills the landscape text block and shrinks expert columns as they multiply, keeping a score on one line', () => {
    for (const n of [3, 5, 7, 9, 12]) expect(toMm(summaryWidths(n, 9).reduce((a, b) => a + b, 0))).toBeCloseTo(257, 6);
    const w3 = summaryWidths(3, 9)[2]!;
    const w9 = summaryWidths(9, 9)[2]!;
    expect(w9).toBeLessThanOrEqual(w3);
    expect(summaryWidths(12, 9)[2]!).toBeLessThan(w3);
    expect(toMm(w9)).toBeGreaterThan(12.5); // a three-character name still fits on one line at 9 pt
    expect(toMm(summaryWidths(12, 9)[2]!)).toBeGreaterThan(9.5); // "62.5" on one line at 9 pt
  });
});

describe('renderReviewSummaryPdf', () => {
  it('prints the title, batch, method text, every expert and every unit on landscape pages', async () => {
    for (const n of [3, 9]) {
      const input = summaryInput(n, 6, ['林晓明', '陈志强', '王丽', '黄建华', '欧阳', '郑伟', '刘芳', '吴海涛', '张敏']);
      const file = writeTemp(await renderReviewSummaryPdf({ ...input, fonts }), `sum${n}.pdf`);
      const { words, pages } = pdfWords(file);
      expect(pages).toBe(1);
      const text = flat(pdfText(file));
      expect(text).toContain('福州市产业知识产权协同保护与运营中心评审汇总表');
      expect(text).toContain('评审批次：2026年度第一批产业知识产权中心认定');
      expect(text).toContain(flat(METHOD_TEXT));
      for (const e of input.experts) expect(words.some((w) => w.text === e.name)).toBe(true);
      expect(text).toContain('福州某某科技有限公司6');
      expect(text).toContain('制表：张三');
      expect(text).toContain('专家组组长（签字）：');
      expect(text).toContain('评审专家（签字）：');
      expect(text).toContain('2026年11月24日');
      expect(text).toContain('—'); // recused / missing totals
      // Landscape: words run wider than a portrait page.
      expect(toMm(Math.max(...words.map((w) => w.xMax)))).toBeGreaterThan(210);
      expect(toMm(Math.max(...words.map((w) => w.xMax)))).toBeLessThanOrEqual(277.5);
    }
  });

  it('continues on new pages with the header repeated and numbers the pages', async () => {
    const input = summaryInput(7, 40);
    const file = writeTemp(await renderReviewSummaryPdf({ ...input, fonts }), 'long.pdf');
    const { words, pages } = pdfWords(file);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let p = 1; p <= pages; p++) {
      expect(words.some((w) => w.page === p && w.text === '排名')).toBe(true);
      expect(
        words
          .filter((w) => w.page === p)
          .map((w) => w.text)
          .join(''),
      ).toContain(`第${p}页共${pages}页`);
    }
    expect(flat(pdfText(file))).toContain('福州某某科技有限公司40');
  });

  it('prints an empty table and refuses too many experts or unprintable names', async () => {
    const empty = flat(pdfText(writeTemp(await renderReviewSummaryPdf({ ...summaryInput(3, 0), fonts }), 'empty.pdf')));
    expect(empty).toContain('暂无评审结果');
    await expect(renderReviewSummaryPdf({ ...summaryInput(3, 1), experts: [], fonts })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const bad = summaryInput(3, 1);
    bad.experts[0] = { id: 'e0', name: '林𠀀' };
    await expect(renderReviewSummaryPdf({ ...bad, fonts })).rejects.toMatchObject({ code: 'MISSING_GLYPHS' });
  });
});

async function readBack(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb.worksheets[0]!;
}

describe('renderReviewSummaryXlsx', () => {
  it('writes numbers as numbers shown as the PDF prints them, the method in the subtitle, and wraps flags', async () => {
    const input = summaryInput(5, 6);
    const ws = await readBack(await renderReviewSummaryXlsx(input));
    expect(ws.name).toBe('评审汇总');
    expect(ws.getCell('A1').value).toBe('福州市产业知识产权协同保护与运营中心评审汇总表');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('M1').master.address).toBe('A1'); // 13 columns: rank, unit, 5 experts, count, mean, trimmed, final, verdict, flags
    expect(String(ws.getCell('A2').value)).toContain(METHOD_TEXT);
    expect(ws.getCell('A2').alignment?.wrapText).toBe(true);
    expect((ws.getRow(3).values as unknown[]).map((v) => (typeof v === 'string' ? v.replace(/\n/g, '') : v))).toEqual([
      undefined,
      '排名',
      '申报单位',
      '林晓明',
      '陈志强',
      '王丽',
      '黄建华',
      '欧阳思远',
      '有效专家数',
      '平均分',
      '去掉最高、最低分后平均分',
      '最终得分',
      '是否通过',
      '标记',
    ]);

    const first = ws.getRow(4);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(3).value).toBe(60);
    expect(first.getCell(3).numFmt ?? 'General').toBe('General'); // as entered
    expect(first.getCell(4).value).toBe(63.5);
    expect(first.getCell(9).value).toBe(65.38); // 261.5 / 4, rounded once to two decimals
    expect(first.getCell(9).numFmt).toBe('0.00');
    expect(first.getCell(10).value).toBe('—'); // four experts: no trimmed mean
    expect(first.getCell(11).value).toBe(65.38);
    expect(first.getCell(11).numFmt).toBe('0.00');
    expect(first.getCell(12).value).toBe('未通过');
    const second = ws.getRow(5);
    expect(second.getCell(13).value).toBe('林晓明评分与平均分偏差超过15分；有专家回避');
    expect(second.getCell(13).alignment?.wrapText).toBe(true);
    // Missing totals print as a dash, not as an empty or zero number.
    const dashes = [4, 5, 6, 7, 8, 9].flatMap((r) => [3, 4, 5, 6, 7].map((c) => ws.getRow(r).getCell(c).value)).filter((v) => v === '—');
    expect(dashes.length).toBeGreaterThan(0);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
  });

  it('keeps strings a spreadsheet would evaluate as text, by the quote-prefix style', async () => {
    const input = summaryInput(3, 2);
    input.rows[0] = { ...input.rows[0]!, unitName: '=HYPERLINK("http://evil","点我")', flags: ['+cmd|calc'] };
    input.experts[1] = { id: 'e1', name: '@陈志强' };
    const ws = await readBack(await renderReviewSummaryXlsx(input));
    for (const [address, text] of [
      ['B4', '=HYPERLINK("http://evil","点我")'],
      ['K4', '+cmd|calc'],
      ['D3', '@陈志强'],
    ] as const) {
      expect(ws.getCell(address).value).toBe(text);
      expect(hasQuotePrefix(ws.getCell(address))).toBe(true);
      expect(ws.getCell(address).formula).toBeUndefined();
    }
    expect(hasQuotePrefix(ws.getCell('C3'))).toBe(false);
  });
});
