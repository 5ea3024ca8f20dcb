/**
 * OFD beside PDF for every official document the desk prints (受理/补正/不予受理通知书, 中期考核结果通知,
 * 复核决定, 评审任务通知单, 公示通知), through the API with `fileType: 'ofd'`, read back with code the writer does
 * not use (ofd-checks.ts). The OFD of a numbered document is a reprint: the same 发文字号, and nothing in the
 * data folder changes but the new file in exports/. A first print asked as OFD takes its number as a PDF would.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../../electron/core/app.js';
import type { Application } from '../../../electron/core/contract/applications/entities.js';
import type { ExportedFile } from '../../../electron/core/contract/common.js';
import { tempDir, testClock } from '../../helpers/temp.js';
import { fullApplicant, ok, seedBatches } from '../../helpers/applications.js';
import { CENTER_UNITS } from '../../helpers/centers.js';
import { scoredBatch } from '../../helpers/designation.js';
import { readOfd, type ReadOfd } from '../../helpers/ofd.js';
import { expectSamePositions, expectWellFormed } from './ofd-checks.js';

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every file of the data folder but exports/ (store parts, counters, audit log), by content hash. */
function dataFolder(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const sub of ['store', 'audit']) {
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else out.set(path.relative(root, p), sha(p));
      }
    };
    walk(path.join(root, sub));
  }
  return out;
}

const counters = (root: string): Record<string, number> =>
  (JSON.parse(readFileSync(path.join(root, 'store', 'counters.json'), 'utf8')) as { counters: Record<string, number> }).counters;

/** The OFD file, well formed, its text in reading order. */
async function ofdOf(file: ExportedFile): Promise<{ o: ReadOfd; text: string }> {
  expect(file.fileName.endsWith('.ofd'), file.fileName).toBe(true);
  const data = readFileSync(file.path);
  expect(data.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip package
  const o = await readOfd(data);
  expect(o.names).toContain('OFD.xml');
  expect(o.names).toContain('Doc_0/Document.xml');
  expect(o.pages.length).toBeGreaterThan(0);
  expect(o.pages[0]!.part).toMatch(/^Doc_0\/Pages\/Page_0\/Content\.xml$/);
  expectWellFormed(o);
  return {
    o,
    text: o
      .chars()
      .map((c) => c.char)
      .join(''),
  };
}

describe('OFD of the numbered notices and letters (one desk through designation and the annual work)', () => {
  const t = tempDir();
  const clock = testClock('2026-03-10T02:00:00.000Z');
  let desk: Desk;
  let apps: Application[];
  let packageId: string;
  let expertId: string;
  let reviewId: string;
  beforeAll(async () => {
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    apps = await scoredBatch(desk, CENTER_UNITS);
    const lin = (await desk.call('experts.list', {})).find((e) => e.name === '林教授')!;
    expertId = lin.id;
    packageId = (await desk.call('packages.export', { batchId: '2026-1', expertId })).packageId;
    clock.set('2026-09-27T02:00:00.000Z');
    await ok(
      desk.invoke('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28', contact: { name: '陈科长', phone: '0591-87600000' } }),
    );
    clock.set('2026-10-12T02:00:00.000Z');
    await desk.call('decision.create', { batchId: '2026-1', decidedOn: '2026-10-12' }); // 榕市监知〔2026〕1号
    clock.set('2026-11-25T02:00:00.000Z');
    await ok(
      desk.invoke('summaries.save', {
        year: 2026,
        centerId: 'C1',
        submittedOn: '2026-11-20',
        indicators: {
          trainings: 1,
          trainingAttendees: 40,
          assistanceCases: 1,
          disputesMediated: 1,
          allianceMembers: 2,
          transfersLicences: 1,
          pledgeFinancing: 100.5,
          navigationProjects: 1,
          trademarkGuidance: 1,
        },
        narrative: '全年工作总结。',
      }),
    );
    await ok(
      desk.invoke('assessments.save', {
        year: 2026,
        centerId: 'C1',
        scores: { t1: 10, t2: 14, t3: 15, t4: 10, t5: 15, t6: 10, t7: 15, t8: 10 },
        comments: '工作扎实。',
        assessedOn: '2026-11-24',
        assessors: ['张三'],
      }),
    );
    reviewId = (await desk.call('triennial.decide', { centerId: 'C2', outcome: 'retain', decidedOn: '2026-11-25', opinion: '运行良好。' }))
      .review.id;
  });
  afterAll(async () => {
    await desk.close();
    t.cleanup();
  });

  it('受理通知书: the OFD of the numbered notice keeps its 发文字号 and changes nothing in the data folder', async () => {
    const pdf = await desk.call('formalReview.notice', { applicationId: apps[0]!.id });
    const docNumber = '榕市监知〔2026〕2号';
    expect(pdf.fileName).toContain(docNumber);
    const before = dataFolder(t.dir);
    const ofd = await desk.call('formalReview.notice', { applicationId: apps[0]!.id, round: 1, fileType: 'ofd' });
    expect(ofd.fileName).toBe(pdf.fileName.replace(/\.pdf$/, '.ofd'));
    expect(dataFolder(t.dir)).toEqual(before); // no number taken, no record or audit entry written
    const { o, text } = await ofdOf(ofd);
    expect(text).toContain('受理通知书');
    expect(text).toContain(docNumber);
    expect(text).toContain(CENTER_UNITS[0]!.name);
    expectSamePositions(pdf.path, o.chars());
  });

  it('受理通知书: a first print asked as OFD takes the next number, as a PDF first print would; the PDF reprint keeps it', async () => {
    const preview = await desk.call('formalReview.previewNotice', { applicationId: apps[1]!.id });
    expect(preview.reprint).toBe(false);
    const series = `doc:榕市监知:2026`;
    const was = counters(t.dir)[series]!;
    const ofd = await desk.call('formalReview.notice', {
      applicationId: apps[1]!.id,
      expectedDocNumber: preview.docNumber,
      fileType: 'ofd',
    });
    expect(counters(t.dir)[series]).toBe(was + 1);
    expect(ofd.fileName).toContain(preview.docNumber);
    expect((await ofdOf(ofd)).text).toContain(preview.docNumber);
    const { application } = await desk.call('applications.get', { id: apps[1]!.id });
    expect(application.formalReviews[0]!.docNumber).toBe(preview.docNumber);
    const before = dataFolder(t.dir);
    const pdf = await desk.call('formalReview.notice', { applicationId: apps[1]!.id });
    expect(pdf.fileName).toBe(ofd.fileName.replace(/\.ofd$/, '.pdf'));
    expect(dataFolder(t.dir)).toEqual(before);
  });

  it('中期考核结果通知: PDF first, then the OFD with the same number and no change to the register', async () => {
    const pdf = await desk.call('assessments.noticePdf', { year: 2026 });
    const number = /榕市监知〔2026〕\d+号/.exec(pdf.fileName)![0];
    const before = dataFolder(t.dir);
    const ofd = await desk.call('assessments.noticePdf', { year: 2026, fileType: 'ofd' });
    expect(dataFolder(t.dir)).toEqual(before);
    expect(ofd.fileName).toBe(`中期考核结果通知-2026年度-${number}.ofd`);
    const { o, text } = await ofdOf(ofd);
    expect(text).toContain('中期考核结果的通知');
    expect(text).toContain(number);
    expect(o.pages.length).toBeGreaterThanOrEqual(2); // the result list as an attachment page
    expectSamePositions(pdf.path, o.chars());
  });

  it('复核决定: the OFD of the numbered decision keeps its number; the register is unchanged', async () => {
    const preview = await desk.call('triennial.previewDecision', { reviewId });
    const pdf = await desk.call('triennial.decisionPdf', { reviewId, expectedDocNumber: preview.docNumber });
    expect(pdf.fileName).toContain(preview.docNumber);
    const before = dataFolder(t.dir);
    // A stale confirmation's number is not asked again: the decision already has one.
    const ofd = await desk.call('triennial.decisionPdf', { reviewId, fileType: 'ofd' });
    expect(dataFolder(t.dir)).toEqual(before);
    expect(ofd.fileName).toBe(pdf.fileName.replace(/\.pdf$/, '.ofd'));
    const { o, text } = await ofdOf(ofd);
    expect(text).toContain(preview.docNumber);
    expect(text).toContain('复核');
    expectSamePositions(pdf.path, o.chars());
  });

  it('评审任务通知单 and 公示通知 as OFD, laid out like their PDFs', async () => {
    const letterPdf = await desk.call('packages.letter', { batchId: '2026-1', expertId, packageId, deadline: '2026-04-15' });
    const letter = await desk.call('packages.letter', { batchId: '2026-1', expertId, packageId, deadline: '2026-04-15', fileType: 'ofd' });
    expect(letter.fileName).toBe('评审任务通知单-林教授-2026年第一批.ofd');
    const l = await ofdOf(letter);
    expect(l.text).toContain('评审任务通知单');
    expectSamePositions(letterPdf.path, l.o.chars());

    const noticePdf = await desk.call('publicity.noticePdf', { batchId: '2026-1' });
    const notice = await desk.call('publicity.noticePdf', { batchId: '2026-1', fileType: 'ofd' });
    expect(notice.fileName).toBe(noticePdf.fileName.replace(/\.pdf$/, '.ofd'));
    const p = await ofdOf(notice);
    expect(p.text).toContain('公示');
    expect(p.text).toContain(CENTER_UNITS[1]!.name);
    expectSamePositions(noticePdf.path, p.o.chars());
  });
});

describe('OFD of the 补正通知书 and 不予受理通知书', () => {
  const t = tempDir();
  const clock = testClock('2026-03-10T02:00:00.000Z');
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    await seedBatches(desk);
  });
  afterAll(async () => {
    await desk.close();
    t.cleanup();
  });

  async function submitted(name: string, n: number): Promise<Application> {
    const app = await desk.call('applications.create', {
      batchId: '2026-1',
      applicant: fullApplicant(name, n),
      proposedCenterName: '福州市纺织化纤产业知识产权协同保护与运营中心',
    });
    await ok(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    return app;
  }

  it('prints each as PDF and OFD with one number between them', async () => {
    const a = await submitted('福州闽江纺织科技有限公司', 1);
    await desk.call('formalReview.requireSupplement', { applicationId: a.id, items: [{ no: 2, reason: '营业执照复印件未加盖公章' }] });
    const b = await submitted('福州榕城新材料有限公司', 2);
    await desk.call('formalReview.reject', { applicationId: b.id, reason: '申报单位不符合申报条件' });
    for (const [app, title, number] of [
      [a, '补正通知书', '榕市监知〔2026〕1号'],
      [b, '不予受理通知书', '榕市监知〔2026〕2号'],
    ] as const) {
      const pdf = await desk.call('formalReview.notice', { applicationId: app.id });
      expect(pdf.fileName).toContain(number);
      const before = dataFolder(t.dir);
      const ofd = await desk.call('formalReview.notice', { applicationId: app.id, fileType: 'ofd' });
      expect(dataFolder(t.dir)).toEqual(before);
      expect(ofd.fileName).toBe(pdf.fileName.replace(/\.pdf$/, '.ofd'));
      const { o, text } = await ofdOf(ofd);
      expect(text).toContain(title);
      expect(text).toContain(number);
      expectSamePositions(pdf.path, o.chars());
    }
    expect(counters(t.dir)['doc:榕市监知:2026']).toBe(2);
  });
});
