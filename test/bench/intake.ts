/** Intake bench rows: search, roster export and template import through the real API on the synthetic folder. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { openDesk } from '../../electron/core/app.js';
import { TEMPLATE_FIRST_DATA_ROW, TEMPLATE_SHEET } from '../../electron/core/documents/excel/application-columns.js';
import { stageUpload } from '../../electron/core/store/uploads.js';
import { uscc } from './synthetic.js';
import { median, timeIt, type Row } from './stats.js';

type Envelope = { ok: boolean; value?: unknown; error?: { message: string } };
function must<T>(r: Envelope): T {
  if (!r.ok) throw new Error(`bench call failed: ${r.error?.message}`);
  return r.value as T;
}

export async function intakeRows(dataDir: string, _batchKey: string): Promise<Row[]> {
  const rows: Row[] = [];
  const desk = await openDesk({ dataDir, host: 'cli', log: () => undefined });
  try {
    const first = await timeIt(async () => must(await desk.invoke('applications.list', { search: 'fzsk' })));
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push(await timeIt(async () => must(await desk.invoke('applications.list', { search: `fz${i}` }))));
    rows.push({
      measure: 'applications.list, pinyin search over 5,000 (first call)',
      result: first,
      unit: 'ms',
      baseline: 500,
      baselineName: 'responsive',
    });
    rows.push({
      measure: 'applications.list, pinyin search over 5,000 (warm)',
      result: median(warm),
      unit: 'ms',
      baseline: 100,
      baselineName: 'responsive',
    });

    const roster = await timeIt(async () => must(await desk.invoke('applications.exportRoster', {})));
    rows.push({ measure: 'roster export, 5,000 applications (xlsx)', result: roster, unit: 'ms', baseline: 2000, baselineName: 'target' });

    const template = must<{ path: string }>(await desk.invoke('applications.exportTemplate', {}));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(template.path) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    for (let i = 0; i < 500; i++) {
      const n = 20_000 + i;
      const values = [
        i + 1,
        `福州闽江第${n}号科技有限公司`,
        uscc(n),
        '企业',
        '林某',
        '陈某',
        '0591-87654321',
        '福州市鼓楼区某路1号',
        '鼓楼区',
        '软件信息',
        '自愿申报',
        '',
        `第${n}号中心`,
        3,
        2,
        1,
        5,
        0,
        1,
        0,
      ];
      values.forEach((v, c) => (ws.getCell(TEMPLATE_FIRST_DATA_ROW + i, c + 1).value = v));
    }
    const data = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    // The synthetic batches are designated (closed to intake): import into a batch that is open.
    const open = must<{ id: string }>(
      await desk.invoke('batches.create', { year: 2030, title: '2030年第1批性能测试', opensOn: '2030-03-01', closesOn: '2030-03-31' }),
    );
    const imported = await timeIt(async () => {
      const { uploadId } = await stageUpload(desk.dataDir, data, 'bench.xlsx');
      const report = must<{ applied: number }>(
        await desk.invoke('applications.importTemplate', { batchId: open.id, uploadId, dryRun: false, windowOverrideReason: '性能测试' }),
      );
      if (report.applied !== 500) throw new Error(`import applied ${report.applied}`);
    });
    rows.push({
      measure: 'template import, 500 rows (validate + apply)',
      result: imported,
      unit: 'ms',
      baseline: 1000,
      baselineName: 'target',
    });
  } finally {
    await desk.close();
  }
  return rows;
}
