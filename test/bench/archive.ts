/**
 * Bench rows: sealing a year with 300 centers and 1 GB of attachments (400 files × 2.5 MB, real
 * sha256-addressed attachments referenced by applications and annual summaries, their SM3 remembered under
 * digests/ as an upload leaves it), sealing again with nothing remembered, and verifying the archive.
 * Baseline: a plain sequential copy of the same bytes on this disk (read, write, fsync) — sealing cannot be
 * faster than that, and should not be much slower. This machine's disk speed drifts (74–149 MB/s for the
 * same copy within an hour), so the copy and the seal are timed in pairs, ROUNDS times, each after the page
 * cache's dirty pages were written out (`sync`), and the medians are compared.
 */
import { createHash, randomFillSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDesk } from '../../electron/core/app.js';
import type { VerifyReport, YearSeal } from '../../electron/core/contract/archive.js';
import { AttachmentDigests } from '../../electron/core/store/digests.js';
import { sm3Hex } from '../../electron/core/exchange/sm3.js';
import { application } from './synthetic.js';
import { median, timeIt, type Row } from './stats.js';

const CENTERS = 300;
const FILES = 400;
const FILE_BYTES = 2.5 * 1024 * 1024;
const MB = 1024 * 1024;
const AT = '2026-10-12T02:00:00.000Z';
/** Pairs of (disk copy, seal) timed. */
const ROUNDS = 3;

interface Attachment {
  sha256: string;
  size: number;
  file: string;
}

/**
 * A valid one-page PDF of exactly `size` bytes whose bulk is one stream of random bytes (like a scanned
 * page's image), so the 四性检测 reads it as a PDF rather than reporting every attachment as broken.
 */
function randomPdf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ].map((o, i) => Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1'));
  const offsets: number[] = [];
  let at = head.length;
  for (const o of objs) {
    offsets.push(at);
    at += o.length;
  }
  offsets.push(at);
  const streamHead = (n: number) => Buffer.from(`4 0 obj\n<< /Length ${n} >>\nstream\n`, 'latin1');
  const streamTail = Buffer.from('\nendstream\nendobj\n', 'latin1');
  const trailer = (xrefAt: number) =>
    Buffer.from(
      `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}` +
        `trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`,
      'latin1',
    );
  // The stream's length fills the file to `size` (two rounds settle the digits of /Length and startxref).
  let n = size - at;
  for (let round = 0; round < 3; round++) {
    const xrefAt = at + streamHead(n).length + n + streamTail.length;
    n = size - (xrefAt - n) - trailer(xrefAt).length;
  }
  const xrefAt = at + streamHead(n).length + n + streamTail.length;
  const out = Buffer.concat([head, ...objs, streamHead(n), randomFillSync(Buffer.alloc(n)), streamTail, trailer(xrefAt)]);
  if (out.length !== size) throw new Error(`randomPdf: ${out.length} bytes, wanted ${size}`);
  return out;
}

/** The attachments under files/, and their SM3 remembered under digests/ as an upload leaves it (store/digests.ts). */
export async function writeAttachments(dataDir: string): Promise<Attachment[]> {
  const out: Attachment[] = [];
  const digests = new AttachmentDigests(path.join(dataDir, 'digests'));
  for (let i = 0; i < FILES; i++) {
    const buf = randomPdf(FILE_BYTES);
    const sha256 = createHash('sha256').update(buf).digest('hex');
    const dir = path.join(dataDir, 'files', sha256.slice(0, 2));
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, sha256);
    await fs.writeFile(file, buf);
    await digests.remember(sha256, sm3Hex(buf));
    out.push({ sha256, size: buf.length, file });
  }
  return out;
}

/** The parts of a folder where batch 2026-1 designated 300 centers, 100 of which filed a 2026 summary with a file. */
export async function writeParts(storeDir: string, files: Attachment[]): Promise<void> {
  await fs.mkdir(storeDir, { recursive: true });
  const put = (name: string, value: unknown) => fs.writeFile(path.join(storeDir, name), `${JSON.stringify(value)}\n`);
  const ref = (a: Attachment, name: string) => ({ sha256: a.sha256, name, size: a.size, kind: 'pdf', addedAt: AT });
  const apps = Array.from({ length: CENTERS }, (_, i) => {
    const app = application(i, '2026-1', i + 1) as { materials: unknown[]; formalReviews: unknown[] };
    app.materials = [{ no: 1, files: [ref(files[i]!, `申请表${i + 1}.pdf`)] }];
    return app;
  });
  await put('batches.json', {
    batches: [
      {
        id: '2026-1',
        year: 2026,
        sequence: 1,
        title: '2026年第一批',
        opensOn: '2026-03-01',
        closesOn: '2026-03-31',
        status: 'designated',
        createdAt: AT,
        updatedAt: AT,
      },
    ],
  });
  await put('batch-2026-1.json', { applications: apps });
  const centers = apps.map((a, i) => {
    const app = a as unknown as { id: string; applicant: { name: string; industry: string; district: string }; proposedCenterName: string };
    const no = `FZIPC-2026-${String(i + 1).padStart(3, '0')}`;
    return {
      id: `C${i + 1}`,
      name: app.proposedCenterName,
      hostUnit: app.applicant.name,
      industry: app.applicant.industry,
      district: app.applicant.district,
      batchId: '2026-1',
      applicationId: app.id,
      decisionDocNumber: '榕市监知〔2026〕1号',
      designatedOn: '2026-10-12',
      certificateNumber: no,
      validUntil: '2029-10-11',
      status: 'active',
      plaque: { number: no, inscription: app.proposedCenterName, authority: '福州市市场监督管理局', dateLine: '二〇二六年十月' },
      createdAt: AT,
      statusHistory: [],
    };
  });
  await put('centers.json', { centers });
  await put('designation-2026-1.json', {
    objections: [],
    decision: {
      batchId: '2026-1',
      docNumber: '榕市监知〔2026〕1号',
      year: 2026,
      sequence: 1,
      decidedOn: '2026-10-12',
      applicationIds: apps.map((a) => (a as unknown as { id: string }).id),
      centerIds: centers.map((c) => c.id),
      createdAt: AT,
      createdBy: '林晓',
    },
  });
  const indicators = {
    trainings: 3,
    trainingAttendees: 120,
    assistanceCases: 2,
    disputesMediated: 1,
    allianceMembers: 20,
    transfersLicences: 4,
    pledgeFinancing: 300,
    navigationProjects: 1,
    trademarkGuidance: 5,
  };
  const summaries = files.slice(CENTERS).map((f, i) => ({
    id: `2026-C${i + 1}`,
    centerId: `C${i + 1}`,
    year: 2026,
    submittedOn: '2026-11-20',
    indicators,
    narrative: '年度工作总结'.repeat(50),
    files: [ref(f, '2026年度工作总结.pdf')],
    createdAt: AT,
    updatedAt: AT,
    updatedBy: '林晓',
  }));
  await put('centers-2026.json', { summaries, assessments: [], assessmentTemplates: [] });
}

/** Read every attachment in order and write it to one file, then fsync: the disk's plain copy speed. */
async function diskCopy(files: Attachment[], target: string): Promise<void> {
  const out = await fs.open(target, 'w');
  try {
    for (const f of files) for await (const chunk of createReadStream(f.file, { highWaterMark: MB })) await out.write(chunk as Buffer);
    await out.sync();
  } finally {
    await out.close();
  }
}

export async function archiveRows(): Promise<Row[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-bench-archive-'));
  try {
    const files = await writeAttachments(path.join(dir, 'data'));
    await writeParts(path.join(dir, 'data', 'store'), files);
    const total = files.reduce((n, f) => n + f.size, 0);
    /** Dirty pages written out, so that each timing starts from the same state of the page cache. */
    const settle = (): void => void execFileSync('sync');
    const desk = await openDesk({
      dataDir: path.join(dir, 'data'),
      host: 'test',
      clock: () => new Date('2026-11-25T02:00:00.000Z'),
      log: () => undefined,
    });
    try {
      let seal: YearSeal | undefined;
      const copies: number[] = [];
      const seals: number[] = [];
      const docs: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        settle();
        copies.push(await timeIt(() => diskCopy(files, path.join(dir, 'copy.bin'))));
        await fs.rm(path.join(dir, 'copy.bin'));
        if (seal) {
          const unsealed = await desk.invoke('archive.unseal', { year: 2026, reason: '基准测试：重新封存' });
          if (!unsealed.ok) throw new Error(`unseal failed: ${JSON.stringify(unsealed.error)}`);
          await fs.rm(seal.file.path);
        }
        settle();
        let writingFrom = 0;
        const off = desk.onEvent((event, p) => {
          if (event === 'progress' && !writingFrom && (p as { label: string }).label.includes('写入档案')) writingFrom = performance.now();
        });
        const started = performance.now();
        seals.push(
          await timeIt(async () => {
            const r = await desk.invoke('archive.seal', { year: 2026, taskId: `bench-seal-${round}`, acknowledgeOpenItems: true });
            if (!r.ok) throw new Error(`seal failed: ${JSON.stringify(r.error)}`);
            seal = r.value as YearSeal;
          }),
        );
        off();
        docs.push(writingFrom - started);
      }
      const copyMs = median(copies);
      const sealMs = median(seals);
      const docsMs = median(docs);
      let report: VerifyReport | undefined;
      const verifyMs = await timeIt(async () => {
        const r = await desk.invoke('archive.verify', { path: seal!.file.path });
        if (!r.ok) throw new Error(`verify failed: ${JSON.stringify(r.error)}`);
        report = r.value as VerifyReport;
      });
      if (!report!.ok) throw new Error(`verify found problems: ${report!.summary}`);
      const yearMs = await timeIt(async () => {
        const r = await desk.invoke('archive.verify', { year: 2026 });
        if (!r.ok || !(r.value as VerifyReport).ok) throw new Error('verify by year failed');
      });
      // Attachments added before their SM3 was remembered: the seal computes every SM3 (and remembers it).
      const unsealed = await desk.invoke('archive.unseal', { year: 2026, reason: '基准测试：重新封存' });
      if (!unsealed.ok) throw new Error(`unseal failed: ${JSON.stringify(unsealed.error)}`);
      await fs.rm(path.join(dir, 'data', 'digests'), { recursive: true });
      settle();
      let unremembered: YearSeal | undefined;
      const coldMs = await timeIt(async () => {
        const r = await desk.invoke('archive.seal', { year: 2026, taskId: 'bench-seal-cold', acknowledgeOpenItems: true });
        if (!r.ok) throw new Error(`seal failed: ${JSON.stringify(r.error)}`);
        unremembered = r.value as YearSeal;
      });
      const mbps = (ms: number, bytes = seal!.contentBytes) => bytes / MB / (ms / 1000);
      const copyMbps = Math.round(mbps(copyMs, total) * 10) / 10;
      return [
        {
          measure: `seal a year: ${CENTERS} centers, ${FILES} attachments (${(total / 1024 ** 3).toFixed(2)} GB), ${seal!.fileCount} files (median of ${ROUNDS} rounds, each after its disk copy)`,
          result: sealMs,
          unit: 'ms',
          baseline: Math.round(copyMs),
          baselineName: 'disk copy',
        },
        {
          measure: "  of which regenerating the year's documents (300 certificates, rosters, notices)",
          result: docsMs,
          unit: 'ms',
          baseline: Math.round(copyMs),
          baselineName: 'disk copy',
        },
        {
          measure: `seal throughput (copy ${copies.map((c) => Math.round(mbps(c, total))).join(' / ')} MB/s, seal ${seals.map((c) => Math.round(mbps(c))).join(' / ')} MB/s)`,
          result: mbps(sealMs),
          unit: 'MB/s',
          baseline: copyMbps,
          baselineName: 'disk copy',
        },
        {
          measure: 'seal throughput, zip writing only',
          result: mbps(sealMs - docsMs),
          unit: 'MB/s',
          baseline: copyMbps,
          baselineName: 'disk copy',
        },
        {
          measure: '  the same, no SM3 remembered (attachments added before it was kept: computed at seal)',
          result: mbps(coldMs, unremembered!.contentBytes),
          unit: 'MB/s',
          baseline: copyMbps,
          baselineName: 'disk copy',
        },
        {
          measure: 'verify archive (re-hash every entry)',
          result: mbps(verifyMs),
          unit: 'MB/s',
          baseline: copyMbps,
          baselineName: 'disk copy',
        },
        {
          measure: 'verify by year (+ whole-zip hash vs seal record)',
          result: mbps(yearMs),
          unit: 'MB/s',
          baseline: copyMbps,
          baselineName: 'disk copy',
        },
      ];
    } finally {
      await desk.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
