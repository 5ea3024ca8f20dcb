/** 年度档案: seal 2026 (designated centers + an attached PDF), check the zip against its manifest, verify it, flip a byte in a copy, and the sealed year's read-only rule. */
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, openSync, readFileSync, readSync, readdirSync, closeSync, writeSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import type { Application } from '../../electron/core/contract/applications/entities.js';
import type { ArchiveManifest, YearSeal } from '../../electron/core/contract/archive.js';
import { readZip } from '../../electron/core/base/zip-read.js';
import { fail, fullApplicant, ok } from '../helpers/applications.js';
import { designatedCenters } from '../helpers/centers.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { zipEntryData } from '../helpers/zip-entry.js';
import { pdfText, writeTemp } from './documents/pdf-helpers.js';
import { minimalPdf } from '../helpers/pdf-files.js';
import type { CatalogJson } from '../../electron/core/archive/catalog.js';
import { FourChecksReport } from '../../electron/core/contract/archive.js';

const run = promisify(execFile);
/** qpdf (apt-get install qpdf; .ci/run installs it): its --check reads every archived PDF's structure. */
const QPDF = ['/usr/bin/qpdf', '/usr/local/bin/qpdf'].find((p) => existsSync(p));
const PDF = minimalPdf(`申报材料 ${'x'.repeat(2000)}`);
const SUMMARY_PDF = minimalPdf(`年度工作总结 ${'y'.repeat(500)}`, 3);
const INDICATORS = {
  trainings: 4,
  trainingAttendees: 260,
  assistanceCases: 3,
  disputesMediated: 2,
  allianceMembers: 18,
  transfersLicences: 5,
  pledgeFinancing: 1200.5,
  navigationProjects: 1,
  trademarkGuidance: 6,
};
const ROOT = path.resolve(__dirname, '../..');
const decisionPdfPath = (paths: string[]): string => paths.find((p) => p.startsWith('04-公示与认定/2026年第一批/认定通知'))!;

async function verifyScript(file: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('npx', ['tsx', 'scripts/verify-archive.ts', file], { cwd: ROOT, encoding: 'utf8' });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('年度档案 (seal, verify, read-only year)', () => {
  const t = tempDir('desk-archive-');
  const clock = testClock('2026-03-10T02:00:00.000Z');
  let desk: Desk;
  let sealRecord: YearSeal;
  let zipPath: string;
  let draft: Application;
  /** The PDFs the app made, as archived (read back by qpdf below). */
  const archivedPdfFiles: { path: string; file: string }[] = [];

  beforeAll(async () => {
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    await designatedCenters(desk, clock);
    await desk.call('settings.update', { fondsNumber: 'J001' });
    // A numbered 受理通知书 (issued in 2026) and a second batch with a draft that carries a PDF.
    await ok(desk.invoke('formalReview.notice', { applicationId: '2026-1-0001' }));
    clock.set('2026-11-25T02:00:00.000Z');
    await ok(desk.invoke('batches.create', { year: 2026, title: '2026年第二批', opensOn: '2026-11-20', closesOn: '2026-12-20' }));
    draft = await desk.call('applications.create', { batchId: '2026-2', applicant: fullApplicant('福州数科信息技术有限公司', 61) });
    const staged = await desk.call('files.stage', { name: '营业执照.pdf', data: new Uint8Array(PDF) });
    draft = await desk.call('applications.attachFile', {
      applicationId: draft.id,
      itemNo: 1,
      uploadId: staged.uploadId,
      fileName: '营业执照.pdf',
    });
    // C1's 2026 summary with a file, assessed, and the year's result notice issued.
    await ok(desk.invoke('summaries.save', { year: 2026, centerId: 'C1', submittedOn: '2026-11-20', indicators: INDICATORS }));
    const summaryFile = await desk.call('files.stage', { name: '2026年度工作总结.pdf', data: new Uint8Array(SUMMARY_PDF) });
    await ok(desk.invoke('summaries.attachFile', { year: 2026, centerId: 'C1', uploadId: summaryFile.uploadId }));
    const template = await desk.call('assessments.template', { year: 2026 });
    await ok(
      desk.invoke('assessments.save', {
        year: 2026,
        centerId: 'C1',
        scores: Object.fromEntries(template.current.criteria.map((c) => [c.key, c.max])),
        assessedOn: '2026-11-24',
      }),
    );
    await ok(desk.invoke('assessments.noticePdf', { year: 2026 }));
  }, 120_000);
  afterAll(async () => {
    await desk.close();
    t.cleanup();
  });

  it('lists the year with its counts and open items; sealing with open items needs them acknowledged', async () => {
    const years = await desk.call('archive.years', {});
    const y = years.find((s) => s.year === 2026)!;
    expect(y.sealed).toBe(false);
    expect(y.counts).toMatchObject({ batches: 2, applications: 4, centersDesignated: 3, summaries: 1, assessments: 1, attachments: 2 });
    expect(y.openItems.some((i) => i.startsWith('2家中心尚未提交2026年度工作总结'))).toBe(true);
    expect(y.openItems.some((i) => i.includes('2026年第二批尚未完成认定'))).toBe(true);
    const refused = await fail(desk.invoke('archive.seal', { year: 2026, taskId: 'seal-1' }));
    expect(refused.code).toBe('RULE_VIOLATION');
    expect(refused.message).toContain('2026年第二批尚未完成认定');
    expect(
      readdirSync(path.join(t.dir, 'exports')).includes('年度档案') ? readdirSync(path.join(t.dir, 'exports', '年度档案')) : [],
    ).toEqual([]);
  });

  it('cancelling a seal leaves no file and records nothing', async () => {
    const off = desk.onEvent((ev, p) => {
      if (ev === 'progress' && (p as { taskId: string }).taskId === 'seal-cancel')
        void desk.invoke('tasks.cancel', { taskId: 'seal-cancel' });
    });
    const cancelled = await fail(desk.invoke('archive.seal', { year: 2026, taskId: 'seal-cancel', acknowledgeOpenItems: true }));
    off();
    expect(cancelled.code).toBe('CANCELLED');
    expect(readdirSync(path.join(t.dir, 'exports', '年度档案'))).toEqual([]);
    const years = await desk.call('archive.years', {});
    expect(years.find((s) => s.year === 2026)!.seals).toEqual([]);
    // The year is writable again once the cancelled seal has ended.
    await ok(desk.invoke('batches.update', { id: '2026-2', title: '2026年第二批' }));
  }, 60_000);

  it('seals 2026 into one zip whose manifest lists every entry with the right hash and size', async () => {
    const progress: { done: number; total: number }[] = [];
    const off = desk.onEvent((ev, p) => {
      if (ev === 'progress' && (p as { taskId: string }).taskId === 'seal-2') progress.push(p as { done: number; total: number });
    });
    sealRecord = await desk.call('archive.seal', { year: 2026, taskId: 'seal-2', acknowledgeOpenItems: true });
    off();
    expect(sealRecord).toMatchObject({ year: 2026, version: 1, state: 'sealed', sealedBy: '王秘书', warnings: [] });
    expect(await desk.call('archive.sealedYears', {})).toEqual([2026]);
    expect(sealRecord.file.relPath).toBe('年度档案/福州市产业知识产权中心年度档案-2026-第1版.zip');
    expect(sealRecord.acknowledged.some((i) => i.includes('2026年第二批'))).toBe(true);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    zipPath = path.join(t.dir, 'exports', sealRecord.file.relPath);
    const bytes = readFileSync(zipPath);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sealRecord.file.sha256);
    // No staging folder or temp file is left behind.
    expect(readdirSync(path.dirname(zipPath))).toEqual([path.basename(zipPath)]);

    const entries = await readZip(bytes);
    const manifestBytes = entries.get('manifest.json')!;
    expect(createHash('sha256').update(manifestBytes).digest('hex')).toBe(sealRecord.manifestSha256);
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as ArchiveManifest;
    expect(manifest).toMatchObject({ format: 'ipc-desk-archive', version: 1, year: 2026, sealVersion: 1, sealedBy: '王秘书' });
    expect(new Set(manifest.files.map((f) => f.path))).toEqual(new Set([...entries.keys()].filter((k) => k !== 'manifest.json')));
    for (const f of manifest.files) {
      const content = entries.get(f.path)!;
      expect(content.length, f.path).toBe(f.size);
      expect(createHash('sha256').update(content).digest('hex'), f.path).toBe(f.sha256);
    }
    expect(sealRecord.fileCount).toBe(manifest.files.length);
    const paths = manifest.files.map((f) => f.path);
    // Records, documents issued in 2026 and the attachment, under readable names.
    expect(paths).toEqual(
      expect.arrayContaining([
        '说明.txt',
        '数据/batch-2026-1.json',
        '数据/designation-2026-1.json',
        '数据/scores-2026-1.json',
        '数据/centers-2026.json',
        '数据/centers.json',
        '数据/settings.json',
      ]),
    );
    const attachment = paths.find((p) => p.startsWith('附件/申报/2026年第二批/') && p.endsWith('材料1-营业执照.pdf'))!;
    expect(attachment).toBeDefined();
    expect(entries.get(attachment)!.equals(PDF)).toBe(true);
    const summaryAttachment = paths.find((p) => p.startsWith('附件/中心/C1-') && p.endsWith('/2026年度工作总结/2026年度工作总结.pdf'))!;
    expect(entries.get(summaryAttachment)!.equals(SUMMARY_PDF)).toBe(true);
    for (const wanted of [
      /^05-中心管理\/年度工作总结汇总表.+\.xlsx$/,
      /^05-中心管理\/中期考核汇总表.+\.xlsx$/,
      /^05-中心管理\/中期考核结果通知.+\.pdf$/,
      /^01-申报批次\/.+\.pdf$/,
      /^01-申报批次\/.+\.xlsx$/,
      /^02-申报与形式审查\/2026年第一批\/形式审查通知书\/受理通知书-.+\.pdf$/,
      /^03-专家评审\/2026年第一批\/评审汇总表.+\.pdf$/,
      /^03-专家评审\/2026年第一批\/评分表.+\.pdf$/,
      /^04-公示与认定\/2026年第一批\/公示.+\.pdf$/,
      /^04-公示与认定\/2026年第一批\/认定通知.+\.pdf$/,
      /^04-公示与认定\/2026年第一批\/证书.+\.pdf$/,
      /^04-公示与认定\/2026年第一批\/牌匾.+\.pdf$/,
      /^05-中心管理\/认定名单.+\.xlsx$/,
    ]) {
      expect(
        paths.some((p) => wanted.test(p)),
        String(wanted),
      ).toBe(true);
    }
    // 00-档案目录.xlsx lists every item (all but the catalogue files and manifest.json) with its archival metadata.
    const catalog = new ExcelJS.Workbook();
    await catalog.xlsx.load(entries.get('00-档案目录.xlsx')! as unknown as ArrayBuffer);
    const cws = catalog.worksheets[0]!;
    expect(String(cws.getCell('A1').value)).toBe('福州市产业知识产权协同保护与运营中心2026年度档案目录（第1版）');
    const headerOf = (ws: ExcelJS.Worksheet) => (ws.getRow(3).values as unknown[]).slice(1).map((v) => String(v).replace(/\s+/g, ''));
    expect(headerOf(cws)).toEqual([
      '序号',
      '档号',
      '全宗号',
      '年度',
      '保管期限',
      '题名',
      '责任者',
      '文号',
      '日期',
      '页数',
      '格式',
      '大小（字节）',
      '档案内位置',
    ]);
    // Sheet 校验值: SHA-256 and SM3 of each item by 序号 and 档号 (printed in groups of 16 digits).
    const hws = catalog.getWorksheet('校验值')!;
    expect(headerOf(hws)).toEqual(['序号', '档号', 'SHA-256', 'SM3']);
    const hashesByNo = new Map<number, string[]>();
    hws.eachRow((row, n) => {
      if (n > 3)
        hashesByNo.set(Number(row.getCell(1).value), [
          String(row.getCell(2).value),
          ...[3, 4].map((c) => String(row.getCell(c).value).replace(/ /g, '')),
        ]);
    });
    const listed = new Map<string, unknown[]>();
    cws.eachRow((row, n) => {
      if (n > 3) {
        const values = (row.values as unknown[]).slice(1);
        const [code, sha256, sm3] = hashesByNo.get(Number(values[0]))!;
        expect(code).toBe(values[1]);
        listed.set(String(row.getCell(13).value), [...values.slice(0, 12), sha256, sm3, values[12]]);
      }
    });
    const items = paths.filter((p) => !p.startsWith('00-档案目录.'));
    expect(new Set(listed.keys())).toEqual(new Set(items));
    const sm3Of = (data: Buffer): string =>
      /= ([0-9a-f]{64})/.exec(execFileSync('openssl', ['dgst', '-sm3'], { input: data, encoding: 'utf8' }))![1]!;
    const sha = (p: string) => manifest.files.find((f) => f.path === p)!;
    expect(listed.get(attachment)).toEqual([
      expect.any(Number),
      expect.stringMatching(/^J001-2026-D30-\d{4}$/),
      'J001',
      2026,
      '30年',
      expect.stringContaining('营业执照'),
      '福州数科信息技术有限公司',
      undefined,
      '2026-11-25',
      1,
      'PDF',
      PDF.length,
      sha(attachment).sha256,
      sm3Of(PDF),
      attachment,
    ]);
    const decisionRow = listed.get(decisionPdfPath(paths))!;
    expect(decisionRow.slice(1, 10)).toEqual([
      expect.stringMatching(/^J001-2026-Y-\d{4}$/),
      'J001',
      2026,
      '永久',
      expect.stringContaining('认定通知'),
      '福州市市场监督管理局',
      '榕市监知〔2026〕1号',
      '2026-10-12',
      expect.any(Number),
    ]);
    expect(listed.get(summaryAttachment)![9]).toBe(3);
    expect(listed.get(paths.find((p) => p.startsWith('05-中心管理/认定名单'))!)![4]).toBe('10年');
    // 档号 are unique, 件号 run from 0001 within each 保管期限.
    const codes = [...listed.values()].map((r) => String(r[1]));
    expect(new Set(codes).size).toBe(codes.length);
    for (const period of ['Y', 'D30', 'D10']) {
      const nos = codes.filter((c) => c.split('-')[2] === period).map((c) => Number(c.split('-')[3]));
      expect(nos).toEqual(nos.map((_, i) => i + 1));
    }
    // The JSON twin carries the same rows; the CSV the same columns.
    const twin = JSON.parse(entries.get('00-档案目录.json')!.toString('utf8')) as CatalogJson;
    expect(twin).toMatchObject({ format: 'ipc-desk-archive-catalog', year: 2026, sealVersion: 1, fondsNumber: 'J001' });
    expect(twin.items.map((i) => [i.archivalCode, i.path, i.sha256, i.sm3])).toEqual(
      [...listed.values()].map((r) => [r[1], r[14], r[12], r[13]]),
    );
    expect(entries.get('00-档案目录.csv')!.toString('utf8').split('\r\n')[0]).toBe(
      '\uFEFF"序号","档号","全宗号","年度","保管期限","题名","责任者","文号","日期","页数","格式","大小（字节）","SHA-256","SM3","档案内位置"',
    );
    // SM3 of every file, computed by OpenSSL (not the library the app uses), matches the manifest and the catalogue.
    for (const f of manifest.files) expect(f.sm3, f.path).toBe(sm3Of(entries.get(f.path)!));
    for (const i of twin.items) expect(i.sm3, i.path).toBe(sha(i.path).sm3);
    // Every PDF the app archived is PDF/A-2b with its metadata and all fonts embedded (qpdf --check: next test).
    const archivedPdfs = manifest.files.filter((f) => f.path.endsWith('.pdf') && f.kind !== 'attachment');
    expect(archivedPdfs.length).toBeGreaterThan(8);
    for (const f of archivedPdfs) {
      const file = writeTemp(entries.get(f.path)!, 'a.pdf');
      const xmp = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
      expect(xmp, f.path).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
      expect(xmp, f.path).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
      expect(xmp, f.path).toMatch(/<dc:title>[\s\S]*<rdf:li xml:lang="x-default">[^<]+<\/rdf:li>/);
      expect(xmp, f.path).toMatch(/<dc:creator>[\s\S]*<rdf:li>福州市市场监督管理局<\/rdf:li>/);
      expect(xmp, f.path).toMatch(/<xmp:CreateDate>[^<]+<\/xmp:CreateDate>/);
      expect(xmp, f.path).toMatch(/<xmp:ModifyDate>[^<]+<\/xmp:ModifyDate>/);
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(fonts.length, f.path).toBeGreaterThan(0);
      for (const line of fonts) expect(line.split(/\s+/).at(-5), `${f.path}: ${line}`).toBe('yes');
      archivedPdfFiles.push({ path: f.path, file });
    }
    const decisionInfo = execFileSync('pdfinfo', [writeTemp(entries.get(decisionPdfPath(paths))!, 'd.pdf')], { encoding: 'utf8' });
    expect(decisionInfo).toMatch(/Subject:\s+榕市监知〔2026〕1号/);
    expect(decisionInfo).toMatch(/Author:\s+福州市市场监督管理局/);
    // The 四性检测 at seal: all four pass, in the archive as JSON and PDF, and on the seal record.
    const checks = FourChecksReport.parse(JSON.parse(entries.get('00-四性检测报告.json')!.toString('utf8')));
    expect(checks).toMatchObject({ stage: 'seal', year: 2026, sealVersion: 1, ok: true, items: items.length - 2 });
    expect(checks.checks.map((c) => [c.check, c.ok])).toEqual([
      ['authenticity', true],
      ['integrity', true],
      ['usability', true],
      ['security', true],
    ]);
    expect(sealRecord.fourChecks).toMatchObject({ ok: true, problems: [] });
    const reportText = pdfText(writeTemp(entries.get('00-四性检测报告.pdf')!, 'r.pdf')).replace(/\s+/g, '');
    for (const w of ['2026年度档案四性检测报告（第1版）', '真实性', '完整性', '可用性', '安全性', '未发现问题'])
      expect(reportText).toContain(w);
    // The regenerated documents are real: the decision notice reads back with its number, the certificates name every center.
    const decisionPdf = paths.find((p) => p.startsWith('04-公示与认定/2026年第一批/认定通知'))!;
    expect(pdfText(writeTemp(entries.get(decisionPdf)!, 'decision.pdf'))).toContain('榕市监知〔2026〕1号');
    const certificates = pdfText(
      writeTemp(entries.get(paths.find((p) => p.startsWith('04-公示与认定/2026年第一批/证书'))!)!, 'certs.pdf'),
    ).replace(/\s+/g, '');
    for (const no of ['FZIPC-2026-001', 'FZIPC-2026-002', 'FZIPC-2026-003']) expect(certificates).toContain(no);
    // Only the one numbered notice: no new numbers were assigned while sealing.
    expect(paths.filter((p) => p.includes('形式审查通知书/'))).toHaveLength(1);
    const batch1 = JSON.parse(entries.get('数据/batch-2026-1.json')!.toString('utf8')) as { applications: Application[] };
    expect(batch1.applications.filter((a) => a.formalReviews.some((r) => r.docNumber))).toHaveLength(1);
    expect(entries.get('说明.txt')!.toString('utf8')).toContain('npm run verify-archive');
    // The 2025 batch is not in the 2026 archive.
    expect(paths.some((p) => p.includes('2025-1'))).toBe(false);

    const years = await desk.call('archive.years', {});
    expect(years.find((s) => s.year === 2026)!.sealed).toBe(true);
    const again = await fail(desk.invoke('archive.seal', { year: 2026, taskId: 'seal-3', acknowledgeOpenItems: true }));
    expect(again.code).toBe('RULE_VIOLATION');
    expect(again.message).toContain('已于');
  }, 120_000);

  it('every PDF the app archived passes qpdf --check', (ctx) => {
    if (!QPDF) {
      // CI installs qpdf (.ci/run), so there a missing qpdf is a failure, not a pass.
      if (process.env.CI) throw new Error('qpdf is not installed, but CI=true: .ci/run should have installed it (apt-get install qpdf)');
      ctx.skip('qpdf is not installed here (apt-get install qpdf): the archived PDFs were not checked with qpdf --check');
    }
    expect(archivedPdfFiles.length).toBeGreaterThan(8);
    for (const f of archivedPdfFiles) {
      const out = execFileSync(QPDF!, ['--check', f.file], { encoding: 'utf8' });
      expect(out, f.path).toMatch(/No syntax or stream encoding errors found/);
    }
  });

  it('verifies the sealed archive in the app and with npm run verify-archive', async () => {
    const report = await desk.call('archive.verify', { year: 2026 });
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.checked).toBe(sealRecord.fileCount);
    expect(report.summary).toContain('档案完好');
    const byPath = await desk.call('archive.verify', { path: zipPath });
    expect(byPath).toMatchObject({ ok: true, year: 2026, sealVersion: 1 });
    const script = await verifyScript(zipPath);
    expect(script.code).toBe(0);
    expect(script.out).toContain('档案完好');
  }, 60_000);

  it('names the entry whose byte was flipped in a copy (app and script), and the seal record catches a changed zip', async () => {
    const manifest = JSON.parse((await readZip(readFileSync(zipPath))).get('manifest.json')!.toString('utf8')) as ArchiveManifest;
    const target = manifest.files.find((f) => f.path.startsWith('附件/'))!.path;
    const copy = path.join(t.dir, '档案副本.zip');
    copyFileSync(zipPath, copy);
    const at = await zipEntryData(copy, target);
    expect(at.method).toBe(0); // a PDF is stored, so the flip lands in its bytes
    const fd = openSync(copy, 'r+');
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, at.offset + 100);
    b[0] = b[0]! ^ 0xff;
    writeSync(fd, b, 0, 1, at.offset + 100);
    closeSync(fd);

    const report = await desk.call('archive.verify', { path: copy });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ path: target, kind: 'hash' })]);
    expect(report.summary).toContain(target);
    const script = await verifyScript(copy);
    expect(script.code).toBe(1);
    expect(script.out).toContain(target);
    expect(script.out).toContain('内容不符');
    const usage = await verifyScript(path.join(t.dir, '没有这个文件.zip'));
    expect(usage.code).toBe(2);

    // The sealed zip itself replaced by the damaged copy: verify by year reports the seal mismatch and the entry.
    copyFileSync(zipPath, path.join(t.dir, 'good.zip'));
    copyFileSync(copy, zipPath);
    const byYear = await desk.call('archive.verify', { year: 2026 });
    expect(byYear.ok).toBe(false);
    expect(byYear.problems.map((p) => p.kind).sort()).toEqual(['hash', 'seal']);
    copyFileSync(path.join(t.dir, 'good.zip'), zipPath);
  }, 60_000);

  it('keeps the sealed year read-only (2027 stays writable, numbered notices reprint) until unsealed with a reason', async () => {
    const saveDraft = await fail(desk.invoke('applications.saveDraft', { id: draft.id, narrative: '补充说明' }));
    expect(saveDraft.code).toBe('YEAR_SEALED');
    expect(saveDraft.message).toContain('2026年度档案已封存');
    const summary = await fail(
      desk.invoke('summaries.save', {
        year: 2026,
        centerId: 'C1',
        submittedOn: '2026-11-25',
        indicators: {
          trainings: 1,
          trainingAttendees: 1,
          assistanceCases: 0,
          disputesMediated: 0,
          allianceMembers: 0,
          transfersLicences: 0,
          pledgeFinancing: 0,
          navigationProjects: 0,
          trademarkGuidance: 0,
        },
      }),
    );
    expect(summary.code).toBe('YEAR_SEALED');
    const update = await fail(desk.invoke('batches.update', { id: '2026-2', title: '2026年第二批（更正）' }));
    expect(update.code).toBe('YEAR_SEALED');
    expect(update.message).toMatch(/解除封存/);
    const create = await fail(
      desk.invoke('batches.create', {
        year: 2026,
        title: '2026年第三批',
        opensOn: '2026-12-01',
        closesOn: '2026-12-20',
        extraBatchReason: '补充批次',
      }),
    );
    expect(create.code).toBe('YEAR_SEALED');
    // A first print would assign a new number in the sealed year: refused; the numbered one reprints.
    expect((await fail(desk.invoke('formalReview.notice', { applicationId: '2026-1-0002' }))).code).toBe('YEAR_SEALED');
    const reprint = await desk.call('formalReview.notice', { applicationId: '2026-1-0001' });
    expect(existsSync(reprint.path)).toBe(true);
    expect(existsSync((await desk.call('assessments.noticePdf', { year: 2026 })).path)).toBe(true);
    expect((await fail(desk.invoke('assessments.save', { year: 2026, centerId: 'C1', scores: {}, assessedOn: '2026-11-25' }))).code).toBe(
      'YEAR_SEALED',
    );
    // Other years are untouched by the seal.
    await ok(desk.invoke('batches.create', { year: 2027, title: '2027年第一批', opensOn: '2027-03-01', closesOn: '2027-03-31' }));

    expect((await fail(desk.invoke('archive.unseal', { year: 2026, reason: '错' }))).code).toBe('INVALID_INPUT');
    const unsealed = await desk.call('archive.unseal', { year: 2026, reason: '更正第二批名称' });
    expect(unsealed).toMatchObject({ version: 1, state: 'unsealed', unsealed: { reason: '更正第二批名称', by: '王秘书' } });
    expect(await desk.call('archive.sealedYears', {})).toEqual([]);
    const audit = await desk.call('audit.list', {});
    expect(JSON.stringify(audit)).toContain('更正第二批名称');
    await ok(desk.invoke('batches.update', { id: '2026-2', title: '2026年第二批（更正）' }));
    await ok(desk.invoke('applications.saveDraft', { id: draft.id, narrative: '补充说明' }));

    // The draft's stored attachment has rotted on disk: the seal still archives what is there, and says so.
    const sha = draft.materials.find((m) => m.no === 1)!.files[0]!.sha256;
    const stored = path.join(t.dir, 'files', sha.slice(0, 2), sha);
    const fd = openSync(stored, 'r+');
    writeSync(fd, Buffer.from('X'), 0, 1, 100);
    closeSync(fd);
    const second = await desk.call('archive.seal', { year: 2026, taskId: 'seal-4', acknowledgeOpenItems: true });
    expect(second).toMatchObject({ version: 2, state: 'sealed' });
    expect(second.warnings).toHaveLength(1);
    expect(second.warnings[0]).toMatch(/^附件 附件\/.+营业执照\.pdf 的内容与其存储校验值不符/);
    // The 四性检测 names the corrupted attachment under 真实性, on the seal record and in the archive's report.
    const rotted = second.warnings[0]!.replace(/^附件 (.+?) 的内容.*$/, '$1');
    expect(second.fourChecks).toMatchObject({ ok: false, problems: [{ check: 'authenticity', path: rotted }] });
    expect(second.fourChecks!.summary).toContain(rotted);
    const secondZip = await readZip(readFileSync(path.join(t.dir, 'exports', second.file.relPath)));
    const sealChecks = FourChecksReport.parse(JSON.parse(secondZip.get('00-四性检测报告.json')!.toString('utf8')));
    expect(sealChecks.checks.find((c) => c.check === 'authenticity')!.problems.map((p) => p.path)).toEqual([rotted]);
    expect(pdfText(writeTemp(secondZip.get('00-四性检测报告.pdf')!, 'r2.pdf')).replace(/\s+/g, '')).toContain('未通过（1项）');
    // The verifier finds the archive intact against its manifest, and its own 四性检测 names the same file.
    const verified = await desk.call('archive.verify', { year: 2026 });
    expect(verified.ok).toBe(true);
    expect(verified.fourChecks).toMatchObject({ stage: 'verify', ok: false });
    expect(verified.fourChecks!.checks.flatMap((c) => c.problems.map((p) => [c.check, p.path]))).toEqual([['authenticity', rotted]]);
    expect(verified.fourChecksMatchSeal).toBe(true);
    expect(second.file.fileName).toBe('福州市产业知识产权中心年度档案-2026-第2版.zip');
    const years = await desk.call('archive.years', {});
    expect(years.find((s) => s.year === 2026)!.seals.map((s) => [s.version, s.state])).toEqual([
      [1, 'unsealed'],
      [2, 'sealed'],
    ]);
    expect((await fail(desk.invoke('applications.saveDraft', { id: draft.id, narrative: '再改' }))).code).toBe('YEAR_SEALED');
  }, 120_000);
});
