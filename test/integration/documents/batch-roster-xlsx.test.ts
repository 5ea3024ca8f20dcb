import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Batch } from '../../../electron/core/contract/batches.js';
import type { Settings } from '../../../electron/core/contract/settings.js';
import { renderBatchRosterXlsx } from '../../../electron/core/documents/excel/batch-roster.js';
import { hasQuotePrefix } from '../../../electron/core/documents/excel/quote-prefix.js';
import { looksLikeFormula } from '../../../electron/core/documents/excel/style.js';

const settings: Settings = {
  bureauName: '福州市市场监督管理局',
  operatorName: '张三',
  docNumberPrefix: '榕市监知',
  certNumberPrefix: 'FZIPC',
};
const batch = (sequence: number, title: string, extra: Partial<Batch> = {}): Batch => ({
  id: `2026-${sequence}`,
  year: 2026,
  sequence,
  title,
  opensOn: '2026-03-01',
  closesOn: '2026-04-30',
  status: 'open',
  createdAt: '2026-01-05T08:00:00.000Z',
  updatedAt: '2026-01-05T08:00:00.000Z',
  ...extra,
});

async function readBack(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb.worksheets[0]!;
}

describe('looksLikeFormula', () => {
  it('spots strings that spreadsheets would evaluate', () => {
    for (const s of ['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx', '\rx']) expect(looksLikeFormula(s)).toBe(true);
    for (const s of ['正常', '1+1', 'a=b', '']) expect(looksLikeFormula(s)).toBe(false);
  });
});

describe('renderBatchRosterXlsx', () => {
  const batches = [
    batch(2, '=HYPERLINK("http://evil","点我")', { extraBatchReason: '+cmd|calc', status: 'closed' }),
    batch(1, '2026年度第一批产业知识产权中心认定申报'),
    batch(1, '上年度', { id: '2025-1', year: 2025 }),
  ];

  it('writes a styled, printable roster', async () => {
    const ws = await readBack(await renderBatchRosterXlsx({ batches, settings, year: 2026, generatedOn: '2026-11-24' }));
    expect(ws.name).toBe('申报批次');
    expect(ws.getCell('A1').value).toBe('2026年度申报批次一览表');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('H1').master.address).toBe('A1');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(String(ws.getCell('A2').value)).toContain('2026年11月24日');
    const header = ws.getRow(3);
    expect(header.getCell(1).value).toBe('序号');
    expect(header.getCell(4).value).toBe('名称');
    expect(header.getCell(4).font?.bold).toBe(true);
    expect(header.getCell(4).border?.top?.style).toBe('thin');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToPage).toBe(false);
    expect(ws.pageSetup.scale).toBe(100); // 140 characters fit A4 landscape at full size
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect((ws.pageSetup as { printTitlesRow?: string }).printTitlesRow).toBe('3:3');
    expect(ws.headerFooter.oddFooter).toContain('&P');
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(4).width).toBe(40);
  });

  it('sorts, filters by year, and escapes user text so it is never a formula', async () => {
    const ws = await readBack(await renderBatchRosterXlsx({ batches, settings, year: 2026, generatedOn: '2026-11-24' }));
    expect(ws.rowCount).toBe(5);
    expect(ws.getCell('D4').value).toBe('2026年度第一批产业知识产权中心认定申报');
    const evil = ws.getCell('D5');
    expect(evil.type).toBe(ExcelJS.ValueType.String);
    expect(evil.formula).toBeUndefined();
    expect(evil.value).toBe(`=HYPERLINK("http://evil","点我")`);
    expect(hasQuotePrefix(evil)).toBe(true);
    expect(ws.getCell('H5').value).toBe('+cmd|calc');
    expect(hasQuotePrefix(ws.getCell('H5'))).toBe(true);
    expect(hasQuotePrefix(ws.getCell('D4'))).toBe(false);
    expect(ws.getCell('C5').value).toBe('第二批');
    const opens = ws.getCell('E4');
    expect(opens.value).toBeInstanceOf(Date);
    expect((opens.value as Date).toISOString().slice(0, 10)).toBe('2026-03-01');
    expect(opens.numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(ws.getCell('A4').value).toBe(1);
  });
});
