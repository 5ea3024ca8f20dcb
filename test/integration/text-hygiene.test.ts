/** Clean text at the boundary (issue 10 item 5): through the API on a real data folder. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { TEMPLATE_FIRST_DATA_ROW, TEMPLATE_SHEET } from '../../electron/core/documents/excel/application-columns.js';
import { stageUpload } from '../../electron/core/store/uploads.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, fullApplicant, makeUscc, ok, seedBatches } from '../helpers/applications.js';
import { pdfText } from './documents/pdf-helpers.js';

type ApiError = { code: string; message: string; details?: { path: string[]; message: string }[] };

describe('free text is cleaned at the API boundary', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  const clock = testClock('2026-03-10T02:00:00.000Z');
  beforeEach(async () => {
    clock.set('2026-03-10T02:00:00.000Z');
    t = tempDir();
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    await seedBatches(desk);
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  const storedText = (): string => {
    const dir = path.join(t.dir, 'store');
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
  };
  const count = async (): Promise<number> => (await desk.call('applications.list', { batchId: '2026-1' })).total;

  it.each([
    ['a BEL', '福州\u0007闽江科技有限公司', '单位名称含有不可见的控制字符（U+0007），请删除后重新输入。'],
    ['a NUL', '福州\u0000闽江科技有限公司', '单位名称含有不可见的控制字符（U+0000），请删除后重新输入。'],
    ['an ESC', '福州\u001b[31m闽江科技有限公司', '单位名称含有不可见的控制字符（U+001B），请删除后重新输入。'],
    ['U+202E', '福州闽江\u202e司公限有技科', '单位名称含有不可见的控制字符（U+202E），请删除后重新输入。'],
    ['𠈌 (no font has it)', '福州𠈌科技有限公司', '单位名称中的“𠈌”（U+2020C）无法打印：本机字体不含此字。'],
  ])('an applicant name with %s is refused with the field named, and nothing is stored', async (_, name, message) => {
    const before = storedText();
    const err = (await fail(desk.invoke('applications.create', { batchId: '2026-1', applicant: fullApplicant(name, 1) }))) as ApiError;
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toBe(`输入有误，请修改后再保存。${message}`);
    expect(err.details).toEqual([expect.objectContaining({ path: ['applicant', 'name'], message })]);
    expect(await count()).toBe(0);
    expect(storedText()).toBe(before);
  });

  it('a control character in a team member, a bidi override in a rejection reason and 𠈌 in an expert name are refused too', async () => {
    const app = await desk.call('applications.create', {
      batchId: '2026-1',
      applicant: fullApplicant('福州闽江科技有限公司', 2),
      proposedCenterName: '福州市纺织产业知识产权协同保护与运营中心',
    });
    const team = (await fail(
      desk.invoke('applications.saveDraft', { id: app.id, team: [{ name: '林\u001b某', role: '主任' }] }),
    )) as ApiError;
    expect(team.details).toEqual([
      expect.objectContaining({ path: ['team', '0', 'name'], message: '成员姓名含有不可见的控制字符（U+001B），请删除后重新输入。' }),
    ]);
    await ok(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    const reason = (await fail(desk.invoke('formalReview.reject', { applicationId: app.id, reason: '材料不全\u202e' }))) as ApiError;
    expect(reason.message).toContain('理由含有不可见的控制字符（U+202E）');
    const stored = await desk.call('applications.get', { id: app.id });
    expect(stored.application.status).toBe('submitted');
    expect(stored.application.team).toEqual([]);
    const expert = (await fail(desk.invoke('experts.create', { name: '林𠈌', organisation: '福州大学' }))) as ApiError;
    expect(expert.details).toEqual([
      expect.objectContaining({ path: ['name'], message: '专家姓名中的“𠈌”（U+2020C）无法打印：本机字体不含此字。' }),
    ]);
    expect(await desk.call('experts.list', {})).toEqual([]);
  });

  it('a name with ASCII spaces is stored normalised and printed the same by the PDF and the xlsx roster', async () => {
    const app = await desk.call('applications.create', {
      batchId: '2026-1',
      applicant: fullApplicant(' 福州 Minjiang  Data 数据\u3000科技有限公司 ', 3),
      proposedCenterName: '福州市数据产业知识产权协同保护与运营中心',
    });
    const name = '福州 Minjiang Data 数据科技有限公司';
    expect(app.applicant.name).toBe(name);
    await ok(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    await ok(desk.invoke('formalReview.reject', { applicationId: app.id, reason: '申报单位不具备开展知识产权保护工作的条件' }));

    const pdf = await desk.call('formalReview.notice', { applicationId: app.id });
    const printed = pdfText(pdf.path)
      .split('\n')
      .map((l) => l.trim());
    expect(printed).toContain(`${name}：`);

    const xlsx = await desk.call('applications.exportRoster', { batchId: '2026-1' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(xlsx.path) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain(name);
  });

  it('Excel imports clean their text cells the same way: a bidi override or 𠈌 is named by row and column, nothing applied', async () => {
    const template = await desk.call('applications.exportTemplate', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(template.path) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    const row = (name: string, n: number) => [
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
      '福州市数据产业知识产权协同保护与运营中心',
      0,
      0,
      0,
      0,
      0,
      0,
      0,
    ];
    [row('福州 Minjiang  数据 科技有限公司', 1), row('福州闽江\u202e科技有限公司', 2), row('福州𠈌科技有限公司', 3)].forEach((values, i) =>
      values.forEach((v, c) => (ws.getCell(TEMPLATE_FIRST_DATA_ROW + i, c + 1).value = v)),
    );
    const { uploadId } = await stageUpload(desk.dataDir, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), '申报单位.xlsx');
    const report = await desk.call('applications.importTemplate', { batchId: '2026-1', uploadId, dryRun: false });
    expect(report.applied).toBe(0);
    expect(report.preview.map((r) => r.name)).toEqual(['福州 Minjiang 数据科技有限公司']);
    expect(report.errors.map((e) => e.message)).toEqual([
      `第${TEMPLATE_FIRST_DATA_ROW + 1}行 B列（单位名称）：单位名称含有不可见的控制字符（U+202E），请删除后重新输入。`,
      `第${TEMPLATE_FIRST_DATA_ROW + 2}行 B列（单位名称）：单位名称中的“𠈌”（U+2020C）无法打印：本机字体不含此字。`,
    ]);
    expect(await count()).toBe(0);

    const experts = new ExcelJS.Workbook();
    const es = experts.addWorksheet('专家名册');
    es.addRow(['评审专家名册']);
    es.addRow(['']);
    es.addRow(['序号', '姓名', '工作单位', '单位统一社会信用代码', '职称', '专业领域', '联系电话', '申报回避单位（多个用“、”分隔）']);
    es.addRow([1, '林\u202e某', '福州大学', '', '', '', '', '']);
    const staged = await stageUpload(desk.dataDir, Buffer.from((await experts.xlsx.writeBuffer()) as ArrayBuffer), '专家.xlsx');
    const expertReport = await desk.call('experts.importXlsx', { uploadId: staged.uploadId, dryRun: false });
    expect(expertReport.applied).toBe(0);
    expect(expertReport.errors.map((e) => e.message)).toEqual(['第4行 姓名：姓名含有不可见的控制字符（U+202E），请删除后重新输入。']);
  });
});
