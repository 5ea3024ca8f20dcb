import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { Store } from '../../electron/core/store/store.js';
import type { AnnualSummary, TriennialReview } from '../../electron/core/contract/centers/annual.js';
import type { Center } from '../../electron/core/contract/designation.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, ok } from '../helpers/applications.js';
import { designatedCenters } from '../helpers/centers.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const INDICATORS = {
  trainings: 12,
  trainingAttendees: 860,
  assistanceCases: 7,
  disputesMediated: 5,
  allianceMembers: 36,
  transfersLicences: 14,
  pledgeFinancing: 1250.5,
  navigationProjects: 2,
  trademarkGuidance: 40,
};

describe('annual summaries, mid-term assessment and re-review through desk.invoke', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  const clock = testClock('2026-03-10T02:00:00.000Z');
  beforeEach(async () => {
    clock.set('2026-03-10T02:00:00.000Z');
    t = tempDir();
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    await designatedCenters(desk, clock);
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  const year = (y: number) => desk.call('summaries.year', { year: y });
  const saveSummary = (o: Record<string, unknown> = {}) =>
    desk.invoke('summaries.save', {
      year: 2026,
      centerId: 'C1',
      submittedOn: '2027-01-18',
      indicators: INDICATORS,
      narrative: '全年开展培训12场。',
      ...o,
    });
  const stage = async (name: string, data: Buffer) => (await desk.call('files.stage', { name, data: new Uint8Array(data) })).uploadId;
  const decide = (o: Record<string, unknown>) =>
    desk.invoke('triennial.decide', {
      centerId: 'C1',
      outcome: 'retain',
      decidedOn: '2029-09-01',
      opinion: '各项工作扎实，同意保留。',
      ...o,
    });

  it('summaries: missing list, due date from settings, save with checks, attach and remove a file', async () => {
    clock.set('2027-01-20T02:00:00.000Z');
    let v = await year(2026);
    expect(v).toMatchObject({ year: 2026, dueOn: '2027-01-31', overdue: false, sealed: false });
    expect(v.rows.map((r) => [r.center.id, r.required, r.summary])).toEqual([
      ['C1', true, null],
      ['C2', true, null],
      ['C3', true, null],
    ]);
    expect(v.missing.map((c) => c.id)).toEqual(['C1', 'C2', 'C3']);
    expect((await year(2025)).rows).toEqual([]);

    const bad = await fail(saveSummary({ indicators: { ...INDICATORS, trainings: -1 } }));
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toContain('公益培训场次不能为负数');
    const money = await fail(saveSummary({ indicators: { ...INDICATORS, pledgeFinancing: 1.234 } }));
    expect(money.message).toContain('质押融资金额（万元）最多保留两位小数');
    expect((await fail(saveSummary({ submittedOn: '2027-01-21' }))).message).toContain('晚于今天');
    expect((await fail(saveSummary({ submittedOn: '2026-10-01' }))).message).toContain('早于2026年10月12日');
    expect((await fail(saveSummary({ year: 2028, submittedOn: '2027-01-18' }))).message).toContain('2028年度尚未开始');
    expect((await fail(saveSummary({ year: 2025 }))).message).toContain('2025年度尚未认定');

    const s = await ok<AnnualSummary>(saveSummary());
    expect(s).toMatchObject({
      id: '2026-C1',
      centerId: 'C1',
      year: 2026,
      submittedOn: '2027-01-18',
      files: [],
      narrative: '全年开展培训12场。',
    });
    expect(s.indicators.pledgeFinancing).toBe(1250.5);
    const s2 = await ok<AnnualSummary>(saveSummary({ indicators: { ...INDICATORS, trainings: 13 } }));
    expect(s2.indicators.trainings).toBe(13);
    expect(s2.createdAt).toBe(s.createdAt);
    expect(await desk.call('summaries.get', { year: 2026, centerId: 'C1' })).toMatchObject({
      id: '2026-C1',
      indicators: { trainings: 13 },
    });
    expect(await desk.call('summaries.get', { year: 2026, centerId: 'C2' })).toBeNull();

    v = await year(2026);
    expect(v.missing.map((c) => c.id)).toEqual(['C2', 'C3']);
    expect(v.rows[0]!.summary?.id).toBe('2026-C1');

    // files: type by content, duplicates refused, removed by sha256
    const noSummary = await fail(
      desk.invoke('summaries.attachFile', { year: 2026, centerId: 'C2', uploadId: await stage('总结.pdf', PDF) }),
    );
    expect(noSummary.code).toBe('RULE_VIOLATION');
    expect(noSummary.message).toContain('请先填写并保存工作总结');
    const withFile = await desk.call('summaries.attachFile', {
      year: 2026,
      centerId: 'C1',
      uploadId: await stage('2026年度工作总结.pdf', PDF),
    });
    expect(withFile.files).toHaveLength(1);
    expect(withFile.files[0]).toMatchObject({ name: '2026年度工作总结.pdf', kind: 'pdf', size: PDF.length });
    const dup = await fail(desk.invoke('summaries.attachFile', { year: 2026, centerId: 'C1', uploadId: await stage('副本.pdf', PDF) }));
    expect(dup.code).toBe('CONFLICT');
    const fake = await fail(
      desk.invoke('summaries.attachFile', {
        year: 2026,
        centerId: 'C1',
        uploadId: await stage('假的.pdf', Buffer.from('just some text, not a pdf')),
      }),
    );
    expect(fake.code).toBe('FILE_REJECTED');
    const kept = await ok<AnnualSummary>(saveSummary({ narrative: '修改正文。' }));
    expect(kept.files).toHaveLength(1); // saving again keeps the files
    const removed = await desk.call('summaries.removeFile', { year: 2026, centerId: 'C1', sha256: withFile.files[0]!.sha256 });
    expect(removed.files).toEqual([]);
    expect((await fail(desk.invoke('summaries.removeFile', { year: 2026, centerId: 'C1', sha256: withFile.files[0]!.sha256 }))).code).toBe(
      'NOT_FOUND',
    );

    // due date from 设置: 次年2月31日 → 2027-02-28; overdue after it
    await ok(desk.invoke('settings.update', { annualSummaryDue: { yearOffset: 1, month: 2, day: 31 } }));
    expect((await year(2026)).dueOn).toBe('2027-02-28');
    clock.set('2027-03-01T02:00:00.000Z');
    v = await year(2026);
    expect(v.overdue).toBe(true);
    expect(v.missing.map((c) => c.id)).toEqual(['C2', 'C3']);

    const audit = await desk.call('audit.list', { limit: 20, entity: 'summary:2026-C1' });
    expect(audit.map((a) => a.method)).toContain('summaries.save');
    expect(audit.map((a) => a.method)).toContain('summaries.removeFile');
  });

  it('assessments: default template, edit before use, grade from bands, freeze and new version with a reason', async () => {
    clock.set('2027-03-10T02:00:00.000Z');
    let tv = await desk.call('assessments.template', { year: 2026 });
    expect(tv).toMatchObject({
      year: 2026,
      isDefault: true,
      frozen: false,
      current: { version: 1, bands: { excellent: 90, good: 80, pass: 60 } },
    });
    expect(tv.current.criteria).toHaveLength(8);
    expect(tv.current.criteria.reduce((s, c) => s + c.max, 0)).toBe(100);

    const criteria = tv.current.criteria.map(({ key, title, max, step, description }) => ({ key, title, max, step, description }));
    const badBands = await fail(
      desk.invoke('assessments.saveTemplate', { year: 2026, criteria, bands: { excellent: 80, good: 85, pass: 60 } }),
    );
    expect(badBands.code).toBe('INVALID_INPUT');
    expect(badBands.message).toContain('优秀分数线（80）应高于良好分数线（85）');
    tv = await desk.call('assessments.saveTemplate', { year: 2026, criteria, bands: { excellent: 80, good: 70, pass: 60 } });
    expect(tv).toMatchObject({ isDefault: false, frozen: false, current: { version: 1, bands: { excellent: 80, good: 70, pass: 60 } } });
    expect(tv.versions).toHaveLength(1);

    const scores = Object.fromEntries(criteria.map((c) => [c.key, c.max - 2])); // 100 − 16 = 84
    const noSummary = await fail(desk.invoke('assessments.save', { year: 2026, centerId: 'C1', scores, assessedOn: '2027-03-05' }));
    expect(noSummary.code).toBe('RULE_VIOLATION');
    expect(noSummary.message).toContain('尚未登记2026年度工作总结');
    await ok(saveSummary());
    const { t1: _t1, ...partial } = scores;
    const missing = await fail(desk.invoke('assessments.save', { year: 2026, centerId: 'C1', scores: partial, assessedOn: '2027-03-05' }));
    expect(missing.code).toBe('INVALID_INPUT');
    expect(missing.message).toContain('请填写“宣传培训”的得分');
    const a = await desk.call('assessments.save', {
      year: 2026,
      centerId: 'C1',
      scores,
      assessedOn: '2027-03-05',
      assessors: ['张三', '李四'],
      comments: '总体良好。',
    });
    expect(a).toMatchObject({ id: '2026-C1', total: 84, grade: 'excellent', templateVersion: 1, assessors: ['张三', '李四'] });

    tv = await desk.call('assessments.template', { year: 2026 });
    expect(tv.frozen).toBe(true);
    const needs = await fail(
      desk.invoke('assessments.saveTemplate', { year: 2026, criteria, bands: { excellent: 90, good: 80, pass: 60 } }),
    );
    expect(needs.code).toBe('NEEDS_REASON');
    expect(needs.message).toContain('第1版中期考核表已有考核结果，已冻结');
    tv = await desk.call('assessments.saveTemplate', {
      year: 2026,
      criteria,
      bands: { excellent: 90, good: 80, pass: 60 },
      reason: '按局务会意见提高分数线',
    });
    expect(tv).toMatchObject({ frozen: false, current: { version: 2, reason: '按局务会意见提高分数线' } });
    expect(tv.versions.map((x) => x.version)).toEqual([1, 2]);
    // the earlier assessment keeps its version; reassessing uses the new bands
    expect((await year(2026)).rows[0]!.assessment).toMatchObject({ templateVersion: 1, grade: 'excellent' });
    const again = await desk.call('assessments.save', { year: 2026, centerId: 'C1', scores, assessedOn: '2027-03-06' });
    expect(again).toMatchObject({ templateVersion: 2, total: 84, grade: 'good' });
  });

  it('assessments with the untouched default template: recorded as version 1, frozen, a change makes version 2', async () => {
    clock.set('2027-03-10T02:00:00.000Z');
    await ok(saveSummary({ centerId: 'C2' }));
    let tv = await desk.call('assessments.template', { year: 2026 });
    const scores = Object.fromEntries(tv.current.criteria.map((c) => [c.key, c.max]));
    const a = await desk.call('assessments.save', { year: 2026, centerId: 'C2', scores, assessedOn: '2027-03-10' });
    expect(a).toMatchObject({ total: 100, grade: 'excellent', templateVersion: 1 });
    const future = await fail(desk.invoke('assessments.save', { year: 2026, centerId: 'C2', scores, assessedOn: '2027-03-11' }));
    expect(future.message).toContain('晚于今天');
    tv = await desk.call('assessments.template', { year: 2026 });
    expect(tv).toMatchObject({ isDefault: true, frozen: true, current: { version: 1 } });
    const criteria = tv.current.criteria
      .slice(0, 7)
      .map(({ key, title, max, step, description }) => ({ key, title, max, step, description }));
    expect(
      (await fail(desk.invoke('assessments.saveTemplate', { year: 2026, criteria, bands: { excellent: 80, good: 70, pass: 55 } }))).code,
    ).toBe('NEEDS_REASON');
    tv = await desk.call('assessments.saveTemplate', {
      year: 2026,
      criteria,
      bands: { excellent: 80, good: 70, pass: 55 },
      reason: '删除第八项',
    });
    expect(tv).toMatchObject({ isDefault: false, frozen: false, current: { version: 2 } });
    expect(tv.versions.map((v) => [v.version, v.criteria.length])).toEqual([
      [1, 8],
      [2, 7],
    ]);
    // another year has its own template
    expect(await desk.call('assessments.template', { year: 2027 })).toMatchObject({
      isDefault: true,
      frozen: false,
      current: { version: 1 },
    });
  });

  it('re-review: due list, retain, rectify then follow-up, revoke; revoked is final; history and audit', async () => {
    clock.set('2028-01-10T02:00:00.000Z');
    await ok(saveSummary({ centerId: 'C3', year: 2027, submittedOn: '2028-01-08' })); // an earlier year's summary of the center to be revoked

    clock.set('2029-09-01T02:00:00.000Z');
    expect(await desk.call('triennial.due', { horizonDays: 30 })).toEqual([]);
    const due = await desk.call('triennial.due', { horizonDays: 60 });
    expect(due.map((d) => [d.center.id, d.dueOn, d.kind, d.daysLeft, d.overdue])).toEqual([
      ['C1', '2029-10-12', 'triennial', 41, false],
      ['C2', '2029-10-12', 'triennial', 41, false],
      ['C3', '2029-10-12', 'triennial', 41, false],
    ]);

    expect((await fail(decide({ decidedOn: '2029-09-02' }))).message).toContain('晚于今天');
    const retained = await ok<{ review: TriennialReview; center: Center }>(decide({}));
    expect(retained.review).toMatchObject({
      id: 'C1-R1',
      dueOn: '2029-10-12',
      kind: 'triennial',
      outcome: 'retain',
      statusBefore: 'active',
      statusAfter: 'active',
    });
    // 保留 starts a new three-year cycle on the decision date
    expect(retained.center).toMatchObject({ status: 'active', nextReviewDue: '2032-09-01', validUntil: '2032-08-31' });

    const noDeadline = await fail(decide({ centerId: 'C2', outcome: 'rectify' }));
    expect(noDeadline.message).toContain('须填写整改期限');
    const rect = await ok<{ review: TriennialReview; center: Center }>(
      decide({ centerId: 'C2', outcome: 'rectify', rectifyDeadline: '2030-03-31', opinion: '联盟工作薄弱，限期整改。' }),
    );
    expect(rect.center).toMatchObject({ status: 'rectifying', rectifyDeadline: '2030-03-31' });
    expect(rect.review.id).toBe('C2-R1');
    const again = await fail(decide({ centerId: 'C2', outcome: 'rectify', rectifyDeadline: '2030-06-30' }));
    expect(again.code).toBe('RULE_VIOLATION');
    expect(again.message).toContain('只能作出“保留”或“撤销”结论');

    const revoked = await ok<{ review: TriennialReview; center: Center }>(
      decide({ centerId: 'C3', outcome: 'revoke', opinion: '未开展工作，撤销认定。' }),
    );
    expect(revoked.center).toMatchObject({
      status: 'revoked',
      certificateEndedOn: '2029-09-01',
      plaqueReturn: { dueOn: '2029-09-21', reviewId: 'C3-R1' }, // 15 working days after the decision
    });
    expect(revoked.center.plaqueReturn?.returnedOn).toBeUndefined();
    expect(revoked.center.statusHistory).toEqual([
      expect.objectContaining({ on: '2029-09-01', from: 'active', to: 'revoked', ref: 'C3-R1' }),
    ]);
    // The center's new status and its review record are one durable write: both are in store/centers.json.
    const onDisk = JSON.parse(readFileSync(path.join(t.dir, 'store', 'centers.json'), 'utf8')) as {
      centers: Center[];
      reviews: TriennialReview[];
    };
    expect(onDisk.centers.find((c) => c.id === 'C3')!.status).toBe('revoked');
    expect(onDisk.reviews.map((r) => r.id)).toContain('C3-R1');
    const final = await fail(decide({ centerId: 'C3', outcome: 'retain' }));
    expect(final.code).toBe('RULE_VIOLATION');
    expect(final.message).toContain('撤销为最终结论');
    // 撤销 is final for the 共建协议 too: refused naming the state, centers.json untouched
    const centersBefore = readFileSync(path.join(t.dir, 'store', 'centers.json'));
    const agreement = await fail(
      desk.invoke('agreements.record', { centerId: 'C3', parties: ['福州市知识产权发展保护中心'], signedOn: '2029-10-01' }),
    );
    expect(agreement.code).toBe('INVALID_STATE');
    expect(agreement.message).toContain('已于2029年9月1日撤销认定，不能再登记共建协议。');
    expect(readFileSync(path.join(t.dir, 'store', 'centers.json'))).toEqual(centersBefore);
    expect((await desk.call('centers.get', { id: 'C3' })).status).toBe('revoked');
    // 认定名单 says it in words, with the next re-review of the others
    const roster = await desk.call('centers.exportRoster', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(roster.path);
    const rows: string[] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).map((v) => String(v ?? '')).join('|')));
    expect(rows.find((r) => r.includes('FZIPC-2026-003'))).toContain('已撤销（2029年9月1日起，证书失效，牌匾待收回，期限2029年9月21日）');
    expect(rows.find((r) => r.includes('FZIPC-2026-002'))).toContain('限期整改（至2030年3月31日）');

    // the due list now: C2's follow-up once the horizon reaches it (211 days); C1 retained and C3 revoked are gone
    expect(await desk.call('triennial.due', { horizonDays: 60 })).toEqual([]);
    const after = await desk.call('triennial.due', { horizonDays: 365 });
    expect(after.map((d) => [d.center.id, d.dueOn, d.kind, d.daysLeft])).toEqual([['C2', '2030-03-31', 'followUp', 211]]);

    // a revoked center: no new summaries for the revocation year; earlier years stay editable
    const y2029 = await fail(saveSummary({ centerId: 'C3', year: 2029, submittedOn: '2029-08-30' }));
    expect(y2029.message).toContain('已于2029年9月1日撤销');
    expect((await ok<AnnualSummary>(saveSummary({ centerId: 'C3', year: 2027, submittedOn: '2028-01-09' }))).submittedOn).toBe(
      '2028-01-09',
    );
    expect((await year(2029)).rows.map((r) => [r.center.id, r.required])).toEqual([
      ['C1', true],
      ['C2', true],
      ['C3', false],
    ]);

    // follow-up retain: a new cycle from the decision date
    clock.set('2030-04-05T02:00:00.000Z');
    const follow = await ok<{ review: TriennialReview; center: Center }>(decide({ centerId: 'C2', decidedOn: '2030-04-02' }));
    expect(follow.review).toMatchObject({
      id: 'C2-R2',
      dueOn: '2030-03-31',
      kind: 'followUp',
      statusBefore: 'rectifying',
      statusAfter: 'active',
    });
    expect(follow.center).toMatchObject({ status: 'active', nextReviewDue: '2033-04-02', validUntil: '2033-04-01' });
    expect(follow.center.rectifyDeadline).toBeUndefined();
    expect(follow.center.statusHistory.map((h) => `${h.from}>${h.to}`)).toEqual(['active>rectifying', 'rectifying>active']);

    expect((await desk.call('triennial.list', {})).map((r) => r.id)).toEqual(['C1-R1', 'C2-R1', 'C3-R1', 'C2-R2']);
    expect((await desk.call('triennial.list', { centerId: 'C2' })).map((r) => r.outcome)).toEqual(['rectify', 'retain']);
    expect((await desk.call('triennial.list', { year: 2030 })).map((r) => r.id)).toEqual(['C2-R2']);

    const history = await desk.call('centers.history', { centerId: 'C3' });
    expect(history.center.status).toBe('revoked');
    expect(history.reviews.map((r) => [r.id, r.outcome])).toEqual([['C3-R1', 'revoke']]);
    expect(history.summaries.map((s) => s.id)).toEqual(['2027-C3']);

    const audit = await desk.call('audit.list', { limit: 10, entity: 'center:C3' });
    const entry = audit.find((a) => a.method === 'triennial.decide')!;
    expect(entry.summary).toContain('撤销');
    expect((entry.before as Center).status).toBe('active');
    expect((entry.after as { center: Center }).center.status).toBe('revoked');
  });

  it('a sealed year refuses summary, assessment, template and re-review writes (YEAR_SEALED)', async () => {
    clock.set('2027-01-20T02:00:00.000Z');
    await ok(saveSummary());
    // Seal 2026 as the archive area records it (a seal record in the `archives` part), written with the desk closed.
    await desk.close();
    const store = await Store.open(t.dir, { clock: clock.now });
    const file = {
      fileName: '2026年度档案.zip',
      relPath: 'archives/2026.zip',
      path: `${t.dir}/exports/archives/2026.zip`,
      size: 1,
      sha256: '0'.repeat(64),
    };
    await store.write(
      'archives',
      (d) =>
        void d.seals.push({
          year: 2026,
          version: 1,
          state: 'sealed',
          sealedAt: clock.now().toISOString(),
          sealedBy: '测试',
          file,
          manifestSha256: '0'.repeat(64),
          fileCount: 0,
          contentBytes: 0,
          acknowledged: [],
          warnings: [],
        }),
      () => ({ method: 'test', entity: 'archive:2026', summary: '测试封存' }),
    );
    await store.close();
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });

    expect((await year(2026)).sealed).toBe(true);
    const sealed = await fail(saveSummary({ narrative: '更正' }));
    expect(sealed.code).toBe('YEAR_SEALED');
    expect(sealed.message).toContain('2026年度档案已封存');
    expect((await fail(desk.invoke('summaries.removeFile', { year: 2026, centerId: 'C1', sha256: '1'.repeat(64) }))).code).toBe(
      'YEAR_SEALED',
    );
    const tv = await desk.call('assessments.template', { year: 2026 });
    const criteria = tv.current.criteria.map(({ key, title, max, step, description }) => ({ key, title, max, step, description }));
    expect((await fail(desk.invoke('assessments.saveTemplate', { year: 2026, criteria, bands: tv.current.bands }))).code).toBe(
      'YEAR_SEALED',
    );
    const scores = Object.fromEntries(criteria.map((c) => [c.key, c.max]));
    expect((await fail(desk.invoke('assessments.save', { year: 2026, centerId: 'C1', scores, assessedOn: '2027-01-20' }))).code).toBe(
      'YEAR_SEALED',
    );
    expect((await fail(decide({ decidedOn: '2026-12-01' }))).code).toBe('YEAR_SEALED');
    // 2027 stays open
    expect((await ok<AnnualSummary>(saveSummary({ year: 2027, submittedOn: '2027-01-20' }))).id).toBe('2027-C1');
  });

  it('new centers carry their first re-review due date', async () => {
    const c = await desk.call('centers.get', { id: 'C1' });
    expect(c.designatedOn).toBe('2026-10-12');
    expect(c.nextReviewDue).toBe('2029-10-12');
  });
});
