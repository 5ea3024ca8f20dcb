/**
 * One number everywhere: the 评审汇总表 PDF, its xlsx and the API result the 评审结果 screen shows agree cell
 * by cell — rank, each expert's total, mean, trimmed mean, final (two decimals, as the method text says)
 * and the verdict (通过 / 未通过 / 待定) — for a batch whose means need rounding.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../../electron/core/app.js';
import type { Application } from '../../../electron/core/contract/applications/entities.js';
import type { Expert } from '../../../electron/core/contract/expert-review/experts.js';
import { fullApplicant, ok, seedBatches } from '../../helpers/applications.js';
import { withTotal } from '../../helpers/designation.js';
import { tempDir, testClock } from '../../helpers/temp.js';
import { pdfWords } from './pdf-helpers.js';

/** Expert totals per application (null: that expert enters no sheet for it). */
const PLAN: { name: string; totals: (number | null)[] }[] = [
  // five sheets: trimmed mean (80.5 + 81 + 83.5) / 3 = 81.666… → 81.67; mean 405 / 5 = 81.00
  { name: '福州甲科技有限公司', totals: [70, 80.5, 81, 83.5, 90] },
  // three sheets: mean (80 + 82 + 83) / 3 = 81.666… → 81.67, no trimmed mean
  { name: '福州乙科技有限公司', totals: [80, 82, 83, null, null] },
  // two sheets: below the quorum of three → 待定
  { name: '福州丙科技有限公司', totals: [88, 91.5, null, null, null] },
  // five sheets, below the pass line: mean 62.5, trimmed (60.5 + 62 + 63) / 3 = 61.833… → 61.83
  { name: '福州丁科技有限公司', totals: [55, 60.5, 62, 63, 72] },
];

/** The cells the screen shows for one application, worded literally (not through the code under test). */
const EXPECTED: Record<string, string[]> = {
  // rank, totals ×5, count, mean, trimmed mean, final, verdict
  福州甲科技有限公司: ['1', '70', '80.5', '81', '83.5', '90', '5', '81.00', '81.67', '81.67', '通过'],
  福州乙科技有限公司: ['1', '80', '82', '83', '—', '—', '3', '81.67', '—', '81.67', '通过'],
  福州丁科技有限公司: ['3', '55', '60.5', '62', '63', '72', '5', '62.50', '61.83', '61.83', '未通过'],
  福州丙科技有限公司: ['—', '88', '91.5', '—', '—', '—', '2', '89.75', '—', '89.75', '待定'],
};

describe('评审汇总表: PDF, xlsx and screen agree', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  const clock = testClock('2026-03-10T02:00:00.000Z');
  beforeEach(async () => {
    t = tempDir();
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    await seedBatches(desk);
    await ok(desk.invoke('settings.update', { operatorName: '王秘书' }));
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  it('prints the same rank, totals, mean, trimmed mean, final and verdict in all three', async () => {
    const apps: Application[] = [];
    for (const [i, p] of PLAN.entries()) {
      const app = await desk.call('applications.create', {
        batchId: '2026-1',
        applicant: fullApplicant(p.name, i + 1),
        proposedCenterName: `${p.name}中心`,
      });
      await ok(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
      apps.push(await desk.call('formalReview.accept', { applicationId: app.id }));
    }
    const experts: Expert[] = [];
    for (const [i, name] of ['林晓明', '陈志强', '王丽', '黄建华', '欧阳思远'].entries())
      experts.push(
        await desk.call('experts.create', {
          name,
          organisation: `专家单位${i + 1}`,
          title: '教授',
          field: '知识产权',
          phone: '13800000001',
        }),
      );
    await ok(desk.invoke('scoring.setPanel', { batchId: '2026-1', expertIds: experts.map((e) => e.id) }));
    await ok(desk.invoke('scoring.assign', { batchId: '2026-1', mode: 'all' }));
    for (const [i, p] of PLAN.entries()) {
      for (const [k, total] of p.totals.entries()) {
        if (total === null) continue;
        await ok(
          desk.invoke('scoring.enterSheet', {
            applicationId: apps[i]!.id,
            expertId: experts[k]!.id,
            scores: withTotal(total),
            comment: total < 70 ? '综合条件不足。' : '',
            recommendation: total < 70 ? 'notRecommend' : 'recommend',
            signedOn: '2026-04-10',
          }),
        );
      }
    }

    // The API result the screen renders: its numbers are the literal ones above.
    const results = await desk.call('scoring.results', { batchId: '2026-1' });
    expect(results.rows).toHaveLength(4);
    const byName = new Map(results.rows.map((r) => [r.name, r] as const));
    expect(byName.get('福州甲科技有限公司')).toMatchObject({ mean: 81, trimmedMean: 81.67, final: 81.67, rank: 1, passed: true });
    expect(byName.get('福州乙科技有限公司')).toMatchObject({ mean: 81.67, trimmedMean: null, final: 81.67, rank: 1 });
    expect(byName.get('福州丙科技有限公司')).toMatchObject({ quorumMet: false, rank: null, passed: false });

    // PDF: the words on each application's line, left to right, from rank to verdict.
    const pdf = await desk.call('scoring.summaryPdf', { batchId: '2026-1' });
    const { words } = pdfWords(pdf.path);
    for (const [name, cells] of Object.entries(EXPECTED)) {
      const label = words.find((w) => w.text === name)!;
      expect(label, name).toBeDefined();
      const line = words
        .filter((w) => w.page === label.page && Math.abs(w.yMin - label.yMin) < 2 && w !== label)
        .sort((a, b) => a.xMin - b.xMin)
        .map((w) => w.text);
      expect(line.slice(0, cells.length), name).toEqual(cells);
    }
    // The sign-off block: every panel expert, the 组长 and 制表.
    const text = words.map((w) => w.text).join('');
    expect(text).toContain('评审专家（签字）：');
    const signOff = text.slice(text.indexOf('评审专家（签字）：'));
    for (const e of experts) expect(signOff, e.name).toContain(e.name);
    expect(text).toContain('专家组组长（签字）：');
    expect(text).toContain('制表：王秘书');
    expect(text).not.toContain('81.7');
    expect(text).not.toMatch(/(?<![\u4e00-\u9fff])否/u);

    // xlsx: each cell shown through its number format is the same text.
    const xlsx = await desk.call('scoring.summaryXlsx', { batchId: '2026-1' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.path);
    const ws = wb.worksheets[0]!;
    const shown = (c: ExcelJS.Cell): string => {
      const v = c.value;
      if (typeof v !== 'number') return String(v);
      const fmt = c.numFmt ?? 'General';
      return fmt === '0.00' ? v.toFixed(2) : fmt === '0' ? v.toFixed(0) : String(v);
    };
    for (const [name, cells] of Object.entries(EXPECTED)) {
      let found = 0;
      ws.eachRow((row) => {
        if (row.getCell(2).value !== name) return;
        found++;
        const got = [row.getCell(1), ...Array.from({ length: cells.length - 1 }, (_, i) => row.getCell(3 + i))].map(shown);
        expect(got, name).toEqual(cells);
      });
      expect(found, name).toBe(1);
    }
    const all: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => all.push(String(c.value))));
    expect(all.join('')).toContain('专家组组长（签字）');
    expect(all.join('')).toContain('评审专家（签字）：林晓明');
  });
});
