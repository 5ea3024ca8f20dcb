/** 离线评审包（秘书处）: packages.export/list/letter; result files are in results.ts, documents in documents.ts. */
import { DeskError } from '../../contract/errors.js';
import type { Application } from '../../contract/applications/entities.js';
import type { ExportedFile } from '../../contract/common.js';
import type { PackageApplication, PackagePayload } from '../../contract/expert.js';
import type { IssuedPackageRecord, IssuedPackageView } from '../../contract/expert-review/packages.js';
import { type ReviewPart } from '../../contract/expert-review/scoring.js';
import { bureauDate } from '../../domain/clock.js';
import { materialItem } from '../../domain/materials.js';
import { deriveResultKey, formatCode, newOneTimeCode } from '../../exchange/crypto.js';
import { packageFileName, writePackage } from '../../exchange/package.js';
import type { Progress } from '../../exchange/atomic-file.js';
import { renderReviewTaskLetter } from '../../documents/pdf/review-task-letter.js';
import { bureauDateOf } from '../../domain/bureau-time.js';
import { deadlineAfter } from '../../domain/working-days.js';
import { workingCalendar } from '../../services/calendar.js';
import { templateForIssue, templateText } from '../../services/templates.js';
import { writeExport } from '../../store/exports.js';
import { allApplications, batchLabel, findBatch, operator } from '../applications/store.js';
import { disclosureLabel, officialFormat } from '../../domain/document-kinds.js';
import { findExpert } from './experts.js';
import { currentTemplate, reviewPartOf } from './score-sheets.js';
import { reviewDocumentHandlers } from './documents.js';
import { resultFileHandlers } from './results.js';
import type { AreaHandlers, HandlerContext } from '../types.js';
import { assertBatchAllows } from '../batch-state.js';

type Methods =
  | 'packages.export'
  | 'packages.list'
  | 'packages.letter'
  | 'results.preview'
  | 'results.apply'
  | 'scoring.sheetsPdf'
  | 'scoring.summaryPdf'
  | 'scoring.summaryXlsx';

const PHASE_LABEL: Record<Progress['phase'], string> = { pack: '打包评审材料', encrypt: '加密评审包', write: '写入评审包' };

/** The accepted applications an expert reviews (active assignments only: no conflict, no recusal). */
async function assignedApplications(
  ctx: HandlerContext,
  part: Readonly<ReviewPart>,
  batchId: string,
  expertId: string,
): Promise<Application[]> {
  const ids = new Set(part.assignments.filter((a) => a.expertId === expertId && a.status === 'active').map((a) => a.applicationId));
  return (await allApplications(ctx, batchId)).filter((a) => ids.has(a.id) && a.status === 'accepted');
}

function packageApplication(app: Application): PackageApplication {
  return {
    id: app.id,
    unitName: app.applicant.name,
    centerName: app.proposedCenterName,
    applicant: {
      name: app.applicant.name,
      uscc: app.applicant.uscc,
      district: app.applicant.district,
      industry: app.applicant.industry,
      address: app.applicant.address,
    },
    ipFigures: structuredClone(app.ipFigures),
    team: structuredClone(app.team),
    office: structuredClone(app.office),
    narrative: app.narrative,
    materials: app.materials
      .filter((m) => m.files.length)
      .map((m) => ({
        no: m.no,
        title: materialItem(m.no)?.title ?? `材料${m.no}`,
        files: m.files.map((f) => ({ sha256: f.sha256, name: f.name, size: f.size, kind: f.kind })),
      })),
  };
}

function issuedView(ctx: HandlerContext, part: Readonly<ReviewPart>, r: IssuedPackageRecord): IssuedPackageView {
  const latest = part.issuedPackages.filter((p) => p.expertId === r.expertId).at(-1)?.packageId === r.packageId;
  const name = ctx.store.read('experts').experts.find((e) => e.id === r.expertId)?.name ?? r.expertId;
  return {
    packageId: r.packageId,
    expertId: r.expertId,
    expertName: name,
    batchId: r.batchId,
    templateVersion: r.templateVersion,
    oneTimeCode: r.code,
    issuedAt: r.issuedAt,
    applicationCount: r.applicationIds.length,
    lastResultVersion: r.lastResultVersion,
    ...(r.lastResultAt ? { lastResultAt: r.lastResultAt } : {}),
    latest,
  };
}

// ---------------------------------------------------------------------------------------------
// Result files: each checked on its own.

export const reviewPackageHandlers: AreaHandlers<Methods> = {
  'packages.export': async (input, ctx) => {
    const batch = assertBatchAllows(ctx, input.batchId, 'exportPackage');
    const expert = findExpert(ctx, input.expertId);
    const part = await reviewPartOf(ctx, batch.id);
    const now = ctx.clock().toISOString();
    const template = structuredClone(currentTemplate(part, now));
    const apps = await assignedApplications(ctx, part, batch.id, expert.id);
    if (!apps.length)
      throw new DeskError(
        'RULE_VIOLATION',
        `${expert.name}在${batchLabel(batch)}没有待评审的申报（未分配、已回避或存在利益冲突），无需导出评审包。`,
      );
    const taskId = `packages.export:${batch.id}:${expert.id}:${now}`;
    const label = `导出评审包：${expert.name}`;
    const attachments = ctx.store.attachments;
    const applications = apps.map(packageApplication);
    const shas = [...new Set(applications.flatMap((a) => a.materials.flatMap((m) => m.files.map((f) => f.sha256))))];
    ctx.emit('progress', { taskId, label: '读取评审材料', done: 0, total: shas.length });
    const files: { path: string; data: Buffer }[] = [];
    for (const sha of shas) {
      try {
        files.push({ path: sha, data: await attachments.read(sha) });
      } catch {
        const owner = applications.find((a) => a.materials.some((m) => m.files.some((f) => f.sha256 === sha)));
        const name = owner?.materials.flatMap((m) => m.files).find((f) => f.sha256 === sha)?.name ?? sha;
        throw new DeskError(
          'NOT_FOUND',
          `“${owner?.unitName ?? ''}”的附件“${name}”在数据文件夹中找不到，评审包未导出。请重新上传该附件后再导出。`,
        );
      }
      ctx.emit('progress', { taskId, label: '读取评审材料', done: files.length, total: shas.length });
    }
    const payload: PackagePayload = {
      batchId: batch.id,
      batchTitle: batchLabel(batch),
      expertId: expert.id,
      expertName: expert.name,
      template,
      applications,
    };
    const code = newOneTimeCode();
    const fileName = packageFileName(expert.name, batch.id);
    // Encrypt into memory, then write through the exports folder (temp name + rename, never overwriting).
    const written = await ctx.tasks.run(taskId, label, (signal) =>
      writePackage({
        meta: { batchId: batch.id, expertId: expert.id, expertName: expert.name, templateVersion: template.version, createdAt: now },
        payload,
        files,
        code,
        signal,
        onProgress: (p) => ctx.emit('progress', { taskId, label: `${label}（${PHASE_LABEL[p.phase]}）`, done: p.done, total: p.total }),
      }),
    );
    const file = await writeExport(ctx.store.dirs.exports, fileName, written.container!);
    ctx.emit('progress', { taskId, label, done: 1, total: 1 });
    // The letter that goes with the package is worded by the template version current now (reprints keep it).
    const letterTemplate = await templateForIssue(ctx, 'reviewTaskLetter', 'packages.export');
    const record: IssuedPackageRecord = {
      packageId: written.manifest.packageId,
      expertId: expert.id,
      batchId: batch.id,
      templateVersion: template.version,
      code: formatCode(code),
      secret: written.packageSecret,
      issuedAt: now,
      issuedBy: operator(ctx),
      applicationIds: apps.map((a) => a.id),
      letterTemplateVersion: letterTemplate.version,
      lastResultVersion: 0,
      resultKey: (await deriveResultKey(code, written.manifest.packageId)).toString('hex'),
    };
    await ctx.store.writeKeyed(
      'scores',
      batch.id,
      (draft) => {
        assertBatchAllows(ctx, batch.id, 'exportPackage');
        if (!draft.templates.length) draft.templates.push(template);
        draft.issuedPackages.push(record);
      },
      () => ({
        method: 'packages.export',
        entity: `scores:${batch.id}:${expert.id}`,
        summary: `导出评审包：${expert.name}，${batchLabel(batch)}，${apps.length}份申报，${files.length}个材料文件（评审包 ${record.packageId}）`,
        after: {
          packageId: record.packageId,
          applicationIds: record.applicationIds,
          templateVersion: record.templateVersion,
          file: file.fileName,
        },
      }),
    );
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
    const settings = ctx.store.read('settings').settings;
    const { bureauName } = settings;
    const today = bureauDate(ctx.clock());
    // 交回期限: as given, else the settings' working days after the package was issued (default 10).
    const returnBy =
      input.deadline ?? deadlineAfter(bureauDateOf(rec.issuedAt), settings.reviewReturnWorkingDays ?? 10, workingCalendar(ctx));
    const byId = new Map((await allApplications(ctx, batch.id)).map((a) => [a.id, a]));
    const pdf = await renderReviewTaskLetter({
      authority: bureauName,
      expertName: expert.name,
      batchLabel: batchLabel(batch),
      applications: rec.applicationIds.map((id) => {
        const a = byId.get(id);
        return { unitName: a?.applicant.name ?? id, centerName: a?.proposedCenterName ?? '' };
      }),
      packageFile: packageFileName(expert.name, batch.id),
      packageId: rec.packageId,
      code: rec.code,
      returnBy,
      issuedOn: today,
      format: officialFormat(settings, 'reviewTaskLetter', today),
      template: templateText(ctx, 'reviewTaskLetter', rec.letterTemplateVersion).parts,
      facts: settings,
      disclosure: disclosureLabel(settings, 'reviewTaskLetter'),
      output: input.fileType,
    });
    return writeExport(ctx.store.dirs.exports, `评审任务通知单-${expert.name}-${batchLabel(batch)}.${input.fileType}`, pdf);
  },

  ...resultFileHandlers,
  ...reviewDocumentHandlers,
};
