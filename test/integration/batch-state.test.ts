/**
 * A batch's status changes only through its actions, and a designated batch takes no writes but reprints and
 * corrections with a reason — on a real data folder through desk.invoke. Every refusal is checked to leave
 * the store, the audit log and the attachments byte for byte as they were.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { contract, methodNames } from '../../electron/core/contract/index.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, fullApplicant, ok, seedBatches } from '../helpers/applications.js';
import { scoredBatch, withTotal } from '../helpers/designation.js';

const PDF = Buffer.from('%PDF-1.4\n% batch-state\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const UNITS = [
  { name: '福州纺织化纤科技有限公司', total: 90 },
  { name: '福州软件园运营有限公司', total: 85 },
];
const DESIGNATED = '批次“2026年第一批”已认定';

/** sha256 of every file under store/, audit/ and files/ (the data a refused write must not touch). */
function dataFiles(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(root, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  for (const sub of ['store', 'audit', 'files']) walk(path.join(root, sub));
  return out;
}

describe('batch status only through its actions; a designated batch refuses writes', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  const clock = testClock('2026-03-10T02:00:00.000Z');
  const stage = async (d: Desk, name: string, data: Uint8Array) =>
    (await d.call('files.stage', { name, data: new Uint8Array(data) })).uploadId;
  const status = async (id: string) => (await desk.call('batches.get', { id })).status;

  beforeEach(async () => {
    clock.set('2026-03-10T02:00:00.000Z');
    t = tempDir();
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    await seedBatches(desk);
    await ok(desk.invoke('settings.update', { operatorName: '王秘书' }));
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  async function designate(): Promise<void> {
    await ok(desk.invoke('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28' }));
    await ok(desk.invoke('decision.create', { batchId: '2026-1', decidedOn: '2026-10-12' }));
    expect(await status('2026-1')).toBe('designated');
  }

  it('batches.update cannot set a status: reopening a designated batch or designating an open one is refused, naming the state', async () => {
    await scoredBatch(desk, UNITS, { seed: false });
    await designate();
    const before = dataFiles(t.dir);

    const reopen = await fail(desk.invoke('batches.update', { id: '2026-1', status: 'open' }));
    expect(reopen).toMatchObject({
      code: 'INVALID_STATE',
      message: '批次“2026年第一批”当前为“已认定”，状态不能直接改为“受理中”。批次一旦进入评审，就不能再恢复受理。',
    });
    const designated = await fail(desk.invoke('batches.update', { id: '2025-1', status: 'designated' }));
    expect(designated).toMatchObject({
      code: 'INVALID_STATE',
      message: '批次“2025年第一批”当前为“受理中”，状态不能直接改为“已认定”。批次只在公示期满、作出认定决定时成为“已认定”。',
    });
    // even a step that has its own action goes through that action, not through update
    const closed = await fail(desk.invoke('batches.update', { id: '2025-1', status: 'closed', title: '2025年第一批（新）' }));
    expect(closed).toMatchObject({ code: 'INVALID_STATE' });
    expect(closed.message).toContain('请使用“截止受理”');
    const reviewing = await fail(desk.invoke('batches.update', { id: '2025-1', status: 'reviewing' }));
    expect(reviewing.message).toContain('请使用“分配评审任务”');

    expect(dataFiles(t.dir)).toEqual(before);
    expect([await status('2026-1'), await status('2025-1')]).toEqual(['designated', 'open']);
    // the current status passes as a no-op beside a real change
    const renamed = await desk.call('batches.update', { id: '2025-1', status: 'open', title: '2025年第一批（更正）' });
    expect(renamed).toMatchObject({ title: '2025年第一批（更正）', status: 'open' });
    expect(renamed.operations).toContain('closeIntake');
  }, 60_000);

  it('nothing writes into a designated batch (panel, template, assignments, scores, packages, result files, applications, formal review) except reprints and corrections with a reason', async () => {
    // Left in the batch before the review: a draft with a file, and an application submitted but never reviewed.
    const draft = await desk.call('applications.create', {
      batchId: '2026-1',
      applicant: fullApplicant('福州草稿有限公司', 31),
      proposedCenterName: '草稿中心',
    });
    await ok(
      desk.invoke('applications.attachFile', {
        applicationId: draft.id,
        itemNo: 1,
        uploadId: await stage(desk, '申请表.pdf', PDF),
        fileName: '申请表.pdf',
      }),
    );
    const pending = await desk.call('applications.create', {
      batchId: '2026-1',
      applicant: fullApplicant('福州待审有限公司', 32),
      proposedCenterName: '待审中心',
    });
    await ok(desk.invoke('applications.submit', { id: pending.id, acknowledgeMissing: true }));
    const apps = await scoredBatch(desk, UNITS, { seed: false, usccOffset: 10 });
    expect(await status('2026-1')).toBe('reviewing');
    const experts = await desk.call('experts.list', {});
    const lin = experts.find((e) => e.name === '林教授')!;

    // 林教授 takes a review package home; his result file comes back only after the designation.
    const pkg = await desk.call('packages.export', { batchId: '2026-1', expertId: lin.id });
    const expDir = tempDir('desk-exp-');
    const exp = await openDesk({ dataDir: expDir.dir, host: 'test', clock: clock.now, log: () => undefined, expert: true });
    let result: Buffer;
    try {
      await ok(
        exp.invoke('expert.importPackage', {
          uploadId: await stage(exp, pkg.file.fileName, readFileSync(pkg.file.path)),
          code: pkg.oneTimeCode,
        }),
      );
      for (const app of apps)
        await ok(
          exp.invoke('expert.saveDraft', {
            applicationId: app.id,
            scores: withTotal(70),
            comment: '迟到的评分',
            recommendation: 'recommend',
          }),
        );
      result = readFileSync((await exp.call('expert.exportResult', {})).path);
    } finally {
      await exp.close();
      expDir.cleanup();
    }

    await designate();
    const overview = await desk.call('scoring.overview', { batchId: '2026-1' });
    const assignment = overview.assignments.find((a) => a.status === 'active')!;
    const template = await desk.call('scoring.getTemplate', { batchId: '2026-1' });
    const resultUpload = await stage(desk, '评分结果-林教授.ipcdres', result);
    const xlsxUpload = await stage(desk, '申报导入.pdf', PDF);
    const fileUpload = await stage(desk, '补充材料.pdf', PDF);
    const before = dataFiles(t.dir);

    // a late result file is refused in the preview and when applied, naming the state
    const preview = await desk.call('results.preview', { uploadIds: [resultUpload] });
    expect(preview[0]).toMatchObject({ ok: false, reason: 'INVALID_STATE' });
    expect(preview[0]!.message).toContain(`${DESIGNATED}，不能再录入或导入评分。`);
    const applied = await desk.call('results.apply', { uploadIds: [resultUpload] });
    expect(applied).toMatchObject({ applied: 0, refused: 1 });
    expect(applied.files[0]!.message).toContain(`${DESIGNATED}，不能再录入或导入评分。`);
    const refusals: [string, unknown, string][] = [
      [
        'scoring.enterSheet',
        {
          applicationId: apps[0]!.id,
          expertId: lin.id,
          scores: withTotal(60),
          comment: '认定后改分，不予推荐。',
          recommendation: 'notRecommend',
          signedOn: '2026-10-20',
        },
        '不能再录入或导入评分',
      ],
      ['packages.export', { batchId: '2026-1', expertId: lin.id }, '不能再导出评审包'],
      ['scoring.setPanel', { batchId: '2026-1', expertIds: experts.map((x) => x.id) }, '不能再修改评审专家组'],
      ['scoring.assign', { batchId: '2026-1', mode: 'all' }, '不能再分配评审任务'],
      [
        'applications.create',
        { batchId: '2026-1', applicant: fullApplicant('福州迟到有限公司', 33), windowOverrideReason: '补登' },
        '不能再登记新的申报',
      ],
      [
        'applications.importTemplate',
        { batchId: '2026-1', uploadId: xlsxUpload, dryRun: false, windowOverrideReason: '补登' },
        '不能再登记新的申报',
      ],
      ['applications.saveDraft', { id: draft.id, narrative: '认定后补写' }, '不能再修改申报内容或材料'],
      [
        'applications.attachFile',
        { applicationId: draft.id, itemNo: 2, uploadId: fileUpload, fileName: '补充材料.pdf' },
        '不能再修改申报内容或材料',
      ],
      [
        'applications.removeFile',
        {
          applicationId: draft.id,
          itemNo: 1,
          sha256: draft.materials[0]!.files[0]?.sha256 ?? createHash('sha256').update(PDF).digest('hex'),
        },
        '不能再修改申报内容或材料',
      ],
      ['applications.submit', { id: draft.id, acknowledgeMissing: true }, '不能再修改申报内容或材料'],
      ['formalReview.requireSupplement', { applicationId: pending.id, items: [{ no: 2, reason: '未盖章' }] }, '不能再办理形式审查'],
      ['formalReview.accept', { applicationId: pending.id }, '不能再办理形式审查'],
      ['formalReview.reject', { applicationId: pending.id, reason: '认定后驳回' }, '不能再办理形式审查'],
      ['batches.close', { id: '2026-1' }, '不能再截止受理'],
      ['batches.reopen', { id: '2026-1' }, '不能再恢复受理'],
      ['batches.delete', { id: '2026-1', reason: '认定后删除' }, '不能再删除批次'],
      [
        'scoring.saveTemplate',
        { batchId: '2026-1', criteria: template.current.criteria, passLine: 60, quorum: 3, reason: '认定后调整及格线' },
        '不能再修改评分表',
      ],
      ['scoring.recuse', { assignmentId: assignment.id, reason: '认定后发现关联' }, '不能再调整评审分配（例外分配或回避）'],
      ['scoring.overrideConflict', { assignmentId: assignment.id, reason: '认定后例外分配' }, '不能再调整评审分配（例外分配或回避）'],
    ];
    for (const [method, input, says] of refusals) {
      const e = await fail(desk.invoke(method, input));
      expect(e, method).toMatchObject({ code: 'INVALID_STATE', message: `${DESIGNATED}，${says}。` });
    }
    // publicity, objections and the decision refuse by their own rules (already published, already decided)
    const ownRules: [string, unknown][] = [
      ['publicity.create', { batchId: '2026-1', startsOn: '2026-10-20' }],
      [
        'objections.record',
        {
          batchId: '2026-1',
          applicationId: apps[0]!.id,
          receivedOn: '2026-10-13',
          from: '李四',
          kind: 'person',
          identityProof: true,
          content: '认定后异议',
        },
      ],
      ['objections.resolve', { objectionId: '2026-1-O1', outcome: 'dismissed', reason: '认定后处理' }],
      ['decision.create', { batchId: '2026-1', decidedOn: '2026-10-20' }],
      ['publicity.withdraw', { batchId: '2026-1', reason: '认定后撤回' }],
    ];
    for (const [method, input] of ownRules) expect((await desk.invoke(method, input)).ok, method).toBe(false);
    // every write method of these areas is tried above (a new one must be added here)
    const tried = new Set([
      ...refusals.map(([m]) => m),
      ...ownRules.map(([m]) => m),
      'results.apply',
      'formalReview.notice',
      'batches.update',
      'batches.create',
    ]);
    const batchWrites = methodNames.filter(
      (m) => contract[m].writes && /^(batches|applications|review|scoring|packages|results|publicity|objections|decision)\./.test(m),
    );
    expect(batchWrites.filter((m) => !tried.has(m))).toEqual([]);
    // the very sentence of the report
    expect((await fail(desk.invoke('scoring.setPanel', { batchId: '2026-1', expertIds: [lin.id] }))).message).toBe(
      '批次“2026年第一批”已认定，不能再修改评审专家组。',
    );
    // renaming the batch is a correction now: refused without a reason
    const noReason = await fail(desk.invoke('batches.update', { id: '2026-1', title: '2026年第一批（更正）' }));
    expect(noReason.code).toBe('NEEDS_REASON');
    expect(noReason.message).toBe('批次“2026年第一批”已认定，修改批次名称或受理期限属于更正，请填写更正理由（记入操作日志）。');

    expect(dataFiles(t.dir)).toEqual(before);

    // What is meant to pass: printing a formal-review notice, and a correction with its reason (logged).
    await ok(desk.invoke('formalReview.notice', { applicationId: apps[0]!.id }));
    const corrected = await desk.call('batches.update', { id: '2026-1', title: '2026年第一批（更正）', reason: '批次名称错字' });
    expect(corrected).toMatchObject({ title: '2026年第一批（更正）', status: 'designated', operations: ['correctDetails', 'printNotice'] });
    const audit = await desk.call('audit.list', { limit: 1 });
    expect(audit[0]).toMatchObject({ method: 'batches.update', summary: '更正批次“2026年第一批（更正）”（理由：批次名称错字）' });
  }, 120_000);

  it('intake is closed and reopened only by 截止受理 / 恢复受理; the first assignment starts the review; publicity needs the review', async () => {
    const closed = await desk.call('batches.close', { id: '2026-1' });
    expect(closed).toMatchObject({ status: 'closed' });
    expect(closed.operations).toContain('reopenIntake');
    expect(closed.operations).not.toContain('registerApplication');
    const audit = await desk.call('audit.list', { limit: 1 });
    expect(audit[0]).toMatchObject({
      method: 'batches.close',
      entity: 'batch:2026-1',
      summary: '2026年第一批“2026年第一批”状态：受理中 → 已截止',
    });

    let before = dataFiles(t.dir);
    const late = await fail(desk.invoke('applications.create', { batchId: '2026-1', applicant: fullApplicant('福州迟到有限公司', 41) }));
    expect(late).toMatchObject({
      code: 'INVALID_STATE',
      message: '批次“2026年第一批”已截止受理，不能再登记新的申报。如确需补登，请先在“申报批次”中恢复受理。',
    });
    expect((await fail(desk.invoke('batches.close', { id: '2026-1' }))).message).toBe('批次“2026年第一批”已截止受理，无需再次截止。');
    expect(dataFiles(t.dir)).toEqual(before);

    expect(await desk.call('batches.reopen', { id: '2026-1' })).toMatchObject({ status: 'open' });
    const app = await desk.call('applications.create', {
      batchId: '2026-1',
      applicant: fullApplicant('福州按时有限公司', 42),
      proposedCenterName: '按时中心',
    });
    await ok(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    await ok(desk.invoke('formalReview.accept', { applicationId: app.id }));

    // publicity straight from intake (an explicit list, no review) is out of order
    before = dataFiles(t.dir);
    const early = await fail(desk.invoke('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28', applicationIds: [app.id] }));
    expect(early).toMatchObject({
      code: 'INVALID_STATE',
      message: '批次“2026年第一批”正在受理申报，不能发起公示。请先在“专家评审”中分配评审任务（分配后批次进入“评审中”）。',
    });
    expect(dataFiles(t.dir)).toEqual(before);
    expect(await status('2026-1')).toBe('open');

    const e = await desk.call('experts.create', {
      name: '林教授',
      organisation: '福州大学',
      title: '教授',
      field: '知识产权',
      phone: '13800000001',
    });
    await ok(desk.invoke('scoring.setPanel', { batchId: '2026-1', expertIds: [e.id] }));
    expect(await status('2026-1')).toBe('open');
    await ok(desk.invoke('scoring.assign', { batchId: '2026-1', mode: 'all' }));
    expect(await status('2026-1')).toBe('reviewing');
    const moved = await desk.call('audit.list', { limit: 1 });
    expect(moved[0]).toMatchObject({ method: 'scoring.assign', summary: '2026年第一批“2026年第一批”状态：受理中 → 评审中' });

    before = dataFiles(t.dir);
    expect(
      (await fail(desk.invoke('applications.create', { batchId: '2026-1', applicant: fullApplicant('福州更迟有限公司', 43) }))).message,
    ).toBe('批次“2026年第一批”正在专家评审，不能再登记新的申报。');
    expect((await fail(desk.invoke('batches.reopen', { id: '2026-1' }))).message).toBe('批次“2026年第一批”正在专家评审，不能再恢复受理。');
    expect((await fail(desk.invoke('batches.update', { id: '2026-1', closesOn: '2026-04-30' }))).code).toBe('NEEDS_REASON');
    expect(dataFiles(t.dir)).toEqual(before);
    // formal review and scoring go on while under review
    await ok(
      desk.invoke('scoring.enterSheet', {
        applicationId: app.id,
        expertId: e.id,
        scores: withTotal(88),
        comment: '',
        recommendation: 'recommend',
        signedOn: '2026-04-10',
      }),
    );
  }, 60_000);
});
