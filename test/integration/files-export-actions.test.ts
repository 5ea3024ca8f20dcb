/**
 * What the preview does with an export besides drawing it: a roster's first rows as a table
 * (files.readExportTable, read back against exceljs), 用表格软件打开 / 打开所在文件夹 through the desktop host's
 * services (files.openExport / files.revealExport), and 另存为… (files.saveExportAs) into a picked folder.
 */
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, fullApplicant, ok, seedBatches } from '../helpers/applications.js';

describe('files: actions on an export', () => {
  let t: ReturnType<typeof tempDir>;
  let outside: ReturnType<typeof tempDir>;
  let desk: Desk;
  const opened: string[] = [];
  const shown: string[] = [];
  const clock = testClock('2026-03-10T02:00:00.000Z');

  async function open(desktop: boolean) {
    desk = await openDesk({
      dataDir: t.dir,
      host: desktop ? 'electron' : 'web',
      clock: clock.now,
      log: () => undefined,
      ...(desktop
        ? { hostServices: { openPath: async (f: string) => void opened.push(f), showInFolder: (f: string) => void shown.push(f) } }
        : {}),
    });
  }
  beforeEach(async () => {
    t = tempDir();
    outside = tempDir('desk-save-as-');
    opened.length = 0;
    shown.length = 0;
    await open(true);
    await seedBatches(desk);
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
    outside.cleanup();
  });

  async function roster(count: number) {
    for (let i = 0; i < count; i++)
      await desk.call('applications.create', {
        batchId: '2026-1',
        applicant: fullApplicant(`福州闽江第${i + 1}号科技有限公司`, 10 + i),
        proposedCenterName: `福州市第${i + 1}号产业知识产权协同保护与运营中心`,
      });
    return desk.call('applications.exportRoster', { batchId: '2026-1' });
  }

  it('answers the first rows of a roster as exceljs reads them, and says when more follow', async () => {
    const file = await roster(12);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file.path) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const head = await desk.call('files.readExportTable', { path: file.path, maxRows: 8 });
    expect(head.fileName).toBe(file.fileName);
    expect(head.sheetName).toBe(ws.name);
    expect(head.rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(head.truncated).toBe(true);
    for (const row of head.rows) {
      // A merged range (the title) shows its text once, in its first cell, as a spreadsheet program shows it.
      const expected = Array.from({ length: ws.columnCount }, (_, i) => {
        const cell = ws.getRow(row.number).getCell(i + 1);
        if (cell.isMerged && cell.master.address !== cell.address) return '';
        return cell.value === null || cell.value === undefined ? '' : cell.text;
      });
      while (expected.length && expected.at(-1) === '') expected.pop();
      expect(row.cells, `row ${row.number}`).toEqual(expected);
    }
    // A unit name is in the table, in the row exceljs has it.
    expect(head.rows.flatMap((r) => r.cells).some((c) => c.includes('福州闽江第1号科技有限公司'))).toBe(true);
    expect(head.columnCount).toBeGreaterThanOrEqual(5);
    // Asked for every row: nothing more follows.
    const all = await desk.call('files.readExportTable', { path: file.relPath, maxRows: 200 });
    expect(all.truncated).toBe(false);
    expect(all.rows.at(-1)!.number).toBe(ws.actualRowCount);
  });

  it('refuses a PDF, a damaged xlsx and a path outside the exports folder, naming the file', async () => {
    writeFileSync(path.join(t.dir, 'exports', '坏表.xlsx'), 'PK\x03\x04 not a zip');
    const bad = await fail(desk.invoke('files.readExportTable', { path: '坏表.xlsx' }));
    expect(bad.code).toBe('FILE_REJECTED');
    expect(bad.message).toContain('坏表.xlsx');
    writeFileSync(path.join(t.dir, 'exports', '通知.pdf'), '%PDF-1.4\n%%EOF\n');
    const pdf = await fail(desk.invoke('files.readExportTable', { path: '通知.pdf' }));
    expect(pdf.code).toBe('FILE_REJECTED');
    const secret = path.join(outside.dir, 'x.xlsx');
    writeFileSync(secret, 'PK\x03\x04');
    symlinkSync(secret, path.join(t.dir, 'exports', 'link.xlsx'));
    for (const method of ['files.readExportTable', 'files.openExport', 'files.revealExport'] as const) {
      for (const p of [secret, '../store/settings.json', 'link.xlsx']) {
        const e = await fail(desk.invoke(method, { path: p }));
        expect(e.code, `${method} ${p}`).toBe('INVALID_INPUT');
      }
    }
    const out = await fail(desk.invoke('files.saveExportAs', { path: secret, targetDir: outside.dir }));
    expect(out.code).toBe('INVALID_INPUT');
    expect(opened).toEqual([]);
    expect(shown).toEqual([]);
  });

  it('opens an export with the system program and shows it in its folder (desktop); the web host answers false', async () => {
    const file = await roster(1);
    expect(await ok(desk.invoke('files.openExport', { path: file.path }))).toEqual({ opened: true });
    expect(await ok(desk.invoke('files.revealExport', { path: file.relPath }))).toEqual({ shown: true });
    expect(opened).toEqual([file.path]);
    expect(shown).toEqual([file.path]);
    const missing = await fail(desk.invoke('files.openExport', { path: '没有.xlsx' }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toContain('没有.xlsx');

    await desk.close();
    await open(false);
    expect(await ok(desk.invoke('files.openExport', { path: file.path }))).toEqual({ opened: false });
    expect(await ok(desk.invoke('files.revealExport', { path: file.path }))).toEqual({ shown: false });
    expect(opened).toHaveLength(1);
  });

  it('另存为 copies the bytes into the picked folder and never replaces a file there', async () => {
    const file = await roster(1);
    const first = await desk.call('files.saveExportAs', { path: file.path, targetDir: outside.dir });
    expect(first.path).toBe(path.join(outside.dir, file.fileName));
    expect(readFileSync(first.path).equals(readFileSync(file.path))).toBe(true);
    const second = await desk.call('files.saveExportAs', { path: file.relPath, targetDir: outside.dir });
    const ext = path.extname(file.fileName);
    expect(path.basename(second.path)).toBe(`${path.basename(file.fileName, ext)}（2）${ext}`);
    expect(readFileSync(first.path).equals(readFileSync(file.path))).toBe(true);
    const noFolder = await fail(desk.invoke('files.saveExportAs', { path: file.path, targetDir: path.join(outside.dir, '没有') }));
    expect(noFolder).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'targetDir' } });
    expect(noFolder.message).toContain('不存在');
    const aFile = await fail(desk.invoke('files.saveExportAs', { path: file.path, targetDir: first.path }));
    expect(aFile.message).toContain('不是文件夹');
  });
});
