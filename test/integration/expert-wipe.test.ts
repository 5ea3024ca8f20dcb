/**
 * 清除本机评审数据 leaves nothing readable (issue 10 item 3): after expert.wipe no file anywhere in the expert's
 * data folder (store parts and their .bak, snapshots, uploads, opened copies, materials, temp files, the audit
 * log) holds a comment, score, unit name or application number of the package; the encrypted result file stays.
 * Real data folders: a secretariat issues a real package, the expert's folder imports it.
 */
import { existsSync, readdirSync, readFileSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { Backups } from '../../electron/core/store/backups.js';
import { bureauDate } from '../../electron/core/domain/bureau-time.js';
import type { Application } from '../../electron/core/contract/applications/entities.js';
import type { PackageExportResult } from '../../electron/core/contract/expert-review/packages.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fullApplicant, ok, seedBatches } from '../helpers/applications.js';

const PDF = (tag: string) => Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
const full = { c1: 13, c2: 11.5, c3: 8, c4: 12, c5: 12, c6: 12, c7: 12 };
const COMMENT = '评语暗号：青砖黛瓦榕荫深处XQ7';
const DAY = 24 * 3600_000;

/** Every file under `root` (dot files, .bak, snapshots included), as path relative to root. */
function allFiles(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, rel))) {
    const r = path.join(rel, name);
    if (lstatSync(path.join(root, r)).isDirectory()) out.push(r, ...allFiles(root, r));
    else out.push(r);
  }
  return out;
}

/** Binary-safe grep of the whole folder: `file: needle` for every file whose bytes (or path) contain a needle. */
function grepFolder(root: string, needles: readonly string[]): string[] {
  const hits: string[] = [];
  for (const rel of allFiles(root)) {
    const full = path.join(root, rel);
    const bytes = lstatSync(full).isDirectory() ? Buffer.alloc(0) : readFileSync(full);
    for (const n of needles) if (rel.includes(n) || bytes.includes(Buffer.from(n, 'utf8'))) hits.push(`${rel}: ${n}`);
  }
  return hits;
}

describe('expert wipe leaves nothing readable in the data folder (专家模式)', () => {
  const clock = testClock('2026-03-10T02:00:00.000Z');
  const secDir = tempDir('desk-sec-');
  let sec: Desk;
  let apps: Application[];
  let pkg: PackageExportResult;
  let needles: string[];
  const stage = async (desk: Desk, name: string, data: Uint8Array) =>
    (await desk.call('files.stage', { name, data: new Uint8Array(data) })).uploadId;

  beforeAll(async () => {
    sec = await openDesk({ dataDir: secDir.dir, host: 'test', clock: clock.now, log: () => undefined });
    await seedBatches(sec);
    apps = [];
    for (const [i, name] of ['福州闽江智造科技有限公司', '福州鼓岭光电材料有限公司'].entries()) {
      const app = await sec.call('applications.create', {
        batchId: '2026-1',
        applicant: fullApplicant(name, i + 1),
        proposedCenterName: `${name.slice(2, 6)}知识产权协同中心`,
        narrative: '中心建设方案……',
      });
      await ok(
        sec.invoke('applications.attachFile', {
          applicationId: app.id,
          itemNo: 1,
          uploadId: await stage(sec, `申请表-${i}.pdf`, PDF(name)),
          fileName: `申请表（${name}）.pdf`,
        }),
      );
      await ok(sec.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
      apps.push(await sec.call('formalReview.accept', { applicationId: app.id }));
    }
    const e1 = await sec.call('experts.create', {
      name: '林教授',
      organisation: '福州大学',
      title: '教授',
      field: '知识产权',
      phone: '13800000001',
    });
    await ok(sec.invoke('scoring.setPanel', { batchId: '2026-1', expertIds: [e1.id] }));
    await ok(sec.invoke('scoring.assign', { batchId: '2026-1', mode: 'all' }));
    pkg = await sec.call('packages.export', { batchId: '2026-1', expertId: e1.id });
    // What must not survive: the comment, a score as stored, and every unit name, application number,
    // credit code and center name of the package.
    needles = [COMMENT, '"c2":11.5', ...apps.flatMap((a) => [a.applicant.name, a.id, a.applicant.uscc, a.proposedCenterName])];
  });
  afterAll(async () => {
    await sec.close();
    secDir.cleanup();
  });

  /** Import the package, save drafts across two days (the second day's first write is when snapshots are taken). */
  async function review(exp: Desk): Promise<void> {
    await ok(
      exp.invoke('expert.importPackage', {
        uploadId: await stage(exp, pkg.file.fileName, readFileSync(pkg.file.path)),
        code: pkg.oneTimeCode,
      }),
    );
    await ok(exp.invoke('expert.saveDraft', { applicationId: apps[0]!.id, scores: full, comment: COMMENT, recommendation: 'recommend' }));
    clock.advance(DAY);
    await ok(
      exp.invoke('expert.saveDraft', {
        applicationId: apps[1]!.id,
        scores: { ...full, c1: 10 },
        comment: `${COMMENT}（二）`,
        recommendation: 'recommend',
      }),
    );
    await ok(
      exp.invoke('expert.saveDraft', {
        applicationId: apps[0]!.id,
        scores: full,
        comment: `${COMMENT}（改）`,
        recommendation: 'recommend',
      }),
    );
  }

  it('after import, drafts, export and opened materials, the wipe leaves 0 hits; the result file stays and the message says where', async () => {
    const dir = tempDir('desk-expert-');
    const opened: string[] = [];
    const exp = await openDesk({
      dataDir: dir.dir,
      host: 'test',
      clock: clock.now,
      log: () => undefined,
      expert: true,
      hostServices: {
        openPath: async (f) => {
          opened.push(f);
        },
      },
    });
    try {
      await review(exp);
      // Open every material (the desktop opens a named copy under the data folder for the system viewer).
      const st = await exp.call('expert.state', {});
      for (const a of st.package!.applications)
        for (const m of a.materials) for (const f of m.files) await ok(exp.invoke('files.open', { sha256: f.sha256, name: f.name }));
      expect(opened).toHaveLength(2);
      expect(opened.every((f) => f.startsWith(dir.dir) && existsSync(f))).toBe(true);
      // A staged file never consumed (the expert picked a material PDF by mistake).
      await stage(exp, `误选（${apps[0]!.applicant.name}）.pdf`, PDF(apps[0]!.applicant.name));
      const result = await exp.call('expert.exportResult', {});
      const resultBytes = readFileSync(result.path);

      // 专家模式 keeps no daily snapshots of drafts.
      expect(await exp.call('backups.list', {})).toEqual([]);
      // Its audit entries name ids and counts only.
      const audit = await exp.call('audit.list', { limit: 100 });
      expect(audit.map((e) => e.method)).toEqual(
        expect.arrayContaining(['expert.importPackage', 'expert.saveDraft', 'expert.exportResult']),
      );
      for (const e of audit) expect(e.before === undefined && e.after === undefined, e.method).toBe(true);
      expect(grepFolder(path.join(dir.dir, 'audit'), needles)).toEqual([]);
      // The grep sees the data where it lives before the wipe.
      const before = grepFolder(dir.dir, needles).join('\n');
      for (const where of ['store/expertWorkspace.json', 'store/expertWorkspace.json.bak', 'files/', 'opened/', 'uploads/'])
        expect(before).toContain(where);

      const w = await exp.call('expert.wipe', {});
      expect(w).toMatchObject({ packages: 1, drafts: 2, files: 2, notRemoved: [], exportsDir: path.join(dir.dir, 'exports') });
      expect(w.keptResults).toEqual([{ fileName: result.fileName, path: result.path }]);
      expect(w.otherFiles).toBeGreaterThanOrEqual(4); // .bak, two opened copies, the staged file (and its meta)
      expect(w.message).toContain('已从本机清除');
      expect(w.message).toContain('评分结果文件（已加密）没有删除');
      expect(w.message).toContain(path.join(dir.dir, 'exports'));
      expect(w.message).toContain(result.fileName);

      expect(grepFolder(dir.dir, needles)).toEqual([]);
      expect(existsSync(path.join(dir.dir, 'store', 'expertWorkspace.json.bak'))).toBe(false);
      expect(readFileSync(result.path).equals(resultBytes)).toBe(true);
      expect(await exp.call('expert.state', {})).toEqual({ drafts: {}, exportedVersions: 0 });
      // The wipe's own entry names counts only.
      const last = (await exp.call('audit.list', { limit: 1 }))[0]!;
      expect(last).toMatchObject({ method: 'expert.wipe', summary: '清除本机评审数据：评审包1个，草稿2份，材料文件2个' });
    } finally {
      await exp.close();
    }
    // The folder still opens (nothing the store needs was removed) and is empty of the review.
    const again = await openDesk({ dataDir: dir.dir, host: 'test', clock: clock.now, log: () => undefined, expert: true });
    try {
      expect(await again.call('expert.state', {})).toEqual({ drafts: {}, exportedVersions: 0 });
    } finally {
      await again.close();
      dir.cleanup();
    }
  });

  it('snapshots that already hold drafts (a folder used before the role gate) are scrubbed too, and still restore', async () => {
    const dir = tempDir('desk-expert-legacy-');
    // Before the role gate a secretariat desk could import a package, and its daily snapshot then held the drafts:
    // the review is done in 专家模式 and the store snapshotted as such a desk did (store/backups.ts).
    const legacy = await openDesk({ dataDir: dir.dir, host: 'test', clock: clock.now, log: () => undefined, expert: true });
    try {
      await review(legacy);
    } finally {
      await legacy.close();
    }
    const at = clock.now();
    await new Backups(path.join(dir.dir, 'backups'), path.join(dir.dir, 'store')).snapshot(`daily-${bureauDate(at)}`, 'daily', at);
    const snaps = readdirSync(path.join(dir.dir, 'backups'));
    expect(grepFolder(path.join(dir.dir, 'backups'), [COMMENT])).not.toEqual([]); // a daily snapshot holds the first day's draft

    const exp = await openDesk({ dataDir: dir.dir, host: 'test', clock: clock.now, log: () => undefined, expert: true });
    try {
      const w = await exp.call('expert.wipe', {});
      expect(w).toMatchObject({ packages: 1, drafts: 2, files: 2, keptResults: [] });
      expect(w.message).toContain('本机导出文件夹中没有评分结果文件');
      expect(grepFolder(dir.dir, needles)).toEqual([]);
      // The snapshots are still there and restorable: without the part they bring back an empty workspace.
      expect(readdirSync(path.join(dir.dir, 'backups')).sort()).toEqual(snaps.sort());
      const daily = (await exp.call('backups.list', {})).find((b) => b.kind === 'daily')!;
      await ok(exp.invoke('backups.restore', { name: daily.name }));
      expect(await exp.call('expert.state', {})).toEqual({ drafts: {}, exportedVersions: 0 });
      expect(grepFolder(dir.dir, needles)).toEqual([]);
    } finally {
      await exp.close();
      dir.cleanup();
    }
  });
});
