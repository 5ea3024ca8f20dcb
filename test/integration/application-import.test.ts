import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { hasQuotePrefix } from '../../electron/core/documents/excel/quote-prefix.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import type { ImportReport } from '../../electron/core/contract/applications/methods.js';
import { TEMPLATE_COLUMNS, TEMPLATE_FIRST_DATA_ROW, TEMPLATE_SHEET } from '../../electron/core/documents/excel/application-columns.js';
import { stageUpload } from '../../electron/core/store/uploads.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, makeUscc, ok, seedBatches } from '../helpers/applications.js';

const PLACES = ['福州', '闽侯', '仓山', '马尾', '鼓楼'];
const TRADES = ['数科', '智造', '生物', '纺织', '海洋'];

function rowValues(n: number): (string | number)[] {
  const name = `${PLACES[n % 5]}${TRADES[Math.floor(n / 5) % 5]}第${n}号有限公司`;
  return [
    n + 1,
    name,
    makeUscc(n),
    '企业',
    '林某',
    '陈某',
    '0591-87654321',
    '福州市鼓楼区某路1号',
    '鼓楼区',
    '软件信息',
    '自愿申报',
    '',
    `${name}中心`,
    3,
    2,
    1,
    5,
    0,
    1,
    0,
  ];
}

describe('application template import, roster export', () => {
  const t = tempDir();
  let desk: Desk;
  let template: Buffer;
  const clock = testClock('2026-03-10T02:00:00.000Z');

  beforeAll(async () => {
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    await seedBatches(desk);
    const file = await desk.call('applications.exportTemplate', {});
    template = readFileSync(file.path);
  });
  afterAll(async () => {
    await desk.close();
    t.cleanup();
  });

  async function filled(rows: (string | number)[][], edit?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    rows.forEach((values, i) => values.forEach((v, c) => (ws.getCell(TEMPLATE_FIRST_DATA_ROW + i, c + 1).value = v)));
    edit?.(ws, wb);
    return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  async function importFile(data: Buffer, dryRun: boolean, batchId = '2026-1'): Promise<ImportReport> {
    const { uploadId } = await stageUpload(desk.dataDir, data, '申报单位.xlsx');
    return desk.call('applications.importTemplate', { batchId, uploadId, dryRun });
  }
  const count = async (batchId = '2026-1') => (await desk.call('applications.list', { batchId })).total;

  it('the template has the sheet, every column, and drop-down lists', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    const headers = TEMPLATE_COLUMNS.map((_, i) =>
      String(ws.getCell(3, i + 1).value)
        .replace(/^\*/, '')
        .replace(/\n/g, ''),
    );
    expect(headers).toEqual(TEMPLATE_COLUMNS.map((c) => c.header));
    const validation = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } })
      .dataValidations.model;
    const district = Object.entries(validation).find(([range]) => range.startsWith('I'))?.[1];
    expect(district).toMatchObject({ type: 'list' });
    expect(district!.formulae[0]).toContain('选项');
    expect(wb.getWorksheet('选项')!.state).toBe('hidden');
  });

  it('round trip: a filled template is previewed, then applied whole', async () => {
    const data = await filled([rowValues(1), rowValues(2), rowValues(3)]);
    const dry = await importFile(data, true);
    expect(dry).toMatchObject({ errors: [], validRows: 3, applied: 0 });
    expect(await count()).toBe(0);
    const done = await importFile(data, false);
    expect(done.applied).toBe(3);
    expect(await count()).toBe(3);
    const again = await importFile(data, true);
    expect(again.errors).toHaveLength(3);
    expect(again.errors[0]!.message).toContain('已在本批次申报');
  });

  it('row 57 bad: nothing applied, and the error names row 57 and column C', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => rowValues(100 + i));
    const bad = String(rows[53]![2]);
    rows[53]![2] = bad.slice(0, 17) + (bad[17] === '0' ? '1' : '0'); // row 4 + 53 = 57
    const before = await count();
    const r = await importFile(await filled(rows), false);
    expect(r.applied).toBe(0);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 57, column: 'C', columnLabel: '统一社会信用代码' });
    expect(r.errors[0]!.message).toMatch(/^第57行 C列（统一社会信用代码）：第18位校验码应为/);
    expect(r.message).toContain('未导入任何数据');
    expect(await count()).toBe(before);
  });

  it('duplicates inside the file, bad list values and required fields are listed per row and column', async () => {
    const rows = [rowValues(200), rowValues(200), rowValues(201), rowValues(202)];
    rows[2]![8] = '厦门市';
    rows[3]![4] = '';
    rows[3]![10] = '县（市）区推荐';
    const r = await importFile(await filled(rows), true);
    const text = r.errors.map((e) => e.message);
    expect(text).toContain('第5行 C列（统一社会信用代码）：与第4行重复（同一单位在一个批次只能申报一次），请删除其中一行');
    expect(text.some((m) => m.startsWith('第6行 I列（所属县（市）区）：“厦门市”不在'))).toBe(true);
    expect(text).toContain('第7行 E列（法定代表人）：必填，请填写');
    expect(text.some((m) => m.startsWith('第7行 L列（推荐单位（县（市）区））'))).toBe(true);
  });

  it('refuses a missing column, a wrong sheet (extra sheets are fine), merged cells and formulas', async () => {
    const noColumn = await importFile(await filled([rowValues(300)], (ws) => ws.spliceColumns(7, 1)), true);
    expect(noColumn.errors[0]!.message).toContain('缺少“联系电话”列');

    const extra = await importFile(await filled([rowValues(301)], (_ws, wb) => wb.addWorksheet('说明')), true);
    expect(extra.errors).toEqual([]);
    const renamed = await importFile(await filled([rowValues(302)], (ws) => (ws.name = 'Sheet1')), true);
    expect(renamed.errors[0]!.message).toContain('没有名为“申报单位”的工作表');

    const merged = await importFile(await filled([rowValues(303), rowValues(304)], (ws) => ws.mergeCells('H4:H5')), true);
    expect(merged.errors[0]!.message).toContain('合并单元格（H4:H5）');
    expect(merged.validRows).toBe(0);

    const formula = await importFile(
      await filled([rowValues(305)], (ws) => (ws.getCell('N4').value = { formula: '1+2', result: 3 })),
      true,
    );
    expect(formula.errors[0]).toMatchObject({ row: 4, column: 'N' });
    expect(formula.errors[0]!.message).toContain('单元格含公式');
  });

  it('refuses 10,000 rows and a file that is not xlsx', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => rowValues(20_000 + i));
    const r = await importFile(await filled(rows), true);
    expect(r.errors[0]!.message).toContain('超过一次最多导入5000行');
    const { uploadId } = await stageUpload(desk.dataDir, Buffer.from('%PDF-1.4 not a sheet'), '申报单位.xlsx');
    const e = await fail(desk.invoke('applications.importTemplate', { batchId: '2026-1', uploadId, dryRun: true }));
    expect(e).toMatchObject({ code: 'FILE_REJECTED' });
    expect(e.message).toContain('申报单位.xlsx');
  }, 120_000);

  it('imports 5,000 rows in one write and finds them by pinyin initials (speed is measured by npm run bench, not here)', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => rowValues(50_000 + i));
    const data = await filled(rows);
    const r = await importFile(data, false, '2025-1').catch(async () => null);
    // 2025-1 is outside its window today: the import needs a reason.
    expect(r).toBeNull();
    const { uploadId } = await stageUpload(desk.dataDir, data, '5000.xlsx');
    const report = await desk.call('applications.importTemplate', {
      batchId: '2025-1',
      uploadId,
      dryRun: false,
      windowOverrideReason: '历史数据补录',
    });
    expect(report.applied).toBe(5000);
    const first = await desk.call('applications.list', { batchId: '2025-1', search: 'fzsk', sort: 'name', order: 'asc' });
    expect(first.total).toBe(200);
    const everywhere = await desk.call('applications.list', { search: 'fzsk', sort: 'name', order: 'asc' });
    expect(everywhere.total).toBeGreaterThanOrEqual(200);
    const all = await desk.call('applications.list', { sort: 'name', order: 'asc' });
    expect(all.total).toBeGreaterThanOrEqual(5000);
  }, 180_000);

  it('the roster export lists only the filtered rows, and =,+,-,@ cells come back as text', async () => {
    for (const [i, name] of ['=HYPERLINK("http://x","y")', '+SUM(1)', '-1+2', '@cmd'].entries()) {
      await ok(desk.invoke('applications.create', { batchId: '2026-1', applicant: { name, uscc: makeUscc(900 + i), district: '马尾区' } }));
    }
    const file = await desk.call('applications.exportRoster', { batchId: '2026-1', district: ['马尾区'], sort: 'uscc', order: 'asc' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file.path) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup.orientation).toBe('landscape');
    const names: unknown[] = [];
    for (let r = 4; r <= ws.rowCount; r++) names.push(ws.getCell(r, 3).value);
    expect(names).toEqual(['=HYPERLINK("http://x","y")', '+SUM(1)', '-1+2', '@cmd']); // no visible apostrophe
    for (let r = 4; r <= ws.rowCount; r++) {
      expect(ws.getCell(r, 3).type).toBe(ExcelJS.ValueType.String);
      expect(hasQuotePrefix(ws.getCell(r, 3))).toBe(true);
    }
    expect(String(ws.getCell(2, 1).value)).toContain('县（市）区：马尾区');
  });
});
