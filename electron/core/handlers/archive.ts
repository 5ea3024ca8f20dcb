/** 年度档案: seal a year into one zip, unseal with a reason, verify an archive. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DeskError } from '../contract/errors.js';
import type { ArchiveYearStatus, VerifyReport, YearSeal } from '../contract/archive.js';
import type { ExportedFile } from '../contract/common.js';
import { bureauDate } from '../domain/clock.js';
import { resolveExport } from '../store/exports.js';
import {
  attachmentCount,
  attachmentEntries,
  dataEntries,
  openItems,
  UniquePaths,
  yearRecords,
  yearsWithData,
  type ArchiveEntry,
} from '../archive/collect.js';
import { documentJobs, makeStagingDir, renderDocuments } from '../archive/documents.js';
import { ARCHIVE_FOLDER, archiveFileName, bureauTimeText, manifestBytes, readmeText } from '../archive/manifest.js';
import { writeArchive } from '../archive/seal.js';
import { formatBytes, verifyArchive } from '../archive/verify.js';
import { operator } from './applications/store.js';
import { beginSealing, endSealing, isYearSealed, latestSeal } from './sealed-years.js';
import type { AreaHandlers, HandlerContext } from './types.js';
import { CATALOG_CSV, CATALOG_JSON, CATALOG_PATH, catalogEntries, catalogRows, type CatalogItem } from '../archive/catalog.js';
import {
  fourChecks,
  fourChecksJson,
  fourChecksPdf,
  fourChecksSummary,
  REPORT_JSON,
  REPORT_PDF,
  type ItemFacts,
} from '../archive/four-checks.js';
import { inspectFile } from '../archive/inspect.js';
import type { FourChecksProblem, FourChecksReport } from '../contract/archive.js';
import { bureauDateOf } from '../domain/bureau-time.js';
import { retentionTable } from '../domain/archival-code.js';
import { sm3Hex } from '../exchange/sm3.js';
import { createHash } from 'node:crypto';
import type { BufferEntry } from '../archive/collect.js';
import { issuedDocumentRows } from '../archive/register.js';
import { voidDocument } from './archive-void.js';

type Methods =
  | 'archive.years'
  | 'archive.sealedYears'
  | 'archive.seal'
  | 'archive.unseal'
  | 'archive.verify'
  | 'archive.issuedDocuments'
  | 'archive.voidDocument';

async function yearStatus(ctx: HandlerContext, year: number): Promise<ArchiveYearStatus> {
  const rec = await yearRecords(ctx, year);
  const seals = ctx.store
    .read('archives')
    .seals.filter((s) => s.year === year)
    .sort((a, b) => a.version - b.version);
  return {
    year,
    sealed: seals.at(-1)?.state === 'sealed',
    seals,
    counts: {
      batches: rec.batches.length,
      applications: rec.applications.length,
      centersDesignated: rec.centersDesignated,
      summaries: rec.centerYear.summaries.length,
      assessments: rec.centerYear.assessments.length,
      reviews: rec.reviews.length,
      attachments: attachmentCount(rec),
    },
    openItems: await openItems(ctx, rec),
  };
}

const timeText = bureauTimeText;

/** Share of the progress bar for regenerating documents; the rest follows the bytes written. */
const DOC_SHARE = 200;
const SCALE = 1000;

async function seal(input: { year: number; taskId: string; acknowledgeOpenItems: boolean }, ctx: HandlerContext): Promise<YearSeal> {
  const { year, taskId } = input;
  const previous = latestSeal(ctx, year);
  if (previous?.state === 'sealed') {
    throw new DeskError(
      'RULE_VIOLATION',
      `${year}年度档案已于${timeText(previous.sealedAt)}封存（第${previous.version}版）。如需重新封存，请先解除封存并填写理由。`,
      { year, version: previous.version },
    );
  }
  const status = await yearStatus(ctx, year);
  if (status.openItems.length && !input.acknowledgeOpenItems) {
    throw new DeskError(
      'RULE_VIOLATION',
      `${year}年度还有${status.openItems.length}项未办结：${status.openItems.join('；')}。如确认按现状封存，请勾选“确认以上事项按现状封存”后再封存，这些事项将记入封存记录。`,
      { openItems: status.openItems },
    );
  }
  const version =
    ctx.store
      .read('archives')
      .seals.filter((s) => s.year === year)
      .reduce((m, s) => Math.max(m, s.version), 0) + 1;
  const label = `封存${year}年度档案`;
  const folder = path.join(ctx.store.dirs.exports, ARCHIVE_FOLDER);
  const fileName = archiveFileName(year, version);
  const sealedAt = ctx.clock().toISOString();
  const sealedBy = operator(ctx);
  const settings = ctx.store.read('settings').settings;

  beginSealing(ctx.store, year);
  const warnings: string[] = [];
  let sealChecks: FourChecksReport | undefined;
  try {
    const written = await ctx.tasks.run(taskId, label, async (signal) => {
      ctx.emit('progress', { taskId, label: `${label}：生成文书`, done: 0, total: SCALE });
      const staging = await makeStagingDir(folder);
      let rendering: Promise<unknown> = Promise.resolve();
      try {
        const rec = await yearRecords(ctx, year);
        const unique = new UniquePaths();
        for (const p of ['说明.txt', CATALOG_PATH, CATALOG_JSON, CATALOG_CSV, REPORT_JSON, REPORT_PDF, 'manifest.json']) unique.take(p);
        const jobs = await documentJobs(ctx, rec);
        const problems: FourChecksProblem[] = [];
        const data = await dataEntries(ctx, rec);
        for (const d of data) unique.take(d.path);
        const attachments = await attachmentEntries(ctx, rec, unique, (t) => {
          warnings.push(t);
          problems.push({ check: 'integrity', path: '', message: t });
        });
        // Progress: regenerating the documents fills the first DOC_SHARE, the bytes written the rest; the
        // attachments (the bulk of the bytes) stream into the zip while the documents are being made.
        let docsDone = jobs.length === 0 ? 1 : 0;
        let shown = 0;
        const showProgress = (text: string, bytesDone: number, bytesTotal: number): void => {
          shown = Math.max(shown, Math.floor(docsDone * DOC_SHARE + (bytesDone / Math.max(bytesTotal, 1)) * (SCALE - DOC_SHARE - 1)));
          ctx.emit('progress', { taskId, label: `${label}：${text}`, done: shown, total: SCALE });
        };
        const stopDocs = new AbortController();
        const stopRendering = (): void => stopDocs.abort();
        signal.addEventListener('abort', stopRendering, { once: true });
        let bytes = { done: 0, total: 1 };
        const rendered = renderDocuments(ctx, jobs, staging, unique, {
          signal: stopDocs.signal,
          onDone: (done) => {
            docsDone = done / Math.max(jobs.length, 1);
            showProgress(`生成文书（${done}/${jobs.length}）`, bytes.done, bytes.total);
          },
        });
        rendered.catch(() => undefined);
        rendering = rendered;
        let docs: Awaited<typeof rendered> = { entries: [], skipped: [] };
        let entries: ArchiveEntry[] = [];
        const later = rendered.then((r) => {
          docs = r;
          for (const d of docs.skipped) {
            warnings.push(`未能收入“${d.label}”：${d.reason}`);
            problems.push({ check: 'integrity', path: '', message: `未能收入“${d.label}”：${d.reason}` });
          }
          const counts = {
            申报批次: rec.batches.length,
            申报: rec.applications.length,
            本年度认定中心: rec.centersDesignated,
            年度工作总结: rec.centerYear.summaries.length,
            中期考核: rec.centerYear.assessments.length,
            复核: rec.reviews.length,
            文书: docs.entries.length,
            附件: attachments.length,
          };
          const readme = readmeText({
            year,
            sealVersion: version,
            sealedAtText: timeText(sealedAt),
            sealedBy,
            bureauName: settings.bureauName,
            counts,
            acknowledged: status.openItems,
            skipped: docs.skipped,
          });
          // The catalogue's order; the zip has the attachments first (written while these were made).
          entries = [
            { path: '说明.txt', kind: 'readme', data: readme, title: '档案说明', record: { recordKind: 'archiveNotes' } },
            ...data,
            ...docs.entries,
            ...attachments,
          ];
          return entries.filter((e) => e.kind !== 'attachment');
        });
        const sealDate = bureauDateOf(sealedAt);
        const facts = new Map<string, ItemFacts>();
        const catalogItem = (e: ArchiveEntry, f: ItemFacts): CatalogItem => ({
          path: e.path,
          title: e.title ?? path.posix.basename(e.path).replace(/\.[^.]+$/, ''),
          recordKind: e.record?.recordKind ?? 'archiveNotes',
          responsible: e.record?.responsible ?? settings.bureauName,
          docNumber: e.record?.docNumber ?? '',
          date: e.record?.date ?? sealDate,
          pages: f.inspection.pages,
          format: f.inspection.format,
          size: f.size,
          sha256: f.sha256,
          sm3: f.sm3,
          ...(f.recordedSha256 ? { recordedSha256: f.recordedSha256 } : {}),
        });
        const catalogHead = {
          year,
          sealVersion: version,
          sealedAt,
          sealedAtText: timeText(sealedAt),
          bureauName: settings.bureauName,
          fondsNumber: settings.fondsNumber ?? '',
          retention: retentionTable(settings.retentionPeriods),
        };
        if (!catalogHead.fondsNumber) warnings.push('未设置全宗号，档案目录中的档号未编制（在“设置”中填写全宗号后重新封存）。');
        const head = {
          format: 'ipc-desk-archive' as const,
          version: 1 as const,
          year,
          sealVersion: version,
          sealedAt,
          sealedBy,
          bureauName: settings.bureauName,
          appVersion: ctx.appVersion,
        };
        const out = await writeArchive(path.join(folder, fileName), attachments, (files) => manifestBytes(head, files), {
          signal,
          later,
          inspect: true,
          knownSm3: ctx.store.digests,
          onDigest: (e, file, inspection) => {
            facts.set(e.path, {
              path: e.path,
              sha256: file.sha256,
              sm3: file.sm3!,
              size: file.size,
              inspection: inspection!,
              generated: e.kind === 'document' || e.kind === 'readme' || e.kind === 'data' || e.kind === 'report',
              ...('expectedSha256' in e && e.expectedSha256 ? { recordedSha256: e.expectedSha256 } : {}),
            });
          },
          tail: async () => {
            const items = entries.map((e) => facts.get(e.path)!);
            const report = fourChecks({
              stage: 'seal',
              checkedAt: sealedAt,
              year,
              sealVersion: version,
              items,
              problems,
              planned: { documents: jobs.length, attachments: attachmentCount(rec) },
              included: { documents: docs.entries.length, attachments: attachments.length },
            });
            sealChecks = report;
            const reportFiles: BufferEntry[] = [
              {
                path: REPORT_JSON,
                kind: 'report',
                data: fourChecksJson(report),
                title: '四性检测报告（JSON）',
                record: { recordKind: 'archiveNotes' },
              },
              {
                path: REPORT_PDF,
                kind: 'report',
                data: await fourChecksPdf(report, { bureauName: settings.bureauName, archiveName: fileName }),
                title: '四性检测报告',
                record: { recordKind: 'archiveNotes' },
              },
            ];
            const rows = catalogRows(
              [
                ...entries.map((e) => catalogItem(e, facts.get(e.path)!)),
                ...(await Promise.all(
                  reportFiles.map(async (e) =>
                    catalogItem(e, {
                      path: e.path,
                      sha256: createHash('sha256').update(e.data).digest('hex'),
                      sm3: sm3Hex(e.data),
                      size: e.data.length,
                      inspection: await inspectFile(e.path, e.data),
                      generated: true,
                    }),
                  ),
                )),
              ],
              catalogHead,
            );
            return [...reportFiles, ...(await catalogEntries(rows, catalogHead))];
          },
          onProgress: (done, total) => {
            bytes = { done, total };
            if (docsDone >= 1) showProgress(`写入档案（${formatBytes(done)} / ${formatBytes(total)}）`, done, total);
          },
        }).catch((err: unknown) => {
          stopDocs.abort();
          throw err;
        });
        signal.removeEventListener('abort', stopRendering);
        for (const p of out.mismatched) {
          const text = `附件 ${p} 的内容与其存储校验值不符（数据文件夹中的文件可能已损坏），已按现有内容收入档案。`;
          warnings.push(text);
          ctx.log?.(`[archive.seal] ${text}`);
        }
        return out;
      } finally {
        // Documents still being made when writing failed stop at the next one; wait before removing their folder.
        await rendering.catch(() => undefined);
        await fs.rm(staging, { recursive: true, force: true });
      }
    });
    const file: ExportedFile = {
      fileName,
      relPath: `${ARCHIVE_FOLDER}/${fileName}`,
      path: written.path,
      size: written.size,
      sha256: written.sha256,
    };
    const record: YearSeal = {
      year,
      version,
      state: 'sealed',
      sealedAt,
      sealedBy,
      file,
      manifestSha256: written.manifestSha256,
      fileCount: written.files.length,
      contentBytes: written.contentBytes,
      acknowledged: status.openItems,
      warnings,
      ...(sealChecks ? { fourChecks: fourChecksSummary(sealChecks) } : {}),
    };
    await ctx.store.write(
      'archives',
      (draft) => {
        draft.seals.push(record);
        return record;
      },
      (r) => ({
        method: 'archive.seal',
        entity: `archive:${year}`,
        summary: `封存${year}年度档案（第${r.version}版，${r.fileCount}个文件，${formatBytes(r.contentBytes)}）${r.acknowledged.length ? `；确认的未办结事项：${r.acknowledged.join('；')}` : ''}${r.warnings.length ? `；注意：${r.warnings.join('；')}` : ''}${r.fourChecks ? `；${r.fourChecks.summary}` : ''}`,
        after: r,
      }),
    );
    ctx.emit('progress', { taskId, label: `${label}：已完成`, done: SCALE, total: SCALE });
    return record;
  } finally {
    endSealing(ctx.store, year);
  }
}

function resolveSealFile(ctx: HandlerContext, s: YearSeal): string {
  return resolveExport(ctx.store.dirs.exports, s.file.relPath) ?? s.file.path;
}

async function verify(input: { year?: number; path?: string; taskId?: string }, ctx: HandlerContext): Promise<VerifyReport> {
  let file: string;
  let expect: { sha256: string; manifestSha256: string } | undefined;
  if (input.year !== undefined) {
    const s = latestSeal(ctx, input.year);
    if (!s) throw new DeskError('NOT_FOUND', `${input.year}年度尚未封存，没有可校验的年度档案。`);
    file = resolveSealFile(ctx, s);
    expect = { sha256: s.file.sha256, manifestSha256: s.manifestSha256 };
  } else {
    file = path.resolve(input.path!);
  }
  try {
    await fs.access(file);
  } catch {
    throw new DeskError(
      'NOT_FOUND',
      input.year !== undefined
        ? `找不到${input.year}年度档案文件“${path.basename(file)}”（应在数据文件夹 exports/${ARCHIVE_FOLDER} 中）。如已移走，请填写档案文件路径校验。`
        : `找不到文件“${file}”，请检查路径。`,
    );
  }
  const taskId = input.taskId ?? `archive.verify:${ctx.clock().toISOString()}`;
  const label = `校验年度档案 ${path.basename(file)}`;
  return ctx.tasks
    .run(taskId, label, (signal) =>
      verifyArchive(file, {
        signal,
        now: ctx.clock(),
        ...(expect ? { expect } : {}),
        onProgress: (done, total) =>
          ctx.emit('progress', { taskId, label, done: total ? Math.min(done, total - 1) : 0, total: Math.max(total, 1) }),
      }),
    )
    .then((report) => {
      ctx.emit('progress', { taskId, label, done: 1, total: 1 });
      return report;
    });
}

export const archiveHandlers: AreaHandlers<Methods> = {
  'archive.sealedYears': (_input, ctx) =>
    [...new Set(ctx.store.read('archives').seals.map((s) => s.year))].filter((y) => isYearSealed(ctx, y)).sort((a, b) => a - b),

  'archive.years': async (_input, ctx) => {
    const years = await yearsWithData(ctx, bureauDate(ctx.clock()));
    const out: ArchiveYearStatus[] = [];
    for (const y of years) out.push(await yearStatus(ctx, y));
    return out;
  },

  'archive.seal': (input, ctx) => seal(input, ctx),

  'archive.unseal': async (input, ctx) => {
    const current = latestSeal(ctx, input.year);
    if (current?.state !== 'sealed') throw new DeskError('RULE_VIOLATION', `${input.year}年度档案未封存，无需解除。`);
    const reason = input.reason.trim();
    return ctx.store.write(
      'archives',
      (draft) => {
        const s = draft.seals.find((x) => x.year === input.year && x.version === current.version)!;
        s.state = 'unsealed';
        s.unsealed = { at: ctx.clock().toISOString(), by: operator(ctx), reason };
        return { ...s };
      },
      (s) => ({
        method: 'archive.unseal',
        entity: `archive:${input.year}`,
        summary: `解除${input.year}年度档案封存（第${s.version}版），理由：${reason}`,
        before: current,
        after: s,
      }),
    );
  },

  'archive.verify': (input, ctx) => verify(input, ctx),

  'archive.issuedDocuments': async (input, ctx) => {
    const years = input.year !== undefined ? [input.year] : await yearsWithData(ctx, bureauDate(ctx.clock()));
    const rows = [];
    for (const y of years) rows.push(...(await issuedDocumentRows(ctx, await yearRecords(ctx, y))));
    return rows;
  },

  'archive.voidDocument': (input, ctx) => voidDocument(ctx, input),
};
