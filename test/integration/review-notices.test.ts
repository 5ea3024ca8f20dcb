import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, fullApplicant, ok, seedBatches } from '../helpers/applications.js';
import { pdfText } from './documents/pdf-helpers.js';

describe('formal-review notices through the API', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  const clock = testClock('2026-03-10T02:00:00.000Z');
  beforeEach(async () => {
    t = tempDir();
    clock.set('2026-03-10T02:00:00.000Z');
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    await seedBatches(desk);
    await ok(desk.invoke('settings.update', { operatorName: '王审查' }));
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  it('prints the 补正通知书 with every item once and the deadline, numbers it once, and numbers the 受理通知书 next', async () => {
    const app = await desk.call('applications.create', {
      batchId: '2026-1',
      applicant: fullApplicant('福州闽江纺织科技有限公司', 7),
      proposedCenterName: '福州市纺织化纤产业知识产权协同保护与运营中心',
    });
    expect((await fail(desk.invoke('formalReview.notice', { applicationId: app.id }))).code).toBe('NOT_FOUND');
    await ok(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    await ok(
      desk.invoke('formalReview.requireSupplement', {
        applicationId: app.id,
        items: [
          { no: 2, reason: '营业执照复印件未加盖公章' },
          { no: 5, reason: '缺少办公场所租赁合同' },
        ],
      }),
    );
    const first = await desk.call('formalReview.notice', { applicationId: app.id });
    const text = pdfText(first.path).replace(/\s+/g, '');
    expect(text).toContain('补正通知书');
    expect(text).toContain('榕市监知〔2026〕1号');
    expect(text).toContain('福州闽江纺织科技有限公司');
    expect(text).toContain('2026年3月17日'); // 5 working days after Tuesday 2026-03-10
    expect(text).toContain('（5个工作日）');
    expect(text.split('营业执照或法人登记证复印件').length - 1).toBe(1);
    expect(text.split('中心办公场所证明').length - 1).toBe(1);
    const again = await desk.call('formalReview.notice', { applicationId: app.id });
    expect(pdfText(again.path).replace(/\s+/g, '')).toContain('榕市监知〔2026〕1号');
    expect(again.fileName).not.toBe(first.fileName); // a reprint never overwrites an earlier export
    await ok(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    await ok(desk.invoke('formalReview.accept', { applicationId: app.id }));
    const accepted = await desk.call('formalReview.notice', { applicationId: app.id });
    const acceptedText = pdfText(accepted.path).replace(/\s+/g, '');
    expect(acceptedText).toContain('受理通知书');
    expect(acceptedText).toContain('榕市监知〔2026〕2号');
    const stored = await desk.call('applications.get', { id: app.id });
    expect(stored.application.formalReviews.map((r) => r.docNumber)).toEqual(['榕市监知〔2026〕1号', '榕市监知〔2026〕2号']);
    const first1 = await desk.call('formalReview.notice', { applicationId: app.id, round: 1 });
    expect(pdfText(first1.path)).toContain('补正通知书');
  });

  it('prints the 不予受理通知书 with the reason', async () => {
    const app = await desk.call('applications.create', {
      batchId: '2026-1',
      applicant: fullApplicant('福州某某贸易有限公司', 8),
      proposedCenterName: '福州市食品产业知识产权协同保护与运营中心',
    });
    await ok(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    await ok(desk.invoke('formalReview.reject', { applicationId: app.id, reason: '申报单位不具备开展知识产权保护工作的条件' }));
    const file = await desk.call('formalReview.notice', { applicationId: app.id });
    const text = pdfText(file.path).replace(/\s+/g, '');
    expect(text).toContain('不予受理通知书');
    expect(text).toContain('不具备开展知识产权保护工作的条件');
  });
});
