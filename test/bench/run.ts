/**
 * npm run bench — synthetic data at 10x real scale; prints a table of results with ratios to the named
 * baseline (the target for this machine unless said otherwise). Never run inside the test suite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store } from '../../electron/core/store/store.js';
import { buildRoster, workbookToBuffer } from '../../electron/core/documents/excel/style.js';
import { renderBatchListPdf } from '../../electron/core/documents/pdf/batch-list.js';
import { DEFAULT_SETTINGS } from '../../electron/core/store/parts.js';
import { writeSyntheticStore, SCALE } from './synthetic.js';
import { median, percentile, table, timeIt, type Row } from './stats.js';
import { intakeRows } from './intake.js';
import { reviewRows } from './review.js';
import { certificateRows } from './certificates.js';
import { noticeRows } from './notices.js';
import { templatePreviewRows } from './template-preview.js';
import { previewRows } from './preview.js';
import { fontsRows } from './fonts.js';
import { archiveRows } from './archive.js';
import { dashboardRows } from './dashboard.js';
import { backupRows } from './backup-file.js';
import { excelImportRows } from './excel-import.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-bench-'));
const clock = () => new Date();
const rows: Row[] = [];
try {
  const { bytes, batchKeys } = await writeSyntheticStore(path.join(dir, 'store'));
  console.log(
    `synthetic data: ${SCALE.applications} applications, ${SCALE.experts} experts, ${SCALE.scoreSheets} score sheets, ${SCALE.centers} centers × ${SCALE.summariesPerCenter} summaries — ${(bytes / 1048576).toFixed(1)} MB in ${batchKeys.length * 2 + 8} parts`,
  );

  // Store open: fixed parts, then the working set of the current batch (applications + scores).
  const opens: number[] = [];
  const openAndLoad: number[] = [];
  for (let i = 0; i < 5; i++) {
    opens.push(await timeIt(async () => (await Store.open(dir, { clock })).close()));
    openAndLoad.push(
      await timeIt(async () => {
        const s = await Store.open(dir, { clock });
        await s.readKeyed('batch', batchKeys.at(-1)!);
        await s.readKeyed('scores', batchKeys.at(-1)!);
        await s.close();
      }),
    );
  }
  rows.push({ measure: 'store open', result: median(opens), unit: 'ms', baseline: 300, baselineName: 'target' });
  rows.push({
    measure: 'store open + current batch (500 apps, 5,000 score sheets)',
    result: median(openAndLoad),
    unit: 'ms',
    baseline: 300,
    baselineName: 'target',
  });

  // Write latency with fsync: update one application in a 500-application batch part, and one score sheet.
  const store = await Store.open(dir, { clock });
  const key = batchKeys.at(-1)!;
  await store.readKeyed('scores', key);
  await store.write(
    'settings',
    (d) => {
      d.settings.operatorName = 'bench';
    },
    () => ({ method: 'bench', entity: 'settings', summary: 'warm' }),
  );
  const lat: number[] = [];
  for (let i = 0; i < 200; i++) {
    lat.push(
      await timeIt(() =>
        i % 2
          ? store.writeKeyed(
              'batch',
              key,
              (d) => {
                d.applications[i % d.applications.length]!.status = i % 4 ? 'accepted' : 'supplementRequired';
              },
              () => ({ method: 'bench.write', entity: `application:${i}`, summary: 'status' }),
            )
          : store.writeKeyed(
              'scores',
              key,
              (d) => {
                d.scoreSheets[i]!.comment = `评语${i}`;
              },
              () => ({ method: 'bench.write', entity: `scoreSheet:${i}`, summary: 'comment' }),
            ),
      ),
    );
  }
  await store.close();
  rows.push({ measure: 'write latency p50 (fsync)', result: percentile(lat, 50), unit: 'ms', baseline: 30, baselineName: 'target p99' });
  rows.push({ measure: 'write latency p99 (fsync)', result: percentile(lat, 99), unit: 'ms', baseline: 30, baselineName: 'target' });

  // xlsx export: a styled 5,000-row roster.
  const rosterRows = Array.from({ length: SCALE.applications }, (_, i) => ({
    no: i + 1,
    name: `福州某某科技有限公司${i}`,
    uscc: `91350100${String(i).padStart(9, '0')}X`,
    district: '鼓楼区',
    industry: '电子信息',
    status: '已受理',
  }));
  const columns = [
    { header: '序号', key: 'no', width: 6, kind: 'number' as const },
    { header: '申报单位', key: 'name', width: 30 },
    { header: '统一社会信用代码', key: 'uscc', width: 22 },
    { header: '县(市)区', key: 'district', width: 10 },
    { header: '产业', key: 'industry', width: 10 },
    { header: '状态', key: 'status', width: 8 },
  ];
  const xlsxMs = await timeIt(async () =>
    workbookToBuffer(buildRoster({ sheetName: '申报汇总表', title: '申报汇总表', columns, rows: rosterRows, orientation: 'landscape' })),
  );
  rows.push({ measure: 'xlsx export, 5,000-row roster', result: xlsxMs, unit: 'ms', baseline: 2000, baselineName: 'target' });

  // One-page PDF, warm (fonts loaded once).
  const batches = [
    {
      id: '2026-1',
      year: 2026,
      sequence: 1,
      title: '2026年第一批产业知识产权协同保护与运营中心申报',
      opensOn: '2026-03-02',
      closesOn: '2026-03-31',
      status: 'open' as const,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
  ];
  const pdfInput = { batches, settings: DEFAULT_SETTINGS, generatedOn: '2026-11-24' };
  const cold = await timeIt(() => renderBatchListPdf(pdfInput));
  const warm: number[] = [];
  for (let i = 0; i < 10; i++) warm.push(await timeIt(() => renderBatchListPdf(pdfInput)));
  rows.push({ measure: 'one-page PDF, cold (font load)', result: cold, unit: 'ms', baseline: 150, baselineName: 'warm target' });
  rows.push({ measure: 'one-page PDF, warm', result: median(warm), unit: 'ms', baseline: 150, baselineName: 'target' });

  rows.push(...(await intakeRows(dir, batchKeys.at(-1)!)));
  rows.push(...(await dashboardRows(dir)));
  rows.push(...(await reviewRows()));
  rows.push(...(await certificateRows()));
  rows.push(...(await noticeRows()));
  rows.push(...(await templatePreviewRows()));
  rows.push(...(await previewRows()));
  rows.push(...(await fontsRows()));
  rows.push(...(await archiveRows()));
  rows.push(...(await backupRows()));
  rows.push(...(await excelImportRows()));

  console.log(table(rows));
  console.log(`peak RSS: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
