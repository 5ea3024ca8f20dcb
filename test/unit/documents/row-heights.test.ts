import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { heightFor, wrappedLines } from '../../../electron/core/documents/excel/row-heights.js';
import { buildRoster, workbookToBuffer } from '../../../electron/core/documents/excel/style.js';

describe('wrappedLines', () => {
  it('counts one line for text that fits and more for text that does not', () => {
    expect(wrappedLines('鼓楼区', 10)).toBe(1);
    // 22 CJK characters at 11pt (≈14.7 px each ≈ 323 px) in a 34-character column (≈ 237 px): two lines
    expect(wrappedLines('福州市数字经济产业知识产权协同保护与运营中心', 34)).toBe(2);
    expect(wrappedLines('福州市数字经济产业知识产权协同保护与运营中心', 50)).toBe(1);
    // Latin characters are about half as wide
    expect(wrappedLines('91350100MA2Y0D024T', 20)).toBe(1);
    expect(wrappedLines('一二三四五六七八九十一二三四五六七八', 20)).toBe(2);
  });

  it('keeps explicit line breaks', () => {
    expect(wrappedLines('第一行\n第二行\n第三行', 30)).toBe(3);
  });

  it('gives taller rows for more lines', () => {
    expect(heightFor(2)).toBeGreaterThan(heightFor(1));
    expect(heightFor(1)).toBeGreaterThanOrEqual(15);
  });
});

describe('roster row heights', () => {
  it('grows header and data rows that wrap, read back from the written file', async () => {
    const wb = buildRoster({
      sheetName: '测试',
      title: '测试名单',
      columns: [
        { header: '序号', key: 'no', width: 6, kind: 'number' },
        { header: '中心名称', key: 'name', width: 20 },
        { header: '知识产权质押融资金额（万元）', key: 'amount', width: 10, kind: 'number' },
      ],
      rows: [
        { no: 1, name: '福州市数字经济产业知识产权协同保护与运营中心', amount: 850.5 },
        { no: 2, name: '短名', amount: 1 },
      ],
    });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await workbookToBuffer(wb)) as unknown as ArrayBuffer);
    const ws = back.worksheets[0]!;
    const header = ws.getRow(2).height;
    const long = ws.getRow(3).height;
    const short = ws.getRow(4).height;
    expect(header).toBeGreaterThanOrEqual(heightFor(wrappedLines('知识产权质押融资金额（万元）', 10)));
    expect(wrappedLines('福州市数字经济产业知识产权协同保护与运营中心', 20)).toBeGreaterThanOrEqual(3);
    expect(long).toBeGreaterThanOrEqual(heightFor(3));
    expect(short ?? 15).toBeLessThan(long);
  });
});
