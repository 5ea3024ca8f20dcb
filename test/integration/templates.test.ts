/**
 * 文书模板 through the API on a real data folder: an edit changes the next PDF (read back with pdftotext),
 * the version is recorded on the issued document, a reprint after a further edit keeps the recorded version,
 * unknown placeholders are refused by name, restore-default, the preview, and the facts every notice prints
 * from 设置 (summary due date, contact, remedy bodies), the 补正 备注 and the 评审任务通知单's list.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import type { Application } from '../../electron/core/contract/applications/entities.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, fullApplicant, ok, seedBatches } from '../helpers/applications.js';
import { designatedCenters } from '../helpers/centers.js';
import { pdfText } from './documents/pdf-helpers.js';

const flat = (s: string): string => s.replace(/\s+/g, '');
const REMEDY = '如不服本决定，可在收到本决定之日起60日内向福州市人民政府申请行政复议，或者在6个月内向福州市鼓楼区人民法院提起行政诉讼。';
const FACTS = {
  contactPerson: '王秘书',
  contactPhone: '0591-83330000',
  contactAddress: '福州市鼓楼区示例路1号',
  litigationCourt: '福州市鼓楼区人民法院',
};

describe('文书模板 through the API', () => {
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

  async function submitted(name: string, n: number): Promise<Application> {
    await seedBatches(desk);
    const app = await ok<Application>(
      desk.invoke('applications.create', {
        batchId: '2026-1',
        applicant: fullApplicant(name, n),
        proposedCenterName: '福州市软件信息产业知识产权协同保护与运营中心',
      }),
    );
    await ok(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    return app;
  }

  it('an edit changes the next notice; the version is recorded; a reprint after a further edit keeps it', async () => {
    await desk.call('settings.update', FACTS);
    const a1 = await submitted('福州甲科技有限公司', 1);
    // Version 1 (the default) is used and recorded.
    await desk.call('formalReview.accept', { applicationId: a1.id });
    const first = await desk.call('formalReview.notice', { applicationId: a1.id });
    expect(flat(pdfText(first.path))).toContain('决定予以受理');
    expect(flat(pdfText(first.path))).not.toContain('行政复议');
    let stored = await desk.call('applications.get', { id: a1.id });
    expect(stored.application.formalReviews[0]!.templateVersion).toBe(1);

    // Edit: version 2.
    const base = await desk.call('templates.get', { id: 'acceptanceNotice' });
    const body = base.parts.body!.replace('决定予以受理', '经研究决定予以受理（模板第二版）');
    const saved = await desk.call('templates.save', { id: 'acceptanceNotice', parts: { ...base.parts, body }, baseVersion: base.version });
    expect(saved.version).toBe(2);
    expect(saved.edited).toBe(true);
    expect(saved.versions.map((v) => [v.version, v.source])).toEqual([
      [1, 'default'],
      [2, 'edited'],
    ]);

    // The reprint of the first notice keeps version 1.
    const reprint = await desk.call('formalReview.notice', { applicationId: a1.id });
    expect(flat(pdfText(reprint.path))).not.toContain('模板第二版');

    // The next notice uses version 2 and records it.
    const a2 = (await ok<Application>(
      desk.invoke('applications.create', {
        batchId: '2026-1',
        applicant: fullApplicant('福州乙科技有限公司', 2),
        proposedCenterName: '福州市纺织化纤产业知识产权协同保护与运营中心',
      }),
    ))!;
    await ok(desk.invoke('applications.submit', { id: a2.id, acknowledgeMissing: true }));
    await desk.call('formalReview.accept', { applicationId: a2.id });
    const second = await desk.call('formalReview.notice', { applicationId: a2.id });
    const text2 = flat(pdfText(second.path));
    expect(text2).toContain('经研究决定予以受理（模板第二版）');
    // Contact person, phone and address from 设置 on the notice.
    expect(text2).toContain('联系人：王秘书，联系电话：0591-83330000，地址：福州市鼓楼区示例路1号');
    stored = await desk.call('applications.get', { id: a2.id });
    expect(stored.application.formalReviews[0]!.templateVersion).toBe(2);

    // A further edit (version 3): the reprint of the second notice still prints version 2.
    const v2 = await desk.call('templates.get', { id: 'acceptanceNotice' });
    await desk.call('templates.save', {
      id: 'acceptanceNotice',
      parts: { ...v2.parts, body: v2.parts.body!.replace('（模板第二版）', '（模板第三版）') },
      baseVersion: 2,
    });
    const reprint2 = flat(pdfText((await desk.call('formalReview.notice', { applicationId: a2.id })).path));
    expect(reprint2).toContain('（模板第二版）');
    expect(reprint2).not.toContain('第三版');
    // Old versions stay readable.
    expect((await desk.call('templates.get', { id: 'acceptanceNotice', version: 2 })).parts.body).toContain('模板第二版');

    // A stale editor is refused; restore-default makes version 4 with the default text.
    expect((await fail(desk.invoke('templates.save', { id: 'acceptanceNotice', parts: v2.parts, baseVersion: 2 }))).code).toBe('CONFLICT');
    const restored = await desk.call('templates.restoreDefault', { id: 'acceptanceNotice' });
    expect(restored.version).toBe(4);
    expect(restored.edited).toBe(false);
    expect(restored.parts.body).toBe(restored.defaultParts.body);

    // Every save is in the audit log.
    const audit = await desk.call('audit.list', { limit: 200 });
    const methods = audit.map((e) => e.method);
    expect(methods.filter((m) => m === 'templates.save')).toHaveLength(2);
    expect(methods).toContain('templates.restoreDefault');
  });

  it('refuses an unknown placeholder or condition, naming it; the preview refuses it too', async () => {
    const base = await desk.call('templates.get', { id: 'rejectionNotice' });
    const bad = { ...base.parts, body: `${base.parts.body!}\n请于{回复期限}前答复。` };
    const e = await fail(desk.invoke('templates.save', { id: 'rejectionNotice', parts: bad }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('{回复期限}');
    expect((e as { details?: { placeholder?: string } }).details?.placeholder).toBe('回复期限');
    const p = await fail(desk.invoke('templates.preview', { id: 'rejectionNotice', parts: bad }));
    expect(p.message).toContain('{回复期限}');
    const cond = await fail(
      desk.invoke('templates.save', { id: 'rejectionNotice', parts: { ...base.parts, body: `[有优秀]${base.parts.body!}` } }),
    );
    expect(cond.message).toContain('[有优秀]');
    // Nothing was stored.
    expect((await desk.call('templates.get', { id: 'rejectionNotice' })).versions).toEqual([]);
  });

  it('the preview is the real PDF of the draft text, with warnings while the court is unset', async () => {
    const base = await desk.call('templates.get', { id: 'rejectionNotice' });
    expect(base.warnings.join('')).toContain('行政诉讼法院');
    const draft = { ...base.parts, title: '不予受理通知书（预览稿）' };
    const preview = await desk.call('templates.preview', { id: 'rejectionNotice', parts: draft });
    expect(preview.warnings.join('')).toContain('行政诉讼法院');
    const file = path.join(t.dir, 'preview.pdf');
    writeFileSync(file, Buffer.from(preview.pdfBase64, 'base64'));
    const text = flat(pdfText(file));
    expect(text).toContain('不予受理通知书（预览稿）');
    expect(text).toContain('向有管辖权的人民法院提起行政诉讼');
    expect(preview.pages).toBeGreaterThan(0);
    await desk.call('settings.update', { litigationCourt: '福州市鼓楼区人民法院' });
    expect((await desk.call('templates.preview', { id: 'rejectionNotice', parts: draft })).warnings.join('')).not.toContain('行政诉讼法院');
  });

  it('不予受理 carries the remedy notice once and no doubled reason; the 补正 notice prints the 备注', async () => {
    await desk.call('settings.update', FACTS);
    const app = await submitted('福州丙科技有限公司', 3);
    await desk.call('formalReview.reject', { applicationId: app.id, reason: '申报单位不符合申报条件' });
    const rejected = flat(pdfText((await desk.call('formalReview.notice', { applicationId: app.id })).path));
    expect(rejected).toContain(REMEDY);
    expect(rejected).toContain('经形式审查，申报单位不符合申报条件。');
    expect(rejected.match(/不符合/g)).toHaveLength(1);

    const other = await ok<Application>(
      desk.invoke('applications.create', {
        batchId: '2026-1',
        applicant: fullApplicant('福州丁科技有限公司', 4),
        proposedCenterName: '福州市纺织化纤产业知识产权协同保护与运营中心',
      }),
    );
    await ok(desk.invoke('applications.submit', { id: other.id, acknowledgeMissing: true }));
    await desk.call('formalReview.requireSupplement', {
      applicationId: other.id,
      items: [{ no: 5, reason: '缺租赁合同' }],
      note: '请同时报送电子版材料',
    });
    const supplement = flat(pdfText((await desk.call('formalReview.notice', { applicationId: other.id })).path));
    expect(supplement).toContain('请同时报送电子版材料');
    expect(supplement).not.toContain('行政复议');
  });

  it('认定通知 prints the summary due date from 设置; 撤销 carries the remedy, 保留 does not; 主送 groups split by ，', async () => {
    await desk.call('settings.update', { ...FACTS, annualSummaryDue: { yearOffset: 0, month: 12, day: 15 } });
    const { decision, centers } = await designatedCenters(desk, clock);
    expect(decision.templateVersion).toBe(1);
    const notice = flat(pdfText((await desk.call('decision.noticePdf', { batchId: '2026-1' })).path));
    expect(notice).toContain('各中心应于每年12月15日前向我局报送本年度工作总结');
    expect(notice).toContain('截止时间为2026年12月15日');
    expect(notice).not.toContain('12月底');
    expect(notice).toContain('各县（市）区市场监督管理局，各有关单位：');

    // Change the setting: the PDF changes with it.
    await desk.call('settings.update', { annualSummaryDue: { yearOffset: 1, month: 1, day: 31 } });
    const again = flat(pdfText((await desk.call('decision.noticePdf', { batchId: '2026-1' })).path));
    expect(again).toContain('各中心应于每年1月31日前向我局报送上一年度工作总结');
    expect(again).toContain('截止时间为2027年1月31日');

    clock.set('2026-11-25T02:00:00.000Z');
    const decide = (centerId: string, outcome: 'retain' | 'revoke') =>
      desk.call('triennial.decide', { centerId, outcome, decidedOn: '2026-11-25', opinion: '中心工作情况如下' });
    const revoke = (await decide(centers[0]!.id, 'revoke')).review;
    const retain = (await decide(centers[1]!.id, 'retain')).review;
    const revoked = flat(pdfText((await desk.call('triennial.decisionPdf', { reviewId: revoke.id })).path));
    expect(revoked).toContain(REMEDY);
    const retained = flat(pdfText((await desk.call('triennial.decisionPdf', { reviewId: retain.id })).path));
    expect(retained).not.toContain('行政复议');
    expect(retained).toContain('联系人：王秘书');
    const reviews = await desk.call('triennial.list', {});
    expect(reviews.find((r: { id: string }) => r.id === revoke.id)?.notice?.templateVersion).toBe(1);
  });

  it('评审任务通知单 lists the assigned applications, the return deadline and the secretariat phone', async () => {
    await desk.call('settings.update', { ...FACTS, reviewReturnWorkingDays: 5 });
    const { scoredBatch } = await import('../helpers/designation.js');
    await scoredBatch(desk, [
      {
        name: '福州戊科技有限公司',
        total: 88,
        proposedCenterName: '福州市软件信息产业知识产权协同保护与运营中心',
        industry: '软件信息',
        district: '鼓楼区',
      },
      {
        name: '福州己科技有限公司',
        total: 80,
        proposedCenterName: '福州市纺织化纤产业知识产权协同保护与运营中心',
        industry: '纺织化纤',
        district: '长乐区',
      },
    ]);
    const part = JSON.parse(readFileSync(path.join(t.dir, 'store', 'scores-2026-1.json'), 'utf8')) as {
      panel: { expertIds: string[] };
    };
    const expertId = part.panel.expertIds[0]!;
    const exported = await desk.call('packages.export', { batchId: '2026-1', expertId });
    const letter = await desk.call('packages.letter', { batchId: '2026-1', expertId, packageId: exported.packageId });
    const text = flat(pdfText(letter.path));
    expect(text).toContain('福州戊科技有限公司');
    expect(text).toContain('福州己科技有限公司');
    expect(text).toContain('请您评审以下2份申报材料');
    // 2026-03-10 (Tue) + 5 working days = 2026-03-17.
    expect(text).toContain('于2026年3月17日前交回秘书处');
    expect(text).toContain('联系电话：0591-83330000');
  });
});
