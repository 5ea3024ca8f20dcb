/**
 * Numbers are taken only by documents that exist: every numbered document is rendered with the number it
 * will get, written to <data>/exports, and only then are the counter and the record committed. A failure
 * before that leaves counters.json, the record's part and every file under <data>/audit byte for byte as
 * they were, and the next print takes the number the failed one would have taken.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import type { Application } from '../../electron/core/contract/applications/entities.js';
import { Store } from '../../electron/core/store/store.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, fullApplicant, ok, seedBatches } from '../helpers/applications.js';
import { scoredBatch } from '../helpers/designation.js';
import { designatedCenters } from '../helpers/centers.js';
import { pdfText } from './documents/pdf-helpers.js';

const flat = (s: string): string => s.replace(/\s+/g, '');
/** A character no installed font prints (a CJK Extension B ideograph). */
const NO_GLYPH = '𠈌';
/** 100 characters: the longest unit name the schema allows. */
const LONG_NAME = `福州${'闽江榕城'.repeat(23)}科技有限公司`;

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every file the numbering may touch, by content hash (a missing file is recorded as missing). */
function snapshot(root: string, parts: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of parts) {
    const file = path.join(root, 'store', p);
    out.set(`store/${p}`, existsSync(file) ? sha(file) : '(missing)');
  }
  const auditDir = path.join(root, 'audit');
  for (const f of readdirSync(auditDir).sort()) out.set(`audit/${f}`, sha(path.join(auditDir, f)));
  const exportsDir = path.join(root, 'exports');
  out.set('exports/', existsSync(exportsDir) ? JSON.stringify(readdirSync(exportsDir).sort()) : '(missing)');
  return out;
}

/** Write straight through the store (bypassing entry checks), as data written by an older version could be. */
async function poison(desk: Desk, dataDir: string, clock: () => Date, batchId: string, edit: (app: Application) => void): Promise<Desk> {
  await desk.close();
  const store = await Store.open(dataDir, { clock });
  await store.writeKeyed(
    'batch',
    batchId,
    (draft) => {
      for (const a of draft.applications) edit(a);
    },
    () => ({ method: 'test.poison', entity: `batch:${batchId}`, summary: 'test' }),
  );
  await store.close();
  return openDesk({ dataDir, host: 'test', clock, log: () => undefined });
}

/** Replace <data>/exports by a plain file: every export write fails (also for root, unlike chmod). */
function breakExports(root: string): () => void {
  const dir = path.join(root, 'exports');
  rmSync(dir, { recursive: true, force: true });
  writeFileSync(dir, 'not a folder');
  return () => {
    rmSync(dir, { force: true });
    mkdirSync(dir);
  };
}

describe('numbered documents through the API', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  const clock = testClock('2026-03-10T02:00:00.000Z');
  beforeEach(async () => {
    t = tempDir();
    clock.set('2026-03-10T02:00:00.000Z');
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  async function accepted(name: string, n: number): Promise<Application> {
    const app = await desk.call('applications.create', {
      batchId: '2026-1',
      applicant: fullApplicant(name, n),
      proposedCenterName: '福州市纺织化纤产业知识产权协同保护与运营中心',
    });
    await ok(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    return desk.call('formalReview.accept', { applicationId: app.id });
  }

  it('prints the notice of a 100-character unit name, its file name within 255 bytes with the number and extension kept', async () => {
    await seedBatches(desk);
    expect([...LONG_NAME].length).toBe(100);
    const app = await accepted(LONG_NAME, 1);
    const file = await desk.call('formalReview.notice', { applicationId: app.id });
    expect(Buffer.byteLength(file.fileName)).toBeLessThanOrEqual(255);
    expect(file.fileName.startsWith('受理通知书-福州闽江')).toBe(true);
    expect(file.fileName.endsWith('…-榕市监知〔2026〕1号.pdf')).toBe(true); // only the unit name is shortened
    expect(file.fileName).not.toContain('\uFFFD');
    expect(path.basename(file.path)).toBe(file.fileName);
    const text = flat(pdfText(file.path));
    expect(text).toContain('榕市监知〔2026〕1号');
    expect(text).toContain(LONG_NAME);
    // a reprint gets a distinct name, still within 255 bytes, and the same number
    const again = await desk.call('formalReview.notice', { applicationId: app.id });
    expect(again.fileName).not.toBe(file.fileName);
    expect(Buffer.byteLength(again.fileName)).toBeLessThanOrEqual(255);
    expect(flat(pdfText(again.path))).toContain('榕市监知〔2026〕1号');
    // no temp file left behind
    expect(readdirSync(path.join(t.dir, 'exports')).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('a notice that cannot be rendered (a character no font has) takes no number and changes nothing; the next print takes that number', async () => {
    await seedBatches(desk);
    const bad = await accepted('福州某某纺织有限公司', 1);
    const good = await accepted('福州闽江纺织科技有限公司', 2);
    desk = await poison(desk, t.dir, clock.now, '2026-1', (a) => {
      if (a.id === bad.id) a.applicant.name = `福州${NO_GLYPH}纺织有限公司`;
    });
    const before = snapshot(t.dir, ['counters.json', 'batch-2026-1.json']);
    const e = await fail(desk.invoke('formalReview.notice', { applicationId: bad.id }));
    expect(e.code).toBe('MISSING_GLYPHS');
    expect(e.message).toContain(NO_GLYPH);
    expect(snapshot(t.dir, ['counters.json', 'batch-2026-1.json'])).toEqual(before);
    const stored = await desk.call('applications.get', { id: bad.id });
    expect(stored.application.formalReviews.at(-1)!.docNumber).toBeUndefined();

    const file = await desk.call('formalReview.notice', { applicationId: good.id });
    expect(flat(pdfText(file.path))).toContain('榕市监知〔2026〕1号');
    const counters = JSON.parse(readFileSync(path.join(t.dir, 'store', 'counters.json'), 'utf8'));
    expect(counters.counters['doc:榕市监知:2026']).toBe(1);
  });

  it('an export that cannot be written takes no number, leaves no file and changes nothing; the next print takes that number', async () => {
    await seedBatches(desk);
    const app = await accepted('福州闽江纺织科技有限公司', 1);
    const before = snapshot(t.dir, ['counters.json', 'batch-2026-1.json']);
    const repair = breakExports(t.dir);
    await fail(desk.invoke('formalReview.notice', { applicationId: app.id }));
    repair();
    const after = snapshot(t.dir, ['counters.json', 'batch-2026-1.json']);
    expect(after).toEqual(before);
    const file = await desk.call('formalReview.notice', { applicationId: app.id });
    expect(file.fileName).toBe('受理通知书-福州闽江纺织科技有限公司-榕市监知〔2026〕1号.pdf');
    expect(flat(pdfText(file.path))).toContain('榕市监知〔2026〕1号');
  });

  it('concurrent first prints: distinct numbers for different notices, one number for the same notice', async () => {
    await seedBatches(desk);
    const apps: Application[] = [];
    for (let i = 0; i < 4; i++) apps.push(await accepted(`福州闽江第${i + 1}纺织科技有限公司`, i + 1));
    const files = await Promise.all([
      ...apps.map((a) => desk.call('formalReview.notice', { applicationId: a.id })),
      desk.call('formalReview.notice', { applicationId: apps[0]!.id }),
    ]);
    const numbers = files.map((f) => flat(pdfText(f.path)).match(/榕市监知〔2026〕(\d+)号/)![1]);
    expect(new Set(numbers.slice(0, 4))).toEqual(new Set(['1', '2', '3', '4']));
    expect(numbers[4]).toBe(numbers[0]); // the same round printed twice at once keeps one number
    const counters = JSON.parse(readFileSync(path.join(t.dir, 'store', 'counters.json'), 'utf8'));
    expect(counters.counters['doc:榕市监知:2026']).toBe(4);
    for (const [i, a] of apps.entries()) {
      const got = await desk.call('applications.get', { id: a.id });
      expect(got.application.formalReviews.at(-1)!.docNumber).toBe(`榕市监知〔2026〕${numbers[i]}号`);
    }
  });

  it('a designation whose 认定通知 or certificates cannot be rendered takes no 发文字号 and no certificate number', async () => {
    const units = [
      { name: '福州纺织化纤科技有限公司', total: 90, proposedCenterName: '福州市纺织化纤产业知识产权协同保护与运营中心' },
      { name: '福州软件园运营有限公司', total: 85, proposedCenterName: '福州市软件信息产业知识产权协同保护与运营中心' },
    ];
    const apps = await scoredBatch(desk, units);
    clock.set('2026-09-27T02:00:00.000Z');
    await ok(
      desk.invoke('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28', contact: { name: '陈科长', phone: '0591-87600000' } }),
    );
    clock.set('2026-10-12T02:00:00.000Z');
    desk = await poison(desk, t.dir, clock.now, '2026-1', (a) => {
      if (a.id === apps[1]!.id) a.proposedCenterName = `福州市软件${NO_GLYPH}产业知识产权协同保护与运营中心`;
    });
    const parts = ['counters.json', 'centers.json', 'designation-2026-1.json', 'batches.json'];
    const before = snapshot(t.dir, parts);
    const e = await fail(desk.invoke('decision.create', { batchId: '2026-1', decidedOn: '2026-10-12' }));
    expect(e.code).toBe('MISSING_GLYPHS');
    expect(snapshot(t.dir, parts)).toEqual(before);

    desk = await poison(desk, t.dir, clock.now, '2026-1', (a) => {
      if (a.id === apps[1]!.id) a.proposedCenterName = '福州市软件信息产业知识产权协同保护与运营中心';
    });
    const made = await desk.call('decision.create', { batchId: '2026-1', decidedOn: '2026-10-12' });
    expect(made.decision.docNumber).toBe('榕市监知〔2026〕1号');
    expect(made.centers.map((c) => c.certificateNumber.slice(-9))).toEqual(['-2026-001', '-2026-002']);
  });

  it('中期考核结果通知 and 复核决定: a failed first print takes no number and changes nothing', async () => {
    await designatedCenters(desk, clock);
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
    const review = (
      await desk.call('triennial.decide', { centerId: 'C2', outcome: 'retain', decidedOn: '2026-11-25', opinion: '运行良好。' })
    ).review;
    const parts = ['counters.json', 'centers.json', 'centers-2026.json'];
    const before = snapshot(t.dir, parts);
    const repair = breakExports(t.dir);
    await fail(desk.invoke('assessments.noticePdf', { year: 2026 }));
    await fail(desk.invoke('triennial.decisionPdf', { reviewId: review.id }));
    repair();
    expect(snapshot(t.dir, parts)).toEqual(before);
    const notice = await desk.call('assessments.noticePdf', { year: 2026 });
    expect(flat(pdfText(notice.path))).toContain('榕市监知〔2026〕2号'); // 1号 is the 认定 decision
    const decision = await desk.call('triennial.decisionPdf', { reviewId: review.id });
    expect(flat(pdfText(decision.path))).toContain('榕市监知〔2026〕3号');
  });
});
