/**
 * 中期考核结果通知、复核决定 and the two rosters through desk.invoke: numbered on first print, the
 * same number and date on reprints (also in a sealed year), refusals in Chinese.
 */
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasQuotePrefix } from '../../electron/core/documents/excel/quote-prefix.js';
import { openDesk, type Desk } from '../../electron/core/app.js';
import type { ExportedFile } from '../../electron/core/contract/common.js';
import type { Center } from '../../electron/core/contract/designation.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, ok } from '../helpers/applications.js';
import { designatedCenters } from '../helpers/centers.js';
import { pdfText } from './documents/pdf-helpers.js';

const flat = (s: string): string => s.replace(/\s+/g, '');
const DOC_NO = /榕市监知〔\d{4}〕\d+号/;
const docNumberOf = (file: ExportedFile): string => flat(pdfText(file.path)).match(DOC_NO)![0];

const indicators = (n: number) => ({
  trainings: n,
  trainingAttendees: n * 40,
  assistanceCases: n,
  disputesMediated: n,
  allianceMembers: n * 2,
  transfersLicences: n,
  pledgeFinancing: n * 100.5,
  navigationProjects: n,
  trademarkGuidance: n,
});
/** Default 中期考核表 t1..t8 (10/15/15/10/15/10/15/10); `minus` points off t2. */
const scores = (minus: number) => ({ t1: 10, t2: 15 - minus, t3: 15, t4: 10, t5: 15, t6: 10, t7: 15, t8: 10 });

async function readSheet(file: ExportedFile): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file.path);
  return wb.worksheets[0]!;
}

describe('center documents through desk.invoke', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  let centers: Center[];
  const clock = testClock('2026-03-10T02:00:00.000Z');

  beforeEach(async () => {
    clock.set('2026-03-10T02:00:00.000Z');
    t = tempDir();
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    centers = (await designatedCenters(desk, clock)).centers;
    clock.set('2026-11-25T02:00:00.000Z');
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  const [c1, c2, c3] = ['C1', 'C2', 'C3'];
  const saveSummary = (centerId: string, n: number) =>
    ok(
      desk.invoke('summaries.save', {
        year: 2026,
        centerId,
        submittedOn: '2026-11-20',
        indicators: indicators(n),
        narrative: '全年工作总结。',
      }),
    );
  const assess = (centerId: string, minus: number, comments = '工作扎实。') =>
    ok(
      desk.invoke('assessments.save', {
        year: 2026,
        centerId,
        scores: scores(minus),
        comments,
        assessedOn: '2026-11-24',
        assessors: ['张三'],
      }),
    );

  it('summaries roster, the result notice numbered once, and the assessment roster', async () => {
    const none = await fail(desk.invoke('assessments.noticePdf', { year: 2026 }));
    expect(none.code).toBe('RULE_VIOLATION');
    expect(none.message).toContain('2026年度还没有登记任何中期考核结果');

    await saveSummary(c1, 5);
    await saveSummary(c2, 3);
    await assess(c1, 1); // 99 优秀
    await assess(c2, 15, '=cmd 维权援助工作未开展'); // 85 良好

    // 年度工作总结汇总表: C3 owes one and has none.
    const sws = await readSheet(await desk.call('summaries.exportRoster', { year: 2026 }));
    expect(sws.getCell('A1').value).toBe('2026年度产业知识产权协同保护与运营中心工作总结汇总表');
    expect(String(sws.getCell('A2').value)).toContain('应报3个，已报2个，未报1个');
    expect(sws.getCell('B4').value).toBe(centers[0]!.name);
    expect(sws.getCell('D4').value).toBe('长乐区');
    expect(sws.getCell('F6').value).toBe('未提交');
    expect(sws.getCell('G7').value).toMatchObject({ formula: 'SUM(G4:G6)', result: 8 });

    // First print: numbered, dated as asked.
    const first = await desk.call('assessments.noticePdf', { year: 2026, issuedOn: '2026-11-25' });
    const text = flat(pdfText(first.path));
    const number = docNumberOf(first);
    expect(first.fileName).toContain(number);
    for (const s of [
      '关于公布2026年度福州市产业知识产权协同保护与运营中心中期考核结果的通知',
      '各县（市）区市场监督管理局，各有关单位：',
      '优秀1个、良好1个、合格0个、不合格0个',
      '2026年11月25日',
      '99优秀',
      '85良好',
    ]) {
      expect(text).toContain(s);
    }
    // The attachment table, ranked: C1 (99) before C2 (85).
    const table = text.slice(text.indexOf('考核等次'));
    expect(table.indexOf('福州市纺织化纤产业')).toBeGreaterThan(0);
    expect(table.indexOf('福州市纺织化纤产业')).toBeLessThan(table.indexOf('福州市软件信息产业'));

    // The assessments page's view shows the notice: its number and date, not voided.
    expect((await desk.call('summaries.year', { year: 2026 })).resultNotice).toMatchObject({ docNumber: number, issuedOn: '2026-11-25' });
    expect((await desk.call('summaries.year', { year: 2026 })).resultNotice?.voided).toBeUndefined();

    // Reprint later with another date: same number, same 成文日期.
    clock.set('2026-12-03T02:00:00.000Z');
    const again = await desk.call('assessments.noticePdf', { year: 2026, issuedOn: '2026-12-03' });
    expect(docNumberOf(again)).toBe(number);
    expect(flat(pdfText(again.path))).toContain('2026年11月25日');
    expect(flat(pdfText(again.path))).not.toContain('2026年12月3日');
    expect(again.path).not.toBe(first.path);

    // 中期考核汇总表: ranked, the notice number in the subtitle, injection escaped.
    const aws = await readSheet(await desk.call('assessments.exportRoster', { year: 2026 }));
    expect(String(aws.getCell('A2').value)).toContain(number);
    expect((aws.getRow(3).values as unknown[]).slice(1, 5).map((v) => String(v).replace(/\n/g, ''))).toEqual([
      '序号',
      '中心名称',
      '依托单位',
      '宣传培训（10分）',
    ]);
    expect(aws.getCell('B4').value).toBe(centers[0]!.name);
    expect(aws.getRow(4).getCell(12).value).toBe(99);
    expect(aws.getRow(4).getCell(13).value).toBe('优秀');
    expect(aws.getRow(5).getCell(13).value).toBe('良好');
    expect(aws.getRow(5).getCell(16).value).toBe('=cmd 维权援助工作未开展'); // text by the quote-prefix style
    expect(hasQuotePrefix(aws.getRow(5).getCell(16))).toBe(true);

    // After the notice is issued, a correction needs a reason; it is kept on the assessment.
    const refused = await fail(
      desk.invoke('assessments.save', { year: 2026, centerId: c2, scores: scores(10), comments: '更正', assessedOn: '2026-11-24' }),
    );
    expect(refused.code).toBe('NEEDS_REASON');
    expect(refused.message).toContain(number);
    const corrected = await ok<{ total: number; corrections?: { reason: string }[] }>(
      desk.invoke('assessments.save', {
        year: 2026,
        centerId: c2,
        scores: scores(10),
        comments: '更正',
        assessedOn: '2026-11-24',
        reason: '复核评分时发现漏计一项',
      }),
    );
    expect(corrected.total).toBe(90);
    expect(corrected.corrections?.map((c) => c.reason)).toEqual(['复核评分时发现漏计一项']);

    // Voided (the number stays taken): the page's view says so, with who, when and why.
    clock.set('2026-12-04T02:00:00.000Z');
    await desk.call('archive.voidDocument', { ref: { kind: 'assessmentNotice', year: 2026 }, docNumber: number, reason: '等次统计有误' });
    expect((await desk.call('summaries.year', { year: 2026 })).resultNotice).toMatchObject({
      docNumber: number,
      voided: { at: '2026-12-04T02:00:00.000Z', reason: '等次统计有误' },
    });
    expect((await desk.call('summaries.year', { year: 2025 })).resultNotice).toBeNull();
  });

  it('refuses a 成文日期 before the last assessment', async () => {
    await saveSummary(c1, 5);
    await assess(c1, 0);
    const e = await fail(desk.invoke('assessments.noticePdf', { year: 2026, issuedOn: '2026-11-01' }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('早于最后一次考核日期');
  });

  it('复核决定 for retain, rectify and revoke: titles, facts, one number each, kept for reprints', async () => {
    const decide = (centerId: string, outcome: 'retain' | 'rectify' | 'revoke', extra: Record<string, unknown> = {}) =>
      desk.call('triennial.decide', {
        centerId,
        outcome,
        decidedOn: '2026-11-25',
        opinion: '中心工作开展情况一般\n需进一步加强',
        ...extra,
      });
    const revoke = (await decide(c3, 'revoke')).review;
    const rectify = (await decide(c2, 'rectify', { rectifyDeadline: '2027-03-31' })).review;
    const retain = (await decide(c1, 'retain', { opinion: '中心运行良好，成效明显。' })).review;

    const revokePdf = await desk.call('triennial.decisionPdf', { reviewId: revoke.id });
    const rt = flat(pdfText(revokePdf.path));
    for (const s of [
      `关于撤销${centers[2]!.name}认定的决定`,
      `${centers[2]!.hostUnit}：`,
      '自2026年11月25日起撤销',
      `证书（编号：${centers[2]!.certificateNumber}）同时作废`,
      '收回中心牌匾',
      '请你单位于2026年12月16日前将证书和牌匾交回我局', // the deadline recorded with the decision (15 working days)
      '需进一步加强。',
    ]) {
      expect(rt).toContain(s);
    }
    const rectifyPdf = await desk.call('triennial.decisionPdf', { reviewId: rectify.id, issuedOn: '2026-11-26' });
    const kt = flat(pdfText(rectifyPdf.path));
    for (const s of [`关于${centers[1]!.name}限期整改的通知`, '整改期限至2027年3月31日', '书面形式', '2026年11月26日'])
      expect(kt).toContain(s);
    const early = await fail(desk.invoke('triennial.decisionPdf', { reviewId: retain.id, issuedOn: '2026-11-01' }));
    expect(early.code).toBe('INVALID_INPUT');
    expect(early.message).toContain('早于复核结论日期');
    const retainPdf = await desk.call('triennial.decisionPdf', { reviewId: retain.id });
    const tt = flat(pdfText(retainPdf.path));
    // decided three years early: 提前复核, and the new cycle runs from the decision date
    for (const s of [
      `关于${centers[0]!.name}复核结果的通知`,
      '开展了提前复核',
      '决定保留',
      '证书有效期延续至2029年11月24日',
      '下一次复核时间为2029年11月25日',
      '2026年11月25日',
    ]) {
      expect(tt).toContain(s);
    }

    const numbers = [revokePdf, rectifyPdf, retainPdf].map(docNumberOf);
    expect(new Set(numbers).size).toBe(3);
    const seq = numbers.map((n) => Number(/〕(\d+)号/.exec(n)![1]));
    expect(seq[1]).toBe(seq[0]! + 1);
    expect(seq[2]).toBe(seq[1]! + 1);
    const stored = await desk.call('triennial.list', {});
    expect(stored.find((r) => r.id === rectify.id)!.notice).toMatchObject({ docNumber: numbers[1], issuedOn: '2026-11-26' });

    // Reprint: same number, same 成文日期, no new number handed out.
    clock.set('2026-12-10T02:00:00.000Z');
    const reprint = await desk.call('triennial.decisionPdf', { reviewId: rectify.id, issuedOn: '2026-12-10' });
    expect(docNumberOf(reprint)).toBe(numbers[1]);
    expect(flat(pdfText(reprint.path))).toContain('2026年11月26日');

    // Follow-up retain after the rectification: a new cycle from the decision date.
    clock.set('2027-04-01T02:00:00.000Z');
    const followUp = await desk.call('triennial.decide', {
      centerId: c2,
      outcome: 'retain',
      decidedOn: '2027-04-01',
      opinion: '整改到位。',
    });
    const fu = await desk.call('triennial.decisionPdf', { reviewId: followUp.review.id });
    const ft = flat(pdfText(fu.path));
    expect(ft).toContain('整改期满复核');
    expect(ft).toContain('下一次复核时间为2030年4月1日');
    expect(followUp.center.nextReviewDue).toBe('2030-04-01');
    expect(docNumberOf(fu)).toMatch(/〔2027〕1号/);

    expect((await fail(desk.invoke('triennial.decisionPdf', { reviewId: 'C9-R1' }))).code).toBe('NOT_FOUND');
  });

  it('in a sealed year: reprints work, a first print is refused', async () => {
    await saveSummary(c1, 5);
    await assess(c1, 0);
    const notice = await desk.call('assessments.noticePdf', { year: 2026 });
    const number = docNumberOf(notice);
    const r1 = (
      await desk.call('triennial.decide', { centerId: c3, outcome: 'revoke', decidedOn: '2026-11-25', opinion: '未按要求开展工作。' })
    ).review;
    const r2 = (await desk.call('triennial.decide', { centerId: c1, outcome: 'retain', decidedOn: '2026-11-25', opinion: '运行良好。' }))
      .review;
    const d1 = await desk.call('triennial.decisionPdf', { reviewId: r1.id });

    // Seal 2026 (the archive record as the archive area writes it).
    await desk.close();
    const file = path.join(t.dir, 'store', 'archives.json');
    const data = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { seals: [] }) as { seals: unknown[] };
    const seal = {
      year: 2026,
      version: 1,
      state: 'sealed',
      sealedAt: '2026-12-31T02:00:00.000Z',
      sealedBy: '张三',
      file: { fileName: 'a.zip', relPath: 'a.zip', path: path.join(t.dir, 'exports', 'a.zip'), size: 1, sha256: '0'.repeat(64) },
      manifestSha256: '0'.repeat(64),
      fileCount: 1,
      contentBytes: 1,
      acknowledged: [],
      warnings: [],
    };
    data.seals.push(seal);
    writeFileSync(file, JSON.stringify(data));
    clock.set('2027-01-05T02:00:00.000Z');
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });

    expect(docNumberOf(await desk.call('assessments.noticePdf', { year: 2026 }))).toBe(number);
    expect(docNumberOf(await desk.call('triennial.decisionPdf', { reviewId: r1.id }))).toBe(docNumberOf(d1));
    const refused = await fail(desk.invoke('triennial.decisionPdf', { reviewId: r2.id }));
    expect(refused.code).toBe('YEAR_SEALED');
    expect(refused.message).toContain('2026年度档案已封存');
    // Rosters are read-only: they still export.
    expect((await desk.call('assessments.exportRoster', { year: 2026 })).fileName).toContain('中期考核汇总表');
  });
});
