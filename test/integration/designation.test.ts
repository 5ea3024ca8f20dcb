import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import type { Application } from '../../electron/core/contract/applications/entities.js';
import type { Objection } from '../../electron/core/contract/designation.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, fullApplicant, ok } from '../helpers/applications.js';
import { scoredBatch } from '../helpers/designation.js';

const contact = { name: '陈科长', phone: '0591-87600000' };
const UNITS = [
  {
    name: '福州纺织化纤科技有限公司',
    total: 90,
    proposedCenterName: '福州市纺织化纤产业知识产权协同保护与运营中心',
    industry: '纺织化纤',
    district: '长乐区',
  },
  { name: '福州软件园运营有限公司', total: 85, proposedCenterName: '福州市软件信息产业知识产权协同保护与运营中心' },
  { name: '福州某某新材料有限公司', total: 80, industry: '化工新材料', district: '福清市' },
  { name: '福州不及格有限公司', total: 60 },
];

describe('publicity, objections, designation and centers through desk.invoke', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  const clock = testClock('2026-03-10T02:00:00.000Z');
  beforeEach(async () => {
    clock.set('2026-03-10T02:00:00.000Z');
    t = tempDir();
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  const view = (batchId = '2026-1') => desk.call('publicity.get', { batchId });
  const record = (o: Record<string, unknown>) =>
    desk.invoke('objections.record', {
      batchId: '2026-1',
      receivedOn: '2026-09-30',
      from: '福州某协会',
      kind: 'unit',
      identityProof: true,
      content: '对其办公场所情况有异议。',
      ...o,
    });

  it('publicity from the passed applications, objections, a blocked then allowed decision, centers, agreements, roster and documents', async () => {
    const apps = await scoredBatch(desk, UNITS);
    const [a, b, c, d] = apps as [Application, Application, Application, Application];

    expect((await fail(desk.invoke('decision.create', { batchId: '2026-1', decidedOn: '2026-10-12' }))).message).toContain('尚未公示');

    clock.set('2026-09-27T02:00:00.000Z');
    const v1 = await desk.call('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28', contact });
    expect(v1.publicity).toMatchObject({
      startsOn: '2026-09-28',
      endsOn: '2026-10-09',
      workingDays: 5,
      applicationIds: [a.id, b.id, c.id],
      withdrawn: [],
    });
    expect(v1.publicity!.convention).toContain('2026年9月28日至2026年10月9日（5个工作日，开始当日计入');
    expect(v1.publicity!.calendarWarning).toBeUndefined();
    expect(v1.entries.map((e) => e.applicationId)).not.toContain(d.id);
    expect(v1.entries[1]!.proposedCenterName).toBe('福州市软件信息产业知识产权协同保护与运营中心');
    expect((await desk.call('batches.get', { id: '2026-1' })).status).toBe('publicity');
    expect((await fail(desk.invoke('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28' }))).code).toBe('CONFLICT');

    // Anonymous: recorded, not accepted.
    const anon = await ok<Objection>(record({ applicationId: a.id, from: '', kind: 'person', identityProof: false }));
    expect(anon).toMatchObject({ id: '2026-1-O1', accepted: false, status: 'notAccepted' });
    expect(anon.notAcceptedReason).toContain('匿名');
    // Late: recorded, not accepted.
    const late = await ok<Objection>(record({ applicationId: b.id, from: '张三', kind: 'person', receivedOn: '2026-10-10' }));
    expect(late).toMatchObject({ accepted: false, status: 'notAccepted' });
    expect(late.notAcceptedReason).toContain('逾期');
    // Against an application not on the list.
    expect((await fail(record({ applicationId: d.id }))).code).toBe('NOT_FOUND');
    // Accepted: blocks the decision.
    const open = await ok<Objection>(record({ applicationId: c.id }));
    expect(open).toMatchObject({ id: '2026-1-O3', accepted: true, status: 'open' });

    const early = await fail(desk.invoke('decision.create', { batchId: '2026-1', decidedOn: '2026-10-09' }));
    expect(early.code).toBe('RULE_VIOLATION');
    expect(early.message).toContain('尚未期满');
    clock.set('2026-10-12T02:00:00.000Z');
    const blocked = await fail(desk.invoke('decision.create', { batchId: '2026-1', decidedOn: '2026-10-12' }));
    expect(blocked.code).toBe('RULE_VIOLATION');
    expect(blocked.message).toContain('1件异议未处理');
    expect((await view()).blockers.join('')).toContain('异议未处理');

    expect((await fail(desk.invoke('objections.resolve', { objectionId: anon.id, outcome: 'dismissed', reason: '匿名' }))).code).toBe(
      'RULE_VIOLATION',
    );
    const upheld = await desk.call('objections.resolve', {
      objectionId: open.id,
      outcome: 'upheld',
      reason: '经核查，办公场所系临时借用，不符合申报条件。',
    });
    expect(upheld).toMatchObject({ status: 'upheld', resolution: { outcome: 'upheld', by: '王秘书' } });
    expect((await fail(desk.invoke('objections.resolve', { objectionId: open.id, outcome: 'dismissed', reason: '再次处理' }))).code).toBe(
      'CONFLICT',
    );
    const v2 = await view();
    expect(v2.entries.find((e) => e.applicationId === c.id)!.withdrawn).toBe(true);
    expect(v2.blockers).toEqual([]);

    const { decision, centers } = await desk.call('decision.create', { batchId: '2026-1', decidedOn: '2026-10-12' });
    expect(decision).toMatchObject({ docNumber: '榕市监知〔2026〕1号', decidedOn: '2026-10-12', applicationIds: [a.id, b.id] });
    expect(centers.map((x) => [x.name, x.hostUnit, x.certificateNumber, x.validUntil, x.status])).toEqual([
      ['福州市纺织化纤产业知识产权协同保护与运营中心', UNITS[0]!.name, 'FZIPC-2026-001', '2029-10-11', 'active'],
      ['福州市软件信息产业知识产权协同保护与运营中心', UNITS[1]!.name, 'FZIPC-2026-002', '2029-10-11', 'active'],
    ]);
    expect(centers[0]).toMatchObject({
      industry: '纺织化纤',
      district: '长乐区',
      designatedOn: '2026-10-12',
      plaque: { number: 'FZIPC-2026-001', dateLine: '二〇二六年十月' },
    });
    expect((await fail(desk.invoke('decision.create', { batchId: '2026-1', decidedOn: '2026-10-13' }))).message).toContain('不能重复认定');
    expect(
      (
        await fail(
          desk.invoke('objections.record', {
            batchId: '2026-1',
            applicationId: a.id,
            receivedOn: '2026-10-12',
            from: '李四',
            kind: 'person',
            identityProof: true,
            content: '认定后异议',
          }),
        )
      ).code,
    ).toBe('RULE_VIOLATION');
    expect((await desk.call('batches.get', { id: '2026-1' })).status).toBe('designated');

    // Registry and agreements.
    expect(await desk.call('centers.list', { year: 2026 })).toHaveLength(2);
    expect(await desk.call('centers.list', { year: 2025 })).toHaveLength(0);
    expect(await desk.call('centers.list', { status: 'revoked' })).toHaveLength(0);
    expect((await desk.call('centers.get', { id: centers[1]!.id })).certificateNumber).toBe('FZIPC-2026-002');
    expect((await fail(desk.invoke('centers.get', { id: 'C99' }))).code).toBe('NOT_FOUND');
    expect(
      (
        await fail(
          desk.invoke('agreements.record', { centerId: centers[0]!.id, parties: ['福州市知识产权发展保护中心'], signedOn: '2026-10-01' }),
        )
      ).message,
    ).toContain('早于');
    const signed = await desk.call('agreements.record', {
      centerId: centers[0]!.id,
      parties: ['福州市知识产权发展保护中心', '福州市知识产权维权援助中心'],
      signedOn: '2026-11-02',
    });
    expect(signed.agreement).toMatchObject({
      signedOn: '2026-11-02',
      parties: ['福州市知识产权发展保护中心', '福州市知识产权维权援助中心'],
    });
    expect((await desk.call('centers.withoutAgreement', {})).map((x) => x.id)).toEqual([centers[1]!.id]);

    // Roster read back.
    const roster = await desk.call('centers.exportRoster', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(roster.path);
    const ws = wb.worksheets[0]!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text))));
    const all = texts.join('|');
    for (const s of [
      '中心名称',
      '证书编号',
      'FZIPC-2026-001',
      'FZIPC-2026-002',
      UNITS[0]!.name,
      '长乐区',
      '有效',
      '2026年11月2日签订',
      '未签订',
    ])
      expect(all).toContain(s);

    // Documents: each is a PDF under exports.
    const events: { taskId: string; done: number; total: number }[] = [];
    const off = desk.onEvent((e, p) => {
      if (e === 'progress') events.push(p as { taskId: string; done: number; total: number });
    });
    const files = [
      await desk.call('publicity.noticePdf', { batchId: '2026-1' }),
      await desk.call('decision.noticePdf', { batchId: '2026-1' }),
      await desk.call('centers.certificatePdf', { centerId: centers[0]!.id }),
      await desk.call('centers.certificatesPdf', { batchId: '2026-1' }),
      await desk.call('centers.plaqueSheetPdf', { batchId: '2026-1' }),
    ];
    off();
    for (const f of files) expect(readFileSync(f.path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(files[1]!.fileName).toContain('榕市监知〔2026〕1号');
    const cert = events.filter((e) => e.taskId.startsWith('centers.certificatesPdf'));
    expect(cert[0]).toMatchObject({ done: 0, total: 2 });
    expect(cert.at(-2)).toMatchObject({ done: 2, total: 2 });
    expect(cert.at(-1)).toMatchObject({ ended: 'done' });
  }, 60_000);

  it('certificate and document numbers never repeat across two decisions and after reopening the store', async () => {
    await scoredBatch(desk, UNITS.slice(0, 2));
    await ok(desk.invoke('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28' }));
    const first = await desk.call('decision.create', { batchId: '2026-1', decidedOn: '2026-10-12' });
    expect(first.centers.map((x) => x.certificateNumber)).toEqual(['FZIPC-2026-001', 'FZIPC-2026-002']);

    await desk.close();
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    expect(await desk.call('centers.list', {})).toHaveLength(2);

    await ok(desk.invoke('batches.create', { year: 2026, title: '2026年第二批', opensOn: '2026-03-01', closesOn: '2026-03-31' }));
    await scoredBatch(
      desk,
      [
        { name: '福州第二批科技有限公司', total: 88 },
        { name: '福州第二批电子有限公司', total: 77, industry: '电子信息' },
      ],
      { batchId: '2026-2', seed: false, usccOffset: 50 },
    );
    await ok(desk.invoke('publicity.create', { batchId: '2026-2', startsOn: '2026-11-02' }));
    const second = await desk.call('decision.create', { batchId: '2026-2', decidedOn: '2026-11-20' });
    expect(second.decision.docNumber).toBe('榕市监知〔2026〕2号');
    expect(second.centers.map((x) => x.certificateNumber)).toEqual(['FZIPC-2026-003', 'FZIPC-2026-004']);
    const all = await desk.call('centers.list', {});
    expect(new Set(all.map((x) => x.certificateNumber)).size).toBe(4);
    expect(new Set(all.map((x) => x.id)).size).toBe(4);
  }, 60_000);

  it('two concurrent decisions of one batch designate once', async () => {
    await scoredBatch(desk, UNITS.slice(0, 2));
    await ok(desk.invoke('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28' }));
    const [x, y] = await Promise.all([
      desk.invoke('decision.create', { batchId: '2026-1', decidedOn: '2026-10-12' }),
      desk.invoke('decision.create', { batchId: '2026-1', decidedOn: '2026-10-12' }),
    ]);
    expect([x.ok, y.ok].sort()).toEqual([false, true]);
    expect(await desk.call('centers.list', {})).toHaveLength(2);
  }, 60_000);

  it("the bureau's calendar override changes publicity end dates and 补正 deadlines", async () => {
    await scoredBatch(desk, UNITS.slice(0, 1));
    const cal0 = await desk.call('calendar.get', {});
    expect(cal0.years.find((y) => y.year === 2026)).toMatchObject({ origin: 'shipped', workingDays: 248 });

    // 补正 on Tue 2026-03-10: 5 working days after → Tue 2026-03-17 with the shipped table.
    // (2026-1 is under expert review and takes no new applications: this one is registered late in 2025-1.)
    const sub = await desk.call('applications.create', {
      batchId: '2025-1',
      applicant: fullApplicant('福州补正测试有限公司', 77),
      proposedCenterName: '补正测试中心',
      windowOverrideReason: '测试补登',
    });
    await ok(desk.invoke('applications.submit', { id: sub.id, acknowledgeMissing: true }));
    const r1 = await desk.call('formalReview.requireSupplement', {
      applicationId: sub.id,
      items: [{ no: 2, reason: '未加盖公章' }],
      workingDays: 5,
    });
    expect(r1.formalReviews.at(-1)).toMatchObject({ deadline: '2026-03-17' });

    const bad = await fail(desk.invoke('calendar.saveYear', { year: 2026, offDays: [], makeUpWorkDays: ['2026-03-11'], source: '测试' }));
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toContain('不是周六或周日');

    const shipped = cal0.years.find((y) => y.year === 2026)!;
    const cal1 = await desk.call('calendar.saveYear', {
      year: 2026,
      offDays: [...shipped.offDays, '2026-03-12', '2026-09-30'],
      makeUpWorkDays: shipped.makeUpWorkDays,
      source: '本局按补充通知修订（测试）',
    });
    expect(cal1.years.find((y) => y.year === 2026)).toMatchObject({ origin: 'override', workingDays: 246, shippedSource: shipped.source });
    expect((await desk.call('settings.get', {})).holidayTables).toHaveLength(1);

    // The resubmitted application gets a second round with the bureau's table: 3/12 is now off → 3/18.
    await ok(desk.invoke('applications.submit', { id: sub.id, acknowledgeMissing: true }));
    const again = await desk.call('formalReview.requireSupplement', {
      applicationId: sub.id,
      items: [{ no: 2, reason: '仍未盖章' }],
      workingDays: 5,
    });
    expect(again.formalReviews.at(-1)).toMatchObject({ round: 2, deadline: '2026-03-18' });

    // Publicity from 2026-09-28: 9/30 is now off → 9/28, 9/29, 10/8, 10/9, 10/10 (make-up Saturday).
    const v = await desk.call('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28' });
    expect(v.publicity).toMatchObject({ endsOn: '2026-10-10', workingDays: 5, calendarSources: ['本局按补充通知修订（测试）'] });
  }, 60_000);
});
