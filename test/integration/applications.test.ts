import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import type { Application } from '../../electron/core/contract/applications/entities.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, fullApplicant, makeUscc, ok, seedBatches } from '../helpers/applications.js';

describe('applications and formal review on a real data folder', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  const clock = testClock('2026-03-10T02:00:00.000Z');
  beforeEach(async () => {
    clock.set('2026-03-10T02:00:00.000Z');
    t = tempDir();
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    await seedBatches(desk);
    await ok(desk.invoke('settings.update', { operatorName: '王审查' }));
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  const create = (name: string, n: number, extra: Record<string, unknown> = {}) =>
    desk.invoke('applications.create', {
      batchId: '2026-1',
      applicant: fullApplicant(name, n),
      proposedCenterName: `${name}知识产权中心`,
      ...extra,
    });

  it('creates a draft, normalises a lowercase full-width USCC, and refuses a wrong check character naming the position', async () => {
    const raw = makeUscc(1).toLowerCase().replace('9', '９');
    const app = await desk.call('applications.create', { batchId: '2026-1', applicant: { name: '福州数科信息技术有限公司', uscc: raw } });
    expect(app).toMatchObject({ id: '2026-1-0001', status: 'draft', applicant: { uscc: makeUscc(1) } });
    expect(app.materials.map((m) => m.no)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const wrong = await fail(
      desk.invoke('applications.create', { batchId: '2026-1', applicant: { name: '某公司', uscc: '91350100M000100Y44' } }),
    );
    expect(wrong.code).toBe('INVALID_INPUT');
    expect(wrong.message).toContain('第18位校验码应为');
  });

  it('refuses the same USCC twice in one batch, naming the existing application', async () => {
    await ok(create('福州数科信息技术有限公司', 1));
    const dup = await fail(create('福州数科（重复）', 1));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toContain('福州数科信息技术有限公司');
    expect(dup.message).toContain('2026-1-0001');
    expect((await desk.call('applications.list', { batchId: '2026-1' })).total).toBe(1);
  });

  it('outside the batch window a reason is needed, and it is recorded', async () => {
    clock.set('2026-04-02T02:00:00.000Z');
    const refused = await fail(create('晚到公司', 2));
    expect(refused.code).toBe('NEEDS_REASON');
    expect(refused.message).toContain('已于2026年3月31日截止');
    const app = await ok<Application>(create('晚到公司', 2, { windowOverrideReason: '县局推荐材料邮寄延误' }));
    expect(app.windowOverrideReason).toBe('县局推荐材料邮寄延误');
    expect(app.history[0]!.note).toContain('县局推荐材料邮寄延误');
    const audit = await desk.call('audit.list', { limit: 1 });
    expect(audit[0]!.summary).toContain('理由：县局推荐材料邮寄延误');
  });

  it('autosaves partial drafts and refuses values outside the lists', async () => {
    const app = await desk.call('applications.create', { batchId: '2026-1', applicant: { name: '草稿公司', uscc: makeUscc(3) } });
    const saved = await desk.call('applications.saveDraft', {
      id: app.id,
      applicant: { contact: '李四' },
      ipFigures: { invention: 12 },
      office: { areaM2: 120 },
    });
    expect(saved.applicant).toMatchObject({ name: '草稿公司', contact: '李四' });
    expect(saved.ipFigures).toMatchObject({ invention: 12, utility: 0 });
    expect(saved.office).toEqual({ address: '', areaM2: 120 });
    const bad = await fail(desk.invoke('applications.saveDraft', { id: app.id, applicant: { district: '厦门市', phone: '12345' } }));
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toContain('联系电话');
    const notReady = await fail(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    expect(notReady.code).toBe('RULE_VIOLATION');
    expect(notReady.message).toContain('法定代表人');
  });

  it('searches by pinyin initials, name and USCC; filters and sorts', async () => {
    await ok(create('福州数科信息技术有限公司', 10));
    await ok(
      create('闽侯生物医药协会', 11, {
        applicant: { ...fullApplicant('闽侯生物医药协会', 11), district: '闽侯县', industry: '生物医药', unitType: 'association' },
      }),
    );
    await ok(
      create('长乐纺织化纤研究院', 12, {
        route: 'recommended',
        recommendingDistrict: '长乐区',
        applicant: { ...fullApplicant('长乐纺织化纤研究院', 12), district: '长乐区', industry: '纺织化纤' },
      }),
    );
    const names = async (input: Record<string, unknown>) => (await desk.call('applications.list', input)).rows.map((r) => r.name);
    expect(await names({ search: 'fzsk' })).toEqual(['福州数科信息技术有限公司']);
    expect(await names({ search: 'FZSK' })).toEqual(['福州数科信息技术有限公司']);
    expect(await names({ search: '生物' })).toEqual(['闽侯生物医药协会']);
    expect(await names({ search: makeUscc(12).slice(-8).toLowerCase() })).toEqual(['长乐纺织化纤研究院']);
    expect(await names({ district: ['闽侯县', '长乐区'], sort: 'uscc', order: 'asc' })).toEqual(['闽侯生物医药协会', '长乐纺织化纤研究院']);
    expect(await names({ district: ['闽侯县', '鼓楼区'], sort: 'name', order: 'asc' })).toEqual([
      '福州数科信息技术有限公司',
      '闽侯生物医药协会',
    ]);
    expect(await names({ route: 'recommended' })).toEqual(['长乐纺织化纤研究院']);
    expect(await names({ industry: ['软件信息'], status: ['draft'] })).toEqual(['福州数科信息技术有限公司']);
    expect(await names({ status: ['accepted'] })).toEqual([]);
    const page = await desk.call('applications.list', { sort: 'name', order: 'asc', offset: 1, limit: 1 });
    expect(page.total).toBe(3);
    expect(page.rows).toHaveLength(1);
  });

  it('shows the same unit in earlier batches with the result', async () => {
    clock.set('2025-04-10T02:00:00.000Z');
    const old = await desk.call('applications.create', {
      batchId: '2025-1',
      applicant: fullApplicant('福州数科信息技术有限公司', 20),
      proposedCenterName: '数科中心',
    });
    await ok(desk.invoke('applications.submit', { id: old.id, acknowledgeMissing: true }));
    await ok(desk.invoke('formalReview.reject', { applicationId: old.id, reason: '申报单位不符合申报条件' }));
    clock.set('2026-03-10T02:00:00.000Z');
    const app = await ok<Application>(create('福州数科信息技术有限公司', 20));
    const detail = await desk.call('applications.get', { id: app.id });
    expect(detail.earlier).toHaveLength(1);
    expect(detail.earlier[0]!.message).toBe('该单位曾于2025年第一批申报，结果：不予受理。');
    expect(detail.missingItems).toEqual([1, 2, 3, 4, 5, 6]);
    const missing = await desk.call('applications.missingItems', { id: app.id });
    expect(missing[0]).toEqual({ no: 1, title: '申请表' });
  });

  it('formal review: supplement rounds with a working-day deadline, then accepted; every round, history and audit entry kept', async () => {
    const app = await ok<Application>(create('福州数科信息技术有限公司', 30));
    await ok(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    // Notice issued Wednesday 2026-09-30: 10/1–10/7 off, 10/10 (Sat) is a make-up working day.
    clock.set('2026-09-30T02:00:00.000Z');
    const dupItems = await fail(
      desk.invoke('formalReview.requireSupplement', {
        applicationId: app.id,
        items: [
          { no: 2, reason: '未盖章' },
          { no: 2, reason: '过期' },
        ],
      }),
    );
    expect(dupItems.message).toContain('第2项材料重复');
    const s1 = await desk.call('formalReview.requireSupplement', {
      applicationId: app.id,
      items: [
        { no: 5, reason: '缺租赁合同' },
        { no: 2, reason: '营业执照复印件未加盖公章' },
      ],
    });
    expect(s1.status).toBe('supplementRequired');
    expect(s1.formalReviews[0]).toMatchObject({
      round: 1,
      outcome: 'supplementRequired',
      issuedOn: '2026-09-30',
      deadline: '2026-10-13',
      workingDays: 5,
      by: '王审查',
    });
    expect((await fail(desk.invoke('formalReview.accept', { applicationId: app.id }))).code).toBe('RULE_VIOLATION');
    await ok(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    clock.set('2026-10-14T02:00:00.000Z');
    const s2 = await desk.call('formalReview.requireSupplement', {
      applicationId: app.id,
      items: [{ no: 5, reason: '租赁合同已过期' }],
      workingDays: 3,
    });
    expect(s2.formalReviews[1]).toMatchObject({ round: 2, deadline: '2026-10-19' });
    await ok(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    const accepted = await desk.call('formalReview.accept', { applicationId: app.id });
    expect(accepted.status).toBe('accepted');
    expect(accepted.formalReviews.map((r) => r.outcome)).toEqual(['supplementRequired', 'supplementRequired', 'accepted']);
    expect(accepted.history.map((h) => h.action)).toEqual([
      '新建申报（草稿）',
      '提交申报',
      '形式审查：要求补正',
      '补正后重新提交',
      '形式审查：要求补正',
      '补正后重新提交',
      '形式审查：受理',
    ]);
    expect(accepted.history[2]!.note).toContain('2026年10月13日');
    const rejectAccepted = await fail(desk.invoke('formalReview.reject', { applicationId: app.id, reason: '材料不实' }));
    expect(rejectAccepted.message).toContain('已结束');
    const audit = await desk.call('audit.list', { limit: 7, entity: `application:${app.id}` });
    expect(audit.map((a) => a.method)).toEqual([
      'formalReview.accept',
      'applications.submit',
      'formalReview.requireSupplement',
      'applications.submit',
      'formalReview.requireSupplement',
      'applications.submit',
      'applications.create',
    ]);
    expect(audit.every((a) => a.operator === '王审查')).toBe(true);
  });

  it('a rejected application cannot be accepted', async () => {
    const app = await ok<Application>(create('某公司', 40));
    await ok(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    await ok(desk.invoke('formalReview.reject', { applicationId: app.id, reason: '不属于申报范围' }));
    const e = await fail(desk.invoke('formalReview.accept', { applicationId: app.id }));
    expect(e.code).toBe('RULE_VIOLATION');
    expect(e.message).toContain('不予受理');
  });

  it('autosaves fold into one history entry per person, and every save is still audited', async () => {
    const app = await ok<Application>(create('福州数科信息技术有限公司', 41));
    for (const narrative of ['第一稿', '第二稿', '第三稿']) await ok(desk.invoke('applications.saveDraft', { id: app.id, narrative }));
    const stored = await desk.call('applications.get', { id: app.id });
    expect(stored.application.narrative).toBe('第三稿');
    expect(stored.application.history.map((h) => h.action)).toEqual(['新建申报（草稿）', '保存草稿']);
    const audit = await desk.call('audit.list', { limit: 10, entity: `application:${app.id}` });
    expect(audit.filter((a) => a.method === 'applications.saveDraft')).toHaveLength(3);
  });
});
