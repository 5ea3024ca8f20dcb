/**
 * Bounded Excel imports: the xlsx container is checked before parsing (declared sizes, ratio, entry
 * count, and the real bytes while inflating), rows are streamed and reading stops at the row cap.
 * Refusals are Chinese sentences and nothing is applied. (Speed and memory: npm run bench.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import type { ImportReport } from '../../electron/core/contract/applications/methods.js';
import type { ExpertImportReport } from '../../electron/core/contract/expert-review/experts.js';
import { TEMPLATE_COLUMNS, TEMPLATE_SHEET } from '../../electron/core/documents/excel/application-columns.js';
import { EXPERT_SHEET } from '../../electron/core/documents/excel/experts.js';
import { stageUpload } from '../../electron/core/store/uploads.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, makeUscc, ok, seedBatches } from '../helpers/applications.js';
import {
  buildXlsx,
  repeatedPart,
  rowXml,
  sharedStringsXml,
  sheetXml,
  SHEET_HEAD,
  SHEET_TAIL,
  type RawEntry,
} from '../helpers/xlsx-files.js';

const HEADER = TEMPLATE_COLUMNS.map((c) => c.header);
const MiB = 1024 * 1024;
const SPACES = Buffer.alloc(MiB, ' ');

function appRow(n: number, name = `福州闽江第${n}号科技有限公司`): (string | number)[] {
  return [
    n,
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

/** Template header on row 3 and the given data rows from row 4, as a sheet XML prefix (no closing tags). */
function appSheetStart(rows: (string | number)[][]): string {
  return SHEET_HEAD + rowXml(3, HEADER) + rows.map((v, i) => rowXml(4 + i, v)).join('');
}

describe('bounded Excel imports', () => {
  const t = tempDir();
  let desk: Desk;
  const clock = testClock('2026-03-10T02:00:00.000Z');

  beforeAll(async () => {
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    await seedBatches(desk);
    await ok(
      desk.invoke('experts.create', { name: '已有专家', organisation: '福州大学', title: '教授', field: '电子信息', phone: '13800000001' }),
    );
  });
  afterAll(async () => {
    await desk.close();
    t.cleanup();
  });

  const count = async () => (await desk.call('applications.list', { batchId: '2026-1' })).total;
  const stage = async (data: Buffer, name: string) => (await stageUpload(desk.dataDir, data, name)).uploadId;
  const importApps = async (data: Buffer, name = '申报单位.xlsx') =>
    desk.invoke('applications.importTemplate', { batchId: '2026-1', uploadId: await stage(data, name), dryRun: false });
  const importExperts = async (data: Buffer, name = '专家.xlsx') =>
    desk.invoke('experts.importXlsx', { uploadId: await stage(data, name), dryRun: false });

  it('a sheet that inflates past the sheet cap is refused before parsing, naming the cap; nothing applied', async () => {
    const bomb = buildXlsx({ sheetName: TEMPLATE_SHEET, sheet: repeatedPart(appSheetStart([appRow(1)]), SPACES, 40, SHEET_TAIL) });
    expect(bomb.length).toBeLessThan(200_000);
    const before = await count();
    const e = await fail(importApps(bomb, '炸弹.xlsx'));
    expect(e.code).toBe('FILE_REJECTED');
    expect(e.message).toContain('文件“炸弹.xlsx”未导入');
    expect(e.message).toContain('工作表（xl/worksheets/sheet1.xml）解压后为 40 MB，超过工作表 32 MB 的上限');
    expect(e.message).toContain('拆分为多个文件（每个不超过5000行）');
    expect(await count()).toBe(before);
  });

  it('an entry whose compression ratio is absurd is refused even under the size caps', async () => {
    const dense = buildXlsx({ sheetName: TEMPLATE_SHEET, sheet: repeatedPart(appSheetStart([appRow(2)]), SPACES, 3, SHEET_TAIL) });
    const e = await fail(importApps(dense));
    expect(e.code).toBe('FILE_REJECTED');
    expect(e.message).toMatch(/xl\/worksheets\/sheet1\.xml 超过压缩比上限 100:1/);
    expect(await count()).toBe(0);
  });

  it('a part whose header understates its size is stopped while inflating', async () => {
    const liar = buildXlsx({
      sheetName: TEMPLATE_SHEET,
      sheet: repeatedPart(appSheetStart([appRow(3)]), SPACES, 8, SHEET_TAIL),
      declared: { 'xl/worksheets/sheet1.xml': 100_000 },
    });
    const e = await fail(importApps(liar));
    expect(e.code).toBe('FILE_REJECTED');
    expect(e.message).toContain('xl/worksheets/sheet1.xml 超过记录的大小');
    expect(e.message).toContain('疑似压缩炸弹');
    expect(await count()).toBe(0);
  });

  it('a container with too many entries is refused', async () => {
    const extra: RawEntry[] = Array.from({ length: 1001 }, (_, i) => ({ name: `customXml/item${i}.xml`, data: Buffer.from('<a/>') }));
    const crowded = buildXlsx({
      sheetName: TEMPLATE_SHEET,
      sheet: sheetXml([
        [3, HEADER],
        [4, appRow(4)],
      ]),
      extra,
    });
    const e = await fail(importApps(crowded));
    expect(e.code).toBe('FILE_REJECTED');
    expect(e.message).toMatch(/压缩包内有 10\d\d 个文件，上限为 1000 个/);
    expect(await count()).toBe(0);
  });

  it('5,001 data rows: refused with the cap named; reading stops at the first row past the cap', async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => appRow(10_000 + i));
    const over = buildXlsx({ sheetName: TEMPLATE_SHEET, sheet: appSheetStart(rows) + SHEET_TAIL });
    const r = await ok<ImportReport>(importApps(over));
    expect(r.applied).toBe(0);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toBe(
      '表中数据超过一次最多导入5000行的上限（数据应在第4至5003行，第5004行仍有数据），已停止读取。请拆分为多个文件分别导入，每个文件不超过5000行。',
    );
    expect(r.message).toContain('本次未导入任何数据');
    expect(await count()).toBe(0);

    // What follows the first row past the cap is never read: 2,000 more rows and then broken XML.
    const more = Array.from({ length: 2000 }, (_, i) => appRow(20_000 + i));
    const broken = buildXlsx({ sheetName: TEMPLATE_SHEET, sheet: appSheetStart([...rows, ...more]) + '<row r="9000"><c r="A9000" <<<' });
    const b = await ok<ImportReport>(importApps(broken));
    expect(b.errors.map((x) => x.message)).toEqual([r.errors[0]!.message]);
    expect(await count()).toBe(0);
  }, 60_000);

  it('an ordinary file still imports whole; Chinese text split across inflate chunks and merges far down are read right', async () => {
    const names = Array.from({ length: 1500 }, (_, i) => `福州市闽江口海洋生物科技研究院第${i}分院有限公司`);
    const strings = [...HEADER, ...names];
    const shared = new Map(strings.map((s, i) => [s, i]));
    const body = names.map((name, i) => rowXml(4 + i, appRow(30_000 + i, name), shared)).join('');
    const good = buildXlsx({
      sheetName: TEMPLATE_SHEET,
      sheet: SHEET_HEAD + rowXml(3, HEADER, shared) + body + SHEET_TAIL,
      sharedStrings: sharedStringsXml(strings),
    });
    const r = await ok<ImportReport>(importApps(good));
    expect(r).toMatchObject({ errors: [], applied: 1500 });
    const list = await desk.call('applications.list', { batchId: '2026-1' });
    expect(new Set(list.rows.map((x) => x.name))).toEqual(new Set(names));

    // A merge after 1,500 rows (its tag far beyond the first chunks) is still found and refused.
    const merged = buildXlsx({
      sheetName: TEMPLATE_SHEET,
      sheet: sheetXml(
        [[3, HEADER], ...names.map((n, i): [number, (string | number)[]] => [4 + i, appRow(40_000 + i, `${n}甲`)])],
        ['H1500:H1501'],
      ),
    });
    const m = await ok<ImportReport>(importApps(merged));
    expect(m.errors[0]!.message).toContain('合并单元格（H1500:H1501）');
    expect(m.applied).toBe(0);
    expect(await count()).toBe(1500);
  }, 60_000);

  it('expert import: a shared-string bomb is refused naming the cap; past 2,000 experts reading stops; nothing applied', async () => {
    const header = ['序号', '姓名', '工作单位', '单位统一社会信用代码', '职称', '专业领域', '联系电话'];
    const sst = repeatedPart(sharedStringsXml(['张三']).replace('</sst>', ''), SPACES, 17, '</sst>');
    const bomb = buildXlsx({
      sheetName: EXPERT_SHEET,
      sheet: sheetXml([
        [3, header],
        [4, [1, '李四', '闽江学院']],
      ]),
      sharedStrings: sst,
    });
    const e = await fail(importExperts(bomb, '专家名册.xlsx'));
    expect(e.code).toBe('FILE_REJECTED');
    expect(e.message).toContain(
      '文件“专家名册.xlsx”未导入：共享字符串表（xl/sharedStrings.xml）解压后为 17 MB，超过共享字符串表 16 MB 的上限',
    );
    expect(e.message).toContain('每个不超过2000人');
    expect(await desk.call('experts.list', {})).toHaveLength(1);

    const experts = Array.from({ length: 2001 }, (_, i): [number, (string | number)[]] => [4 + i, [i + 1, `专家${i}`, `第${i}研究所`]]);
    const tail = '<row r="9000"><c r="A9000" <<<';
    const over = buildXlsx({
      sheetName: EXPERT_SHEET,
      sheet:
        SHEET_HEAD +
        rowXml(3, header) +
        experts.map(([r, v]) => rowXml(r, v)).join('') +
        Array.from({ length: 2000 }, (_, i) => rowXml(3000 + i, [0, `后续${i}`, '某单位'])).join('') +
        tail,
    });
    const r = await ok<ExpertImportReport>(importExperts(over));
    expect(r.applied).toBe(0);
    expect(r.errors.at(-1)!.message).toBe('一次最多导入2000位专家，请拆分后分批导入（第2004行是第2001位，已停止读取）。');
    expect(await desk.call('experts.list', {})).toHaveLength(1);

    const good = buildXlsx({
      sheetName: EXPERT_SHEET,
      sheet: sheetXml([
        [3, header],
        [4, [1, '王五', '福建农林大学', '', '教授', '农学', '13800000002']],
      ]),
    });
    expect(await ok<ExpertImportReport>(importExperts(good))).toMatchObject({ applied: 1, errors: [] });
  }, 60_000);
});
