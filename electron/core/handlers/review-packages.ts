/** 离线评审包（秘书处）: packages.export/list/letter, results.preview/apply, review documents. */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { z } from 'zod';
import { DeskError } from '../contract/errors.js';
import type { Application } from '../contract/applications.js';
import type { ExportedFile } from '../contract/common.js';
import type { PackageApplication, PackagePayload } from '../contract/expert-mode.js';
import type { IssuedPackageRecord, IssuedPackageView, ResultFileApplied, ResultFilePreview } from '../contract/review-packages.js';
import { SheetSubmission, type ReviewPart } from '../contract/review-scoring.js';
import { bureauDate } from '../domain/clock.js';
import { materialItem } from '../domain/materials.js';
import { containerKind, deriveResultKey, formatCode, newOneTimeCode } from '../exchange/crypto.js';
import { ExchangeError } from '../exchange/errors.js';
import { packageFileName, writePackage } from '../exchange/package.js';
import type { Progress } from '../exchange/atomic-file.js';
import { readResult, resultPackageId, type ResultManifest } from '../exchange/result.js';
import { renderNotice } from '../documents/pdf/notice.js';
import { Attachments } from '../store/attachments.js';
import { writeExport } from '../store/exports.js';
import { findUpload } from '../store/uploads.js';
import { allApplications, batchLabel, findBatch, operator } from './application-store.js';
import { findExpert } from './experts.js';
import { currentSheet, currentTemplate, diffSheets, planExpertSheets, recordExpertSheets, reviewPartOf } from './score-sheets.js';
import { reviewDocumentHandlers } from './review-documents.js';
import type { AreaHandlers, HandlerContext } from './types.js';

type Methods =
  | 'packages.export' | 'packages.list' | 'packages.letter' | 'results.preview' | 'results.apply'
  | 'scoring.sheetsPdf' | 'scoring.summaryPdf' | 'scoring.summaryXlsx';

/** scrypt runs on the libuv pool (4 threads by default). */
const OPEN_CONCURRENCY = 4;

const PHASE_LABEL: Record<Progress['phase'], string> = { pack: '打包评审材料', encrypt: '加密评审包', write: '写入评审包' };

/** The accepted applications an expert reviews (active assignments only: no conflict, no recusal). */
async function assignedApplications(ctx: HandlerContext, part: Readonly<ReviewPart>, batchId: string, expertId: string): Promise<Application[]> {
  const ids = new Set(part.assignments.filter((a) => a.expertId === expertId && a.status === 'active').map((a) => a.applicationId));
  return (await allApplications(ctx, batchId)).filter((a) => ids.has(a.id) && a.status === 'accepted');
}

function packageApplication(app: Application): PackageApplication {
  return {
    id: app.id,
    unitName: app.applicant.name,
    centerName: app.proposedCenterName,
    applicant: { name: app.applicant.name, uscc: app.applicant.uscc, district: app.applicant.district, industry: app.applicant.industry, address: app.applicant.address },
    ipFigures: structuredClone(app.ipFigures),
    team: structuredClone(app.team),
    office: structuredClone(app.office),
    narrative: app.narrative,
    materials: app.materials
      .filter((m) => m.files.length)
      .map((m) => ({ no: m.no, title: materialItem(m.no)?.title ?? `材料${m.no}`, files: m.files.map((f) => ({ sha256: f.sha256, name: f.name, size: f.size, kind: f.kind })) })),
  };
}

function issuedView(ctx: HandlerContext, part: Readonly<ReviewPart>, r: IssuedPackageRecord): IssuedPackageView {
  const latest = part.issuedPackages.filter((p) => p.expertId === r.expertId).at(-1)?.packageId === r.packageId;
  const name = ctx.store.read('experts').experts.find((e) => e.id === r.expertId)?.name ?? r.expertId;
  return {
    packageId: r.packageId, expertId: r.expertId, expertName: name, batchId: r.batchId, templateVersion: r.templateVersion, oneTimeCode: r.code,
    issuedAt: r.issuedAt, applicationCount: r.applicationIds.length, lastResultVersion: r.lastResultVersion,
    ...(r.lastResultAt ? { lastResultAt: r.lastResultAt } : {}), latest,
  };
}

// ---------------------------------------------------------------------------------------------
// Result files: each checked on its own.

interface IssuedHit { record: IssuedPackageRecord; batchId: string }

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
      lookupSecret: (id) => (id === rec.packageId ? { secret: rec.secret, batchId: rec.batchId, expertId: rec.expertId, templateVersion: rec.templateVersion } : undefined),
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
  if (err instanceof DeskError) return { preview: { ...empty, ok: false, reason: err.code, message: `「${base.fileName}」${err.message}` } };
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
    if (m.version === rec.lastResultVersion && !alreadyApplied) problems.push(`第 ${m.version} 次导出的结果已导入过，但这份文件内容不同；请让专家重新导出（版本号会增加）`);
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
        applicationId: s.applicationId, unitName: unitName(s.applicationId), kind: !stored ? 'new' : contentSame ? 'unchanged' : 'changed',
        changes: contentSame ? [] : diff.changes.filter((c) => c.field !== 'signedOn').map((c) => ({ label: c.label, before: show(c.before), after: show(c.after) })),
      });
      if (!contentSame) toRecord.push({ ...s, version: Math.max(m.version, (stored?.version ?? 0) + 1) });
    }
    if (!problems.length) {
      const plan = planExpertSheets(part, experts, m.expertId, toRecord);
      problems.push(...plan.problems.map((p) => (toRecord.length > 1 || /^申报/u.test(p) ? p : `申报 ${toRecord[0]?.applicationId ?? ''}：${p}`)));
    }
    const common = { ...base, fileName, packageId: m.packageId, expertId: m.expertId, expertName, batchId: m.batchId, version: m.version, storedVersion: rec.lastResultVersion };
    if (problems.length) {
      return { preview: { ...common, ok: false, reason: 'invalidScores', message: `「${fileName}」评分内容有误，未导入：${problems.join('；')}。`, changes } };
    }
    const n = { new: changes.filter((c) => c.kind === 'new').length, changed: changes.filter((c) => c.kind === 'changed').length };
    const message = alreadyApplied || !toRecord.length
      ? `「${fileName}」${expertName}的评分与已导入的相同，导入不会有任何改动。`
      : `「${fileName}」${expertName}第 ${m.version} 次导出的评分：新录入 ${n.new} 份${n.changed ? `，修改 ${n.changed} 份（旧版本保留在历史中）` : ''}${changes.length - n.new - n.changed ? `，${changes.length - n.new - n.changed} 份与已导入相同` : ''}。`;
    return { preview: { ...common, ok: true, alreadyApplied: alreadyApplied || !toRecord.length && m.version === rec.lastResultVersion, message, changes }, hit, toRecord, version: m.version, sha256 };
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
    const r = await recordExpertSheets(ctx, hit.batchId, hit.record.expertId, toRecord, 'package', { method: 'results.apply', onDraft: mark, fileName: c.preview.fileName });
    return { ...c.preview, applied: r.applied > 0, recorded: r.applied };
  }
  if (versionMoves) {
    await ctx.store.writeKeyed('scores', hit.batchId, mark, () => ({
      method: 'results.apply', entity: `scores:${hit.batchId}:${hit.record.expertId}`,
      summary: `导入评分结果文件「${c.preview.fileName}」：${c.preview.expertName ?? ''}第 ${c.version!} 次导出，评分与已导入的相同，未改动评分`,
    }));
  }
  return { ...c.preview, alreadyApplied: true, applied: false, recorded: 0 };
}

export const reviewPackageHandlers: AreaHandlers<Methods> = {
  'packages.export': async (input, ctx) => {
    const batch = findBatch(ctx, input.batchId);
    const expert = findExpert(ctx, input.expertId);
    const part = await reviewPartOf(ctx, batch.id);
    const now = ctx.clock().toISOString();
    const template = structuredClone(currentTemplate(part, now));
    const apps = await assignedApplications(ctx, part, batch.id, expert.id);
    if (!apps.length) throw new DeskError('RULE_VIOLATION', `${expert.name}在${batchLabel(batch)}没有待评审的申报（未分配、已回避或存在利益冲突），无需导出评审包。`);
    const taskId = `packages.export:${batch.id}:${expert.id}:${now}`;
    const label = `导出评审包：${expert.name}`;
    const attachments = new Attachments(ctx.store.dirs.files);
    const applications = apps.map(packageApplication);
    const shas = [...new Set(applications.flatMap((a) => a.materials.flatMap((m) => m.files.map((f) => f.sha256))))];
    ctx.emit('progress', { taskId, label: '读取评审材料', done: 0, total: shas.length });
    const files: { path: string; data: Buffer }[] = [];
    for (const sha of shas) {
      try {
        files.push({ path: sha, data: await fs.readFile(attachments.pathOf(sha)) });
      } catch {
        const owner = applications.find((a) => a.materials.some((m) => m.files.some((f) => f.sha256 === sha)));
        const name = owner?.materials.flatMap((m) => m.files).find((f) => f.sha256 === sha)?.name ?? sha;
        throw new DeskError('NOT_FOUND', `“${owner?.unitName ?? ''}”的附件“${name}”在数据文件夹中找不到，评审包未导出。请重新上传该附件后再导出。`);
      }
      ctx.emit('progress', { taskId, label: '读取评审材料', done: files.length, total: shas.length });
    }
    const payload: PackagePayload = { batchId: batch.id, batchTitle: batchLabel(batch), expertId: expert.id, expertName: expert.name, template, applications };
    const code = newOneTimeCode();
    const fileName = packageFileName(expert.name, batch.id);
    // Encrypt into memory, then write through the exports folder (temp name + rename, never overwriting).
    const written = await writePackage({
      meta: { batchId: batch.id, expertId: expert.id, expertName: expert.name, templateVersion: template.version, createdAt: now },
      payload, files, code,
      onProgress: (p) => ctx.emit('progress', { taskId, label: `${label}（${PHASE_LABEL[p.phase]}）`, done: p.done, total: p.total }),
    });
    const file = await writeExport(ctx.store.dirs.exports, fileName, written.container!);
    ctx.emit('progress', { taskId, label, done: 1, total: 1 });
    const record: IssuedPackageRecord = {
      packageId: written.manifest.packageId, expertId: expert.id, batchId: batch.id, templateVersion: template.version, code: formatCode(code),
      secret: written.packageSecret, issuedAt: now, issuedBy: operator(ctx), applicationIds: apps.map((a) => a.id), lastResultVersion: 0,
      resultKey: (await deriveResultKey(code, written.manifest.packageId)).toString('hex'),
    };
    await ctx.store.writeKeyed('scores', batch.id, (draft) => {
      if (!draft.templates.length) draft.templates.push(template);
      draft.issuedPackages.push(record);
    }, () => ({
      method: 'packages.export', entity: `scores:${batch.id}:${expert.id}`,
      summary: `导出评审包：${expert.name}，${batchLabel(batch)}，${apps.length}份申报，${files.length}个材料文件（评审包 ${record.packageId}）`,
      after: { packageId: record.packageId, applicationIds: record.applicationIds, templateVersion: record.templateVersion, file: file.fileName },
    }));
    return { file, oneTimeCode: record.code, packageId: record.packageId, applicationCount: apps.length, materialFileCount: files.length };
  },

  'packages.list': async (input, ctx) => {
    const part = await reviewPartOf(ctx, input.batchId);
    return part.issuedPackages.map((r) => issuedView(ctx, part, r));
  },

  'packages.letter': async (input, ctx): Promise<ExportedFile> => {
    const batch = findBatch(ctx, input.batchId);
    const expert = findExpert(ctx, input.expertId);
    const part = await reviewPartOf(ctx, batch.id);
    const rec = part.issuedPackages.find((p) => p.packageId === input.packageId && p.expertId === expert.id);
    if (!rec) throw new DeskError('NOT_FOUND', `没有发给${expert.name}的编号为 ${input.packageId} 的评审包，请刷新后重试。`);
    const { bureauName } = ctx.store.read('settings').settings;
    const today = bureauDate(ctx.clock());
    const deadline = input.deadline ? `请于${input.deadline.replace(/^(\d{4})-(\d{2})-(\d{2})$/u, (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`)}前将评分结果文件交回秘书处。` : '请在约定时间内将评分结果文件交回秘书处。';
    const pdf = await renderNotice({
      authority: bureauName,
      title: '评审任务通知单',
      addressee: `${expert.name}专家`,
      paragraphs: [
        `您好！${batchLabel(batch)}福州市产业知识产权协同保护与运营中心认定评审工作已启动，请您评审 ${rec.applicationIds.length} 份申报材料。评审材料已制作为加密评审包（${packageFileName(expert.name, batch.id)}），由工作人员以U盘交给您。`,
        `一、一次性口令：${rec.code}`,
        '二、使用方法：（一）将U盘插入您的电脑；（二）打开“产业知识产权中心认定工作台”，选择“专家模式”；（三）点击“导入评审包”，选择U盘中的评审包文件；（四）输入上述一次性口令。导入后即可阅读材料并逐项评分，系统会即时检查分值是否在范围内、是否符合评分步长。',
        `三、评分完成后，在专家模式中点击“导出评分结果”，将生成的评分结果文件（.ipcdres）拷入U盘交回秘书处。${deadline}导出后可选择清除本机上的评审包和草稿。`,
        '四、保密提醒：本通知单与U盘请分开保管、分开传递，切勿将口令写在U盘上或与U盘放在一起。评审包遗失时请立即告知秘书处，秘书处将重新发放评审包和口令。',
        `评审包编号：${rec.packageId}`,
      ],
      signer: bureauName,
      date: today,
    });
    return writeExport(ctx.store.dirs.exports, `评审任务通知单-${expert.name}-${batch.id}.pdf`, pdf);
  },

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
        files.push({ ...checked.preview, ok: false, reason: err.code, message: `「${checked.preview.fileName}」${err.message}`, applied: false, recorded: 0 });
      }
    }
    const applied = files.filter((f) => f.applied).length;
    const refused = files.filter((f) => !f.ok).length;
    const unchanged = files.length - applied - refused;
    const message = `共 ${files.length} 个文件：导入 ${applied} 个${unchanged ? `，${unchanged} 个与已导入相同未改动` : ''}${refused ? `，拒绝 ${refused} 个（见各文件原因，未改动任何数据）` : ''}。`;
    return { files, applied, unchanged, refused, message };
  },

  ...reviewDocumentHandlers,
};
