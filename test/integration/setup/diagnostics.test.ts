/**
 * 导出诊断信息 read back with yauzl: versions, settings without personal data, the last 200 audit entries (ids only
 * in 专家模式) and the part list — and none of the secrets set in this folder (one-time code, the package secret,
 * contact people, phone, address, operator), searched in the zip's bytes and in every entry's text. Also 关于.
 */
import { readFileSync } from 'node:fs';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../../electron/core/app.js';
import type { PackageExportResult } from '../../../electron/core/contract/index.js';
import { tempDir, testClock } from '../../helpers/temp.js';
import { fullApplicant, ok, seedBatches } from '../../helpers/applications.js';

const PDF = (tag: string) => Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

/** Every entry of a zip, decompressed. */
function readZipEntries(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('导出诊断信息 and 关于', () => {
  const clock = testClock('2026-03-10T02:00:00.000Z');
  const secDir = tempDir('desk-diag-sec-');
  const expDir = tempDir('desk-diag-exp-');
  let sec: Desk;
  let exp: Desk;
  let pkg: PackageExportResult;
  let packageSecret: string;
  const SECRETS = {
    operatorName: '郑秘书',
    contactPerson: '黄联系人',
    contactPhone: '0591-87654321',
    contactAddress: '福州市鼓楼区五四路158号',
  };

  beforeAll(async () => {
    sec = await openDesk({ dataDir: secDir.dir, host: 'test', clock: clock.now, log: () => undefined });
    await seedBatches(sec);
    await ok(sec.invoke('settings.update', SECRETS));
    const app = await sec.call('applications.create', {
      batchId: '2026-1',
      applicant: fullApplicant('福州数科信息技术有限公司', 1),
      proposedCenterName: '数科信息知识产权中心',
      narrative: '中心建设方案……',
    });
    const up = (await sec.call('files.stage', { name: '申请表.pdf', data: new Uint8Array(PDF('a')) })).uploadId;
    await ok(sec.invoke('applications.attachFile', { applicationId: app.id, itemNo: 1, uploadId: up, fileName: '申请表.pdf' }));
    await ok(sec.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    await sec.call('formalReview.accept', { applicationId: app.id });
    const e1 = await sec.call('experts.create', {
      name: '林教授',
      organisation: '福州大学',
      title: '教授',
      field: '知识产权',
      phone: '13800000001',
    });
    await ok(sec.invoke('scoring.setPanel', { batchId: '2026-1', expertIds: [e1.id] }));
    await ok(sec.invoke('scoring.assign', { batchId: '2026-1', mode: 'all' }));
    const tpl = await sec.call('scoring.getTemplate', { batchId: '2026-1' });
    await ok(
      sec.invoke('scoring.saveTemplate', { batchId: '2026-1', criteria: tpl.current.criteria, passLine: tpl.current.passLine, quorum: 1 }),
    );
    pkg = await sec.call('packages.export', { batchId: '2026-1', expertId: e1.id });
    const part = JSON.parse(readFileSync(`${secDir.dir}/store/scores-2026-1.json`, 'utf8')) as {
      issuedPackages: { packageId: string; secret: string }[];
    };
    packageSecret = part.issuedPackages.find((p) => p.packageId === pkg.packageId)!.secret;

    exp = await openDesk({ dataDir: expDir.dir, host: 'test', clock: clock.now, log: () => undefined, expert: true });
    const staged = (await exp.call('files.stage', { name: pkg.file.fileName, data: new Uint8Array(readFileSync(pkg.file.path)) })).uploadId;
    await exp.call('expert.importPackage', { uploadId: staged, code: pkg.oneTimeCode });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([sec.close(), exp.close()]);
    secDir.cleanup();
    expDir.cleanup();
  });

  it('the secretariat zip holds versions, settings without personal data, the audit tail and the part list; no secret anywhere', async () => {
    const file = await sec.call('setup.exportDiagnostics', {});
    expect(file.fileName).toMatch(/^诊断信息-20260310-100000\.zip$/);
    const entries = await readZipEntries(file.path);
    expect([...entries.keys()].sort()).toEqual(['README.txt', 'audit.json', 'parts.json', 'settings.json', 'versions.json']);

    const versions = JSON.parse(entries.get('versions.json')!.toString('utf8')) as Record<string, unknown>;
    expect(versions).toMatchObject({
      app: expect.any(String),
      host: 'test',
      node: process.versions.node,
      schemaVersion: expect.any(Number),
    });

    const settings = JSON.parse(entries.get('settings.json')!.toString('utf8')) as Record<string, unknown>;
    expect(settings.bureauName).toBeTruthy();
    for (const key of Object.keys(SECRETS)) expect(settings[key], key).toBe('（已设置，内容未导出）');

    const audit = JSON.parse(entries.get('audit.json')!.toString('utf8')) as Record<string, unknown>[];
    expect(audit.length).toBeGreaterThan(5);
    expect(audit[0]).toMatchObject({ method: 'packages.export', seq: expect.any(Number) });
    expect(audit.every((e) => !('before' in e) && !('after' in e))).toBe(true);

    const parts = JSON.parse(entries.get('parts.json')!.toString('utf8')) as { files: { file: string; size: number; sha256?: string }[] };
    expect(parts.files.map((f) => f.file)).toEqual(
      expect.arrayContaining(['settings.json', 'batches.json', 'scores-2026-1.json', 'parts.manifest']),
    );
    expect(parts.files.find((f) => f.file === 'scores-2026-1.json')).toMatchObject({
      size: expect.any(Number),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const needles = [pkg.oneTimeCode, pkg.oneTimeCode.replace(/-/g, ''), packageSecret, ...Object.values(SECRETS)];
    const haystacks = [readFileSync(file.path), ...entries.values()];
    for (const needle of needles)
      for (const hay of haystacks) expect(hay.includes(Buffer.from(needle, 'utf8')), `“${needle}” in the diagnostics`).toBe(false);
  });

  it('keeps the last 200 audit entries', async () => {
    for (let i = 0; i < 205; i++) await ok(sec.invoke('settings.update', { docNumberPrefix: `榕市监${i % 2 ? '知' : '管'}` }));
    const entries = await readZipEntries((await sec.call('setup.exportDiagnostics', {})).path);
    const audit = JSON.parse(entries.get('audit.json')!.toString('utf8')) as { seq: number }[];
    expect(audit).toHaveLength(200);
    expect(audit[0]!.seq).toBeGreaterThan(audit[199]!.seq);
  });

  it('in 专家模式 the audit entries carry ids only: no summary, operator, unit or expert names', async () => {
    const file = await exp.call('setup.exportDiagnostics', {});
    const entries = await readZipEntries(file.path);
    const audit = JSON.parse(entries.get('audit.json')!.toString('utf8')) as Record<string, unknown>[];
    expect(audit.map((e) => e.method)).toContain('expert.importPackage');
    for (const e of audit) expect(Object.keys(e).sort()).toEqual(['at', 'entity', 'method', 'seq']);
    const text = [...entries.values()].map((b) => b.toString('utf8')).join('\n');
    for (const needle of ['福州数科', '林教授', pkg.oneTimeCode, packageSecret]) expect(text).not.toContain(needle);
    expect(readFileSync(file.path).includes(Buffer.from(pkg.oneTimeCode))).toBe(false);
  });

  it('关于 names version, role, data folder, fonts (system or bundled) and the free space of the folder’s disk', async () => {
    const about = await sec.call('setup.about', {});
    expect(about).toMatchObject({ role: 'secretariat', dataDir: secDir.dir, host: 'test', appVersion: expect.any(String) });
    expect(about.fonts.map((f) => f.role).sort()).toEqual(['fangsong', 'heiti', 'kaiti', 'song', 'xiaobiaosong']);
    for (const f of about.fonts) expect(['system', 'bundled']).toContain(f.source);
    expect(about.disk!.free).toBeGreaterThan(0);
    expect(about.disk!.total).toBeGreaterThanOrEqual(about.disk!.free);
    expect((await exp.call('setup.about', {})).role).toBe('expert');
    // 专家模式 cannot reach the secretariat's areas.
    const refused = await exp.invoke('batches.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });
});
