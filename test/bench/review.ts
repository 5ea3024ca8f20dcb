/**
 * Review bench rows through the real API on temp folders: package export (30 applications, 50 MB of
 * materials), import of 50 result files at once, aggregation (scoring.results) over 50,000 score sheets.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { writeResult } from '../../electron/core/exchange/result.js';
import { stageUpload } from '../../electron/core/store/uploads.js';
import { application, scoreSheet, uscc } from './synthetic.js';
import { median, timeIt, type Row } from './stats.js';

type Envelope = { ok: boolean; value?: unknown; error?: { message: string } };
function must<T>(r: Envelope): T {
  if (!r.ok) throw new Error(`bench call failed: ${r.error?.message}`);
  return r.value as T;
}

const AT = '2026-03-10T02:00:00.000Z';
const full = { c1: 13, c2: 12.5, c3: 8, c4: 12, c5: 12, c6: 12, c7: 12 };

async function withDesk<T>(fn: (desk: Desk, dir: string) => Promise<T>, prepare?: (dir: string) => Promise<void>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-bench-review-'));
  try {
    await prepare?.(dir);
    const desk = await openDesk({ dataDir: dir, host: 'cli', clock: () => new Date(AT), log: () => undefined });
    try {
      return await fn(desk, dir);
    } finally {
      await desk.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A batch with `apps` accepted applications (each with `bytesPerApp` of PDF material) and `experts` experts on the panel, all assigned. */
async function seed(desk: Desk, apps: number, experts: number, bytesPerApp: number): Promise<string[]> {
  must(await desk.invoke('batches.create', { year: 2026, title: '2026年第一批', opensOn: '2026-03-01', closesOn: '2026-03-31' }));
  for (let i = 0; i < apps; i++) {
    const app = must<{ id: string }>(
      await desk.invoke('applications.create', {
        batchId: '2026-1',
        proposedCenterName: `第${i}号中心`,
        applicant: {
          name: `福州闽江第${i}号科技有限公司`,
          uscc: uscc(10_000 + i),
          unitType: 'enterprise',
          legalRepresentative: '林某',
          contact: '陈某',
          phone: '13800000000',
          address: '福州市鼓楼区某路1号',
          district: '鼓楼区',
          industry: '软件信息',
        },
      }),
    );
    if (bytesPerApp) {
      const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(bytesPerApp)]);
      const { uploadId } = await stageUpload(desk.dataDir, data, `材料${i}.pdf`);
      must(await desk.invoke('applications.attachFile', { applicationId: app.id, itemNo: 1, uploadId }));
    }
    must(await desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    must(await desk.invoke('formalReview.accept', { applicationId: app.id }));
  }
  const ids: string[] = [];
  for (let e = 0; e < experts; e++)
    ids.push(
      must<{ id: string }>(
        await desk.invoke('experts.create', {
          name: `专家${e}`,
          organisation: `某大学${e}`,
          title: '教授',
          field: '知识产权',
          phone: '13800000001',
        }),
      ).id,
    );
  must(await desk.invoke('scoring.setPanel', { batchId: '2026-1', expertIds: ids }));
  must(await desk.invoke('scoring.assign', { batchId: '2026-1', mode: 'all' }));
  return ids;
}

export async function reviewRows(): Promise<Row[]> {
  const rows: Row[] = [];

  // 1. Package export: 30 applications, 50 MB of (incompressible) materials.
  await withDesk(async (desk) => {
    const [expertId] = await seed(desk, 30, 1, Math.ceil((50 * 1024 * 1024) / 30));
    const times: number[] = [];
    for (let i = 0; i < 3; i++)
      times.push(await timeIt(async () => must(await desk.invoke('packages.export', { batchId: '2026-1', expertId }))));
    rows.push({
      measure: 'packages.export, 30 applications + 50 MB materials',
      result: median(times),
      unit: 'ms',
      baseline: 5000,
      baselineName: 'target',
    });
  });

  // 2. Import of 50 result files at once (each: scrypt + HMAC + domain checks + one durable write).
  await withDesk(async (desk, dir) => {
    const experts = await seed(desk, 30, 50, 0);
    const part = () =>
      JSON.parse(readFileSync(path.join(dir, 'store', 'scores-2026-1.json'), 'utf8')) as {
        issuedPackages: { packageId: string; secret: string; code: string; expertId: string; applicationIds: string[] }[];
      };
    for (const expertId of experts) must(await desk.invoke('packages.export', { batchId: '2026-1', expertId }));
    const uploads: string[] = [];
    for (const p of part().issuedPackages) {
      const sheets = p.applicationIds.map((applicationId) => ({
        applicationId,
        templateVersion: 1,
        version: 1,
        scores: full,
        comment: '',
        recommendation: 'recommend',
      }));
      const r = await writeResult({
        manifest: { packageId: p.packageId, batchId: '2026-1', expertId: p.expertId, templateVersion: 1, version: 1 },
        sheets,
        packageSecret: p.secret,
        code: p.code,
      });
      uploads.push((await stageUpload(dir, r.container!, r.fileName)).uploadId);
    }
    let report: { applied: number } | undefined;
    const t = await timeIt(async () => {
      report = must(await desk.invoke('results.apply', { uploadIds: uploads }));
    });
    if (report?.applied !== 50) throw new Error(`expected 50 applied, got ${report?.applied}`);
    rows.push({ measure: 'results.apply, 50 result files × 30 sheets', result: t, unit: 'ms', baseline: 3000, baselineName: 'target' });
  });

  // 3. Aggregation: scoring.results over 50,000 current score sheets (1,000 applications × 50 experts).
  const APPS = 1000;
  const EXPERTS = 50;
  await withDesk(
    async (desk) => {
      for (let e = 0; e < EXPERTS; e++)
        must(
          await desk.invoke('experts.create', {
            name: `专家${e}`,
            organisation: `某大学${e}`,
            title: '教授',
            field: '知识产权',
            phone: '13800000001',
          }),
        );
      const first = await timeIt(async () => must(await desk.invoke('scoring.results', { batchId: '2026-1' })));
      const warm: number[] = [];
      for (let i = 0; i < 5; i++) warm.push(await timeIt(async () => must(await desk.invoke('scoring.results', { batchId: '2026-1' }))));
      const view = must<{ rows: { count: number }[] }>(await desk.invoke('scoring.results', { batchId: '2026-1' }));
      if (view.rows.length !== APPS || view.rows[0]!.count !== EXPERTS) throw new Error('aggregation bench: unexpected rows');
      rows.push({
        measure: 'scoring.results, 50,000 score sheets (first call, loads the part)',
        result: first,
        unit: 'ms',
        baseline: 500,
        baselineName: 'target',
      });
      rows.push({
        measure: 'scoring.results, 50,000 score sheets (warm)',
        result: median(warm),
        unit: 'ms',
        baseline: 500,
        baselineName: 'target',
      });
    },
    async (dir) => {
      const store = path.join(dir, 'store');
      await fs.mkdir(store, { recursive: true });
      const put = (file: string, value: unknown) => fs.writeFile(path.join(store, file), `${JSON.stringify(value)}\n`);
      await put('batches.json', {
        batches: [
          {
            id: '2026-1',
            year: 2026,
            sequence: 1,
            title: '2026年第一批',
            opensOn: '2026-03-01',
            closesOn: '2026-03-31',
            status: 'reviewing',
            createdAt: AT,
            updatedAt: AT,
          },
        ],
      });
      const apps = Array.from({ length: APPS }, (_, i) => application(i, '2026-1', i + 1));
      await put('batch-2026-1.json', { applications: apps });
      const expertId = (e: number) => `E${String(e + 1).padStart(4, '0')}`;
      const assignments = [];
      const sheets = [];
      let n = 0;
      for (const a of apps) {
        for (let e = 0; e < EXPERTS; e++, n++) {
          assignments.push({
            id: `2026-1-A${n + 1}`,
            applicationId: a.id,
            expertId: expertId(e),
            status: 'active',
            conflictReasons: [],
            createdAt: AT,
          });
          sheets.push({ ...scoreSheet(n, a.id as string, '2026-1'), expertId: expertId(e) });
        }
      }
      await put('scores-2026-1.json', {
        templates: [],
        panel: { expertIds: Array.from({ length: EXPERTS }, (_, e) => expertId(e)) },
        assignments,
        scoreSheets: sheets,
        issuedPackages: [],
      });
    },
  );
  return rows;
}
