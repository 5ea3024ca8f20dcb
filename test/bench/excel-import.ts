/**
 * Bench rows: hostile Excel imports are refused quickly and in bounded memory (issue 10 item 7).
 * Files generated here: a 1 MB xlsx whose sheet inflates to 1 GiB (whitespace bomb) and a real
 * 1,000,000-row filled template (28 MB) — plus each with its sheet's size understated in the zip
 * headers, so the container check passes and the streaming reader must stop it (inflated-bytes cap, row cap).
 * Each is imported through the real API (upload staged, applications.importTemplate) in a child process
 * of its own, so the peak RSS (getrusage maxRSS) belongs to that import alone; growth = peak − RSS before.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEMPLATE_COLUMNS, TEMPLATE_SHEET } from '../../electron/core/documents/excel/application-columns.js';
import { XLSX_LIMITS } from '../../electron/core/documents/excel/xlsx-read.js';
import { buildXlsx, repeatedPart, rowXml, sharedStringsXml, streamedPart, SHEET_HEAD, SHEET_TAIL } from '../helpers/xlsx-files.js';
import type { Row } from './stats.js';

export interface ImportProbe {
  ms: number;
  rssGrowthBytes: number;
  refused: boolean;
  /** The refusal (DeskError message or the report's first problem). */
  message: string;
}

const HEADER = TEMPLATE_COLUMNS.map((c) => c.header);
const ROWS = 1_000_000;

/** The 1 GiB-sheet bomb, and the same with its sheet declared just under the sheet cap (the real bytes are then stopped while inflating). */
function bombXlsx(): { honest: Buffer; understated: Buffer } {
  const start =
    SHEET_HEAD +
    rowXml(3, HEADER) +
    rowXml(4, [1, '福州闽江第1号科技有限公司', '91350100MA0000001P', '企业', '林某', '陈某', '0591-87654321']);
  const parts = { sheetName: TEMPLATE_SHEET, sheet: repeatedPart(start, Buffer.alloc(1024 * 1024, ' '), 1024, SHEET_TAIL) };
  return {
    honest: buildXlsx(parts),
    understated: buildXlsx({ ...parts, declared: { 'xl/worksheets/sheet1.xml': XLSX_LIMITS.maxSheetBytes - 1 } }),
  };
}

/** A filled template with 1,000,000 data rows (7 columns each, text in shared strings), and the same with a 30 MB declared sheet size. */
function millionRowXlsx(): { honest: Buffer; understated: Buffer } {
  const names = Array.from({ length: 1000 }, (_, i) => `福州闽江第${i}号科技有限公司`);
  const usccs = Array.from({ length: 1000 }, (_, i) => `91350100MA${String(i).padStart(7, '0')}X`);
  const strings = [...HEADER, ...names, ...usccs, '企业', '林某', '陈某', '0591-87654321'];
  const shared = new Map(strings.map((s, i) => [s, i]));
  function* pieces(): Generator<string> {
    yield SHEET_HEAD + rowXml(3, HEADER, shared);
    for (let i = 0; i < ROWS; i++)
      yield rowXml(4 + i, [i + 1, names[i % 1000]!, usccs[i % 1000]!, '企业', '林某', '陈某', '0591-87654321'], shared);
    yield SHEET_TAIL;
  }
  const sheet = streamedPart(pieces());
  const parts = { sheetName: TEMPLATE_SHEET, sheet, sharedStrings: sharedStringsXml(strings) };
  return { honest: buildXlsx(parts), understated: buildXlsx({ ...parts, declared: { 'xl/worksheets/sheet1.xml': 30 * 1024 * 1024 } }) };
}

function probe(file: string): Promise<ImportProbe> {
  const child = fileURLToPath(new URL('./excel-import-child.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const p = fork(child, [file], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    p.once('message', (m) => resolve(m as ImportProbe));
    p.once('error', reject);
    p.once('exit', (code) => (code ? reject(new Error(`bench child exited with ${code}`)) : undefined));
  });
}

export async function excelImportRows(): Promise<Row[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-bench-xlsx-'));
  const rows: Row[] = [];
  try {
    const bomb = bombXlsx();
    const million = millionRowXlsx();
    const cases = [
      { measure: `xlsx bomb, ${(bomb.honest.length / 1048576).toFixed(1)} MB file, sheet inflates to 1 GiB`, data: bomb.honest },
      { measure: `1,000,000-row workbook (${(million.honest.length / 1048576).toFixed(0)} MB)`, data: million.honest },
      { measure: 'same bomb, sheet declared 32 MB (stopped while inflating)', data: bomb.understated },
      { measure: 'same 1,000,000 rows, sheet declared 30 MB (stopped at the row cap)', data: million.understated },
    ];
    for (const c of cases) {
      const file = path.join(dir, 'import.xlsx');
      writeFileSync(file, c.data);
      const r = await probe(file);
      if (!r.refused) throw new Error(`bench: ${c.measure} was not refused`);
      console.log(`${c.measure}: ${r.message.slice(0, 120)}`);
      rows.push({ measure: `${c.measure}: refused in`, result: r.ms, unit: 'ms', baseline: 2000, baselineName: 'target' });
      rows.push({
        measure: `${c.measure}: peak RSS growth`,
        result: r.rssGrowthBytes / 1048576,
        unit: 'MB',
        baseline: 200,
        baselineName: 'target',
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

// `npx tsx test/bench/excel-import.ts` runs only these rows.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { table } = await import('./stats.js');
  console.log(table(await excelImportRows()));
}
