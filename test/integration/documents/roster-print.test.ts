/**
 * Rosters legible on paper. For every xlsx the app writes: read back with exceljs, the effective print size
 * (font size × the scale the page setup gives on A4 — fit to one page wide computed from the column widths as
 * Excel computes them, or the fixed scale) is ≥ 9 pt for every cell that holds something; text that starts
 * like a formula has the quote-prefix style and no visible apostrophe; no header line starts with a closing
 * mark and every header line fits its column. Then LibreOffice prints each one to PDF: the text is there
 * ("@…" without the apostrophe) and the glyphs are at least 9 pt tall. The LibreOffice part needs soffice
 * (Debian package libreoffice-calc-nogui) and is skipped, saying so, where it is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../../electron/core/app.js';
import { catalogEntries, catalogRows } from '../../../electron/core/archive/catalog.js';
import { retentionTable } from '../../../electron/core/domain/archival-code.js';
import { INDICATORS } from '../../../electron/core/contract/centers/annual.js';
import { renderAssessmentRosterXlsx } from '../../../electron/core/documents/excel/assessment-roster.js';
import { hasQuotePrefix } from '../../../electron/core/documents/excel/quote-prefix.js';
import { renderSummaryRosterXlsx } from '../../../electron/core/documents/excel/summary-roster.js';
import { CENTER_UNITS, designatedCenters } from '../../helpers/centers.js';
import { tempDir, testClock } from '../../helpers/temp.js';
import { pdfWords } from './pdf-helpers.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const EVIL_UNIT = '@福州恶意科技有限公司';
const EVIL_ORG = '=1+2大学';

/** Excel's pixel width of a column `w` characters wide (default font: 7 px per character). */
const columnPx = (w: number): number => Math.trunc(((256 * w + Math.trunc(128 / 7)) / 256) * 7);
const A4_MM = { portrait: 210, landscape: 297 };

/** The scale a sheet prints at on A4. */
function printScale(ws: ExcelJS.Worksheet): number {
  const ps = ws.pageSetup;
  if (ps.fitToPage) {
    expect(ps.fitToWidth, ws.name).toBe(1); // one page wide, any number tall
    const margins = ps.margins ?? { left: 0.7, right: 0.7 };
    const printable = (A4_MM[ps.orientation === 'landscape' ? 'landscape' : 'portrait'] / 25.4 - margins.left - margins.right) * 96;
    const total = (ws.columns ?? []).reduce((s, c) => s + columnPx(c.width ?? 9), 0);
    return Math.min(100, Math.floor((100 * printable) / total)) / 100;
  }
  return (ps.scale ?? 100) / 100;
}

const CLOSING = /^[)\]）】〕〉》」』”’、，。；：！？]/u;
const textPx = (s: string): number => [...s].reduce((w, ch) => w + (/[\u2E80-\uFFFF]/u.test(ch) ? 14.67 : 7.34), 0);

interface Roster {
  name: string;
  data: Buffer;
  /** A text the file must show (LibreOffice check). */
  shows: string;
}

describe('rosters print at ≥ 9 pt on A4 with quote-prefixed formula-like text', () => {
  const rosters: Roster[] = [];
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  const clock = testClock('2026-03-10T02:00:00.000Z');

  beforeAll(async () => {
    t = tempDir();
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    const units = CENTER_UNITS.map((u, i) =>
      i === 0
        ? { ...u, name: '福建省福州市纺织化纤新材料科技股份有限公司（联合申报单位：福州大学、福建师范大学）' }
        : i === 1
          ? { ...u, name: EVIL_UNIT }
          : u,
    );
    await designatedCenters(desk, clock, units);
    // A formula-like expert organisation.
    await desk.call('experts.create', { name: '赵专家', organisation: EVIL_ORG, title: '教授', field: '知识产权', phone: '13800000002' });

    const file = async (p: Promise<{ path: string }>): Promise<Buffer> => readFileSync((await p).path);
    rosters.push({ name: 'batch roster', data: await file(desk.call('batches.exportXlsx', {})), shows: '申报批次一览表' });
    rosters.push({
      name: 'application roster',
      data: await file(desk.call('applications.exportRoster', { batchId: '2026-1' })),
      shows: '@福州恶意',
    });
    rosters.push({ name: 'application template', data: await file(desk.call('applications.exportTemplate', {})), shows: '申报单位信息表' });
    rosters.push({ name: 'experts', data: await file(desk.call('experts.exportRoster', {})), shows: EVIL_ORG });
    rosters.push({
      name: 'review summary',
      data: await file(desk.call('scoring.summaryXlsx', { batchId: '2026-1' })),
      shows: '评审汇总表',
    });
    rosters.push({ name: 'centers roster', data: await file(desk.call('centers.exportRoster', {})), shows: '认定名单' });
    rosters.push({
      name: 'summary roster',
      data: await renderSummaryRosterXlsx({
        year: 2026,
        bureauName: '福州市市场监督管理局',
        generatedOn: '2027-02-01',
        dueOn: '2027-01-31',
        rows: CENTER_UNITS.map((u, i) => ({
          center: { name: i === 1 ? '+加号中心' : u.proposedCenterName!, hostUnit: u.name, district: u.district!, industry: u.industry! },
          summary:
            i === 2
              ? null
              : { submittedOn: '2027-01-10', indicators: Object.fromEntries(INDICATORS.map((ind, k) => [ind.key, k * 3 + i])) as never },
        })),
      }),
      shows: '+加号中心',
    });
    rosters.push({
      name: 'assessment roster',
      data: await renderAssessmentRosterXlsx({
        year: 2026,
        bureauName: '福州市市场监督管理局',
        generatedOn: '2027-03-01',
        criteria: [
          { key: 'a', title: '知识产权协同保护工作开展情况', max: 30 },
          { key: 'b', title: '知识产权运营服务成效', max: 30 },
          { key: 'c', title: '工作团队与保障条件', max: 20 },
          { key: 'd', title: '年度工作总结与计划', max: 20 },
        ],
        rows: CENTER_UNITS.map((u, i) => ({
          center: { name: u.proposedCenterName!, hostUnit: u.name },
          assessment:
            i === 2
              ? null
              : {
                  scores: { a: 25, b: 24, c: 16, d: 15 },
                  total: 80,
                  grade: 'good' as const,
                  assessedOn: '2027-02-20',
                  comments: '=工作扎实，成效明显，建议进一步加强知识产权运营服务能力建设。',
                  assessors: ['林晓明', '陈志强'],
                },
        })),
      }),
      shows: '中期考核汇总表',
    });
    rosters.push({
      name: 'archive catalog',
      data: (
        await catalogEntries(
          catalogRows(
            [
              {
                path: '01-申报受理/2026年度第一批/受理通知书-福州纺织化纤科技有限公司.pdf',
                title: '受理通知书',
                recordKind: 'formalReviewNotice',
                responsible: '福州市市场监督管理局',
                docNumber: '榕市监知〔2026〕12号',
                date: '2026-04-02',
                pages: 2,
                format: 'PDF',
                size: 1234,
                sha256: 'a'.repeat(64),
                sm3: 'b'.repeat(64),
              },
              {
                path: '05-中心管理/中心认定名单.xlsx',
                title: '-中心认定名单',
                recordKind: 'roster',
                responsible: '福州市市场监督管理局',
                docNumber: '',
                date: '2027-01-05',
                pages: null,
                format: 'XLSX',
                size: 99,
                sha256: 'c'.repeat(64),
                sm3: 'd'.repeat(64),
              },
            ],
            {
              year: 2026,
              sealVersion: 1,
              sealedAt: '2027-01-05T02:00:00.000Z',
              bureauName: '福州市市场监督管理局',
              fondsNumber: 'J001',
              retention: retentionTable(),
            },
          ),
          {
            year: 2026,
            sealVersion: 1,
            sealedAt: '2027-01-05T02:00:00.000Z',
            bureauName: '福州市市场监督管理局',
            fondsNumber: 'J001',
            retention: retentionTable(),
            sealedAtText: '2027年1月5日 10:00',
          },
        )
      )[0]!.data,
      shows: '受理通知书',
    });
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
    t?.cleanup();
  });

  it('every roster: font × print scale ≥ 9 pt; formula-like text quote-prefixed; header lines fit and never start with a closing mark', async () => {
    expect(rosters).toHaveLength(9);
    let prefixed = 0;
    for (const r of rosters) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.data as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const scale = printScale(ws);
      let smallest = Infinity;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === null || cell.value === undefined || cell.value === '') return;
          smallest = Math.min(smallest, cell.font?.size ?? 11);
          if (typeof cell.value === 'string') {
            expect(cell.value, `${r.name} ${cell.address}`).not.toMatch(/^'[=+\-@]/);
            if (/^[=+\-@]/.test(cell.value)) {
              expect(hasQuotePrefix(cell), `${r.name} ${cell.address}`).toBe(true);
              prefixed++;
            }
          }
        }),
      );
      expect(smallest * scale, `${r.name}: ${smallest} pt × ${scale}`).toBeGreaterThanOrEqual(9);

      const headerRow = Number(String(ws.pageSetup.printTitlesRow ?? '').split(':')[0]);
      expect(headerRow, r.name).toBeGreaterThan(0);
      ws.getRow(headerRow).eachCell((cell, col) => {
        const width = ws.getColumn(col).width ?? 9;
        for (const line of String(cell.value).split('\n')) {
          expect(line, `${r.name} header ${cell.address}`).not.toMatch(CLOSING);
          expect(textPx(line), `${r.name} header "${line}" in a ${width}-character column`).toBeLessThanOrEqual(width * 7 - 1);
        }
      });
    }
    expect(prefixed).toBeGreaterThanOrEqual(7);
  });

  it.skipIf(!SOFFICE)(
    'LibreOffice prints each roster with its text, no apostrophes, at ≥ 9 pt',
    () => {
      const dir = process.env.ROSTER_PDF_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'desk-rosters-'));
      const files = rosters.map((r, i) => {
        const f = path.join(dir, `roster${i}.xlsx`);
        writeFileSync(f, r.data);
        return f;
      });
      execFileSync(
        SOFFICE!,
        [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files],
        { stdio: 'ignore', timeout: 300_000 },
      );
      rosters.forEach((r, i) => {
        const pdf = path.join(dir, `roster${i}.pdf`);
        expect(existsSync(pdf), r.name).toBe(true);
        const { words } = pdfWords(pdf);
        const text = words.map((w) => w.text).join('');
        expect(text, r.name).toContain(r.shows);
        expect(text, r.name).not.toMatch(/'[=+\-@]/);
        // Glyph boxes of the body text: ascent + descent is more than the type size, so ≥ 9 means ≥ 9 pt type.
        const heights = words.map((w) => w.yMax - w.yMin).sort((a, b) => a - b);
        expect(heights[Math.floor(heights.length / 2)]!, `${r.name} median word height`).toBeGreaterThanOrEqual(9);
      });
    },
    300_000,
  );

  it.skipIf(SOFFICE)('skipped the LibreOffice print check: soffice is not installed (apt-get install libreoffice-calc-nogui)', () => {
    expect(SOFFICE).toBeUndefined();
  });
});
