/**
 * Ways back (issue 13 item 2), each through the API on a real data folder: the allowed case changes the state and
 * writes an audit entry carrying the reason; a refused case fails with a typed error and changes nothing (the
 * parts it would write and the audit log stay byte for byte as they were).
 */
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { readZip } from '../../electron/core/base/zip-read.js';
import { fail, fullApplicant, ok, seedBatches } from '../helpers/applications.js';
import { designatedCenters } from '../helpers/centers.js';
import { scoredBatch, withTotal } from '../helpers/designation.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { pdfText } from './documents/pdf-helpers.js';

const sha = (file: string): string => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : '(missing)');
const flat = (s: string): string => s.replace(/\s+/g, '');

/** The named store parts and every audit file, by content hash. */
function snapshot(root: string, parts: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of parts) out[`store/${p}`] = sha(path.join(root, 'store', p));
  for (const f of readdirSync(path.join(root, 'audit')).sort()) out[`audit/${f}`] = sha(path.join(root, 'audit', f));
  return out;
}

describe('ways back through the API', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  const clock = testClock('2026-03-10T02:00:00.000Z');
  beforeEach(async () => {
    clock.set('2026-03-10T02:00:00.000Z');
    t = tempDir('desk-back-');
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  /** The newest audit entry of `method` (and of `entity`, when given). */
  const lastAudit = async (method: string, entity?: string) =>
    (await desk.call('audit.list', { limit: 50 })).find((e) => e.method === method && (entity === undefined || e.entity === entity));

  it('撤回公示 before designation: batch back to 评审中, the withdrawal kept with who/when/why, a new publicity can start', async () => {
    const [a] = await scoredBatch(desk, [
      { name: '福州纺织化纤科技有限公司', total: 90 },
      { name: '福州软件园运营有限公司', total: 85 },
    ]);
    clock.set('2026-09-27T02:00:00.000Z');
    await desk.call('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28' });
    await ok(
      desk.invoke('objections.record', {
        batchId: '2026-1',
        applicationId: a!.id,
        receivedOn: '2026-09-29',
        from: '福州某协会',
        kind: 'unit',
        identityProof: true,
        content: '对其办公场所情况有异议。',
      }),
    );
    clock.set('2026-09-29T17:30:00.000Z'); // 2026-09-30 01:30 in bureau time
    const v = await desk.call('publicity.withdraw', { batchId: '2026-1', reason: '公示名单漏列一家单位，重新公示' });
    expect(v.publicity).toBeNull();
    expect(v.objections).toEqual([]);
    expect(v.withdrawnPublicities).toEqual([
      {
        startsOn: '2026-09-28',
        endsOn: '2026-10-09',
        listed: 2,
        objections: 1,
        withdrawal: { at: '2026-09-29T17:30:00.000Z', by: '王秘书', reason: '公示名单漏列一家单位，重新公示' },
      },
    ]);
    expect((await desk.call('batches.get', { id: '2026-1' })).status).toBe('reviewing');
    const entry = await lastAudit('publicity.withdraw', 'publicity:2026-1');
    expect(entry?.summary).toContain('理由：公示名单漏列一家单位，重新公示');
    expect(entry?.operator).toBe('王秘书');
    // A new publicity; objection ids go on from the withdrawn one's.
    clock.set('2026-10-08T02:00:00.000Z');
    const again = await desk.call('publicity.create', { batchId: '2026-1', startsOn: '2026-10-09' });
    expect(again.publicity?.startsOn).toBe('2026-10-09');
    expect(again.withdrawnPublicities).toHaveLength(1);
    const o = await desk.call('objections.record', {
      batchId: '2026-1',
      applicationId: a!.id,
      receivedOn: '2026-10-09',
      from: '张三',
      kind: 'person',
      identityProof: true,
      content: '再次提出异议。',
    });
    expect(o.id).toBe('2026-1-O2');
  });

  it('撤回公示 after designation (and without a publicity) is refused with INVALID_STATE, changing nothing', async () => {
    await designatedCenters(desk, clock);
    const parts = ['designation-2026-1.json', 'batches.json'];
    const before = snapshot(t.dir, parts);
    const err = await fail(desk.invoke('publicity.withdraw', { batchId: '2026-1', reason: '试图撤回' }));
    expect(err.code).toBe('INVALID_STATE');
    expect(err.message).toMatch(/^2026年第一批已作出认定决定（榕市监知〔2026〕\d+号），公示不能再撤回。$/u);
    expect(snapshot(t.dir, parts)).toEqual(before);
    await ok(desk.invoke('batches.create', { year: 2026, title: '2026年第二批', opensOn: '2026-10-01', closesOn: '2026-10-31' }));
    const none = await fail(desk.invoke('publicity.withdraw', { batchId: '2026-2', reason: '试图撤回' }));
    expect(none).toMatchObject({ code: 'INVALID_STATE', message: '2026年第二批该批次当前没有进行中的公示，无需撤回。' });
  });

  it('作废: the number stays taken, reprints carry the mark, the register and the sealed archive list it as voided', async () => {
    await designatedCenters(desk, clock);
    const first = await desk.call('formalReview.notice', { applicationId: '2026-1-0001' });
    const app1 = await desk.call('applications.get', { id: '2026-1-0001' });
    const number = app1.application.formalReviews.at(-1)!.docNumber!;
    const counters = () =>
      JSON.parse(readFileSync(path.join(t.dir, 'store', 'counters.json'), 'utf8')) as { counters: Record<string, number> };
    const counterBefore = counters().counters;
    expect(flat(pdfText(first.path))).not.toContain('作废');

    clock.set('2026-10-13T08:00:00.000Z');
    const row = await desk.call('archive.voidDocument', {
      ref: { kind: 'formalReviewNotice', applicationId: '2026-1-0001', round: 1 },
      docNumber: number,
      reason: '单位名称打印有误',
    });
    expect(row).toMatchObject({
      docNumber: number,
      typeLabel: '受理通知书',
      voided: { at: '2026-10-13T08:00:00.000Z', by: '王秘书', reason: '单位名称打印有误' },
    });
    expect(row.voidConsequence).toContain('不改变形式审查结论');
    // The act stands; the counter did not move; the history and the audit name the reason.
    const after = (await desk.call('applications.get', { id: '2026-1-0001' })).application;
    expect(after.status).toBe('accepted');
    expect(after.history.at(-1)).toMatchObject({ action: '作废形式审查通知书', by: '王秘书' });
    expect(after.history.at(-1)!.note).toContain('理由：单位名称打印有误');
    expect(counters().counters).toEqual(counterBefore);
    expect((await lastAudit('archive.voidDocument'))?.summary).toContain('理由：单位名称打印有误');

    // A reprint carries the mark with the reason and the bureau time.
    const reprint = await desk.call('formalReview.notice', { applicationId: '2026-1-0001' });
    const text = flat(pdfText(reprint.path));
    expect(text).toContain('作废');
    expect(text).toContain('作废理由：单位名称打印有误');
    expect(text).toContain('作废时间：2026年10月13日16:00');
    expect(text).toContain(flat(number));

    // The next document takes the next number: the voided one is never given again.
    await desk.call('formalReview.notice', { applicationId: '2026-1-0002' });
    const next = (await desk.call('applications.get', { id: '2026-1-0002' })).application.formalReviews.at(-1)!.docNumber!;
    const seq = (n: string) => Number(/〕(\d+)号$/.exec(n)![1]);
    expect(seq(next)).toBe(seq(number) + 1);

    // Voiding twice is refused and changes nothing.
    const parts = ['batch-2026-1.json', 'counters.json'];
    const before = snapshot(t.dir, parts);
    const twice = await fail(
      desk.invoke('archive.voidDocument', {
        ref: { kind: 'formalReviewNotice', applicationId: '2026-1-0001', round: 1 },
        docNumber: number,
        reason: '再次作废',
      }),
    );
    expect(twice.code).toBe('INVALID_STATE');
    expect(twice.message).toBe(`${number} 已于2026年10月13日 16:00由王秘书作废（理由：单位名称打印有误），不能重复作废。`);
    expect(snapshot(t.dir, parts)).toEqual(before);

    // The 认定通知 voided too: the centers stay designated.
    const decision = (await desk.call('publicity.get', { batchId: '2026-1' })).decision!;
    await desk.call('archive.voidDocument', {
      ref: { kind: 'designationNotice', batchId: '2026-1' },
      docNumber: decision.docNumber,
      reason: '附件名单排版错误',
    });
    expect((await desk.call('centers.list', {})).every((c) => c.status === 'active')).toBe(true);
    const decisionPdf = await desk.call('decision.noticePdf', { batchId: '2026-1' });
    expect(flat(pdfText(decisionPdf.path))).toContain('作废理由：附件名单排版错误');

    const register = await desk.call('archive.issuedDocuments', { year: 2026 });
    expect(
      register
        .filter((r) => r.voided)
        .map((r) => r.docNumber)
        .sort(),
    ).toEqual([number, decision.docNumber].sort());
    expect(register.find((r) => r.docNumber === next)?.voided).toBeUndefined();

    // The sealed archive's catalogue lists both as voided, and its copies carry the mark.
    const seal = await desk.call('archive.seal', { year: 2026, taskId: 'seal-void', acknowledgeOpenItems: true });
    const zip = await readZip(readFileSync(seal.file.path));
    // the catalogue's machine-readable twin: 题名 carries the void, 文号 the number (the xlsx shows the same rows)
    const items = (JSON.parse(String(zip.get('00-档案目录.json'))) as { items: { title: string; docNumber: string }[] }).items;
    const titleOf = (docNumber: string) => items.find((i) => i.docNumber === docNumber)?.title ?? '';
    expect(titleOf(number)).toContain('（已作废：单位名称打印有误');
    expect(titleOf(decision.docNumber)).toContain('（已作废：附件名单排版错误');
    expect(titleOf(next)).not.toContain('已作废');
    expect(titleOf(next)).not.toBe('');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(zip.get('00-档案目录.xlsx') as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((r) => r.eachCell((c) => cells.push(String(c.value ?? ''))));
    expect(cells.some((c) => c.includes('（已作废：单位名称打印有误'))).toBe(true);
  }, 180_000);

  it('退回修改: a submitted application goes back to 草稿 with the reason; a concluded one is refused', async () => {
    await seedBatches(desk);
    await ok(desk.invoke('settings.update', { operatorName: '王秘书' }));
    const app = await desk.call('applications.create', {
      batchId: '2026-1',
      applicant: fullApplicant('福州某科技有限公司', 1),
      proposedCenterName: '福州市某产业知识产权协同保护与运营中心',
    });
    await desk.call('applications.submit', { id: app.id, acknowledgeMissing: true });
    const back = await desk.call('formalReview.returnToDraft', { applicationId: app.id, reason: '联系人电话有误，请核对' });
    expect(back.status).toBe('draft');
    expect(back.submittedAt).toBeUndefined();
    expect(back.history.at(-1)).toMatchObject({ action: '退回修改（已提交 → 草稿）', note: '理由：联系人电话有误，请核对', by: '王秘书' });
    expect((await lastAudit('formalReview.returnToDraft'))?.summary).toContain('理由：联系人电话有误，请核对');
    // The applicant edits and submits again.
    await desk.call('applications.saveDraft', {
      id: app.id,
      applicant: { ...fullApplicant('福州某科技有限公司', 1), phone: '0591-88889999' },
    });
    await desk.call('applications.submit', { id: app.id, acknowledgeMissing: true });
    await desk.call('formalReview.accept', { applicationId: app.id });
    // Accepted: the formal review has concluded.
    const before = snapshot(t.dir, ['batch-2026-1.json']);
    const refused = await fail(desk.invoke('formalReview.returnToDraft', { applicationId: app.id, reason: '再次退回' }));
    expect(refused.code).toBe('INVALID_STATE');
    expect(refused.message).toBe(
      '“福州某科技有限公司”申报当前状态为“已受理”，不能退回修改。形式审查已结束（已受理），只有已提交、尚未作出形式审查结论的申报可以退回。',
    );
    expect(snapshot(t.dir, ['batch-2026-1.json'])).toEqual(before);
  });

  it('删除空批次: an empty batch goes with an audit entry; a batch with an application is refused naming why', async () => {
    await seedBatches(desk);
    await ok(desk.invoke('batches.create', { year: 2026, title: '误建的批次', opensOn: '2026-05-01', closesOn: '2026-05-31' }));
    const res = await desk.call('batches.delete', { id: '2026-2', reason: '重复新建' });
    expect(res).toEqual({ deleted: '2026-2' });
    expect((await desk.call('batches.list', { year: 2026 })).map((b) => b.id)).toEqual(['2026-1']);
    expect((await lastAudit('batches.delete'))?.summary).toContain('理由：重复新建');

    await desk.call('applications.create', { batchId: '2026-1', applicant: fullApplicant('福州某科技有限公司', 1) });
    const before = snapshot(t.dir, ['batches.json', 'batch-2026-1.json']);
    const refused = await fail(desk.invoke('batches.delete', { id: '2026-1', reason: '不需要了' }));
    expect(refused).toMatchObject({
      code: 'INVALID_STATE',
      message: '批次“2026年第一批”不能删除：已登记1份申报（含草稿）。只有没有任何申报、未发文的空批次可以删除。',
    });
    expect(snapshot(t.dir, ['batches.json', 'batch-2026-1.json'])).toEqual(before);
  });

  it('代录 saved with no change makes no new version; a change still does', async () => {
    const [a] = await scoredBatch(desk, [{ name: '福州纺织化纤科技有限公司', total: 90 }]);
    const expert = (await desk.call('experts.list', {}))[0]!;
    const input = {
      applicationId: a!.id,
      expertId: expert.id,
      scores: withTotal(90),
      comment: '',
      recommendation: 'recommend' as const,
      signedOn: '2026-04-10',
    };
    const before = snapshot(t.dir, ['scores-2026-1.json']);
    const same = await desk.call('scoring.enterSheet', input);
    expect(same).toMatchObject({ version: 1, unchanged: true });
    expect(snapshot(t.dir, ['scores-2026-1.json'])).toEqual(before);
    const changed = await desk.call('scoring.enterSheet', { ...input, scores: withTotal(88) });
    expect(changed.version).toBe(2);
    expect(changed.unchanged).toBeUndefined();
    expect(changed.total).toBe(88);
  });
});
