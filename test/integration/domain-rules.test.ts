/**
 * The rules the domain holds (issue 13 item 4), each through desk.call / desk.invoke on a real data folder:
 * a center name in use is refused at 公示 and 认定; the 中期考核结果通知 waits for an acknowledgement of the
 * unassessed summaries; submitting with missing materials asks first; the 补正 deadline is read before sending;
 * declared conflicts are worded as such; 提前复核 and the cycle after 保留; the plaque return deadline and
 * 牌匾收回登记; the due list keeps to its horizon.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import type { Center, CentersPart } from '../../electron/core/contract/designation.js';
import { conflictTag } from '../../electron/core/domain/conflicts.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, fullApplicant, ok, seedBatches } from '../helpers/applications.js';
import { CENTER_UNITS, designatedCenters } from '../helpers/centers.js';
import { scoredBatch } from '../helpers/designation.js';

type ApiError = { code: string; message: string; details?: unknown };
const failWith = (p: Promise<{ ok: boolean; error?: unknown }>) => fail(p) as Promise<ApiError>;

describe('rules the domain holds, through the API', () => {
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

  const centersOnDisk = (): Center[] =>
    (JSON.parse(readFileSync(path.join(t.dir, 'store', 'centers.json'), 'utf8')) as CentersPart).centers;
  const TEXTILE = CENTER_UNITS[0]!.proposedCenterName!;

  it('a center name in use is refused at 公示, naming the existing center and its certificate number', async () => {
    await designatedCenters(desk, clock); // C1 = 福州市纺织化纤产业…中心, FZIPC-2026-001
    clock.set('2026-10-20T02:00:00.000Z');
    await ok(desk.invoke('batches.create', { year: 2026, title: '2026年第二批', opensOn: '2026-10-15', closesOn: '2026-11-30' }));
    await scoredBatch(
      desk,
      [
        { name: '长乐纺织集团有限公司', total: 88, proposedCenterName: ` ${TEXTILE} `, industry: '纺织化纤' },
        { name: '福州新能源科技有限公司', total: 86, proposedCenterName: '福州市新能源产业知识产权协同保护与运营中心' },
      ],
      { batchId: '2026-2', seed: false, usccOffset: 10 },
    );
    const e = await failWith(desk.invoke('publicity.create', { batchId: '2026-2', startsOn: '2026-10-26' }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain(`已被在册中心使用：${TEXTILE}（证书编号FZIPC-2026-001，有效）`);
    expect(e.message).toContain('不能公示');
    expect((e.details as { clashes: { applicationId: string; existing: { id: string } }[] }).clashes).toEqual([
      expect.objectContaining({ applicationId: '2026-2-0001', existing: expect.objectContaining({ id: 'C1' }) }),
    ]);
    expect((await desk.call('publicity.get', { batchId: '2026-2' })).publicity).toBeNull(); // nothing written
  });

  it('a name taken between 公示 and 认定 (another batch designated first) is refused at 认定', async () => {
    await seedBatches(desk);
    await ok(desk.invoke('batches.create', { year: 2026, title: '2026年第二批', opensOn: '2026-04-01', closesOn: '2026-04-30' }));
    await scoredBatch(desk, [CENTER_UNITS[0]!], { seed: false });
    clock.set('2026-04-10T02:00:00.000Z');
    await scoredBatch(desk, [{ name: '长乐纺织集团有限公司', total: 88, proposedCenterName: TEXTILE, industry: '纺织化纤' }], {
      batchId: '2026-2',
      seed: false,
      usccOffset: 10,
    });
    clock.set('2026-09-27T02:00:00.000Z');
    await ok(desk.invoke('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28' }));
    await ok(desk.invoke('publicity.create', { batchId: '2026-2', startsOn: '2026-09-28' })); // no center bears it yet
    clock.set('2026-10-12T02:00:00.000Z');
    await desk.call('decision.create', { batchId: '2026-1', decidedOn: '2026-10-12' });
    const e = await failWith(desk.invoke('decision.create', { batchId: '2026-2', decidedOn: '2026-10-12' }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain(
      `中心名称重复，不能认定：申报 2026-2-0001 的中心名称“${TEXTILE}”已被在册中心使用：${TEXTILE}（证书编号FZIPC-2026-001，有效）`,
    );
    expect(centersOnDisk().map((c) => c.id)).toEqual(['C1']); // no second center, no certificate number taken
    expect((await desk.call('publicity.get', { batchId: '2026-2' })).decision).toBeNull();
  });

  it('two applications of one list with the same name cannot be published', async () => {
    await scoredBatch(desk, [
      { name: '福州纺织化纤科技有限公司', total: 90, proposedCenterName: TEXTILE },
      { name: '长乐纺织集团有限公司', total: 88, proposedCenterName: TEXTILE },
    ]);
    clock.set('2026-09-27T02:00:00.000Z');
    const e = await failWith(desk.invoke('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28' }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain(`申报 2026-1-0002 的中心名称“${TEXTILE}”与本名单中的申报 2026-1-0001 相同`);
  });

  it('中期考核结果通知: refused while submitted summaries are unassessed, unless the list is acknowledged (recorded)', async () => {
    await designatedCenters(desk, clock);
    clock.set('2026-11-25T02:00:00.000Z');
    const indicators = {
      trainings: 1,
      trainingAttendees: 40,
      assistanceCases: 1,
      disputesMediated: 1,
      allianceMembers: 2,
      transfersLicences: 1,
      pledgeFinancing: 100,
      navigationProjects: 1,
      trademarkGuidance: 1,
    };
    for (const centerId of ['C1', 'C2', 'C3'])
      await ok(desk.invoke('summaries.save', { year: 2026, centerId, submittedOn: '2026-11-20', indicators, narrative: '总结。' }));
    await ok(
      desk.invoke('assessments.save', {
        year: 2026,
        centerId: 'C1',
        scores: { t1: 10, t2: 15, t3: 15, t4: 10, t5: 15, t6: 10, t7: 15, t8: 10 },
        assessedOn: '2026-11-24',
      }),
    );
    const e = await failWith(desk.invoke('assessments.noticePdf', { year: 2026 }));
    expect(e.code).toBe('NEEDS_ACKNOWLEDGEMENT');
    expect(e.message).toContain(
      `还有2个中心已提交工作总结但尚未考核：${CENTER_UNITS[1]!.proposedCenterName!}、${CENTER_UNITS[2]!.proposedCenterName!}`,
    );
    expect((e.details as { unassessed: { centerId: string }[] }).unassessed.map((u) => u.centerId)).toEqual(['C2', 'C3']);
    const part = () => JSON.parse(readFileSync(path.join(t.dir, 'store', 'centers-2026.json'), 'utf8')) as Record<string, unknown>;
    expect(part().resultNotice).toBeUndefined(); // no number taken

    const file = await desk.call('assessments.noticePdf', { year: 2026, acknowledgeUnassessed: true });
    expect(file.path).toMatch(/中期考核结果通知-2026年度-/);
    expect(part().resultNotice).toMatchObject({
      unassessedAcknowledged: [
        { centerId: 'C2', centerName: CENTER_UNITS[1]!.proposedCenterName },
        { centerId: 'C3', centerName: CENTER_UNITS[2]!.proposedCenterName },
      ],
    });
    const [entry] = await desk.call('audit.list', { limit: 1, entity: 'centers-2026:resultNotice' });
    expect(entry!.summary).toContain(`经确认，以下已提交总结的中心尚未考核、未列入通知：${CENTER_UNITS[1]!.proposedCenterName!}`);
    // a reprint needs no acknowledgement
    const number = /榕市监知〔2026〕\d+号/.exec(file.path)![0];
    expect((await desk.call('assessments.noticePdf', { year: 2026 })).path).toContain(number);
  });

  it('submitting with missing materials lists them and asks; acknowledged, the list goes into the audit', async () => {
    await seedBatches(desk);
    const app = await desk.call('applications.create', {
      batchId: '2026-1',
      applicant: fullApplicant('福州数科信息技术有限公司', 1),
      proposedCenterName: '福州市数字经济产业知识产权协同保护与运营中心',
    });
    const e = await failWith(desk.invoke('applications.submit', { id: app.id }));
    expect(e.code).toBe('NEEDS_ACKNOWLEDGEMENT');
    expect(e.message).toContain('申报材料尚缺6项：1. 申请表；2. 营业执照或法人登记证复印件（加盖公章）；');
    expect((e.details as { missingItems: { no: number }[] }).missingItems.map((m) => m.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await desk.call('applications.get', { id: app.id })).application.status).toBe('draft');

    const submitted = await desk.call('applications.submit', { id: app.id, acknowledgeMissing: true });
    expect(submitted.status).toBe('submitted');
    expect(submitted.history.at(-1)!.note).toContain('经确认尚缺材料提交：第1项申请表、第2项营业执照或法人登记证复印件（加盖公章）');
    const [entry] = await desk.call('audit.list', { limit: 1, entity: `application:${app.id}` });
    expect(entry!.method).toBe('applications.submit');
    expect(entry!.summary).toContain('经确认尚缺材料提交：第1项申请表');
  });

  it('the 补正 deadline is read from the core before sending, and the sent round carries the same date', async () => {
    await seedBatches(desk);
    const app = await desk.call('applications.create', {
      batchId: '2026-1',
      applicant: fullApplicant('福州数科信息技术有限公司', 1),
      proposedCenterName: '福州市数字经济产业知识产权协同保护与运营中心',
    });
    await desk.call('applications.submit', { id: app.id, acknowledgeMissing: true });
    expect((await desk.call('applications.missingItems', { id: app.id })).map((m) => m.no)).toEqual([1, 2, 3, 4, 5, 6]);
    // 2026-03-10 (Tue) + 5 working days, the day itself not counted
    const preview = await desk.call('formalReview.supplementDeadline', { workingDays: 5 });
    expect(preview).toMatchObject({ issuedOn: '2026-03-10', deadline: '2026-03-17', workingDays: 5 });
    expect(preview.text).toBe('须于2026年3月17日前补正（5个工作日，自通知次日起算）');
    const sent = await desk.call('formalReview.requireSupplement', {
      applicationId: app.id,
      items: [{ no: 1, reason: '未提交该项材料' }],
      workingDays: 5,
    });
    expect(sent.formalReviews.at(-1)).toMatchObject({ deadline: preview.deadline });
    expect((await failWith(desk.invoke('formalReview.supplementDeadline', { workingDays: 0 }))).code).toBe('INVALID_INPUT');
  });

  it('a declared conflict is worded as declared, naming the unit', async () => {
    await seedBatches(desk);
    const app = await desk.call('applications.create', {
      batchId: '2026-1',
      applicant: fullApplicant('福州海峡生物医药有限公司', 2),
      proposedCenterName: '福州市生物医药产业知识产权协同保护与运营中心',
    });
    await desk.call('applications.submit', { id: app.id, acknowledgeMissing: true });
    await desk.call('formalReview.accept', { applicationId: app.id });
    const e = await desk.call('experts.create', {
      name: '陈二',
      organisation: '福州大学',
      title: '教授',
      field: '知识产权',
      phone: '13800000001',
      declaredConflicts: ['福州海峡生物医药有限公司'],
    });
    await ok(desk.invoke('scoring.setPanel', { batchId: '2026-1', expertIds: [e.id] }));
    const r = await desk.call('scoring.assign', { batchId: '2026-1', mode: 'all' });
    const a = r.assignments.find((x) => x.status === 'conflict')!;
    expect(a.conflictReasons.map((s, i) => conflictTag(a.conflictCodes[i], s))).toEqual([
      '回避：专家申报的利害关系（福州海峡生物医药有限公司）',
    ]);
  });

  it('提前复核: 18 months early it is not 三年期满, and 保留 runs three years from the decision date', async () => {
    await designatedCenters(desk, clock); // first re-review due 2029-10-12
    clock.set('2028-04-20T02:00:00.000Z');
    const { review, center } = await desk.call('triennial.decide', {
      centerId: 'C1',
      outcome: 'retain',
      decidedOn: '2028-04-20',
      opinion: '中心运行良好，提前复核保留。',
    });
    expect(review).toMatchObject({ kind: 'early', dueOn: '2029-10-12', nextReviewDue: '2031-04-20' });
    expect(center).toMatchObject({ nextReviewDue: '2031-04-20', validUntil: '2031-04-19' });
    expect(center.statusHistory.at(-1)!.reason).toContain('提前复核结论：保留，自2028年4月20日起重新计算三年');
    // within 90 days of the due date it is the regular 三年期满 review
    clock.set('2029-07-20T02:00:00.000Z');
    const regular = await desk.call('triennial.decide', {
      centerId: 'C2',
      outcome: 'retain',
      decidedOn: '2029-07-20',
      opinion: '同意保留。',
    });
    expect(regular.review).toMatchObject({ kind: 'triennial', dueOn: '2029-10-12' });
    expect(regular.center.nextReviewDue).toBe('2032-07-20');
  });

  it('撤销 records the plaque return deadline; 牌匾收回登记 records the return once, with a state check and audit', async () => {
    await designatedCenters(desk, clock);
    clock.set('2026-11-24T02:00:00.000Z');
    const notRevoked = await failWith(desk.invoke('centers.recordPlaqueReturn', { centerId: 'C3', returnedOn: '2026-11-24' }));
    expect(notRevoked.code).toBe('INVALID_STATE');
    expect(notRevoked.message).toContain('未撤销认定，没有需要收回的牌匾');

    const { center } = await desk.call('triennial.decide', {
      centerId: 'C3',
      outcome: 'revoke',
      decidedOn: '2026-11-24',
      opinion: '未开展工作，撤销认定。',
    });
    // 15 working days after 2026-11-24, the decision day not counted: not 牌匾已收回 on the decision day
    expect(center.plaqueReturn).toEqual({ dueOn: '2026-12-15', reviewId: 'C3-R1' });
    expect(center.plaqueWithdrawn).toBeUndefined();

    clock.set('2026-12-20T02:00:00.000Z');
    expect((await failWith(desk.invoke('centers.recordPlaqueReturn', { centerId: 'C3', returnedOn: '2026-12-21' }))).message).toContain(
      '晚于今天',
    );
    const back = await desk.call('centers.recordPlaqueReturn', { centerId: 'C3', returnedOn: '2026-12-18', note: '证书原件一并交回' });
    expect(back.plaqueReturn).toMatchObject({
      dueOn: '2026-12-15',
      returnedOn: '2026-12-18',
      note: '证书原件一并交回',
      recordedBy: expect.any(String),
    });
    expect(centersOnDisk().find((c) => c.id === 'C3')!.plaqueReturn?.returnedOn).toBe('2026-12-18');
    const [entry] = await desk.call('audit.list', { limit: 1, entity: 'center:C3' });
    expect(entry).toMatchObject({ method: 'centers.recordPlaqueReturn' });
    expect(entry!.summary).toContain('牌匾收回登记：2026年12月18日收回（原为牌匾逾期未收回（期限2026年12月15日））');
    const twice = await failWith(desk.invoke('centers.recordPlaqueReturn', { centerId: 'C3', returnedOn: '2026-12-19' }));
    expect(twice.code).toBe('INVALID_STATE');
    expect(twice.message).toContain('已于2026年12月18日登记收回');
  });

  it('“90天内到期” lists no center due in 118 days, a rectifying one included', async () => {
    await designatedCenters(desk, clock);
    clock.set('2027-09-04T02:00:00.000Z');
    await desk.call('triennial.decide', {
      centerId: 'C3',
      outcome: 'rectify',
      decidedOn: '2027-09-04',
      rectifyDeadline: '2027-12-31',
      opinion: '联盟工作薄弱，限期整改。',
    });
    expect(await desk.call('triennial.due', { horizonDays: 90 })).toEqual([]);
    const due = await desk.call('triennial.due', { horizonDays: 180 });
    expect(due.map((d) => [d.center.id, d.kind, d.daysLeft])).toEqual([['C3', 'followUp', 118]]);
  });
});
