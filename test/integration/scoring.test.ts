import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import type { Application } from '../../electron/core/contract/applications/entities.js';
import type { Expert } from '../../electron/core/contract/expert-review/experts.js';
import type { ScoreSheet } from '../../electron/core/contract/expert-review/scoring.js';
import { stageUpload } from '../../electron/core/store/uploads.js';
import { recordExpertSheets, reviewPartOf, diffSheets } from '../../electron/core/handlers/expert-review/score-sheets.js';
import { TaskRegistry } from '../../electron/core/tasks.js';
import { Store } from '../../electron/core/store/store.js';
import type { HandlerContext } from '../../electron/core/handlers/types.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, fullApplicant, makeUscc, ok, seedBatches } from '../helpers/applications.js';

const scores = (over: Record<string, number> = {}) => ({ c1: 12, c2: 12, c3: 8, c4: 12, c5: 12, c6: 12, c7: 12, ...over }); // 80
/** Scores of the default template adding up to `total` (full marks, minus the deficit from the first criteria). */
function withTotal(total: number): Record<string, number> {
  const out: Record<string, number> = {};
  let deficit = 100 - total;
  [15, 15, 10, 15, 15, 15, 15].forEach((max, i) => {
    const cut = Math.min(deficit, max);
    out[`c${i + 1}`] = max - cut;
    deficit -= cut;
  });
  return out;
}

describe('expert review (secretariat side) on a real data folder', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  const clock = testClock('2026-03-10T02:00:00.000Z');
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

  async function acceptedApp(name: string, n: number): Promise<Application> {
    const app = await desk.call('applications.create', {
      batchId: '2026-1',
      applicant: fullApplicant(name, n),
      proposedCenterName: `${name}中心`,
    });
    await ok(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    return desk.call('formalReview.accept', { applicationId: app.id });
  }
  const expert = (name: string, organisation: string, extra: Record<string, unknown> = {}) =>
    desk.call('experts.create', { name, organisation, title: '教授', field: '知识产权', phone: '13800000001', ...extra });
  const enter = (applicationId: string, expertId: string, s: Record<string, number>, extra: Record<string, unknown> = {}) =>
    desk.invoke('scoring.enterSheet', {
      applicationId,
      expertId,
      scores: s,
      comment: '',
      recommendation: 'recommend',
      signedOn: '2026-04-10',
      ...extra,
    });

  it('expert CRUD: create, USCC check, duplicate refused, update, retire, roster export', async () => {
    const e = await expert('林教授', '福州大学', { organisationUscc: '12350000488000000X'.slice(0, 17) + 'X' }).catch(() => null);
    expect(e).toBeNull(); // wrong check character
    const bad = await fail(
      desk.invoke('experts.create', { name: '林教授', organisation: '福州大学', organisationUscc: '91350100M000100Y4Z' }),
    );
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toContain('单位统一社会信用代码');
    const lin = await expert('林教授', '福州大学', { organisationUscc: makeUscc(900), declaredConflicts: ['福州某某有限公司'] });
    expect(lin).toMatchObject({ id: 'E0001', organisationUscc: makeUscc(900), retired: false });
    expect((await fail(desk.invoke('experts.create', { name: '林教授', organisation: '福州大学 ' }))).code).toBe('CONFLICT');
    const upd = await desk.call('experts.update', { id: lin.id, title: '研究员', phone: '0591-87654321' });
    expect(upd).toMatchObject({ title: '研究员', phone: '0591-87654321', organisationUscc: makeUscc(900) });
    await ok(desk.invoke('experts.retire', { id: lin.id, reason: '退休' }));
    expect(await desk.call('experts.list', {})).toEqual([]);
    expect(await desk.call('experts.list', { includeRetired: true })).toHaveLength(1);
    const file = await desk.call('experts.exportRoster', { includeRetired: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file.path);
    const ws = wb.getWorksheet('专家名册')!;
    expect(ws.getRow(4).getCell(2).value).toBe('林教授');
    expect(ws.getRow(4).getCell(9).value).toBe('已退出');
    const audit = await desk.call('audit.list', { limit: 3 });
    expect(audit[0]!.summary).toContain('专家退出专家库：林教授（理由：退休）');
  });

  it('conflicts on same organisation and declared conflict; override needs a reason; balanced assignment', async () => {
    const a1 = await acceptedApp('福州数科信息技术有限公司', 1);
    const a2 = await acceptedApp('福州海峡生物医药有限公司', 2);
    const a3 = await acceptedApp('福州榕城新材料有限公司', 3);
    const e1 = await expert('陈一', '福州数科信息技术有限责任公司');
    const e2 = await expert('陈二', '福州大学', { declaredConflicts: ['福州海峡生物医药有限公司'] });
    const e3 = await expert('陈三', '福建师范大学');
    const e4 = await expert('陈四', '闽江学院');
    await ok(desk.invoke('scoring.setPanel', { batchId: '2026-1', expertIds: [e1.id, e2.id, e3.id, e4.id] }));
    const r = await desk.call('scoring.assign', { batchId: '2026-1', mode: 'balanced', perApplication: 2 });
    expect(r.created).toBe(6);
    expect(r.conflicts.map((c) => [c.applicationId, c.expertId])).toEqual([
      [a1.id, e1.id],
      [a2.id, e2.id],
    ]);
    expect(r.conflicts[0]!.reasons[0]).toContain('同一单位');
    expect(r.conflicts[1]!.reasons[0]).toContain('专家申报回避');
    expect(r.conflicts.map((c) => c.codes)).toEqual([['sameOrganisation'], ['declared']]);
    expect(r.assignments.filter((a) => a.status === 'conflict').map((a) => a.conflictCodes)).toEqual([['sameOrganisation'], ['declared']]);
    const active = r.assignments.filter((a) => a.status === 'active');
    for (const app of [a1, a2, a3]) expect(active.filter((a) => a.applicationId === app.id)).toHaveLength(2);
    const load = [e1, e2, e3, e4].map((e) => active.filter((a) => a.expertId === e.id).length);
    expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(1);
    // A conflicted expert cannot score; override needs a reason.
    expect((await fail(enter(a1.id, e1.id, scores()))).message).toContain('利益冲突');
    const need = await fail(desk.invoke('scoring.overrideConflict', { assignmentId: r.conflicts[0]!.assignmentId }));
    expect(need.code).toBe('NEEDS_REASON');
    expect(need.message).toContain('请填写理由');
    const over = await desk.call('scoring.overrideConflict', {
      assignmentId: r.conflicts[0]!.assignmentId,
      reason: '该领域仅此一位专家，经领导批准',
    });
    expect(over).toMatchObject({ status: 'active', override: { reason: '该领域仅此一位专家，经领导批准', by: '王秘书' } });
    await ok(enter(a1.id, e1.id, scores()));
  });

  it('template frozen after the first sheet; 16/15 and 12.3 refused in Chinese; results ranked with the method text; recusal removes scores', async () => {
    const apps = [
      await acceptedApp('甲公司有限公司', 11),
      await acceptedApp('乙公司有限公司', 12),
      await acceptedApp('丙公司有限公司', 13),
    ];
    const experts: Expert[] = [];
    for (let i = 0; i < 5; i++) experts.push(await expert(`专家${i + 1}`, `某大学${i + 1}`));
    await ok(desk.invoke('scoring.setPanel', { batchId: '2026-1', expertIds: experts.map((e) => e.id) }));
    await ok(desk.invoke('scoring.assign', { batchId: '2026-1', mode: 'all' }));
    // Editable before any score.
    const tpl = await desk.call('scoring.getTemplate', { batchId: '2026-1' });
    expect(tpl).toMatchObject({ frozen: false, isDefault: true });
    const criteria = tpl.current.criteria.map(({ key, title, max, step }) => ({ key, title, max, step }));
    const saved = await desk.call('scoring.saveTemplate', { batchId: '2026-1', criteria, passLine: 75, quorum: 3 });
    expect(saved.current.version).toBe(1);
    // Bad sheets.
    const over = await fail(enter(apps[0]!.id, experts[0]!.id, scores({ c2: 16 })));
    expect(over.code).toBe('RULE_VIOLATION');
    expect(over.message).toContain('“工作团队”得分16超过满分15');
    const step = await fail(enter(apps[0]!.id, experts[0]!.id, scores({ c1: 12.3 })));
    expect(step.message).toContain('“知识产权管理制度与重视程度”得分12.3不符合评分步长0.5分');
    expect((await desk.call('scoring.overview', { batchId: '2026-1' })).sheets).toEqual([]);
    // First sheet freezes the template.
    const first = await ok<ScoreSheet>(enter(apps[0]!.id, experts[0]!.id, scores({ c1: 12.5 })));
    expect(first).toMatchObject({ total: 80.5, enteredBy: 'secretariat', version: 1, templateVersion: 1, recordedBy: '王秘书' });
    const frozen = await fail(desk.invoke('scoring.saveTemplate', { batchId: '2026-1', criteria, passLine: 70 }));
    expect(frozen.code).toBe('NEEDS_REASON');
    expect(frozen.message).toContain('已冻结');
    // Everyone scores: 甲 high (one outlier), 乙 and 丙 tie.
    const totals: Record<string, number[]> = {
      [apps[0]!.id]: [80.5, 90, 90, 90, 60],
      [apps[1]!.id]: [85, 85, 85, 85, 85],
      [apps[2]!.id]: [85, 85, 85, 85, 85],
    };
    for (const app of apps) {
      for (let i = 0; i < 5; i++) {
        if (app === apps[0] && i === 0) continue;
        const total = totals[app.id]![i]!;
        await ok(enter(app.id, experts[i]!.id, withTotal(total), { comment: total < 75 ? '申报材料支撑不足。' : '' }));
      }
    }
    const results = await desk.call('scoring.results', { batchId: '2026-1' });
    expect(results.methodText).toContain('平均分：去掉一个最高分和一个最低分后取平均（5位及以上专家）');
    expect(results.rows.map((r) => [r.applicationId, r.final, r.rank, r.method, r.passed])).toEqual([
      [apps[0]!.id, 86.83, 1, 'trimmedMean', true],
      [apps[1]!.id, 85, 2, 'trimmedMean', true],
      [apps[2]!.id, 85, 2, 'trimmedMean', true],
    ]);
    expect(results.rows[0]!.flags.some((f) => f.kind === 'outlier' && f.expertId === experts[4]!.id)).toBe(true);
    expect(results.rows[1]!.flags.find((f) => f.kind === 'tie')!.message).toContain('并列第2名');
    // Re-entering the same sheet is a new version; the old one is kept.
    const v2 = await ok<ScoreSheet>(enter(apps[0]!.id, experts[0]!.id, scores({ c1: 13 })));
    expect(v2).toMatchObject({ version: 2, total: 81 });
    // Recusal: expert 5 leaves 甲; 4 sheets remain → plain mean, outlier flag gone; sheet kept in history.
    const overview = await desk.call('scoring.overview', { batchId: '2026-1' });
    const asg = overview.assignments.find((a) => a.applicationId === apps[0]!.id && a.expertId === experts[4]!.id)!;
    expect((await fail(desk.invoke('scoring.recuse', { assignmentId: asg.id }))).code).toBe('NEEDS_REASON');
    await ok(desk.invoke('scoring.recuse', { assignmentId: asg.id, reason: '发现与申报单位存在合作关系' }));
    const after = await desk.call('scoring.results', { batchId: '2026-1' });
    const jia = after.rows.find((r) => r.applicationId === apps[0]!.id)!;
    expect(jia).toMatchObject({ count: 4, method: 'mean', final: 87.75, rank: 1 });
    expect(jia.flags.some((f) => f.kind === 'outlier')).toBe(false);
    const still = await desk.call('scoring.overview', { batchId: '2026-1' });
    expect(still.sheets.some((s) => s.applicationId === apps[0]!.id && s.expertId === experts[4]!.id)).toBe(true);
    expect((await fail(enter(apps[0]!.id, experts[4]!.id, scores()))).message).toContain('已对该申报回避');
    // Leniency
    const len = await desk.call('scoring.leniency', { batchId: '2026-1' });
    expect(len).toHaveLength(5);
    // A frozen template changes only with a reason, as a new version.
    const v2t = await desk.call('scoring.saveTemplate', {
      batchId: '2026-1',
      criteria,
      passLine: 70,
      reason: '评审会决定及格线调整为70分',
    });
    expect(v2t.current).toMatchObject({ version: 2, reason: '评审会决定及格线调整为70分' });
    const stale = await desk.call('scoring.results', { batchId: '2026-1' });
    expect(stale.rows[0]!.flags.some((f) => f.kind === 'staleTemplate')).toBe(true);
  });

  it('recordExpertSheets (for result files): all or nothing, older refused, same is a no-op, newer supersedes', async () => {
    const a1 = await acceptedApp('甲公司有限公司', 21);
    const a2 = await acceptedApp('乙公司有限公司', 22);
    const e = await expert('专家甲', '某大学');
    await ok(desk.invoke('scoring.setPanel', { batchId: '2026-1', expertIds: [e.id] }));
    await ok(desk.invoke('scoring.assign', { batchId: '2026-1', mode: 'all' }));
    // The package engineer calls these with a handler context: build one on the same folder.
    await desk.close();
    const store = await Store.open(t.dir, { clock: clock.now });
    const c: HandlerContext = {
      store,
      clock: clock.now,
      host: 'test',
      appVersion: '0.0.0',
      emit: () => undefined,
      tasks: new TaskRegistry(),
    };
    const sheet = (applicationId: string, version: number, s = scores()) => ({
      applicationId,
      templateVersion: 1,
      version,
      scores: s,
      comment: '',
      recommendation: 'recommend' as const,
    });
    await expect(
      recordExpertSheets(c, '2026-1', e.id, [sheet(a1.id, 1), sheet(a2.id, 1, scores({ c2: 16 }))], 'package'),
    ).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    expect((await reviewPartOf(c, '2026-1')).scoreSheets).toEqual([]);
    expect((await recordExpertSheets(c, '2026-1', e.id, [sheet(a1.id, 1), sheet(a2.id, 1)], 'package')).applied).toBe(2);
    expect(await recordExpertSheets(c, '2026-1', e.id, [sheet(a1.id, 1), sheet(a2.id, 1)], 'package')).toMatchObject({
      applied: 0,
      unchanged: 2,
    });
    const newer = await recordExpertSheets(c, '2026-1', e.id, [sheet(a1.id, 2, scores({ c1: 13 }))], 'package');
    expect(newer).toMatchObject({ applied: 1, superseded: 1 });
    await expect(recordExpertSheets(c, '2026-1', e.id, [sheet(a1.id, 1)], 'package')).rejects.toMatchObject({
      message: expect.stringContaining('旧'),
    });
    const part = await reviewPartOf(c, '2026-1');
    expect(part.scoreSheets.map((x) => [x.version, x.supersededBy ?? null, x.enteredBy])).toEqual([
      [1, '2026-1-S00003', 'package'],
      [1, null, 'package'],
      [2, null, 'package'],
    ]);
    const diff = diffSheets(part.scoreSheets[0], sheet(a1.id, 2, scores({ c1: 13 })), part.templates[0]);
    expect(diff.kind).toBe('changed');
    expect(diff.changes.map((x) => [x.label, x.before, x.after])).toEqual([
      ['知识产权管理制度与重视程度', 12, 13],
      ['总分', 80, 81],
    ]);
    expect(diffSheets(undefined, sheet(a1.id, 1)).kind).toBe('new');
    await store.close();
  });

  it('expert Excel import: a bad row means nothing is applied; a clean file imports all', async () => {
    await expert('已有专家', '福州大学');
    const sheet = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('专家名册');
      ws.addRow(['评审专家名册']);
      ws.addRow(['']);
      ws.addRow(['序号', '姓名', '工作单位', '单位统一社会信用代码', '职称', '专业领域', '联系电话', '申报回避单位（多个用“、”分隔）']);
      rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const importFile = async (data: Buffer, dryRun: boolean) => {
      const { uploadId } = await stageUpload(desk.dataDir, data, '专家.xlsx');
      return desk.call('experts.importXlsx', { uploadId, dryRun });
    };
    const bad = await importFile(
      await sheet([
        ['张三', '福建师范大学', '', '教授', '电子信息', '13800000002', '福州某科技有限公司、福州另一有限公司'],
        ['李四', '闽江学院', '91350100M000100Y4Z', '副教授', '软件', '12345', ''],
        ['已有专家', '福州大学', '', '', '', '', ''],
      ]),
      false,
    );
    expect(bad.applied).toBe(0);
    expect(bad.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('第5行 单位统一社会信用代码：'),
      expect.stringContaining('第5行 联系电话：“12345”不是有效的电话号码'),
      expect.stringContaining('第6行 姓名：专家“已有专家”（福州大学）已在专家库中'),
    ]);
    expect(bad.message).toContain('本次未导入任何专家');
    expect(await desk.call('experts.list', {})).toHaveLength(1);
    const good = await importFile(
      await sheet([['张三', '福建师范大学', '', '教授', '电子信息', '13800000002', '福州某科技有限公司、福州另一有限公司']]),
      false,
    );
    expect(good).toMatchObject({ applied: 1, errors: [] });
    const list = await desk.call('experts.list', {});
    expect(list[1]).toMatchObject({ name: '张三', declaredConflicts: ['福州某科技有限公司', '福州另一有限公司'] });
  });
});
