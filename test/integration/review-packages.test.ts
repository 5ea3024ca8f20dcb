/**
 * Offline review packages end to end with TWO real data folders: the secretariat's and the expert's.
 * Everything goes through desk.invoke; files cross over as bytes staged with files.stage.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import type { Application } from '../../electron/core/contract/applications/entities.js';
import type { Expert } from '../../electron/core/contract/expert-review/experts.js';
import type { PackageExportResult } from '../../electron/core/contract/expert-review/packages.js';
import { containerPublicId, decrypt, encrypt } from '../../electron/core/exchange/crypto.js';
import { writeResult } from '../../electron/core/exchange/result.js';
import { readZip } from '../../electron/core/base/zip-read.js';
import { gbkZip } from '../fixtures/exchange/gbk-zip.js';
import { buildRawZip, deflatedZeros } from '../fixtures/exchange/raw-zip.js';
import { MAX_UPLOAD_BYTES, uploadCapFor } from '../../electron/core/store/uploads.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, fullApplicant, ok, seedBatches } from '../helpers/applications.js';

const PDF = (tag: string) => Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
const full = { c1: 13, c2: 12.5, c3: 8, c4: 12, c5: 12, c6: 12, c7: 12 }; // 81.5
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

describe('offline review packages: secretariat ⇄ expert, two data folders', () => {
  const clock = testClock('2026-03-10T02:00:00.000Z');
  const secDir = tempDir('desk-sec-');
  const expDir = tempDir('desk-exp-');
  const exp2Dir = tempDir('desk-exp2-');
  let sec: Desk;
  let exp: Desk;
  let exp2: Desk;
  let apps: Application[];
  let e1: Expert;
  let e2: Expert;
  let pkg1: PackageExportResult;
  let pkg2: PackageExportResult;
  let result1: Buffer;
  let result2: Buffer;

  const stage = async (desk: Desk, name: string, data: Uint8Array) =>
    (await desk.call('files.stage', { name, data: new Uint8Array(data) })).uploadId;
  const preview = async (...files: [string, Uint8Array][]) => {
    const ids = [];
    for (const [n, d] of files) ids.push(await stage(sec, n, d));
    return sec.call('results.preview', { uploadIds: ids });
  };
  const apply = async (...files: [string, Uint8Array][]) => {
    const ids = [];
    for (const [n, d] of files) ids.push(await stage(sec, n, d));
    return sec.call('results.apply', { uploadIds: ids });
  };
  const issued = async (packageId: string) => {
    const part = JSON.parse(readFileSync(`${secDir.dir}/store/scores-2026-1.json`, 'utf8')) as {
      issuedPackages: { packageId: string; secret: string; code: string }[];
    };
    return part.issuedPackages.find((p) => p.packageId === packageId)!;
  };
  const sheetsCount = async () =>
    (JSON.parse(readFileSync(`${secDir.dir}/store/scores-2026-1.json`, 'utf8')) as { scoreSheets: unknown[] }).scoreSheets.length;

  beforeAll(async () => {
    sec = await openDesk({ dataDir: secDir.dir, host: 'test', clock: clock.now, log: () => undefined });
    exp = await openDesk({ dataDir: expDir.dir, host: 'test', clock: clock.now, log: () => undefined, expert: true });
    exp2 = await openDesk({ dataDir: exp2Dir.dir, host: 'test', clock: clock.now, log: () => undefined, expert: true });
    await seedBatches(sec);
    await ok(sec.invoke('settings.update', { operatorName: '王秘书' }));
    apps = [];
    for (const [i, name] of ['福州数科信息技术有限公司', '福州海峡生物医药有限公司', '福州榕城新材料有限公司'].entries()) {
      const app = await sec.call('applications.create', {
        batchId: '2026-1',
        applicant: fullApplicant(name, i + 1),
        proposedCenterName: `${name.slice(2, 6)}知识产权中心`,
        narrative: '中心建设方案……',
      });
      const up = await stage(sec, `申请表-${i}.pdf`, PDF(name));
      await ok(
        sec.invoke('applications.attachFile', { applicationId: app.id, itemNo: 1, uploadId: up, fileName: `申请表（${name}）.pdf` }),
      );
      await ok(sec.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
      if (i < 2) apps.push(await sec.call('formalReview.accept', { applicationId: app.id }));
    }
    e1 = await sec.call('experts.create', {
      name: '林教授',
      organisation: '福州大学',
      title: '教授',
      field: '知识产权',
      phone: '13800000001',
    });
    e2 = await sec.call('experts.create', {
      name: '陈研究员',
      organisation: '福建师范大学',
      title: '研究员',
      field: '知识产权',
      phone: '13800000002',
    });
    await ok(sec.invoke('scoring.setPanel', { batchId: '2026-1', expertIds: [e1.id, e2.id] }));
    await ok(sec.invoke('scoring.assign', { batchId: '2026-1', mode: 'all' }));
    const tpl = await sec.call('scoring.getTemplate', { batchId: '2026-1' });
    await ok(
      sec.invoke('scoring.saveTemplate', { batchId: '2026-1', criteria: tpl.current.criteria, passLine: tpl.current.passLine, quorum: 1 }),
    );
  });
  afterAll(async () => {
    await Promise.all([sec.close(), exp.close(), exp2.close()]);
    secDir.cleanup();
    expDir.cleanup();
    exp2Dir.cleanup();
  });

  it('round trip: export with progress → letter with the code → expert import → drafts → result → preview → apply → ranked', async () => {
    const events: { taskId: string; done: number; total: number }[] = [];
    const off = sec.onEvent((name, p) => {
      if (name === 'progress') events.push(p as never);
    });
    pkg1 = await sec.call('packages.export', { batchId: '2026-1', expertId: e1.id });
    off();
    expect(events.length).toBeGreaterThan(2);
    expect(events.at(-1)).toMatchObject({ done: 1, total: 1 });
    expect(pkg1.file.fileName).toBe('评审包-林教授-2026-1.ipcdpkg');
    expect(pkg1).toMatchObject({ applicationCount: 2, materialFileCount: 2 });
    expect(pkg1.oneTimeCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const pkgBytes = readFileSync(pkg1.file.path);
    // Packages carry all materials, so they may be staged beyond the ordinary 50 MB cap.
    expect(uploadCapFor(pkg1.file.fileName)).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(uploadCapFor('申请表.pdf')).toBe(MAX_UPLOAD_BYTES);
    expect(pkgBytes.includes(Buffer.from('福州数科'))).toBe(false); // nothing readable without the code
    const list = await sec.call('packages.list', { batchId: '2026-1' });
    expect(list).toEqual([
      expect.objectContaining({
        packageId: pkg1.packageId,
        expertName: '林教授',
        oneTimeCode: pkg1.oneTimeCode,
        latest: true,
        lastResultVersion: 0,
      }),
    ]);
    expect(JSON.stringify(list)).not.toContain((await issued(pkg1.packageId)).secret);

    const letter = await sec.call('packages.letter', {
      batchId: '2026-1',
      expertId: e1.id,
      packageId: pkg1.packageId,
      deadline: '2026-04-15',
    });
    const text = pdfText(letter.path).replace(/\s+/gu, '');
    expect(text).toContain(pkg1.oneTimeCode);
    expect(text).toContain('评审任务通知单');
    expect(text).toContain('专家模式');
    expect(text).toContain('2026年4月15日');
    expect(text).toContain('分开保管');

    // The secretariat's own desk never imports the package: its data folder holds no expert's work.
    const onSecretariat = await fail(
      sec.invoke('expert.importPackage', { uploadId: await stage(sec, pkg1.file.fileName, pkgBytes), code: pkg1.oneTimeCode }),
    );
    expect(onSecretariat.code).toBe('INVALID_STATE');
    expect(onSecretariat.message).toBe(
      '这台电脑用作“秘书处工作台”，不能使用评审专家的功能（expert.importPackage）。评审包请在评审专家的电脑上（评审专家（离线评分））导入和评分。',
    );
    expect((await fail(sec.invoke('expert.state', {}))).code).toBe('INVALID_STATE');

    // Expert side: a wrong code first, then the right one typed sloppily (lower case, spaces).
    const wrong = await fail(
      exp.invoke('expert.importPackage', { uploadId: await stage(exp, pkg1.file.fileName, pkgBytes), code: 'AAAA-BBBB-CCCC' }),
    );
    expect(wrong.code).toBe('FILE_REJECTED');
    expect(wrong.message).toContain('一次性口令不正确');
    expect((await exp.call('expert.state', {})).package).toBeUndefined();
    const imported = await exp.call('expert.importPackage', {
      uploadId: await stage(exp, pkg1.file.fileName, pkgBytes),
      code: pkg1.oneTimeCode.toLowerCase().replace(/-/g, ' '),
    });
    expect(imported).toMatchObject({ applicationCount: 2, materialFileCount: 2, replaced: false });
    const again = await fail(
      exp.invoke('expert.importPackage', { uploadId: await stage(exp, pkg1.file.fileName, pkgBytes), code: pkg1.oneTimeCode }),
    );
    expect(again.code).toBe('CONFLICT');
    const st = await exp.call('expert.state', {});
    expect(st.package).toMatchObject({ packageId: pkg1.packageId, batchId: '2026-1', expertName: '林教授' });
    expect(st.package!.applications.map((a) => a.unitName)).toEqual(['福州数科信息技术有限公司', '福州海峡生物医药有限公司']);
    const mat = st.package!.applications[0]!.materials[0]!;
    expect(mat.files[0]).toMatchObject({ name: '申请表（福州数科信息技术有限公司）.pdf', kind: 'pdf' });
    expect(readFileSync(`${expDir.dir}/files/${mat.files[0]!.sha256.slice(0, 2)}/${mat.files[0]!.sha256}`).toString()).toContain(
      '福州数科',
    );
    // The expert's folder holds nothing of the secretariat's: no experts, no batches, no other expert.
    expect(JSON.stringify(st)).not.toContain('陈研究员');
    expect((await fail(exp.invoke('experts.list', {}))).code).toBe('INVALID_STATE'); // 专家模式 reaches no secretariat list

    // Drafts: partial, then wrong values named by criterion, then complete.
    const partial = await exp.call('expert.saveDraft', { applicationId: apps[0]!.id, scores: { c1: 13 } });
    expect(partial).toMatchObject({ complete: false, total: 13 });
    expect(partial.problems.join()).toContain('未评分');
    const bad = await exp.call('expert.saveDraft', {
      applicationId: apps[0]!.id,
      scores: { ...full, c1: 16, c2: 12.3 },
      recommendation: 'recommend',
    });
    expect(bad.fieldProblems.c1).toMatch(/超过满分15/);
    expect(bad.fieldProblems.c2).toMatch(/步长0\.5/);
    const tooEarly = await fail(exp.invoke('expert.exportResult', {}));
    expect(tooEarly.code).toBe('RULE_VIOLATION');
    expect(tooEarly.message).toContain('福州海峡生物医药有限公司：尚未评分');
    const d1 = await exp.call('expert.saveDraft', {
      applicationId: apps[0]!.id,
      scores: full,
      comment: '基础扎实，方案可行',
      recommendation: 'recommend',
    });
    expect(d1).toMatchObject({ complete: true, total: 81.5, problems: [] });
    await ok(
      exp.invoke('expert.saveDraft', {
        applicationId: apps[1]!.id,
        scores: { ...full, c1: 10 },
        comment: '运营能力一般',
        recommendation: 'recommend',
      }),
    );
    const res = await exp.call('expert.exportResult', {});
    expect(res.fileName).toBe('评分结果-林教授-2026-1-v1.ipcdres');
    result1 = readFileSync(res.path);
    expect(containerPublicId(result1)).toBe(pkg1.packageId);

    // Secretariat: preview shows what would change; apply records; the same file again changes nothing.
    const [pv] = await preview([res.fileName, result1]);
    expect(pv).toMatchObject({ ok: true, expertName: '林教授', batchId: '2026-1', version: 1, storedVersion: 0, alreadyApplied: false });
    expect(pv!.changes.map((c) => c.kind)).toEqual(['new', 'new']);
    const applied = await apply([res.fileName, result1]);
    expect(applied).toMatchObject({ applied: 1, refused: 0 });
    const n = await sheetsCount();
    const audit = await sec.call('audit.list', { limit: 50 });
    const applies = audit.filter((a) => a.method === 'results.apply').length;
    expect(applies).toBe(1);
    const twice = await apply([res.fileName, result1]);
    expect(twice).toMatchObject({ applied: 0, unchanged: 1, refused: 0 });
    expect(twice.files[0]!.alreadyApplied).toBe(true);
    expect(await sheetsCount()).toBe(n);
    expect((await sec.call('audit.list', { limit: 50 })).filter((a) => a.method === 'results.apply').length).toBe(applies);

    const results = await sec.call('scoring.results', { batchId: '2026-1' });
    const row = results.rows.find((r) => r.applicationId === apps[0]!.id)!;
    expect(row.totals).toEqual([{ expertId: e1.id, total: 81.5 }]);
    expect(results.rows.map((r) => r.rank)).toEqual([1, 2]);
  });

  it('two experts at once, one file bad: the good one applies, the bad one is reported', async () => {
    pkg2 = await sec.call('packages.export', { batchId: '2026-1', expertId: e2.id });
    await ok(
      exp2.invoke('expert.importPackage', {
        uploadId: await stage(exp2, pkg2.file.fileName, readFileSync(pkg2.file.path)),
        code: pkg2.oneTimeCode,
      }),
    );
    for (const [i, a] of apps.entries())
      await ok(
        exp2.invoke('expert.saveDraft', { applicationId: a.id, scores: { ...full, c4: 10 + i }, comment: '', recommendation: 'recommend' }),
      );
    const r2 = await exp2.call('expert.exportResult', {});
    result2 = readFileSync(r2.path);
    const truncated = result1.subarray(0, result1.length - 40);
    const report = await apply([r2.fileName, result2], ['截断.ipcdres', truncated]);
    expect(report).toMatchObject({ applied: 1, refused: 1 });
    expect(report.files[0]).toMatchObject({ ok: true, applied: true, expertName: '陈研究员', recorded: 2 });
    expect(report.files[1]).toMatchObject({ ok: false, applied: false });
    expect(report.files[1]!.message).toMatch(/^「截断\.ipcdres」/);
    const results = await sec.call('scoring.results', { batchId: '2026-1' });
    expect(results.rows.every((r) => r.count === 2)).toBe(true);
  });

  it('result edited by hand (decrypted, a score changed, re-encrypted with the code, old signature kept) is refused: 签名不符', async () => {
    const doc = JSON.parse((await decrypt(result1, pkg1.oneTimeCode, 'result')).toString('utf8')) as {
      sheets: { scores: Record<string, number> }[];
    };
    doc.sheets[0]!.scores.c1 = 15;
    const forged = await encrypt(Buffer.from(JSON.stringify(doc)), pkg1.oneTimeCode, 'result', { publicId: pkg1.packageId });
    const before = await sheetsCount();
    const [pv] = await preview(['改过.ipcdres', forged]);
    expect(pv).toMatchObject({ ok: false, reason: 'tampered' });
    expect(pv!.message).toContain('签名不符');
    expect(pv!.message).toContain('改过.ipcdres');
    const r = await apply(['改过.ipcdres', forged]);
    expect(r.refused).toBe(1);
    expect(await sheetsCount()).toBe(before);
    // The clear package id is authenticated: pointing it at another package fails too.
    const swapped = Buffer.from(result1);
    const at = swapped.indexOf(Buffer.from(pkg1.packageId, 'latin1'));
    Buffer.from(pkg2.packageId, 'latin1').copy(swapped, at);
    const [sw] = await preview(['换号.ipcdres', swapped]);
    expect(sw!.ok).toBe(false);
  });

  it("result from another expert's package or another batch is foreign; extra/missing fields are badShape; bad scores name the criterion", async () => {
    const rec1 = await issued(pkg1.packageId);
    const rec2 = await issued(pkg2.packageId);
    const sheet = (over: Record<string, unknown> = {}) => ({
      applicationId: apps[0]!.id,
      templateVersion: 1,
      version: 5,
      scores: full,
      comment: '好',
      recommendation: 'recommend',
      ...over,
    });
    const craft = (manifest: Record<string, unknown>, sheets: unknown[], secret = rec1.secret, code = rec1.code) =>
      writeResult({
        manifest: { packageId: pkg1.packageId, batchId: '2026-1', expertId: e1.id, templateVersion: 1, version: 5, ...manifest } as never,
        sheets,
        packageSecret: secret,
        code,
      }).then((r) => r.container!);
    const both = [sheet(), sheet({ applicationId: apps[1]!.id })];
    // e2's package, properly signed with e2's secret, but claiming to be e1's: foreign (expert).
    const otherExpert = await craft({ packageId: pkg2.packageId, expertId: e1.id }, both, rec2.secret, rec2.code);
    const otherBatch = await craft({ batchId: '2025-1' }, both);
    const extra = await craft({}, [{ ...sheet(), total: 100 }, sheet({ applicationId: apps[1]!.id })]);
    const missing = await craft({}, [
      { applicationId: apps[0]!.id, templateVersion: 1, version: 5, scores: full, comment: '好' } as never,
      sheet({ applicationId: apps[1]!.id }),
    ]);
    const above = await craft({}, [
      sheet({ scores: { ...full, c3: 10.5 } }),
      sheet({ applicationId: apps[1]!.id, scores: { ...full, c2: 12.25 } }),
    ]);
    const lacking = await craft({}, [sheet()]);
    const before = await sheetsCount();
    const pv = await preview(
      ['他人.ipcdres', otherExpert],
      ['他批.ipcdres', otherBatch],
      ['多字段.ipcdres', extra],
      ['缺字段.ipcdres', missing],
      ['超分.ipcdres', above],
      ['缺表.ipcdres', lacking],
    );
    expect(pv.map((p) => p.ok)).toEqual([false, false, false, false, false, false]);
    expect(pv[0]).toMatchObject({ reason: 'foreign' });
    expect(pv[0]!.message).toContain('专家不符');
    expect(pv[1]).toMatchObject({ reason: 'foreign' });
    expect(pv[1]!.message).toContain('批次不符');
    expect(pv[2]).toMatchObject({ reason: 'badShape' });
    expect(pv[2]!.message).toContain('多余字段 total');
    expect(pv[3]).toMatchObject({ reason: 'badShape' });
    expect(pv[3]!.message).toContain('0.recommendation');
    expect(pv[4]).toMatchObject({ reason: 'invalidScores' });
    expect(pv[4]!.message).toContain('超过满分10');
    expect(pv[4]!.message).toMatch(/步长0\.5/);
    expect(pv[5]!.message).toContain('缺少申报');
    expect((await apply(['超分.ipcdres', above])).refused).toBe(1);
    expect(await sheetsCount()).toBe(before);
    // Not a result at all / a package offered as a result.
    const [notOurs, isPkg] = await preview(['x.ipcdres', Buffer.from('hello world')], ['包.ipcdres', readFileSync(pkg1.file.path)]);
    expect(notOurs!.reason).toBe('badShape');
    expect(isPkg!.reason).toBe('wrongKind');
  });

  it('a newer file supersedes with the difference in the preview; the older one is then refused', async () => {
    await ok(
      exp.invoke('expert.saveDraft', {
        applicationId: apps[1]!.id,
        scores: { ...full, c1: 14 },
        comment: '复核后调整',
        recommendation: 'recommend',
      }),
    );
    const v2 = await exp.call('expert.exportResult', {});
    expect(v2.fileName).toMatch(/-v2\.ipcdres$/);
    const bytes = readFileSync(v2.path);
    const [pv] = await preview([v2.fileName, bytes]);
    expect(pv).toMatchObject({ ok: true, version: 2, storedVersion: 1 });
    expect(pv!.changes.map((c) => c.kind)).toEqual(['unchanged', 'changed']);
    const ch = pv!.changes[1]!.changes;
    expect(ch).toEqual(
      expect.arrayContaining([
        { label: expect.any(String), before: '10', after: '14' },
        { label: '总分', before: '78.5', after: '82.5' },
        { label: '评语', before: '运营能力一般', after: '复核后调整' },
      ]),
    );
    const r = await apply([v2.fileName, bytes]);
    expect(r.files[0]).toMatchObject({ applied: true, recorded: 1 });
    const old = await apply(['v1.ipcdres', result1]);
    expect(old.files[0]).toMatchObject({ ok: false, reason: 'version' });
    expect(old.files[0]!.message).toContain('比已导入的第 2 次旧');
    const list = await sec.call('packages.list', { batchId: '2026-1' });
    expect(list.find((p) => p.packageId === pkg1.packageId)!.lastResultVersion).toBe(2);
    const results = await sec.call('scoring.results', { batchId: '2026-1' });
    expect(results.rows.find((x) => x.applicationId === apps[1]!.id)!.totals.find((t) => t.expertId === e1.id)!.total).toBe(82.5);
  });

  it('re-export for the same expert issues a new package and code; results from the old one still verify', async () => {
    const again = await sec.call('packages.export', { batchId: '2026-1', expertId: e1.id });
    expect(again.packageId).not.toBe(pkg1.packageId);
    expect(again.oneTimeCode).not.toBe(pkg1.oneTimeCode);
    const list = await sec.call('packages.list', { batchId: '2026-1' });
    expect(list.filter((p) => p.expertId === e1.id).map((p) => p.latest)).toEqual([false, true]);
    const [pv] = await preview(['v1again.ipcdres', result2]);
    expect(pv!.ok).toBe(true);
  });

  it('bad packages on the expert side: GBK names, ../ and absolute paths, zip bombs — refused, nothing stored', async () => {
    const fresh = tempDir('desk-exp3-');
    const d = await openDesk({ dataDir: fresh.dir, host: 'test', clock: clock.now, log: () => undefined, expert: true });
    try {
      const code = pkg1.oneTimeCode;
      const inner = await readZip(await decrypt(readFileSync(pkg1.file.path), code, 'package'), { limits: { maxRatio: Infinity } });
      const tryImport = async (container: Buffer, name = 'p.ipcdpkg') =>
        fail(d.invoke('expert.importPackage', { uploadId: await stage(d, name, container), code }));
      // Re-made on Windows with GBK names: names are decoded right (the message shows them in Chinese),
      // and the package is refused since anything outside the manifest is refused.
      const gbk = gbkZip({ ...Object.fromEntries(inner), 'materials/补充说明.pdf': PDF('x') });
      const g = await tryImport(await encrypt(gbk, code, 'package'));
      expect(g.code).toBe('FILE_REJECTED');
      expect(g.message).toContain('补充说明.pdf');
      // The same entries only, re-zipped with GBK (no UTF-8 flag): the ASCII names read the same and it imports.
      const plain = await d.call('expert.importPackage', {
        uploadId: await stage(d, 'gbk.ipcdpkg', await encrypt(gbkZip(Object.fromEntries(inner)), code, 'package')),
        code,
      });
      expect(plain.applicationCount).toBe(2);
      await d.call('expert.wipe', {});
      for (const evil of ['../evil.pdf', '/etc/evil.pdf', 'materials/../../x.pdf', 'C:\\x.pdf']) {
        const raw = buildRawZip(
          [...inner].map(([name, data]) => ({ name, data, flags: 0x800 })).concat([{ name: evil, data: Buffer.from('x'), flags: 0x800 }]),
        );
        const e = await tryImport(await encrypt(raw, code, 'package'), 'evil.ipcdpkg');
        expect(e.code).toBe('FILE_REJECTED');
        expect(e.message).toContain('不安全的文件路径');
      }
      // A bomb whose header claims 600 MB, and one whose header lies (1 KB declared, 64 MB inside).
      const small = await deflatedZeros(64 * 1024 * 1024);
      const claims = buildRawZip([
        ...[...inner].map(([name, data]) => ({ name, data, flags: 0x800 })),
        { name: 'materials/bomb.pdf', deflated: small, declaredSize: 600 * 1024 * 1024, flags: 0x800 },
      ]);
      const b1 = await tryImport(await encrypt(claims, code, 'package'));
      expect(b1.code).toBe('FILE_REJECTED');
      expect(b1.message).toMatch(/上限/);
      const lies = buildRawZip([
        ...[...inner].map(([name, data]) => ({ name, data, flags: 0x800 })),
        { name: 'materials/bomb.pdf', deflated: small, declaredSize: 1024, flags: 0x800 },
      ]);
      expect((await tryImport(await encrypt(lies, code, 'package'))).code).toBe('FILE_REJECTED');
      const st = await d.call('expert.state', {});
      expect(st.package).toBeUndefined();
    } finally {
      await d.close();
      fresh.cleanup();
    }
  });

  it('documents: blank and filled scoring sheets, 评审汇总表 as PDF and xlsx', async () => {
    const blank = await sec.call('scoring.sheetsPdf', { batchId: '2026-1', mode: 'blank' });
    const bt = pdfText(blank.path);
    expect(bt).toContain('福州海峡生物医药有限公司');
    expect(bt.split('\f').filter((p) => p.trim()).length).toBeGreaterThanOrEqual(4);
    const filled = await sec.call('scoring.sheetsPdf', { batchId: '2026-1', mode: 'filled', expertId: e1.id });
    const ft = pdfText(filled.path).replace(/\s+/gu, '');
    expect(ft).toContain('81.5');
    expect(ft).toContain('林教授');
    expect(ft).not.toContain('陈研究员');
    const sp = await sec.call('scoring.summaryPdf', { batchId: '2026-1' });
    const st = pdfText(sp.path).replace(/\s+/gu, '');
    expect(st).toContain('评审汇总表');
    expect(st).toContain('林教授');
    expect(st).toContain('陈研究员');
    const sx = await sec.call('scoring.summaryXlsx', { batchId: '2026-1' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sx.path);
    const ws = wb.worksheets[0]!;
    const cells: unknown[] = [];
    ws.eachRow((r) => r.eachCell((c) => cells.push(c.value)));
    expect(cells).toContain('林教授');
    expect(cells).toContain('福州数科信息技术有限公司');
    expect(cells).toContain(81.5);
  });

  it('expert wipe removes the package, drafts and materials and says so', async () => {
    const st = await exp.call('expert.state', {});
    const sha = st.package!.applications[0]!.materials[0]!.files[0]!.sha256;
    const w = await exp.call('expert.wipe', {});
    expect(w).toMatchObject({ packages: 1, drafts: 2, files: 2 });
    expect(w.message).toContain('已从本机清除');
    expect(() => readFileSync(`${expDir.dir}/files/${sha.slice(0, 2)}/${sha}`)).toThrow();
    expect(await exp.call('expert.state', {})).toEqual({ drafts: {}, exportedVersions: 0 });
  });
});
