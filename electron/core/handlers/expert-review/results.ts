/** 导入评分结果（秘书处）: open result files (decrypt in parallel), check each alone, preview the differences, apply whole or not at all. */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { z } from 'zod';
import { DeskError } from '../../contract/errors.js';
import type { IssuedPackageRecord, ResultFileApplied, ResultFilePreview } from '../../contract/expert-review/packages.js';
import { SheetSubmission, type ReviewPart } from '../../contract/expert-review/scoring.js';
import { containerKind } from '../../exchange/crypto.js';
import { ExchangeError } from '../../base/exchange-error.js';
import { readResult, resultPackageId, type ResultManifest } from '../../exchange/result.js';
import { findUpload } from '../../store/uploads.js';
import { allApplications } from '../applications/store.js';
import { currentSheet, currentTemplate, diffSheets, planExpertSheets, recordExpertSheets } from './score-sheets.js';
import type { AreaHandlers, HandlerContext } from '../types.js';
import { assertBatchAllows } from '../batch-state.js';

/** Result files opened at once (decryption runs on the libuv pool, 4 threads by default). */
const OPEN_CONCURRENCY = 4;

interface IssuedHit {
  record: IssuedPackageRecord;
  batchId: string;
}

/** Every issued package of every batch, by id (a result file names its package in clear). */
async function issuedIndex(ctx: HandlerContext): Promise<Map<string, IssuedHit>> {
  const out = new Map<string, IssuedHit>();
  for (const b of ctx.store.read('batches').batches) {
    const part = await ctx.store.readKeyed('scores', b.id);
    for (const r of part.issuedPackages) out.set(r.packageId, { record: r, batchId: b.id });
  }
  return out;
}

interface CheckedFile {
  preview: ResultFilePreview;
  /** Present when ok: the sheets to record (already-identical sheets left out, versions settled). */
  hit?: IssuedHit;
  toRecord?: SheetSubmission[];
  version?: number;
  sha256?: string;
}

const show = (v: string | number | null): string => (v === null ? '（无）' : String(v));

interface OpenedFile {
  uploadId: string;
  fileName: string;
  /** Set when the file could not be opened (refused before any check against stored sheets). */
  error?: unknown;
  packageId?: string;
  batchId?: string;
  sha256?: string;
  res?: { manifest: ResultManifest; sheets: SheetSubmission[] };
}

/** Decrypt and verify one file (the slow part: scrypt). Independent of other files, so run in parallel. */
async function openResultFile(ctx: HandlerContext, uploadId: string, index: Map<string, IssuedHit>): Promise<OpenedFile> {
  let fileName = uploadId;
  try {
    const up = await findUpload(ctx.store.dirs.root, uploadId);
    fileName = up.fileName;
    const data = await fs.readFile(up.path);
    const packageId = resultPackageId(data);
    if (packageId === undefined) {
      const kind = containerKind(data);
      if (kind === 'package') throw new ExchangeError('wrongKind', '这是评审包，不是评分结果文件');
      if (kind === 'result') throw new ExchangeError('foreign', '文件没有注明所属评审包（可能由旧版本导出），请让专家用本版本重新导出');
      throw new ExchangeError('badShape', '这不是本工作台导出的评分结果文件');
    }
    const hit = index.get(packageId);
    if (!hit) throw new ExchangeError('foreign', `未发出过编号为 ${packageId} 的评审包`);
    const rec = hit.record;
    const res = await readResult(data, rec.code, {
      expectedPackageId: rec.packageId,
      lookupSecret: (id) =>
        id === rec.packageId
          ? { secret: rec.secret, batchId: rec.batchId, expertId: rec.expertId, templateVersion: rec.templateVersion }
          : undefined,
      sheetsSchema: SheetSubmission as unknown as z.ZodType<SheetSubmission>,
      fileName,
      ...(rec.resultKey ? { key: Buffer.from(rec.resultKey, 'hex') } : {}),
    });
    return { uploadId, fileName, packageId, batchId: hit.batchId, sha256: createHash('sha256').update(data).digest('hex'), res };
  } catch (err) {
    return { uploadId, fileName, error: err };
  }
}

async function openAll(ctx: HandlerContext, uploadIds: readonly string[]): Promise<OpenedFile[]> {
  const index = await issuedIndex(ctx);
  const out: OpenedFile[] = new Array<OpenedFile>(uploadIds.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < uploadIds.length; i = next++) out[i] = await openResultFile(ctx, uploadIds[i]!, index);
  };
  await Promise.all(Array.from({ length: Math.min(OPEN_CONCURRENCY, uploadIds.length) }, worker));
  return out;
}

function refusal(base: Pick<ResultFilePreview, 'uploadId' | 'fileName'>, err: unknown): CheckedFile {
  const empty = { ...base, alreadyApplied: false, changes: [] as ResultFilePreview['changes'] };
  if (err instanceof ExchangeError) {
    const e = err.forFile(base.fileName);
    return { preview: { ...empty, ok: false, reason: e.reason, message: e.message } };
  }
  if (err instanceof DeskError)
    return { preview: { ...empty, ok: false, reason: err.code, message: `「${base.fileName}」${err.message}` } };
  throw err;
}

/** Check an opened file against what is stored now (versions, assignments, the domain rule) and work out the changes. */
async function evaluate(ctx: HandlerContext, opened: OpenedFile): Promise<CheckedFile> {
  const fileName = opened.fileName;
  if (opened.error !== undefined || !opened.res) return refusal(opened, opened.error);
  const base = { uploadId: opened.uploadId, alreadyApplied: false, changes: [] as ResultFilePreview['changes'] };
  try {
    const res = opened.res;
    const sha256 = opened.sha256!;
    const part = await ctx.store.readKeyed('scores', opened.batchId!);
    const rec = part.issuedPackages.find((p) => p.packageId === opened.packageId);
    if (!rec) throw new ExchangeError('foreign', `未发出过编号为 ${opened.packageId} 的评审包`);
    const hit: IssuedHit = { record: rec, batchId: opened.batchId! };
    assertBatchAllows(ctx, hit.batchId, 'recordScores');
    if (res.manifest.version < rec.lastResultVersion) {
      throw new ExchangeError('version', `这是第 ${res.manifest.version} 次导出的结果，比已导入的第 ${rec.lastResultVersion} 次旧`);
    }
    const m = res.manifest;
    const alreadyApplied = rec.lastResultSha256 === sha256;
    const experts = ctx.store.read('experts').experts;
    const expertName = experts.find((e) => e.id === m.expertId)?.name ?? m.expertId;
    const template = currentTemplate(part);
    const problems: string[] = [];
    const missing = rec.applicationIds.filter((id) => !res.sheets.some((s) => s.applicationId === id));
    if (missing.length) problems.push(`缺少申报 ${missing.join('、')} 的评分表`);
    for (const s of res.sheets) {
      if (!rec.applicationIds.includes(s.applicationId)) problems.push(`申报 ${s.applicationId} 不在该评审包中`);
      if (s.templateVersion !== m.templateVersion) problems.push(`申报 ${s.applicationId} 的评分表版本与文件不一致`);
    }
    if (m.version === rec.lastResultVersion && !alreadyApplied)
      problems.push(`第 ${m.version} 次导出的结果已导入过，但这份文件内容不同；请让专家重新导出（版本号会增加）`);
    // Sheets identical to what is stored are left alone; the rest get a version above the stored one.
    const apps = await allApplications(ctx, hit.batchId);
    const unitName = (id: string) => apps.find((a) => a.id === id)?.applicant.name ?? id;
    const toRecord: SheetSubmission[] = [];
    const changes: ResultFilePreview['changes'] = [];
    for (const s of res.sheets) {
      const stored = currentSheet(part, s.applicationId, m.expertId);
      const diff = diffSheets(stored, { ...s, signedOn: stored?.signedOn }, template);
      const contentSame = stored !== undefined && diff.changes.every((c) => c.field === 'signedOn');
      changes.push({
        applicationId: s.applicationId,
        unitName: unitName(s.applicationId),
        kind: !stored ? 'new' : contentSame ? 'unchanged' : 'changed',
        changes: contentSame
          ? []
          : diff.changes
              .filter((c) => c.field !== 'signedOn')
              .map((c) => ({ label: c.label, before: show(c.before), after: show(c.after) })),
      });
      if (!contentSame) toRecord.push({ ...s, version: Math.max(m.version, (stored?.version ?? 0) + 1) });
    }
    if (!problems.length) {
      const plan = planExpertSheets(part, experts, m.expertId, toRecord);
      problems.push(
        ...plan.problems.map((p) => (toRecord.length > 1 || /^申报/u.test(p) ? p : `申报 ${toRecord[0]?.applicationId ?? ''}：${p}`)),
      );
    }
    const common = {
      ...base,
      fileName,
      packageId: m.packageId,
      expertId: m.expertId,
      expertName,
      batchId: m.batchId,
      version: m.version,
      storedVersion: rec.lastResultVersion,
    };
    if (problems.length) {
      return {
        preview: {
          ...common,
          ok: false,
          reason: 'invalidScores',
          message: `「${fileName}」评分内容有误，未导入：${problems.join('；')}。`,
          changes,
        },
      };
    }
    const n = { new: changes.filter((c) => c.kind === 'new').length, changed: changes.filter((c) => c.kind === 'changed').length };
    const message =
      alreadyApplied || !toRecord.length
        ? `「${fileName}」${expertName}的评分与已导入的相同，导入不会有任何改动。`
        : `「${fileName}」${expertName}第 ${m.version} 次导出的评分：新录入 ${n.new} 份${n.changed ? `，修改 ${n.changed} 份（旧版本保留在历史中）` : ''}${changes.length - n.new - n.changed ? `，${changes.length - n.new - n.changed} 份与已导入相同` : ''}。`;
    return {
      preview: {
        ...common,
        ok: true,
        alreadyApplied: alreadyApplied || (!toRecord.length && m.version === rec.lastResultVersion),
        message,
        changes,
      },
      hit,
      toRecord,
      version: m.version,
      sha256,
    };
  } catch (err) {
    return refusal({ uploadId: base.uploadId, fileName }, err);
  }
}

async function applyOne(ctx: HandlerContext, c: CheckedFile): Promise<ResultFileApplied> {
  if (!c.preview.ok || !c.hit || !c.toRecord) return { ...c.preview, applied: false, recorded: 0 };
  const { hit, toRecord } = c;
  const now = ctx.clock().toISOString();
  const mark = (draft: ReviewPart) => {
    const r = draft.issuedPackages.find((p) => p.packageId === hit.record.packageId);
    if (!r) return;
    r.lastResultVersion = Math.max(r.lastResultVersion, c.version!);
    r.lastResultSha256 = c.sha256!;
    r.lastResultAt = now;
  };
  const versionMoves = c.version! > hit.record.lastResultVersion;
  if (toRecord.length) {
    const r = await recordExpertSheets(ctx, hit.batchId, hit.record.expertId, toRecord, 'package', {
      method: 'results.apply',
      onDraft: mark,
      fileName: c.preview.fileName,
    });
    return { ...c.preview, applied: r.applied > 0, recorded: r.applied };
  }
  if (versionMoves) {
    const checkedMark = (draft: ReviewPart) => {
      assertBatchAllows(ctx, hit.batchId, 'recordScores');
      mark(draft);
    };
    await ctx.store.writeKeyed('scores', hit.batchId, checkedMark, () => ({
      method: 'results.apply',
      entity: `scores:${hit.batchId}:${hit.record.expertId}`,
      summary: `导入评分结果文件「${c.preview.fileName}」：${c.preview.expertName ?? ''}第 ${c.version!} 次导出，评分与已导入的相同，未改动评分`,
    }));
  }
  return { ...c.preview, alreadyApplied: true, applied: false, recorded: 0 };
}

export const resultFileHandlers: AreaHandlers<'results.preview' | 'results.apply'> = {
  'results.preview': async (input, ctx) => {
    const out: ResultFilePreview[] = [];
    for (const opened of await openAll(ctx, input.uploadIds)) out.push((await evaluate(ctx, opened)).preview);
    return out;
  },

  'results.apply': async (input, ctx) => {
    const files: ResultFileApplied[] = [];
    // Decrypt in parallel; check and apply one by one (an earlier file may move a stored version).
    for (const opened of await openAll(ctx, input.uploadIds)) {
      const checked = await evaluate(ctx, opened);
      try {
        files.push(await applyOne(ctx, checked));
      } catch (err) {
        if (!(err instanceof DeskError)) throw err;
        files.push({
          ...checked.preview,
          ok: false,
          reason: err.code,
          message: `「${checked.preview.fileName}」${err.message}`,
          applied: false,
          recorded: 0,
        });
      }
    }
    const applied = files.filter((f) => f.applied).length;
    const refused = files.filter((f) => !f.ok).length;
    const unchanged = files.length - applied - refused;
    const message = `共 ${files.length} 个文件：导入 ${applied} 个${unchanged ? `，${unchanged} 个与已导入相同未改动` : ''}${refused ? `，拒绝 ${refused} 个（见各文件原因，未改动任何数据）` : ''}。`;
    return { files, applied, unchanged, refused, message };
  },
};
